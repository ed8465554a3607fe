//! The data of the context model: the weights of the small linear model
//! (`data/lexicons/target_model.tsv`, trained on NewsMTSC by
//! `scripts/train_target_polarity.py`) that [`framing::context`](crate::framing)
//! reads around each mention, parsed once, with each word's weights gathered
//! so the word table looks a word up once. The features themselves (what the
//! model reads in a sentence) are the framing stage's.

use std::hash::Hasher;
use std::sync::OnceLock;

use crate::lexical::hash::{hasher, word_key, KeyMap};

const MODEL: &str = include_str!("../../data/lexicons/target_model.tsv");
/// The placeholder that stands for the mention in bigrams.
const PLACEHOLDER: &str = "<t>";
/// What every other name in the sentence reads as, so the model weighs how a
/// sentence treats its target rather than which names appear near it.
const OTHER_NAME: &str = "<e>";
/// The valence features, as named in the model file: near (within
/// [`VALENCE_NEAR`] tokens) or far, in the mention's clause (c) or another (o).
pub(crate) const VALENCE_FEATURES: [&str; 4] = ["valence:near:c", "valence:near:o", "valence:far:c", "valence:far:o"];

/// The key of the bigram of the words with keys `a` and `b`.
fn bigram_key(a: u64, b: u64) -> u64 {
    let mut h = hasher();
    h.write_u64(a);
    h.write_u64(b);
    h.finish()
}

/// The model's weights [toward negative, toward positive] for one token's text,
/// looked up once per distinct word (the word table keeps them).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct TokWeights {
    pub(crate) key: u64,
    pub(crate) unigram: [f32; 2],
    pub(crate) left: [f32; 2],
    pub(crate) right: [f32; 2],
    pub(crate) clause: [f32; 2],
    /// Some bigram feature starts with this word (most words start none,
    /// so their bigrams need no lookup).
    starts_bigram: bool,
    /// Some bigram feature ends with this word: a bigram ending with any
    /// other word is no feature, so it needs no lookup either.
    ends_bigram: bool,
}

/// A multinomial logistic regression with neutral as the reference class.
#[derive(Debug, Default)]
pub(crate) struct Model {
    /// Bigram key ([`bigram_key`], already a hash, so used as is) → weights
    /// toward negative and positive. The other features are per word, in
    /// `table`: this map holds only what a sentence looks up.
    bigrams: KeyMap<[f32; 2]>,
    /// Word key → index in `table` of all the weights of the word on its own,
    /// gathered at load so a word costs one lookup.
    words: KeyMap<u32>,
    /// The weights of the model's words (a few thousand): the word table
    /// keeps an index here, so a sentence reads a small, cached table rather
    /// than a 48-byte entry per distinct word of the document.
    table: Vec<TokWeights>,
    /// What a word the model does not know weighs: nothing (its key is
    /// never read, since it ends no bigram).
    unknown: TokWeights,
    pub(crate) bias: [f32; 2],
    /// Per [`VALENCE_FEATURES`] entry.
    pub(crate) valence: [[f32; 2]; 4],
    /// The placeholder that stands for the mention read.
    pub(crate) target: TokWeights,
    pub(crate) other_name: TokWeights,
    pub(crate) possessive: TokWeights,
    pub(crate) quote: TokWeights,
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
            let (Some(name), Some(neg), Some(pos)) = (cols.next(), cols.next(), cols.next()) else { continue };
            let (Ok(neg), Ok(pos)) = (neg.trim().parse::<f32>(), pos.trim().parse::<f32>()) else { continue };
            match name.split_once(':') {
                Some(("u", w)) => m.word_mut(w).unigram = [neg, pos],
                Some(("l", w)) => m.word_mut(w).left = [neg, pos],
                Some(("r", w)) => m.word_mut(w).right = [neg, pos],
                Some(("c", w)) => m.word_mut(w).clause = [neg, pos],
                Some(("b", pair)) => {
                    if let Some((a, b)) = pair.split_once(' ') {
                        m.word_mut(a).starts_bigram = true;
                        m.word_mut(b).ends_bigram = true;
                    }
                }
                _ => {}
            }
            if name == "bias" {
                m.bias = [neg, pos];
            } else if name.starts_with("valence:") {
                if let Some(i) = VALENCE_FEATURES.iter().position(|&v| v == name) {
                    m.valence[i] = [neg, pos];
                }
            } else if let Some((a, b)) = name.strip_prefix("b:").and_then(|pair| pair.split_once(' ')) {
                m.bigrams.insert(bigram_key(word_key(a), word_key(b)), [neg, pos]);
            }
        }
        m.target = *m.weights(PLACEHOLDER);
        m.other_name = *m.weights(OTHER_NAME);
        m.possessive = *m.weights("'s");
        m.quote = *m.weights("\"");
        m
    }

    fn word_mut(&mut self, w: &str) -> &mut TokWeights {
        let key = word_key(w);
        #[cfg(test)]
        {
            use std::sync::Mutex;
            static TEXTS: Mutex<Option<crate::lexical::hash::FxMap<u64, String>>> = Mutex::new(None);
            let mut texts = TEXTS.lock().unwrap_or_else(|e| e.into_inner());
            let seen = texts.get_or_insert_with(Default::default).entry(key).or_insert_with(|| w.to_string()).clone();
            assert_eq!(seen, w, "two model words share a key");
        }
        let next = self.table.len() as u32;
        let index = *self.words.entry(key).or_insert(next);
        if index == next {
            self.table.push(TokWeights { key, ..TokWeights::default() });
        }
        &mut self.table[index as usize]
    }

    /// The weights of the bigram of `first` and `second`.
    pub(crate) fn bigram(&self, first: &TokWeights, second: &TokWeights) -> [f32; 2] {
        if first.starts_bigram && second.ends_bigram {
            self.bigrams.get(&bigram_key(first.key, second.key)).copied().unwrap_or_default()
        } else {
            [0.0; 2]
        }
    }

    /// The index of one lower-cased token text among the model's words
    /// (for [`word`](Self::word)); `None` if the model does not know it.
    pub(crate) fn word_index(&self, word: &str) -> Option<u32> {
        self.word_index_by_key(word_key(word))
    }

    /// [`word_index`](Self::word_index) by the word's [`word_key`].
    #[inline]
    pub(crate) fn word_index_by_key(&self, key: u64) -> Option<u32> {
        self.words.get(&key).copied()
    }

    /// The weights of the word at `index` (from [`word_index`](Self::word_index));
    /// of an unknown word for `None`.
    #[inline]
    pub(crate) fn word(&self, index: Option<u32>) -> &TokWeights {
        index.and_then(|i| self.table.get(i as usize)).unwrap_or(&self.unknown)
    }

    /// The weights of one lower-cased token text.
    pub(crate) fn weights(&self, word: &str) -> &TokWeights {
        self.word(self.word_index(word))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_model_parses_every_feature() {
        let m = Model::shipped();
        let bigrams = MODEL.lines().filter(|l| l.starts_with("b:")).count();
        assert_eq!(m.bigrams.len(), bigrams, "every bigram line is a feature");
        let words = ["u:", "l:", "r:", "c:"].map(|p| MODEL.lines().filter(|l| l.starts_with(p)).count());
        let of: [fn(&TokWeights) -> [f32; 2]; 4] = [|w| w.unigram, |w| w.left, |w| w.right, |w| w.clause];
        let kept = of.map(|f| m.table.iter().filter(|w| f(w) != [0.0; 2]).count());
        assert_eq!(kept, words, "every word feature is kept with its word");
        assert!(m.bias[0] != 0.0 && m.bias[1] != 0.0);
        // more valence reads more positive, near the mention and in its clause most
        let [near_same, near_other, far_same, far_other] = m.valence;
        assert!(near_same[1] > near_same[0]);
        assert!(near_same[1] > near_other[1] && near_same[1] > far_same[1] && near_same[1] > far_other[1]);
    }

    #[test]
    fn bigram_keys_keep_the_order() {
        let (x, y) = (word_key("x"), word_key("y"));
        assert_ne!(bigram_key(x, y), bigram_key(y, x));
    }
}
