//! Attribution: reporting verbs that colour what a speaker said — "asserted",
//! "boasted", "conceded" — against the neutral "said" (which makes no cue).

use super::{Aim, Cand, Ctx};
use crate::model::CueKind;

/// An attribution cue at tokens `first..end`; `None` for a neutral verb.
///
/// A verb about the speaker's manner ("boasted", "ranted") frames the
/// speaker; a verb about the claim ("admitted", "insisted", "denied") frames
/// whoever the claim is about (`about_claim`; the third column of
/// `attribution.tsv`).
pub(crate) fn candidate(ctx: &Ctx, first: usize, end: usize, polarity: f32, about_claim: bool) -> Option<Cand> {
    if polarity == 0.0 {
        return None;
    }
    // "the admitted offender", "a claimed record": a participle before a noun is no report.
    let prev = first.checked_sub(1).map(|p| ctx.word(p)).unwrap_or("");
    if matches!(prev, "the" | "a" | "an" | "his" | "her" | "their" | "its") {
        return None;
    }
    let (reason, aim) = if about_claim {
        ("reporting verb that colours the claim, where \"said\" would be neutral", Aim::Reported)
    } else if polarity < -0.35 {
        ("reporting verb that discredits the speaker, where \"said\" would be neutral", Aim::Speaker)
    } else {
        ("loaded reporting verb instead of a neutral \"said\"", Aim::Speaker)
    };
    Some(Cand { first, end, kind: CueKind::Attribution, polarity, reason, aim, rule: None })
}
