//! Target-dependent polarity from the words around a mention: a small linear
//! model (`data/lexicons/target_model.tsv`, trained on NewsMTSC by
//! `scripts/train_target_polarity.py`). It adds to an entity's score what the
//! sentence says about it beyond explicit cues ("was praised for", "faces
//! charges"); the cues remain the evidence shown.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

use super::{Ctx, MSpan};
use crate::hash::FxHasher;

const MODEL: &str = include_str!("../../data/lexicons/target_model.tsv");
/// Words this close to the mention (in words) use the "near" weights too; as in training.
const NEAR: usize = 4;

/// Word → its "anywhere" and "near" weights, one lookup for both.
type Weights = HashMap<String, TokWeights, BuildHasherDefault<FxHasher>>;

/// The model's weights for one token's word: anywhere in the sentence, and near the mention.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct TokWeights {
    any: Option<[f32; 2]>,
    near: Option<[f32; 2]>,
}

/// The weights toward negative and positive, with neutral as the reference class.
#[derive(Debug, Default)]
pub(crate) struct Model {
    words: Weights,
    bias: [f32; 2],
    valence_near: [f32; 2],
    valence_far: [f32; 2],
}

impl Model {
    /// The shipped model, parsed on first use.
    pub(crate) fn shipped() -> &'static Model {
        static M: OnceLock<Model> = OnceLock::new();
        M.get_or_init(|| Model::parse(MODEL))
    }

    fn parse(text: &str) -> Model {
        let mut m = Model::default();
        for line in text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
            let mut cols = line.split('\t');
            let (Some(key), Some(neg), Some(pos)) = (cols.next(), cols.next(), cols.next()) else { continue };
            let (Ok(neg), Ok(pos)) = (neg.trim().parse::<f32>(), pos.trim().parse::<f32>()) else { continue };
            let w = [neg, pos];
            match key {
                "bias" => m.bias = w,
                "valence:near" => m.valence_near = w,
                "valence:far" => m.valence_far = w,
                _ => {
                    if let Some(word) = key.strip_prefix("a:") {
                        m.words.entry(word.to_string()).or_default().any = Some(w);
                    } else if let Some(word) = key.strip_prefix("n:") {
                        m.words.entry(word.to_string()).or_default().near = Some(w);
                    }
                }
            }
        }
        m
    }

    /// The weights of one lower-cased word, looked up once per token.
    pub(crate) fn weights(&self, word: &str) -> TokWeights {
        self.words.get(word).copied().unwrap_or_default()
    }

    /// P(positive) - P(negative) for the mention `span`, in -1..1.
    /// `any` holds the summed "anywhere" weights of the whole sentence;
    /// `weights` holds [`Model::weights`] of every token's word.
    pub(crate) fn score(
        &self,
        ctx: &Ctx,
        span: &MSpan,
        any: [f32; 2],
        word_index: &[u32],
        weights: &[TokWeights],
    ) -> f32 {
        let mut z = [self.bias[0] + any[0], self.bias[1] + any[1]];
        let (mut vn, mut vf) = (0.0f32, 0.0f32);
        let first_w = word_index.get(span.first).copied().unwrap_or(0) as usize;
        let end_w = word_index.get(span.end).copied().unwrap_or(first_w as u32) as usize;
        for (i, _) in ctx.toks.iter().enumerate() {
            if !ctx.is_word(i) || (span.first..span.end).contains(&i) {
                continue;
            }
            let wi = word_index.get(i).copied().unwrap_or(0) as usize;
            let d = if wi < first_w { first_w - wi } else { wi.saturating_sub(end_w) + 1 };
            let v = ctx.roles(i).and_then(|r| r.valence).unwrap_or(0.0) / 4.0;
            if d <= NEAR {
                vn += v;
                if let Some(w) = weights.get(i).and_then(|w| w.near) {
                    z[0] += w[0];
                    z[1] += w[1];
                }
            } else {
                vf += v;
            }
        }
        // remove the mention's own words from the sentence sum
        for i in span.first..span.end {
            if let Some(w) = weights.get(i).and_then(|w| w.any) {
                z[0] -= w[0];
                z[1] -= w[1];
            }
        }
        z[0] += self.valence_near[0] * vn + self.valence_far[0] * vf;
        z[1] += self.valence_near[1] * vn + self.valence_far[1] * vf;
        let m = z[0].max(z[1]).max(0.0);
        let (en, ep, e0) = ((z[0] - m).exp(), (z[1] - m).exp(), (-m).exp());
        (ep - en) / (en + ep + e0)
    }

    /// The summed "anywhere" weights over every word of the sentence.
    pub(crate) fn sentence_sum(&self, ctx: &Ctx, weights: &[TokWeights]) -> [f32; 2] {
        let mut z = [0.0f32; 2];
        for i in 0..ctx.toks.len() {
            if ctx.is_word(i) {
                if let Some(w) = weights.get(i).and_then(|w| w.any) {
                    z[0] += w[0];
                    z[1] += w[1];
                }
            }
        }
        z
    }
}
