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
//!
//! # Floors
//!
//! The modules stand on floors; a module imports from its own floor and the
//! floors below it, never from one above (`tests/layers.rs` checks it).
//! Bottom to top:
//!
//! 1. lexical (`lexical/`): tokens and character classes, case tests and
//!    lower-casing, the function words, the hasher, the shipped data files
//!    and the reader of their lines. Imports nothing of the crate.
//! 2. types (`model`, `error`, `config`, `rules`): the public data types and
//!    settings, user rule files among them.
//! 3. resources (`resources/`): the shipped lists and models, parsed once:
//!    the gazetteer, the framing lexicons, the context model's weights.
//! 4. word table (`vocab`): every distinct word of a document looked up once
//!    in the resources, known by an id.
//! 5. stages, each above the one before:
//!    segment (`segment`) → entities with references (`entities/`) → framing
//!    (`framing/`; it gets what it needs of the entity table as a demonym →
//!    country lookup, not the table) → aggregate and scoring (`aggregate`).
//! 6. the analyzer (`analyzer`, `workloads` and this root): drives the
//!    stages.
//!
//! Unit tests (`#[cfg(test)]` modules) may use any floor.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod aggregate;
mod analyzer;
mod config;
mod entities;
mod error;
mod framing;
mod lexical;
mod model;
mod resources;
#[cfg(feature = "rules")]
mod rules;
mod segment;
mod vocab;
#[cfg(feature = "_bench")]
#[doc(hidden)]
pub mod workloads;

pub use aggregate::{polarity_of, POLARITY_THRESHOLD, STRONG_SCORE};
pub use analyzer::{analyze, Analyzer};
pub use config::{Config, SentenceLimit, MENTIONS_KEPT, MIN_SENTENCE_BYTES};
pub use error::Error;
pub use model::{
    Analysis, Basis, Confidence, Context, ContextWord, Cue, CueCounts, CueKind, Entity, EntityMention, Framing, Label,
    Mention, MentionKind, Polarity, Sentence, SentenceReport, Summary,
};
#[cfg(feature = "rules")]
pub use rules::{Rules, MAX_RULES};
pub use segment::SentenceSplitter;

/// The README's Rust examples, compiled and run as doctests.
#[doc = include_str!("../../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
