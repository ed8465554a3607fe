//! What a caller can tune.

use std::fmt;

use crate::error::Error;
use crate::lexical::shipped::data_lines;
use crate::model::Label;

/// Mentions and cue indices an entity keeps when
/// [`Config::keep_mentions`] is off.
pub const MENTIONS_KEPT: usize = 64;

/// The smallest sentence limit, in bytes: [`SentenceLimit::new`] rejects
/// anything below it. It leaves room for a few words, so a forced break can
/// still fall at a space.
pub const MIN_SENTENCE_BYTES: usize = 64;

/// How long a sentence may grow, in bytes, before it is cut: at least
/// [`MIN_SENTENCE_BYTES`], 16 KiB by default.
///
/// [`SentenceLimit::new`] is the one place that checks a limit, so an
/// invalid one cannot be built and whatever takes one
/// ([`Analyzer::new`](crate::Analyzer::new) through [`Config`],
/// [`SentenceSplitter::new`](crate::SentenceSplitter::new)) takes it as
/// given: it neither fails, nor panics, nor adjusts it.
///
/// ```
/// use slant_core::{Error, SentenceLimit, MIN_SENTENCE_BYTES};
///
/// assert_eq!(SentenceLimit::new(MIN_SENTENCE_BYTES).map(SentenceLimit::get), Ok(64));
/// assert_eq!(
///     SentenceLimit::new(63),
///     Err(Error::BadConfig("max_sentence_bytes must be at least 64".into()))
/// );
/// assert_eq!(SentenceLimit::default().get(), 16 * 1024);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SentenceLimit(usize);

impl SentenceLimit {
    /// A limit of `bytes` bytes.
    ///
    /// # Errors
    /// [`Error::BadConfig`] when `bytes` is below [`MIN_SENTENCE_BYTES`].
    pub fn new(bytes: usize) -> Result<Self, Error> {
        if bytes < MIN_SENTENCE_BYTES {
            return Err(Error::BadConfig(format!("max_sentence_bytes must be at least {MIN_SENTENCE_BYTES}")));
        }
        Ok(SentenceLimit(bytes))
    }

    /// The limit in bytes (at least [`MIN_SENTENCE_BYTES`]).
    pub const fn get(self) -> usize {
        self.0
    }
}

impl Default for SentenceLimit {
    /// 16 KiB.
    fn default() -> Self {
        SentenceLimit(16 * 1024)
    }
}

impl TryFrom<usize> for SentenceLimit {
    type Error = Error;

    /// Same as [`SentenceLimit::new`].
    fn try_from(bytes: usize) -> Result<Self, Error> {
        SentenceLimit::new(bytes)
    }
}

impl From<SentenceLimit> for usize {
    fn from(limit: SentenceLimit) -> usize {
        limit.get()
    }
}

impl fmt::Display for SentenceLimit {
    /// The number of bytes.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// Settings of an [`Analyzer`](crate::Analyzer).
///
/// Every `Config` is valid, so [`Analyzer::new`](crate::Analyzer::new) and
/// [`analyze`](crate::analyze) cannot fail. The sentence limit is a
/// [`SentenceLimit`], checked when it is built: a value below
/// [`MIN_SENTENCE_BYTES`] (64) is an [`Error::BadConfig`] from
/// [`SentenceLimit::new`], never raised silently and never a panic.
///
/// ```
/// use slant_core::{analyze, Config, SentenceLimit};
///
/// let config = Config { max_sentence_bytes: SentenceLimit::new(64)?, ..Config::default() };
/// let analysis = analyze(&"word ".repeat(40), config);
/// assert!(analysis.sentences.iter().all(|s| s.text.len() <= 64));
/// assert!(SentenceLimit::new(63).is_err());
/// # Ok::<(), slant_core::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Config {
    /// A sentence longer than this (in bytes) is broken at the last space
    /// before the limit, so memory stays bounded on text without punctuation.
    pub max_sentence_bytes: SentenceLimit,
    /// Keep every sentence and cue for [`Analyzer::finish`](crate::Analyzer::finish).
    /// Streaming consumers that print sentences as they come turn it off so
    /// memory stays flat; entities and the summary are still kept.
    pub keep_sentences: bool,
    /// Keep every mention of every entity, and every cue index in its
    /// framing, for [`Analyzer::finish`](crate::Analyzer::finish). Off, each
    /// entity keeps its first [`MENTIONS_KEPT`](crate::MENTIONS_KEPT) mentions
    /// and cue indices with their counts, so memory does not grow with the
    /// mentions of a long stream (its scores are computed from every cue).
    pub keep_mentions: bool,
    /// Extra names with their labels, on top of the shipped gazetteers.
    pub names: Vec<(String, Label)>,
    /// Extra lexicon entries: a word or phrase and its valence (-4..+4).
    pub lexicon: Vec<(String, f32)>,
    /// Find framing cues and score entities. Off, the analyzer finds
    /// sentences and entities only: no cues, every entity neutral, in about
    /// half the time (what `slant entities` needs).
    pub framing: bool,
    /// User rules: each match of a rule's pattern is a cue of its kind (see
    /// [`add_rules_tsv`](Self::add_rules_tsv)).
    #[cfg(feature = "rules")]
    pub rules: crate::rules::Rules,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            max_sentence_bytes: SentenceLimit::default(),
            keep_sentences: true,
            keep_mentions: true,
            names: Vec::new(),
            lexicon: Vec::new(),
            framing: true,
            #[cfg(feature = "rules")]
            rules: crate::rules::Rules::default(),
        }
    }
}

impl Config {
    /// Adds names from a tab-separated text: `name<TAB>LABEL` per line,
    /// `#` comments and blank lines ignored, a leading byte-order mark
    /// skipped. A line with a third column is an error, not silently cut.
    ///
    /// # Errors
    /// [`Error::BadDataLine`] naming the first malformed line.
    pub fn add_names_tsv(&mut self, source: &str, text: &str) -> Result<(), Error> {
        const FORMAT: &str = "`name<TAB>LABEL` with LABEL one of PERSON ORG GPE LOC NORP EVENT";
        for (i, line) in data_lines(text) {
            let bad = |problem: &str| bad_line(source, i, problem, FORMAT);
            let (name, label) = two_columns(line).map_err(|p| bad(&p))?;
            match Label::parse(label) {
                Some(label) if !name.is_empty() => self.names.push((name.to_string(), label)),
                _ => return Err(bad("")),
            }
        }
        Ok(())
    }

    /// Adds lexicon entries from a tab-separated text: `word<TAB>valence`
    /// per line (valence -4..+4 as in VADER), `#` comments ignored, a
    /// leading byte-order mark skipped. A third column is an error (VADER's
    /// own file has four: `cut -f1,2` makes it this format).
    ///
    /// # Errors
    /// [`Error::BadDataLine`] naming the first malformed line.
    pub fn add_lexicon_tsv(&mut self, source: &str, text: &str) -> Result<(), Error> {
        const FORMAT: &str = "`word<TAB>valence` with valence in -4..4";
        for (i, line) in data_lines(text) {
            let bad = |problem: &str| bad_line(source, i, problem, FORMAT);
            let (word, valence) = two_columns(line).map_err(|p| bad(&p))?;
            match valence.parse::<f32>() {
                Ok(v) if !word.is_empty() && (-4.0..=4.0).contains(&v) => self.lexicon.push((word.to_lowercase(), v)),
                _ => return Err(bad("")),
            }
        }
        Ok(())
    }

    /// Adds the rules of a rule file: `kind<TAB>polarity<TAB>pattern<TAB>reason`
    /// per line (see [`Rules`](crate::Rules) for the format), `#` comments
    /// and blank lines ignored. Patterns are compiled here, once.
    ///
    /// # Errors
    /// [`Error::BadDataLine`] naming the first malformed line, with the
    /// regex crate's message for a pattern it refuses.
    #[cfg(feature = "rules")]
    pub fn add_rules_tsv(&mut self, source: &str, text: &str) -> Result<(), Error> {
        self.rules.add_tsv(source, text)
    }

    /// Checks the settings: always `Ok`, since a `Config` cannot hold an
    /// invalid value (the sentence limit is checked by [`SentenceLimit::new`]).
    ///
    /// # Errors
    /// None.
    #[deprecated(note = "every Config is valid: SentenceLimit::new checks the sentence limit")]
    pub fn validate(&self) -> Result<(), Error> {
        Ok(())
    }
}

/// The two tab-separated columns of a user's data line, trimmed, or what is
/// wrong with it. Trailing whitespace (a tab left by a spreadsheet) is no
/// column; a third column is an error, since ignoring it would hide a
/// misunderstood format; a NUL byte means a binary (or UTF-16) file.
fn two_columns(line: &str) -> Result<(&str, &str), String> {
    if line.contains('\0') {
        return Err("a NUL byte: a binary or UTF-16 file, not UTF-8 text".into());
    }
    let mut cols = line.trim_end().split('\t');
    let first = cols.next().unwrap_or("");
    let Some(second) = cols.next() else {
        return Err("one column".into());
    };
    match cols.count() {
        0 => Ok((first.trim(), second.trim())),
        extra => Err(format!("{} columns (an extra column is an error, not ignored)", 2 + extra)),
    }
}

fn bad_line(source: &str, line: usize, problem: &str, format: &str) -> Error {
    let message =
        if problem.is_empty() { format!("expected {format}") } else { format!("{problem}; expected {format}") };
    Error::BadDataLine { source: source.to_string(), line, message }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_limit_starts_at_min_sentence_bytes() {
        let err = SentenceLimit::new(MIN_SENTENCE_BYTES - 1).unwrap_err();
        assert_eq!(err, Error::BadConfig("max_sentence_bytes must be at least 64".into()));
        assert_eq!(err.to_string(), "bad configuration: max_sentence_bytes must be at least 64");
        assert_eq!(SentenceLimit::new(63), Err(err));
        assert_eq!(SentenceLimit::new(64).map(SentenceLimit::get), Ok(64));
        assert_eq!(SentenceLimit::try_from(65).map(usize::from), Ok(65));
        assert_eq!(SentenceLimit::new(usize::MAX).map(SentenceLimit::get), Ok(usize::MAX));
        for bytes in 0..MIN_SENTENCE_BYTES {
            assert!(SentenceLimit::new(bytes).is_err(), "{bytes}");
        }
        assert_eq!(SentenceLimit::default().to_string(), "16384");
        assert_eq!(Config::default().max_sentence_bytes, SentenceLimit::default());
        #[allow(deprecated)]
        let checked = Config::default().validate();
        assert_eq!(checked, Ok(()));
    }
}
