//! User rule files: patterns a newsroom or researcher adds without
//! recompiling ("so-called X", "X-style regime"). Each match becomes a cue of
//! the rule's kind, with its polarity and reason, aimed at an entity the way
//! the built-in cues of that kind are.
//!
//! One rule per line, tab-separated: `kind<TAB>polarity<TAB>pattern<TAB>reason`,
//! with kind one of `label scare_quote doubt attribution loaded`, polarity in
//! -1..1 and pattern a [`regex`] (its syntax:
//! <https://docs.rs/regex/latest/regex/#syntax>). `#` comments and blank lines
//! are skipped. Patterns match the sentence text as written; `(?i)` makes one
//! case-insensitive, `\b` keeps it to whole words. The regex crate matches
//! in time linear in the text, so no pattern can be catastrophic; each is
//! also compiled under a size limit.
//!
//! ```
//! use slant_core::{analyze, Config, CueKind};
//!
//! let mut config = Config::default();
//! config.add_rules_tsv("newsroom.tsv", "label\t-0.6\t\\bRINO\\b\tparty insult\n")?;
//! let a = analyze("Critics call Senator Jane Doe a RINO.", config);
//! let cue = a.cues.iter().find(|c| c.reason == "party insult").unwrap();
//! assert_eq!((cue.kind, cue.text.as_str()), (CueKind::Label, "RINO"));
//! assert_eq!(cue.target.map(|e| a.entities[e].name.as_str()), Some("Jane Doe"));
//! # Ok::<(), slant_core::Error>(())
//! ```
//!
//! A match inside a longer built-in cue of the same kind is that one cue
//! (the built-in's), as a shorter built-in cue inside a longer one is.

use std::fmt;

use regex::{Regex, RegexBuilder};

use crate::error::Error;
use crate::lexical::shipped::data_lines;
use crate::model::CueKind;

/// The most memory one compiled pattern may take (the regex crate's size
/// limits): a pattern beyond it is refused with an error naming its line.
const PATTERN_SIZE_LIMIT: usize = 1 << 20;
/// Rules kept in all; past it a file is refused (each rule is run on every sentence).
pub const MAX_RULES: usize = 1000;

/// One rule: where its pattern matches, a cue of `kind`.
#[derive(Clone)]
pub(crate) struct Rule {
    pub(crate) kind: CueKind,
    pub(crate) polarity: f32,
    pub(crate) pattern: Regex,
    pub(crate) reason: String,
}

/// The compiled rules of a [`Config`](crate::Config), in file order.
///
/// A rule file has one rule per line, tab-separated:
/// `kind<TAB>polarity<TAB>pattern<TAB>reason`, with kind one of `label
/// scare_quote doubt attribution loaded`, polarity in -1..1, pattern a
/// [`regex`](https://docs.rs/regex/latest/regex/#syntax) matched in each
/// sentence (`(?i)` for any case, `\b` for whole words) and reason what a
/// reader is told. `#` comments and blank lines are skipped. Each match is
/// widened to whole tokens and becomes a cue of the rule's kind, aimed as the
/// built-in cues of that kind are; a match inside a longer built-in cue of
/// the same kind is that one cue. Patterns are compiled once, each under a
/// size limit, and the regex crate matches in linear time, so no pattern can
/// be catastrophic. At most [`MAX_RULES`] rules.
#[derive(Clone, Default)]
pub struct Rules {
    rules: Vec<Rule>,
}

impl Rules {
    /// No rules.
    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    /// How many rules there are.
    pub fn len(&self) -> usize {
        self.rules.len()
    }

    pub(crate) fn iter(&self) -> impl Iterator<Item = &Rule> {
        self.rules.iter()
    }

    /// The reason of rule `index`.
    pub(crate) fn reason(&self, index: usize) -> Option<&str> {
        self.rules.get(index).map(|r| r.reason.as_str())
    }

    /// Adds the rules of a rule file's `text`; `source` names it in errors.
    ///
    /// # Errors
    /// [`Error::BadDataLine`] naming the first malformed line: a wrong column
    /// count, an unknown kind, a polarity outside -1..1, an empty reason, or
    /// a pattern the regex crate refuses (its message is kept).
    pub(crate) fn add_tsv(&mut self, source: &str, text: &str) -> Result<(), Error> {
        const FORMAT: &str = "`kind<TAB>polarity<TAB>pattern<TAB>reason` with kind one of \
                              label scare_quote doubt attribution loaded and polarity in -1..1";
        for (line, columns) in data_lines(text) {
            let bad = |message: String| Error::BadDataLine { source: source.to_string(), line, message };
            if columns.contains('\0') {
                return Err(bad("a NUL byte: a binary or UTF-16 file, not UTF-8 text".into()));
            }
            let cols: Vec<&str> = columns.split('\t').collect();
            let [kind, polarity, pattern, reason] = cols[..] else {
                return Err(bad(format!("{} columns; expected {FORMAT}", cols.len())));
            };
            let kind =
                parse_kind(kind.trim()).ok_or_else(|| bad(format!("unknown kind {kind:?}; expected {FORMAT}")))?;
            let polarity = match polarity.trim().parse::<f32>() {
                Ok(p) if (-1.0..=1.0).contains(&p) => p,
                _ => return Err(bad(format!("polarity {polarity:?} is not a number in -1..1"))),
            };
            let reason = reason.trim();
            if reason.is_empty() {
                return Err(bad("an empty reason: say what the wording does, for the reader".into()));
            }
            if pattern.is_empty() {
                return Err(bad("an empty pattern".into()));
            }
            let pattern = RegexBuilder::new(pattern)
                .size_limit(PATTERN_SIZE_LIMIT)
                .dfa_size_limit(PATTERN_SIZE_LIMIT)
                .build()
                .map_err(|e| bad(format!("pattern {pattern:?}: {}", regex_problem(&e))))?;
            if pattern.is_match("") {
                return Err(bad(format!(
                    "pattern {:?} matches empty text, so it would match everywhere",
                    pattern.as_str()
                )));
            }
            if self.rules.len() >= MAX_RULES {
                return Err(bad(format!("more than {MAX_RULES} rules")));
            }
            self.rules.push(Rule { kind, polarity, pattern, reason: reason.to_string() });
        }
        Ok(())
    }
}

impl fmt::Debug for Rules {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.rules.iter().map(|r| (r.kind.as_str(), r.polarity, r.pattern.as_str()))).finish()
    }
}

/// The regex crate's message on one line: a syntax error is printed over
/// several (the pattern, a caret, then "error: what"); the last says what.
fn regex_problem(e: &regex::Error) -> String {
    let message = e.to_string();
    let last = message.lines().map(str::trim).rfind(|l| !l.is_empty()).unwrap_or("");
    last.strip_prefix("error: ").unwrap_or(last).to_string()
}

fn parse_kind(s: &str) -> Option<CueKind> {
    CueKind::ALL.into_iter().find(|k| k.as_str() == s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Rules, Error> {
        let mut rules = Rules::default();
        rules.add_tsv("rules.tsv", text).map(|()| rules)
    }

    #[test]
    fn a_file_of_rules_is_read_with_its_comments() {
        let rules =
            parse("# newsroom rules\n\nlabel\t-0.8\t(?i)\\bthug\\b\tinsult\nloaded\t0.5\tpraise\tpraise word\n")
                .unwrap();
        assert_eq!(rules.len(), 2);
        assert_eq!(rules.reason(1), Some("praise word"));
    }

    #[test]
    fn a_malformed_rule_names_its_line_and_what_is_wrong() {
        let cases = [
            ("label\t-0.8\tthug\n", "3 columns"),
            ("labels\t-0.8\tthug\tinsult\n", "unknown kind \"labels\""),
            ("label\t-2\tthug\tinsult\n", "not a number in -1..1"),
            ("label\tx\tthug\tinsult\n", "not a number in -1..1"),
            ("label\t-0.8\tthug\t \n", "an empty reason"),
            ("label\t-0.8\t(thug\tinsult\n", "unclosed group"),
            ("label\t-0.8\ta*\tinsult\n", "matches empty text"),
            ("label\t-0.8\t\\w{1000}{1000}\tinsult\n", "size limit"),
        ];
        for (line, problem) in cases {
            let text = format!("# ok\nloaded\t-0.5\tbad\tok\n{line}");
            let err = parse(&text).unwrap_err().to_string();
            assert!(err.starts_with("rules.tsv:3: "), "{err}");
            assert!(err.contains(problem), "{line:?}: {err}");
        }
    }
}
