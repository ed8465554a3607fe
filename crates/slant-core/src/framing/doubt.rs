//! Doubt: hedges and distancing — "alleged", "so-called", "purportedly",
//! "contrary to extensive evidence" — with the phrase or clause they reach.

use super::{words, Aim, Cand, Ctx};
use crate::model::CueKind;
use crate::resources::lexicon::{Roles, Scope};

/// Longest reach of a doubt cue, in tokens.
const NP_REACH: usize = 4;
const CLAUSE_REACH: usize = 12;

/// A doubt cue at tokens `first..end`, extended over its scope.
pub(crate) fn candidate(
    ctx: &Ctx,
    first: usize,
    end: usize,
    polarity: f32,
    scope: Scope,
    roles: &Roles,
) -> Option<Cand> {
    // "claims" and "alleged" are also reporting verbs: "he claims that", "she alleged that".
    let next = ctx.word(end);
    if roles.attribution.is_some() && (next == "that" || !ctx.is_word(end)) && scope != Scope::Clause {
        return None;
    }
    let reach = match scope {
        Scope::Np => np_end(ctx, end),
        Scope::Clause => clause_end(ctx, end),
        Scope::Word => end,
    };
    Some(Cand {
        first,
        end: reach,
        kind: CueKind::Doubt,
        polarity,
        reason: "casts doubt on what follows",
        aim: Aim::Clause,
        rule: None,
    })
}

/// End of the noun phrase starting at `i`: adjectives, nouns and a quoted phrase.
fn np_end(ctx: &Ctx, mut i: usize) -> usize {
    let start = i;
    let mut end = i;
    while i < ctx.toks.len() && i < start + NP_REACH + 2 {
        if ctx.is_punct(i, '“') || ctx.is_punct(i, '"') {
            // a quoted phrase right after: "an alleged “ceasefire”"
            let close =
                (i + 1..ctx.toks.len().min(i + NP_REACH + 2)).find(|&j| ctx.is_punct(j, '”') || ctx.is_punct(j, '"'));
            return close.map_or(end, |c| c + 1);
        }
        if !ctx.is_word(i) {
            break;
        }
        let w = ctx.word(i);
        if ctx.is_function_word(i) && !(i == start && matches!(w, "the" | "a" | "an")) {
            break;
        }
        i += 1;
        end = i;
        if i - start >= NP_REACH {
            break;
        }
    }
    end
}

/// End of the clause starting at `i`.
fn clause_end(ctx: &Ctx, mut i: usize) -> usize {
    let start = i;
    while i < ctx.toks.len() && i < start + CLAUSE_REACH {
        let t = ctx.toks.get(i);
        let is_boundary = t
            .is_some_and(|t| !ctx.is_word(i) && ctx.text.get(t.start..t.end).is_some_and(words::is_clause_punct))
            || words::is_clause_word(ctx.word(i));
        if is_boundary {
            break;
        }
        i += 1;
    }
    i
}

/// A question the author asks (outside quoted speech) casts doubt: "Is this
/// really a ceasefire?"
pub(crate) fn question(ctx: &Ctx, out: &mut Vec<Cand>) {
    let n = ctx.toks.len();
    let Some(last) = (0..n).rev().find(|&i| !ctx.is_punct(i, '”') && !ctx.is_punct(i, '"') && !ctx.is_punct(i, ')'))
    else {
        return;
    };
    if !ctx.is_punct(last, '?') || ctx.in_speech(last) {
        return;
    }
    let words = (0..last).filter(|&i| ctx.is_word(i)).count();
    if words < 3 {
        return;
    }
    out.push(Cand {
        first: 0,
        end: last + 1,
        kind: CueKind::Doubt,
        polarity: -0.2,
        reason: "a question from the author casts doubt",
        aim: Aim::None,
        rule: None,
    });
}
