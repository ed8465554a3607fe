//! The lexical floor: text as tokens and words, before any list or model.
//!
//! - [`tokens`]: the tokenizer and character classes.
//! - [`words`]: tokens as the entity rules see them (abbreviations with their
//!   dot), case tests, lower-casing, the function words, the id of no word.
//! - [`hash`]: the fixed-seed hasher of every word table.
//! - [`shipped`]: the shipped data files as compiled in, and the reader of
//!   their lines.
//!
//! It imports nothing from the rest of the crate.

pub(crate) mod hash;
pub(crate) mod shipped;
pub(crate) mod tokens;
pub(crate) mod words;
