//! What the cue lexicon finds in a body: attribution cues with their kind, and role
//! heads.

use crate::model::EntityType;

/// What kind of attribution a cue is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueKind {
    /// A speech verb ("a déclaré", "said", "sagte").
    Speech,
    /// A source cue whose argument is the speaker ("selon", "according to", "laut").
    AccordingTo,
    /// An impersonal speech cue with no speaker ("hieß es", "peut-on lire"), marked
    /// `| impersonal` in `speech_verbs`.
    Impersonal,
}

/// One cue found in the body (byte offsets).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cue {
    /// Start of the cue.
    pub start: usize,
    /// One past the cue.
    pub end: usize,
    /// Speech verb or source cue.
    pub kind: CueKind,
}

/// A role noun found in the body (byte offsets of the head word).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoleHead {
    /// Start of the head.
    pub start: usize,
    /// One past the head.
    pub end: usize,
    /// Index of the head in the language's role list (equal index = same role).
    pub id: usize,
    /// PERSON for people, ORG for institutions ("l'agence").
    pub entity_type: EntityType,
}
