//! Speaker resolution: names to their entity mention, pronouns to the latest person,
//! role descriptions ("le porte-parole du Kremlin") to the person named with that role.

use std::collections::HashMap;

use crate::model::{EntityMention, EntityType};
use crate::text::{sentence_of, word_spans};

use super::cues::{CueKind, LangCues};
use super::gender::agrees;

/// Scores of each way of finding a speaker (see the stage docs).
pub mod score {
    /// A name right next to the cue, after it ("», a déclaré Peskov").
    pub const NAME_ADJACENT: f32 = 0.9;
    /// A name before a colon cue ("Dupont a déclaré : «").
    pub const NAME_COLON: f32 = 0.85;
    /// The subject of the sentence, farther from the cue.
    pub const NAME_SUBJECT: f32 = 0.75;
    /// A pronoun resolved to the previous quote's speaker.
    pub const PRONOUN: f32 = 0.7;
    /// A pronoun resolved to the latest person mention.
    pub const PRONOUN_MENTION: f32 = 0.65;
    /// A cue with no subject ("», ha aggiunto."), resolved like a pronoun.
    pub const IMPLICIT_SUBJECT: f32 = 0.6;
    /// A role resolved through an apposition elsewhere in the document.
    pub const ROLE: f32 = 0.6;
    /// An "according to" source.
    pub const ACCORDING_TO: f32 = 0.6;
    /// A capitalised name right next to the cue that no entity mention covers.
    pub const NAME_UNLINKED: f32 = 0.6;
    /// A role left unresolved, or resolved to the person named next to it.
    pub const ROLE_WEAK: f32 = 0.45;
    /// A quote paragraph continuing the previous quote.
    pub const CONTINUATION: f32 = 0.5;
    /// A cue without a speaker.
    pub const CUE_ONLY: f32 = 0.3;
    /// No attribution at all.
    pub const NONE: f32 = 0.2;
}

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

/// What resolution needs to know about one document.
pub struct Resolver<'a> {
    /// The body.
    pub body: &'a str,
    /// The document language's cues.
    pub cues: &'a LangCues,
    /// Entity mentions outside quotations, sorted by start.
    pub mentions: Vec<&'a EntityMention>,
    /// Sentence spans of the body.
    pub sentences: Vec<(usize, usize)>,
    /// Gender of each person (by canonical name) where the document shows it.
    pub genders: HashMap<String, char>,
}

fn speaker_type(t: EntityType) -> bool {
    matches!(t, EntityType::Person | EntityType::Org)
}

impl Resolver<'_> {
    /// The first PERSON/ORG mention starting in `[from, to)` after at most `max_words`
    /// words and no punctuation.
    pub fn name_right_after(
        &self,
        from: usize,
        to: usize,
        max_words: usize,
    ) -> Option<&EntityMention> {
        let m = self
            .mentions
            .iter()
            .find(|m| m.start >= from && m.start < to && speaker_type(m.entity_type))?;
        let gap = &self.body[from..m.start];
        (word_spans(gap).len() <= max_words && !has_punctuation(gap)).then_some(*m)
    }

    /// The last mention inside `[from, to)`, PERSON preferred over ORG.
    pub fn subject_in(&self, from: usize, to: usize) -> Option<&EntityMention> {
        let inside = || {
            self.mentions
                .iter()
                .filter(move |m| m.start >= from && m.end <= to)
        };
        inside()
            .rfind(|m| m.entity_type == EntityType::Person)
            .or_else(|| inside().rfind(|m| m.entity_type == EntityType::Org))
            .copied()
    }

    /// A pronoun's referent, agreeing with its `gender` when both are known: the last
    /// person who was the subject of a speech verb since the previous quote ("Carey said
    /// … \n “…,” she said"), else the previous quote's speaker when a person, else the
    /// latest PERSON mention before `before`.
    pub fn pronoun(&self, before: usize, prev: PrevQuote, gender: Option<char>) -> Option<Speaker> {
        let agrees_with = |name: &str| agrees(self.genders.get(name).copied(), gender);
        let persons = || {
            self.mentions.iter().filter(move |m| {
                m.end <= before
                    && m.entity_type == EntityType::Person
                    && agrees_with(&m.entity_name)
            })
        };
        let since = prev.close_end.min(before);
        if let Some(m) = persons()
            .filter(|m| m.start >= since)
            .rfind(|m| self.speaks(m, before))
        {
            return Some(Speaker::of_mention(self.body, m, score::PRONOUN));
        }
        let prev_agrees = |p: &&Speaker| p.person && p.name.as_deref().is_none_or(agrees_with);
        if let Some(speaker) = prev.speaker.filter(prev_agrees) {
            return Some(speaker.with_score(score::PRONOUN));
        }
        let m = persons().next_back()?;
        Some(Speaker::of_mention(self.body, m, score::PRONOUN_MENTION))
    }

    /// True when `m` is the subject of a speech verb later in its sentence with no other
    /// person between ("Carey said", "Arafeh, a translator in Halifax, said"), or stands
    /// right after one ("said Carey"); only text before `limit` counts.
    pub fn speaks(&self, m: &EntityMention, limit: usize) -> bool {
        let sentence_end =
            sentence_of(&self.sentences, m.start).map_or(limit, |i| self.sentences[i].1);
        let to = self
            .body
            .floor_char_boundary((m.end + 150).min(limit).min(sentence_end));
        let after = self.cues.cues_in(self.body, m.end, to.max(m.end));
        let other_person = |a: usize, b: usize| {
            self.mentions
                .iter()
                .any(|o| o.start >= a && o.end <= b && o.entity_type == EntityType::Person)
        };
        if after
            .iter()
            .find(|c| c.kind == CueKind::Speech)
            .is_some_and(|c| !other_person(m.end, c.start))
        {
            return true;
        }
        let from = self.body.ceil_char_boundary(m.start.saturating_sub(40));
        let before = self.cues.cues_in(self.body, from, m.start);
        before
            .last()
            .is_some_and(|c| self.body[c.end..m.start].trim().is_empty())
    }
}

/// Punctuation in a gap between a cue and a name, except the stop of a short
/// capitalised title ("said Dr. Rutledge", "a déclaré M. Peskov").
fn has_punctuation(gap: &str) -> bool {
    let mut titles = 0;
    for (s, e) in word_spans(gap) {
        let word = &gap[s..e];
        if gap[e..].starts_with('.')
            && word.chars().count() <= 4
            && word.chars().next().is_some_and(char::is_uppercase)
        {
            titles += 1;
        }
    }
    gap.matches('.').count() > titles || gap.contains([',', ';', ':', '(', '\n'])
}
