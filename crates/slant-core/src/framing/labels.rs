//! Labels: epithets and titles attached to a referent — "Genocidal Chinese
//! dictator Xi Jinping", "the Russian propaganda outlet RT", "respected
//! statesman".

use super::{words, Aim, Cand, Ctx};
use crate::model::CueKind;
use crate::resources::lexicon::LabelPos;

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
    if inside_longer_name(ctx, first, end) {
        return Outcome::NotALabel;
    }
    if pos == LabelPos::Adj && !describes_referent(ctx, end) {
        return Outcome::NotALabel;
    }
    let reason = reason(polarity);
    let first = if pos == LabelPos::Noun { extend_left(ctx, first) } else { first };
    let end = if pos == LabelPos::Adj { super::loaded::extend_over_noun(ctx, end) } else { end };
    Outcome::Label(Cand { first, end, kind: CueKind::Label, polarity, reason, aim: Aim::NounPhrase, rule: None })
}

/// Whether tokens `first..end` are part of a longer name ("the Communist
/// Party", "Radical Youth"): a word of a name names, it does not label.
/// A name made only of label words is a capitalised epithet and stays one.
fn inside_longer_name(ctx: &Ctx, first: usize, end: usize) -> bool {
    let Some(m) = ctx.mention_at(first) else { return false };
    // a headline-case run of epithets ("Ruthless Tyrant") is no name
    let plain_word =
        (m.first..m.end).any(|k| (k < first || k >= end) && ctx.roles(k).is_none_or(|r| r.label.is_none()));
    first > 0 && (m.end > end || m.first < first) && plain_word
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
    if part_of_name(ctx, i) {
        return false;
    }
    for _ in 0..4 {
        if ctx.mention_at(i).is_some() {
            return true;
        }
        if !ctx.is_word(i) {
            // "state-run" is one token; other punctuation ends the phrase
            return false;
        }
        let w = ctx.word(i);
        if ctx.is_function_word(i) {
            return false;
        }
        if ctx.cap(i) || words::is_referent_noun(w) || ctx.roles(i).is_some_and(|r| r.label.is_some()) {
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

/// Whether an emotive word ending before token `i` characterises a referent:
/// it modifies a name or a word for people or institutions ("clueless
/// officials", "reckless, clueless officials"), or it is the predicate noun or
/// adjective said of someone ("he is a coward", "described him as a fraud").
/// A verb between a subject and its object ("Rome invaded Gaul") is neither.
pub(crate) fn names_referent(ctx: &Ctx, i: usize) -> bool {
    let Some(cue) = i.checked_sub(1) else { return false };
    if after_subject(ctx, cue) {
        return false;
    }
    let mut j = i;
    // coordinated adjectives: "reckless, clueless officials"
    for _ in 0..3 {
        let next_is_emotive = ctx.is_punct(j, ',') && ctx.roles(j + 1).is_some_and(|r| r.valence.is_some());
        if !next_is_emotive {
            break;
        }
        j += 2;
    }
    if ctx.mention_at(j).is_some() || (ctx.is_word(j) && words::is_referent_noun(ctx.word(j))) {
        return true;
    }
    predicate_complement(ctx, cue)
}

/// Whether the word at `cue` directly follows a name or a subject pronoun, so
/// that it reads as the clause's verb rather than as a modifier.
fn after_subject(ctx: &Ctx, cue: usize) -> bool {
    let Some(prev) = cue.checked_sub(1) else { return false };
    ctx.mention_at(prev).is_some()
        || (ctx.is_word(prev) && matches!(ctx.word(prev), "he" | "she" | "they" | "it" | "we" | "who" | "which"))
}

/// Whether the word at `cue` is the predicate said of a referent: after "is a",
/// "as a", "called", "dubbed" ... with at most an article, a quotation mark
/// and one further modifier in between.
fn predicate_complement(ctx: &Ctx, cue: usize) -> bool {
    let mut i = cue;
    let mut article = false;
    for _ in 0..4 {
        let Some(prev) = i.checked_sub(1) else { return false };
        i = prev;
        if ctx.is_punct(i, '“') || ctx.is_punct(i, '"') {
            continue;
        }
        if !ctx.is_word(i) || ctx.mention_at(i).is_some() {
            return false;
        }
        let w = ctx.word(i);
        if matches!(w, "a" | "an") {
            article = true;
            continue;
        }
        if words::is_naming_verb(w) || (w == "as" && article) {
            return true;
        }
        if words::is_copula(w) {
            return article && subject_is_referent(ctx, i);
        }
        if words::is_function_word(w) || ctx.cap(i) {
            return false;
        }
    }
    false
}

/// Whether the word before the copula at `copula` is a name, a personal
/// pronoun or a word for people ("the senator is a coward", not "the plan was
/// a disastrous failure").
fn subject_is_referent(ctx: &Ctx, copula: usize) -> bool {
    let Some(s) = copula.checked_sub(1) else { return false };
    ctx.mention_at(s).is_some()
        || (ctx.is_word(s)
            && (matches!(ctx.word(s), "he" | "she" | "they" | "who" | "you") || words::is_referent_noun(ctx.word(s))))
}

/// Whether a capitalised word at `i - 1` and the capitalised word at `i` that
/// follows it, inside a sentence, together form a proper name ("the Communist
/// Party", "the Radical Left Caucus"): then the adjective names, not labels.
fn part_of_name(ctx: &Ctx, i: usize) -> bool {
    let Some(adj) = i.checked_sub(1) else { return false };
    let cap = |k: usize| ctx.cap(k) && ctx.is_word(k);
    adj > 0 && cap(adj) && cap(i) && ctx.mention_at(i).is_none()
}

/// Extends a noun label's span left over the adjectives before it ("radical leftist [boss]").
fn extend_left(ctx: &Ctx, first: usize) -> usize {
    let mut f = first;
    for _ in 0..2 {
        let Some(p) = f.checked_sub(1) else { break };
        if p >= ctx.toks.len() || !ctx.is_word(p) || ctx.mention_at(p).is_some() {
            break;
        }
        let w = ctx.word(p);
        if words::is_function_word(w) || (ctx.cap(p) && p > 0) || w.ends_with("ly") {
            break;
        }
        f = p;
    }
    f
}
