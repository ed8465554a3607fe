//! Per-entity framing scores from their cues, and the document summary.

use crate::model::{Cue, CueCounts, Entity, Framing, Polarity, Summary};

/// A score at or below this is `negative`; at or above its opposite, `positive`.
pub const POLARITY_THRESHOLD: f32 = 0.1;

/// Accumulates cues as they are found, so nothing needs the whole cue list.
#[derive(Debug, Default)]
pub(crate) struct Aggregator {
    /// Per entity id: sum of cue polarities and the cue indices.
    per_entity: Vec<(f32, Vec<usize>)>,
    counts: CueCounts,
    words: usize,
}

impl Aggregator {
    /// Counts the words of one sentence (for cues per 100 words).
    pub(crate) fn add_words(&mut self, words: usize) {
        self.words += words;
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
            // tanh keeps the score in (-1, 1) and lets several cues add up.
            let score = sum.tanh();
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
