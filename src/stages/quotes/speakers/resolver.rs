//! What speaker resolution knows about one document (`Resolver`: the body, its cues,
//! the candidate mentions, sentences, genders and the salience memo), and the mention
//! lookups every way of finding a speaker starts from: the speaker named right after a
//! point, the subject in a stretch, possessives.

use std::collections::HashMap;

use crate::model::{EntityMention, EntityType};
use crate::stages::quotes::cues::LangCues;
use crate::text::word_spans;

use super::memo::Memo;

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
    /// Salience memo, one slot per mention (see [`Memo`]).
    pub memo: Memo,
}

/// True for the entity types that can speak (PERSON, ORG).
pub fn speaker_type(t: EntityType) -> bool {
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
        let m = self.mentions.iter().find(|m| {
            m.start >= from
                && m.start < to
                && speaker_type(m.entity_type)
                && !possessive(self.body, m)
        })?;
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
}

/// True when `m` is a possessive ("Campbell’s partner"): not a speaker itself.
pub fn possessive(body: &str, m: &EntityMention) -> bool {
    crate::text::after_possessive(&body[m.end..]).is_some()
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
