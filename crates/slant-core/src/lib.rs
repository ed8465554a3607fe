//! slant-core: how a news article's wording frames the people and
//! institutions it names — sentences, named entities, framing cues and a
//! per-entity score backed by its evidence. No I/O, no model download,
//! streaming in bounded memory.
//!
//! ```
//! use slant_core::{analyze, Analyzer, Config};
//!
//! let text = "The senator spoke on Monday. Critics called it a stunt.";
//! let analysis = analyze(text, Config::default());
//! assert_eq!(analysis.sentences.len(), 2);
//! assert_eq!(analysis.sentences[1].text, "Critics called it a stunt.");
//!
//! // The same, streamed: sentences come out as soon as they are final.
//! let mut analyzer = Analyzer::new(Config::default());
//! let mut seen = analyzer.feed("The senator spoke on Monday. Crit");
//! seen.extend(analyzer.feed("ics called it a stunt."));
//! seen.extend(analyzer.flush());
//! assert_eq!(seen.len(), 2);
//! ```
//!
//! Offsets are absolute UTF-8 byte spans over the whole input, half-open,
//! and `text == input[start..end]` always holds.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod aggregate;
mod analyzer;
mod config;
mod entities;
mod error;
mod framing;
mod hash;
mod model;
mod segment;
mod shipped;
mod tokens;
mod vocab;
#[doc(hidden)]
pub mod workloads;

pub use aggregate::{polarity_of, POLARITY_THRESHOLD, STRONG_SCORE};
pub use analyzer::{analyze, Analyzer};
pub use config::{Config, MENTIONS_KEPT};
pub use error::Error;
pub use model::{
    Analysis, Basis, Confidence, Context, ContextWord, Cue, CueCounts, CueKind, Entity, EntityMention, Framing, Label,
    Mention, MentionKind, Polarity, Sentence, SentenceReport, Summary,
};
pub use segment::SentenceSplitter;

/// The README's Rust examples, compiled and run as doctests.
#[doc = include_str!("../../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
