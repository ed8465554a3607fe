//! The resources floor: the shipped lists and models, parsed once and shared
//! by every analyzer.
//!
//! - [`gazetteer`]: the name lists (`data/names/*.tsv`).
//! - [`lexicon`]: the framing lexicons (`data/lexicons/*.tsv`).
//! - [`context_model`]: the weights of the context model
//!   (`data/lexicons/target_model.tsv`).
//! - [`references`]: the given names' sex and the role nouns and titles the
//!   reference rules read (`data/names/given_name_sex.tsv`, `roles.tsv`).
//!
//! They read words as the lexical floor makes them and label them with the
//! public types of [`model`](crate::model); no stage is imported.

pub(crate) mod context_model;
pub(crate) mod gazetteer;
pub(crate) mod lexicon;
pub(crate) mod references;
