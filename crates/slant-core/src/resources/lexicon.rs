//! The word lists behind the cues, compiled in from `data/lexicons/*.tsv` and
//! parsed once; one hash lookup per token finds every role a word plays.

use std::borrow::Cow;
use std::sync::OnceLock;

const VADER: &str = shipped!("../../data/lexicons/vader.tsv");
const LOADED: &str = shipped!("../../data/lexicons/loaded.tsv");
const LABELS: &str = shipped!("../../data/lexicons/labels.tsv");
const DOUBT: &str = shipped!("../../data/lexicons/doubt.tsv");
const ATTRIBUTION: &str = shipped!("../../data/lexicons/attribution.tsv");
const MODIFIERS: &str = shipped!("../../data/lexicons/modifiers.tsv");
const NEWS_NEUTRAL: &str = shipped!("../../data/lexicons/news_neutral.tsv");
const FEELINGS: &str = shipped!("../../data/lexicons/feelings.tsv");

use crate::lexical::hash::{word_key, KeyMap};
use crate::lexical::shipped::shipped;
use crate::lexical::words::front_coded;

/// Whether a label word names a referent itself or describes one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LabelPos {
    Noun,
    Adj,
}

/// How far a doubt cue reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Scope {
    /// The noun phrase that follows ("alleged [ceasefire]").
    Np,
    /// The rest of the clause ("allegedly [stole the funds]").
    Clause,
    /// The wording alone.
    Word,
}

/// A modifier of nearby loaded words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Modifier {
    Negation,
    Booster,
    Dampener,
}

/// A sentiment word that tells about its subject's own mind, not the author's view of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Feeling {
    /// Its subject's own distress or anger ("anguish", "furious"): frames no one.
    Feels,
    /// Its subject's judgement ("praised", "condemned"): frames what it is about.
    Judges,
}

/// Every role of one word or phrase.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Roles {
    /// Valence on VADER's scale (-4..4): ours where we have one, else VADER's.
    pub(crate) valence: Option<f32>,
    /// The valence comes from our own loaded list (not VADER's general lexicon).
    pub(crate) curated: bool,
    /// VADER scores it, but news uses it to report rather than to judge.
    pub(crate) news_neutral: bool,
    pub(crate) label: Option<(f32, LabelPos)>,
    pub(crate) doubt: Option<(f32, Scope)>,
    /// Polarity toward the speaker; `Some(0.0)` for a neutral reporting verb.
    pub(crate) attribution: Option<f32>,
    /// The reporting verb characterises the claim ("admitted", "insisted"),
    /// not the speaker's manner ("boasted", "ranted").
    pub(crate) about_claim: bool,
    pub(crate) modifier: Option<Modifier>,
    pub(crate) feeling: Option<Feeling>,
}

/// A phrase of two or more words.
#[derive(Debug, Clone)]
pub(crate) struct Phrase {
    /// The words after the first.
    pub(crate) rest: Vec<String>,
    pub(crate) roles: Roles,
}

/// The compiled lexicon: single words and phrases keyed by their first word.
#[derive(Debug, Clone, Default)]
pub(crate) struct Lexicon {
    /// A word's roles, by its [`word_key`].
    words: KeyMap<Roles>,
    /// The phrases starting with a word, by the word's [`word_key`].
    phrases: KeyMap<Vec<Phrase>>,
}

/// One data line split on tabs, comments and blank lines skipped.
fn rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')).map(|l| l.split('\t').map(str::trim).collect())
}

impl Lexicon {
    /// The shipped lexicon, parsed on first use.
    pub(crate) fn shipped() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(Lexicon::build)
    }

    /// The shipped lexicon with a caller's extra valences on top.
    pub(crate) fn with_extra(extra: &[(String, f32)]) -> Cow<'static, Lexicon> {
        if extra.is_empty() {
            return Cow::Borrowed(Lexicon::shipped());
        }
        let mut lex = Lexicon::shipped().clone();
        for (word, valence) in extra {
            let word = word.trim().to_lowercase();
            if !word.is_empty() {
                lex.entry(&word, |r| {
                    r.valence = Some(valence.clamp(-4.0, 4.0));
                    r.curated = true;
                    r.news_neutral = false;
                });
            }
        }
        Cow::Owned(lex)
    }

    fn build() -> Lexicon {
        let mut lex = Lexicon::default();
        // front-coded words, then their valences in the same order (scripts/vader_tsv.py)
        let mut word = String::new();
        for row in rows(VADER) {
            let (Some(words), Some(valences)) = (row.first(), row.get(1)) else { continue };
            let mut valences = valences.split_whitespace().map(str::parse::<f32>);
            front_coded(words, &mut word, |w| {
                if let Some(Ok(v)) = valences.next() {
                    lex.entry(w, |r| r.valence = Some(v));
                }
            });
        }
        for row in rows(LOADED) {
            if let (Some(w), Some(v)) = (row.first(), row.get(1).and_then(|v| v.parse::<f32>().ok())) {
                lex.entry(w, |r| {
                    r.valence = Some(v);
                    r.curated = true;
                });
            }
        }
        for row in rows(NEWS_NEUTRAL) {
            if let Some(w) = row.first() {
                lex.entry(w, |r| r.news_neutral = true);
            }
        }
        for row in rows(LABELS) {
            let pos = if row.get(2) == Some(&"adj") { LabelPos::Adj } else { LabelPos::Noun };
            if let (Some(w), Some(p)) = (row.first(), row.get(1).and_then(|v| v.parse::<f32>().ok())) {
                lex.entry(w, |r| r.label = Some((p, pos)));
            }
        }
        for row in rows(DOUBT) {
            let scope = match row.get(2).copied() {
                Some("np") => Scope::Np,
                Some("clause") => Scope::Clause,
                _ => Scope::Word,
            };
            if let (Some(w), Some(p)) = (row.first(), row.get(1).and_then(|v| v.parse::<f32>().ok())) {
                lex.entry(w, |r| r.doubt = Some((p, scope)));
            }
        }
        for row in rows(ATTRIBUTION) {
            if let (Some(w), Some(p)) = (row.first(), row.get(1).and_then(|v| v.parse::<f32>().ok())) {
                let about_claim = row.get(2).copied() == Some("claim");
                lex.entry(w, |r| {
                    r.attribution = Some(p);
                    r.about_claim = about_claim;
                });
            }
        }
        for row in rows(MODIFIERS) {
            let m = match row.get(1).copied() {
                Some("negation") => Modifier::Negation,
                Some("booster") => Modifier::Booster,
                _ => Modifier::Dampener,
            };
            if let Some(w) = row.first() {
                lex.entry(w, |r| r.modifier = Some(m));
            }
        }
        for row in rows(FEELINGS) {
            let feeling = if row.get(1) == Some(&"judges") { Feeling::Judges } else { Feeling::Feels };
            if let Some(w) = row.first() {
                lex.entry(w, |r| r.feeling = Some(feeling));
            }
        }
        for list in lex.phrases.values_mut() {
            // Longest first, so the first match is the longest.
            list.sort_by_key(|p| std::cmp::Reverse(p.rest.len()));
        }
        lex
    }

    /// Applies `f` to the roles of `key` (a word, or words separated by spaces).
    fn entry(&mut self, key: &str, f: impl FnOnce(&mut Roles)) {
        let mut words = key.split_whitespace();
        let Some(first) = words.next() else { return };
        #[cfg(test)]
        {
            use std::sync::Mutex;
            static TEXTS: Mutex<Option<crate::lexical::hash::FxMap<u64, String>>> = Mutex::new(None);
            let mut texts = TEXTS.lock().unwrap_or_else(|e| e.into_inner());
            let seen = texts
                .get_or_insert_with(Default::default)
                .entry(word_key(first))
                .or_insert_with(|| first.to_string())
                .clone();
            assert_eq!(seen, first, "two lexicon words share a key");
        }
        let rest: Vec<String> = words.map(str::to_string).collect();
        if rest.is_empty() {
            f(self.words.entry(word_key(first)).or_default());
            return;
        }
        let list = self.phrases.entry(word_key(first)).or_default();
        if let Some(p) = list.iter_mut().find(|p| p.rest == rest) {
            f(&mut p.roles);
        } else {
            let mut roles = Roles::default();
            f(&mut roles);
            list.push(Phrase { rest, roles });
        }
    }

    /// The roles of one lower-cased word.
    #[cfg(test)]
    pub(crate) fn word(&self, word: &str) -> Option<&Roles> {
        self.word_by_key(word_key(word))
    }

    /// [`word`](Self::word) by the word's [`word_key`].
    #[inline]
    pub(crate) fn word_by_key(&self, key: u64) -> Option<&Roles> {
        self.words.get(&key)
    }

    /// The phrases starting with `word`, longest first.
    pub(crate) fn phrases(&self, word: &str) -> &[Phrase] {
        self.phrases.get(&word_key(word)).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Whether any phrase starts with the word of `key` ([`word_key`]).
    #[inline]
    pub(crate) fn starts_phrase_by_key(&self, key: u64) -> bool {
        self.phrases.contains_key(&key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_lists_parse_and_override_vader() {
        let lex = Lexicon::shipped();
        // VADER rates "strongman" +0.7; news use is pejorative, and our list says so.
        assert!(lex.word("strongman").and_then(|r| r.valence).is_some_and(|v| v < 0.0));
        assert!(lex.word("dictator").and_then(|r| r.label).is_some_and(|(p, pos)| p < 0.0 && pos == LabelPos::Noun));
        assert_eq!(lex.word("said").and_then(|r| r.attribution), Some(0.0));
        assert!(lex.word("boasted").and_then(|r| r.attribution).is_some_and(|p| p < 0.0));
        assert_eq!(lex.word("not").and_then(|r| r.modifier), Some(Modifier::Negation));
        assert!(lex.word("war").is_some_and(|r| r.news_neutral));
        assert!(lex.phrases("contrary").iter().any(|p| p.rest == ["to", "extensive", "evidence"]));
        assert!(lex.word("happy").and_then(|r| r.valence).is_some_and(|v| v > 2.0));
    }

    #[test]
    fn extra_entries_override() {
        let lex = Lexicon::with_extra(&[("Frobnicate".into(), -3.0), ("witch trial".into(), -2.0)]);
        assert_eq!(lex.word("frobnicate").and_then(|r| r.valence), Some(-3.0));
        assert!(lex.phrases("witch").iter().any(|p| p.rest == ["trial"]));
    }
}
