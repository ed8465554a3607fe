//! Named-entity mentions, their labels, and the per-document entity table
//! that groups name variants ("Xi Jinping" … "Xi") into one entity.

use crate::config::Config;
use crate::model::{Entity, Mention, Sentence};
use crate::tokens::Token;

/// The per-document entity table; finds and links mentions sentence by sentence.
#[derive(Debug)]
pub(crate) struct EntityTracker {
    entities: Vec<Entity>,
}

impl EntityTracker {
    pub(crate) fn new(_config: &Config) -> Self {
        EntityTracker { entities: Vec::new() }
    }

    /// Finds the mentions in sentence number `index` and links each to an entity.
    pub(crate) fn process(&mut self, _sentence: &Sentence, _index: usize, _tokens: &[Token]) -> Vec<Mention> {
        Vec::new()
    }

    /// The entities known so far, by id.
    pub(crate) fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// The final entities, by id, with document-level labels.
    pub(crate) fn finish(self) -> Vec<Entity> {
        self.entities
    }
}
