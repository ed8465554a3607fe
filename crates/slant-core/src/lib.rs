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
//! # Reading the analysis
//!
//! Each entity has a framing verdict and the evidence behind it: the cues
//! that frame it (indices into `cues`) and what the learned context model
//! reads in the wording around it.
//!
//! ```
//! use slant_core::{analyze, Config, Polarity};
//!
//! let a = analyze("Critics called Senator Jane Doe a notorious liar on Monday.", Config::default());
//! let doe = a.entities.iter().find(|e| e.name == "Jane Doe").unwrap();
//! assert_eq!(doe.framing.polarity, Polarity::Negative);
//! for &i in &doe.framing.cues {
//!     let cue = &a.cues[i];
//!     println!("{:?} {:?}: {}", cue.kind, cue.text, cue.reason); // Label "notorious liar": …
//! }
//! ```
//!
//! # A corpus: one analyzer, many documents
//!
//! [`Analyzer::finish_document`] ends one document and readies the analyzer
//! for the next, analysed exactly as by a new analyzer but keeping its word
//! table, so a corpus of short documents is not looked up afresh each time.
//! Use one analyzer per thread (the CLI's `--corpus` does, with rayon).
//!
//! ```
//! use slant_core::{Analyzer, Config};
//!
//! let documents = ["Ann Lee won the vote.", "Critics mocked Bob Jones.", "It rained."];
//! let mut analyzer = Analyzer::new(Config::default());
//! let analyses: Vec<_> = documents
//!     .iter()
//!     .map(|text| {
//!         analyzer.push(text);
//!         analyzer.finish_document()
//!     })
//!     .collect();
//! assert_eq!(analyses[1].entities[0].name, "Bob Jones");
//! assert!(analyses[2].entities.is_empty());
//! ```
//!
//! # Your own cues: rule files
//!
//! With the cargo feature `rules`, [`Config::add_rules_tsv`] reads rules of
//! the form `kind<TAB>polarity<TAB>pattern<TAB>reason`; every match of a
//! pattern is a cue of that kind, aimed as the built-in cues are ([`Rules`]
//! has the format).
//!
//! ```
//! # #[cfg(feature = "rules")] {
//! use slant_core::{analyze, Config, CueKind};
//!
//! let mut config = Config::default();
//! config.add_rules_tsv("newsroom.tsv", "label\t-0.6\t\\bRINO\\b\tparty insult\n")?;
//! let a = analyze("Critics call Senator Jane Doe a RINO.", config);
//! let cue = a.cues.iter().find(|c| c.reason == "party insult").unwrap();
//! assert_eq!((cue.kind, cue.target.map(|e| a.entities[e].name.as_str())), (CueKind::Label, Some("Jane Doe")));
//! # }
//! # Ok::<(), slant_core::Error>(())
//! ```
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
//!    the gazetteer, the framing lexicons, the context model's weights, the
//!    reference rules' lists (given names' sex, role nouns, titles).
//! 4. word table (`vocab`): every distinct word of a document looked up once
//!    in the resources, known by an id; it also makes each sentence's one
//!    table of tokens with their words, in the pass that tokenizes, which
//!    every stage reads.
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
    Analysis, Basis, CompactString, Confidence, Context, ContextWord, Cue, CueCounts, CueKind, Entity, EntityMention,
    Framing, Label, Mention, MentionKind, Polarity, Sentence, SentenceReport, Summary,
};
#[cfg(feature = "rules")]
pub use rules::{Rules, MAX_RULES};
pub use segment::SentenceSplitter;

/// The README's Rust examples, compiled and run as doctests.
#[doc = include_str!("../../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
