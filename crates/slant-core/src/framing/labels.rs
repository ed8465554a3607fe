//! Labels: epithets and titles attached to a referent — "Genocidal Chinese
//! dictator Xi Jinping", "the Russian propaganda outlet RT", "respected
//! statesman".

use super::lexicon::LabelPos;
use super::{words, Aim, Cand, Ctx};
use crate::model::CueKind;

/// What a label word turned out to be in context.
pub(crate) enum Outcome {
    Label(Cand),
    /// "not a dictator": a denied label frames nobody.
    Negated,
    /// An adjective that does not describe a referent here ("radical changes").
    NotALabel,
}

/// A label cue at tokens `first..end`.
pub(crate) fn candidate(ctx: &Ctx, first: usize, end: usize, polarity: f32, pos: LabelPos) -> Outcome {
    if negated(ctx, first) {
        return Outcome::Negated;
    }
    if pos == LabelPos::Adj && !describes_referent(ctx, end) {
        return Outcome::NotALabel;
    }
    let reason = reason(polarity);
    let first = if pos == LabelPos::Noun { extend_left(ctx, first) } else { first };
    let end = if pos == LabelPos::Adj { super::loaded::extend_over_noun(ctx, end) } else { end };
    Outcome::Label(Cand { first, end, kind: CueKind::Label, polarity, reason, aim: Aim::NounPhrase })
}

/// "not a", "no", "never a", "isn't a" shortly before the label.
fn negated(ctx: &Ctx, first: usize) -> bool {
    let mut i = first;
    for _ in 0..3 {
        let Some(prev) = i.checked_sub(1) else { return false };
        i = prev;
        let w = ctx.word(i);
        if matches!(w, "not" | "no" | "never" | "isn't" | "wasn't" | "aren't" | "weren't" | "hardly" | "nor") {
            return true;
        }
        if !matches!(w, "a" | "an" | "the" | "really" | "exactly" | "at" | "all" | "some" | "any") {
            return false;
        }
    }
    false
}

/// Whether the words after an adjective lead to a name or a word for people
/// or institutions within a short noun phrase.
fn describes_referent(ctx: &Ctx, mut i: usize) -> bool {
    for _ in 0..4 {
        if ctx.mention_at(i).is_some() {
            return true;
        }
        let Some(tok) = ctx.toks.get(i) else { return false };
        if !ctx.is_word(i) {
            // "state-run" is one token; other punctuation ends the phrase
            return false;
        }
        let w = ctx.word(i);
        if words::is_function_word(w) {
            return false;
        }
        if tok.cap || words::is_referent_noun(w) || ctx.roles(i).is_some_and(|r| r.label.is_some()) {
            return true;
        }
        i += 1;
    }
    false
}

/// The reason shown for a label of `polarity`.
pub(crate) fn reason(polarity: f32) -> &'static str {
    if polarity < 0.0 {
        "pejorative label attached to the name"
    } else {
        "favourable label attached to the name"
    }
}

/// Whether the word at `i` is a name or a word for people or institutions.
pub(crate) fn names_referent(ctx: &Ctx, i: usize) -> bool {
    ctx.mention_at(i).is_some() || (ctx.is_word(i) && words::is_referent_noun(ctx.word(i)))
}

/// Extends a noun label's span left over the adjectives before it ("radical leftist [boss]").
fn extend_left(ctx: &Ctx, first: usize) -> usize {
    let mut f = first;
    for _ in 0..2 {
        let Some(p) = f.checked_sub(1) else { break };
        let Some(t) = ctx.toks.get(p) else { break };
        if !ctx.is_word(p) || ctx.mention_at(p).is_some() {
            break;
        }
        let w = ctx.word(p);
        if words::is_function_word(w) || (t.cap && p > 0) || w.ends_with("ly") {
            break;
        }
        f = p;
    }
    f
}
