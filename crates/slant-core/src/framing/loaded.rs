//! Loaded wording: emotive and judgemental words, scored on VADER's scale with
//! VADER's rules for negation ("not a threat") and intensifiers ("utterly
//! reckless").

use super::{Aim, Cand, Ctx};
use crate::model::CueKind;
use crate::resources::lexicon::{Feeling, Modifier, Roles};

/// A word from VADER's general lexicon makes a cue from this |valence| up;
/// words of our own loaded list always do. Measured on the development sets
/// (BABE, PTC) as a whole: lower lets ordinary evaluative words through.
pub(crate) const VADER_MIN: f32 = 2.5;
/// VADER's booster increment and negation scalar (Hutto & Gilbert 2014).
const BOOST: f32 = 0.293;
const NEGATION: f32 = -0.74;
/// How many words back a negation or booster reaches (as in VADER).
const REACH: usize = 3;

/// A loaded cue at tokens `first..end`, if the wording carries enough valence.
pub(crate) fn candidate(ctx: &Ctx, first: usize, end: usize, roles: &Roles) -> Option<Cand> {
    let base = roles.valence?;
    if ctx.mention_at(first).is_some() {
        return None;
    }
    // A capitalised word inside the sentence is usually part of a name ("Justice Department").
    let proper = first > 0 && ctx.cap(first) && !roles.curated && roles.label.is_none();
    if proper {
        return None;
    }
    let mut valence = base;
    let mut span_first = first;
    let mut boosted = false;
    let mut i = first;
    for step in 0..REACH {
        let Some(prev) = i.checked_sub(1) else { break };
        i = prev;
        if !ctx.is_word(i) {
            break;
        }
        let Some(m) = ctx.roles(i).and_then(|r| r.modifier) else { continue };
        let factor = 1.0 - 0.05 * step as f32;
        match m {
            Modifier::Negation => {
                valence *= NEGATION;
                span_first = i;
            }
            Modifier::Booster => {
                valence += base.signum() * BOOST * factor;
                boosted = true;
                if step == 0 {
                    span_first = i;
                }
            }
            Modifier::Dampener => valence -= base.signum() * BOOST * factor,
        }
    }
    let strong_enough = if roles.curated {
        valence.abs() >= 0.5
    } else if roles.news_neutral {
        boosted && valence.abs() >= VADER_MIN + BOOST
    } else {
        valence.abs() >= VADER_MIN
    };
    if !strong_enough {
        return None;
    }
    let negated = valence.signum() != base.signum();
    let reason = match (negated, valence < 0.0) {
        (true, _) => "emotive wording, negated",
        (false, true) => "emotive wording with a negative charge",
        (false, false) => "emotive wording with a positive charge",
    };
    let end = extend_over_noun(ctx, end);
    // what someone feels or how they judge is not how the author frames them
    let aim = match roles.feeling {
        Some(Feeling::Feels) => Aim::None,
        Some(Feeling::Judges) => Aim::Object,
        None => Aim::Clause,
    };
    Some(Cand {
        first: span_first,
        end,
        kind: CueKind::Loaded,
        polarity: (valence / 4.0).clamp(-1.0, 1.0),
        reason,
        aim,
        rule: None,
    })
}

/// Extends an adjective's span over the plain noun it modifies ("reckless policy").
pub(crate) fn extend_over_noun(ctx: &Ctx, end: usize) -> usize {
    if end >= ctx.toks.len() || !ctx.is_word(end) || ctx.cap(end) || ctx.mention_at(end).is_some() {
        return end;
    }
    let w = ctx.word(end);
    if ctx.is_function_word(end) || ctx.roles(end).is_some() || w.ends_with("ly") {
        return end;
    }
    end + 1
}
