//! Framing cues: labels, scare quotes, doubt, loaded attribution and loaded
//! words, each attached to the entity it frames.

use crate::config::Config;
use crate::entities::EntityTracker;
use crate::model::{Cue, Mention, Sentence};
use crate::tokens::Token;

/// Finds the cues of one sentence at a time.
#[derive(Debug)]
pub(crate) struct CueFinder {}

impl CueFinder {
    pub(crate) fn new(_config: &Config) -> Self {
        CueFinder {}
    }

    /// The cues of sentence number `index`, targeted at its `mentions`.
    pub(crate) fn process(
        &mut self,
        _sentence: &Sentence,
        _index: usize,
        _tokens: &[Token],
        _mentions: &[Mention],
        _entities: &EntityTracker,
    ) -> Vec<Cue> {
        Vec::new()
    }
}
