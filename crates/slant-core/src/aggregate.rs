//! Per-entity framing scores from their cues, and the document summary.
//!
//! An entity's score is `tanh(C / sqrt(n) + CONTEXT_WEIGHT * K)`, where `C` is
//! the sum of the polarities of the `n` cues that target it and `K` the mean,
//! over the sentences naming it, of what the context model says about it there
//! (P(positive) - P(negative), see `framing::context`). tanh keeps the score in
//! (-1, 1); dividing by sqrt(n) lets several cues add up, but sublinearly, so
//! many mild cues (a loaded word here, a scare quote there) do not outweigh a
//! few strong ones (a pejorative label on the name). One pejorative label
//! (-0.9) alone gives -0.72; four cues of -0.5 give -0.76. The class is `negative` at or below -[`POLARITY_THRESHOLD`],
//! `positive` at or above it, `neutral` between. The evidence
//! (`framing.cues`) is always the cues; the context model only shifts the
//! score, and it counts only for entities with at least one cue: a framing
//! without evidence is not reported.

use crate::model::{Cue, CueCounts, Entity, Framing, Polarity, Summary};

/// A score at or below minus this is `negative`; at or above it, `positive`.
pub const POLARITY_THRESHOLD: f32 = 0.1;

/// How much the context model counts against the cues (a cue sums to ±1 at most each).
pub const CONTEXT_WEIGHT: f32 = 0.3;

/// Accumulates cues as they are found, so nothing needs the whole cue list.
#[derive(Debug, Default)]
pub(crate) struct Aggregator {
    /// Per entity id: sum of cue polarities and the cue indices.
    per_entity: Vec<(f32, Vec<usize>)>,
    /// Per entity id: sum of context-model scores and the number of sentences.
    context: Vec<(f32, u32)>,
    counts: CueCounts,
    words: usize,
}

impl Aggregator {
    /// Counts the words of one sentence (for cues per 100 words).
    pub(crate) fn add_words(&mut self, words: usize) {
        self.words += words;
    }

    /// Adds what the context model says about `entity` in one sentence.
    pub(crate) fn add_context(&mut self, entity: usize, score: f32) {
        if self.context.len() <= entity {
            self.context.resize(entity + 1, (0.0, 0));
        }
        if let Some(slot) = self.context.get_mut(entity) {
            slot.0 += score;
            slot.1 += 1;
        }
    }

    /// Adds cue number `index`.
    pub(crate) fn add_cue(&mut self, index: usize, cue: &Cue) {
        self.counts.add(cue.kind);
        if let Some(target) = cue.target {
            if self.per_entity.len() <= target {
                self.per_entity.resize_with(target + 1, Default::default);
            }
            let slot = &mut self.per_entity[target];
            slot.0 += cue.polarity;
            slot.1.push(index);
        }
    }

    /// Scores every entity and returns the document summary.
    pub(crate) fn finish(mut self, entities: &mut [Entity]) -> Summary {
        for entity in entities.iter_mut() {
            let (sum, cues) = self.per_entity.get_mut(entity.id).map(std::mem::take).unwrap_or_default();
            let context = match self.context.get(entity.id) {
                // without a cue there is no evidence to show, so the context does not count
                Some(&(total, n)) if n > 0 && !cues.is_empty() => total / n as f32,
                _ => 0.0,
            };
            let evidence = if cues.is_empty() { 0.0 } else { sum / (cues.len() as f32).sqrt() };
            let score = (evidence + CONTEXT_WEIGHT * context).tanh();
            entity.framing = Framing { score, polarity: polarity_of(score), cues };
        }
        let pick = |better: fn(f32, f32) -> bool, wanted: Polarity| {
            entities
                .iter()
                .filter(|e| e.framing.polarity == wanted)
                .fold(None::<&Entity>, |best, e| match best {
                    Some(b) if !better(e.framing.score, b.framing.score) => Some(b),
                    _ => Some(e),
                })
                .map(|e| e.id)
        };
        let total = self.counts.total();
        Summary {
            words: self.words,
            cues_per_100_words: if self.words == 0 { 0.0 } else { total as f32 * 100.0 / self.words as f32 },
            cue_counts: self.counts,
            most_negative: pick(|a, b| a < b, Polarity::Negative),
            most_positive: pick(|a, b| a > b, Polarity::Positive),
        }
    }
}

/// The class of a score, by [`POLARITY_THRESHOLD`].
pub fn polarity_of(score: f32) -> Polarity {
    if score <= -POLARITY_THRESHOLD {
        Polarity::Negative
    } else if score >= POLARITY_THRESHOLD {
        Polarity::Positive
    } else {
        Polarity::Neutral
    }
}
