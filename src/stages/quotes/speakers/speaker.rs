//! A speaker as attribution finds it (a mention, a pronoun's referent, a description
//! kept as written) with its score, and the previous quote's speaker that pronouns and
//! continuations fall back on.

use crate::model::{EntityMention, EntityType};

/// A resolved (or partly resolved) speaker.
#[derive(Debug, Clone, PartialEq)]
pub struct Speaker {
    /// The name as written near the quote (or the name a pronoun/role stands for).
    pub text: Option<String>,
    /// Entity id of the speaker.
    pub id: Option<String>,
    /// Canonical name of the speaker.
    pub name: Option<String>,
    /// The speaker is a PERSON entity.
    pub person: bool,
    /// Confidence in [0, 1].
    pub score: f32,
}

impl Speaker {
    /// The speaker named by `m`, as written in `body`.
    pub fn of_mention(body: &str, m: &EntityMention, score: f32) -> Self {
        Speaker {
            text: body.get(m.start..m.end).map(str::to_string),
            id: (!m.entity_id.is_empty()).then(|| m.entity_id.clone()),
            name: Some(m.entity_name.clone()),
            person: m.entity_type == EntityType::Person,
            score,
        }
    }

    /// A speaker known only by a description (no entity).
    pub fn described(text: &str, score: f32) -> Self {
        Speaker {
            text: Some(text.trim().to_string()),
            id: None,
            name: None,
            person: false,
            score,
        }
    }

    /// The same speaker with another score.
    pub fn with_score(&self, score: f32) -> Self {
        Speaker {
            score,
            ..self.clone()
        }
    }
}

/// The quote before the one being attributed.
#[derive(Debug, Clone, Copy, Default)]
pub struct PrevQuote<'a> {
    /// Its speaker, when found.
    pub speaker: Option<&'a Speaker>,
    /// Byte offset one past its closing mark (0 when there is none).
    pub close_end: usize,
}
