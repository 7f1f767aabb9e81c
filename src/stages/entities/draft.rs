//! The two shapes of a mention in the making, shared by every pass of the stage: a
//! [`Candidate`] (a capitalised sequence found by pattern, typed when its context
//! confirms it) and a [`Draft`] (a mention with its id and type, before its name and
//! sentence are filled in).

use crate::model::EntityType;

/// A capitalised sequence found by pattern.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Candidate {
    /// Byte offset of the first word.
    pub(crate) start: usize,
    /// Byte offset one past the last word.
    pub(crate) end: usize,
    /// The type the context gives it; `None` when nothing confirms it.
    pub(crate) entity_type: Option<EntityType>,
    /// Confidence (0 when unconfirmed).
    pub(crate) score: f32,
    /// Number of capitalised words.
    pub(crate) cap_words: usize,
}

/// A mention before names and sentences are filled in.
#[derive(Debug, Clone)]
pub(crate) struct Draft {
    /// Byte offset of the mention.
    pub(crate) start: usize,
    /// Byte offset one past the mention.
    pub(crate) end: usize,
    /// Entity id: a knowledge-base id, else the derived id of its skeleton.
    pub(crate) id: String,
    /// Coarse type.
    pub(crate) entity_type: EntityType,
    /// The KB canonical name, when the entity is known.
    pub(crate) canonical: Option<String>,
    /// How it was found: `gazetteer`, `pattern` or `coref`.
    pub(crate) method: &'static str,
    /// Confidence, in [0, 1].
    pub(crate) score: f32,
}
