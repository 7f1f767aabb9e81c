//! Organisation descriptions: "the company said", "la société a indiqué", "das
//! Unternehmen teilte mit" stand for the organisation the text is about, the way "the
//! affable proprietor" stands for the person it is about.

use std::collections::HashMap;

use crate::model::{EntityMention, EntityType};
use crate::stages::quotes::cues::RoleHead;
use crate::text::sentence_of;

use super::resolver::{possessive, Resolver};
use super::score;
use super::speaker::Speaker;

/// How far before the description (bytes, quotes included) an organisation still counts
/// as near; farther, the document's most mentioned organisation stands for it.
const NEAR: usize = 800;

/// Most modifiers between the article and the organisation noun ("the security firm",
/// "the Toronto-based software company").
const MAX_MODIFIERS: usize = 3;

impl Resolver<'_> {
    /// The organisation a definite description `[start, end)` with an organisation head
    /// (`quote_roles` marked `| ORG`) stands for, scored [`score::ORG_DESCRIBED_BACK`]:
    /// the subject of the last sentence before it naming an organisation within
    /// [`NEAR`] bytes, else the nearest organisation there, else the document's most
    /// mentioned organisation. None when the phrase is no such description: an
    /// indefinite one ("a company"), a possessive ("the company's chief executive"), an
    /// entity inside it, or a name apposed after it ("the company, Acme Corp,").
    pub fn org_described_back(&self, start: usize, end: usize, head: RoleHead) -> Option<Speaker> {
        if head.entity_type != EntityType::Org || !self.definite_org_phrase(start, head) {
            return None;
        }
        let after = &self.body[head.end..];
        let apposed = after
            .strip_prefix(',')
            .map(str::trim_start)
            .is_some_and(|rest| rest.starts_with(char::is_uppercase));
        let inside = self.mentions.iter().any(|m| m.start < end && start < m.end);
        if apposed || inside || crate::text::after_possessive(after).is_some() {
            return None;
        }
        let org = |m: &&&EntityMention| {
            m.entity_type == EntityType::Org && m.end <= start && !possessive(self.body, m)
        };
        let near = self
            .mentions
            .iter()
            .filter(|m| m.start + NEAR >= start)
            .rfind(org);
        let referent = match near {
            Some(last) => {
                let sentence = sentence_of(&self.sentences, last.start);
                let same = |m: &&&EntityMention| {
                    org(m)
                        && m.start + NEAR >= start
                        && sentence_of(&self.sentences, m.start) == sentence
                };
                self.mentions
                    .iter()
                    .filter(same)
                    .find(|m| !self.after_function_word(m))
                    .unwrap_or(last)
            }
            None => self.most_mentioned_org()?,
        };
        Some(Speaker::of_mention(
            self.body,
            referent,
            score::ORG_DESCRIBED_BACK,
        ))
    }

    /// True when a definite article (`quote_determiners` marked `| back`, "l’" elided
    /// onto the head included) opens the phrase at `start` or stands at most
    /// [`MAX_MODIFIERS`] lowercase words before the head ("the security firm"), with no
    /// punctuation, quotation mark or function word between.
    fn definite_org_phrase(&self, start: usize, head: RoleHead) -> bool {
        let from = self
            .body
            .floor_char_boundary(start.min(head.start.saturating_sub(60)));
        let lead = &self.body[from..head.start];
        let cut = lead
            .rfind([',', '.', ';', ':', '(', '\n', '«', '»', '“', '”', '"', '—'])
            .and_then(|i| lead[i..].chars().next().map(|c| i + c.len_utf8()))
            .unwrap_or(0);
        let lead = &lead[cut..];
        let tokens: Vec<&str> = lead.split_whitespace().collect();
        let Some(k) = tokens
            .iter()
            .rposition(|t| self.cues.words.is_back_determiner(t))
        else {
            return false;
        };
        let modifiers = &tokens[k + 1..];
        modifiers.len() <= MAX_MODIFIERS
            && modifiers.iter().all(|w| {
                w.starts_with(char::is_lowercase)
                    && !self.cues.words.is_stopword(w)
                    && !self.cues.words.is_determiner(w)
            })
    }

    /// The organisation with the most mentions in the document (the earliest on a tie).
    fn most_mentioned_org(&self) -> Option<&EntityMention> {
        let mut counts: HashMap<&str, (usize, &EntityMention)> = HashMap::new();
        for m in self.mentions.iter().copied() {
            if m.entity_type == EntityType::Org {
                counts.entry(m.entity_name.as_str()).or_insert((0, m)).0 += 1;
            }
        }
        // Most mentions first, then the earliest first mention: no hash order leaks out.
        counts
            .into_values()
            .max_by_key(|(n, first)| {
                let earliest = std::cmp::Reverse((first.start, first.entity_name.as_str()));
                (*n, earliest)
            })
            .map(|(_, first)| first)
    }
}
