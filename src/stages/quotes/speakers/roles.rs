//! Role speakers: a description ("le porte-parole du Kremlin") resolved to the person
//! named with the same role words elsewhere in the document.

use crate::model::EntityMention;
use crate::stages::quotes::cues::RoleHead;
use crate::text::{fold_str, sentence_of, word_spans};

use super::resolver::Resolver;
use super::score;
use super::speaker::Speaker;

impl Resolver<'_> {
    /// Resolves a role phrase `[start, end)` with head `head` to an entity: the name right
    /// after it (", Dmitri Peskov"), else a mention elsewhere in apposition with the same
    /// role words, else the person named just after the quote; else the role text itself.
    pub fn role(&self, start: usize, end: usize, head: RoleHead, quote_end: usize) -> Speaker {
        let phrase = &self.body[start..end];
        let named_inside = self
            .mentions
            .iter()
            .find(|m| m.start > head.start && m.end <= end && m.entity_type == head.entity_type);
        if let Some(m) = named_inside {
            return Speaker::of_mention(self.body, m, score::NAME_COLON);
        }
        if let Some(m) = self.mentions.iter().find(|m| {
            m.start >= end
                && m.start <= end + 3
                && m.entity_type == head.entity_type
                && matches!(self.body[end..m.start].trim_matches(' '), "" | ",")
        }) {
            return Speaker::of_mention(self.body, m, score::NAME_COLON);
        }
        // "the company said": the organisation the text is about, not one that shares
        // a role word elsewhere.
        if let Some(s) = self.org_described_back(start, end, head) {
            return s;
        }
        let words: Vec<String> = word_spans(phrase)
            .into_iter()
            .map(|(s, e)| fold_str(&phrase[s..e]))
            .filter(|w| w.chars().count() >= 4)
            .collect();
        let mut best: Option<(usize, usize, &EntityMention)> = None;
        for m in self
            .mentions
            .iter()
            .filter(|m| m.entity_type == head.entity_type)
        {
            let Some(shared) = self.apposition(m, head, &words) else {
                continue;
            };
            let distance = m.start.abs_diff(start);
            if best.is_none_or(|(s, d, _)| shared > s || (shared == s && distance < d)) {
                best = Some((shared, distance, m));
            }
        }
        if let Some((_, _, m)) = best {
            return Speaker::of_mention(self.body, m, score::ROLE);
        }
        // The role refers back to the subject of a recent sentence ("Trudeau made the
        // comments. The prime minister said …"), or forward to the next sentence's
        // ("«…», c'est ce qu'a affirmé le vice-ministre. Ali Bagheri Kani a fait …").
        let after = quote_end.max(end);
        let subject =
            |m: &&&EntityMention| m.entity_type == head.entity_type && self.opens_sentence(m);
        let previous = self
            .mentions
            .iter()
            .filter(|m| m.end <= start && m.start + 400 >= start)
            .rfind(subject);
        let next = self
            .mentions
            .iter()
            .filter(|m| m.start >= after && m.start <= after + 200)
            .find(subject);
        let next = next.filter(|m| !self.body[after..m.start].contains(['«', '“', '„', '"']));
        if let Some(m) = previous.or(next) {
            return Speaker::of_mention(self.body, m, score::ROLE_GUESS);
        }
        Speaker::described(phrase, score::ROLE_WEAK)
    }

    /// True when `m` starts its sentence (after at most one short word: "Le", "The").
    fn opens_sentence(&self, m: &EntityMention) -> bool {
        let Some(i) = sentence_of(&self.sentences, m.start) else {
            return false;
        };
        let lead = &self.body[self.sentences[i].0.min(m.start)..m.start];
        let words = word_spans(lead);
        words.is_empty() || (words.len() == 1 && lead[words[0].0..words[0].1].chars().count() <= 3)
    }

    /// How many role words the apposition next to `m` shares with the role phrase, when
    /// the nearest role head before (within 150 bytes) or right after `m` is `head`.
    fn apposition(&self, m: &EntityMention, head: RoleHead, words: &[String]) -> Option<usize> {
        let (ss, se) = sentence_of(&self.sentences, m.start)
            .map_or((0, self.body.len()), |i| self.sentences[i]);
        let from = ss.max(m.start.saturating_sub(150));
        let from = self.body.ceil_char_boundary(from);
        let before = self.cues.roles_in(self.body, from, m.start);
        if let Some(h) = before.last().filter(|h| h.id == head.id) {
            let between = &self.body[h.start..m.start];
            let other_person = self
                .mentions
                .iter()
                .any(|o| o.start > h.start && o.end <= m.start && o.entity_type == m.entity_type);
            if !other_person && !between.contains(['.', ';']) {
                return Some(shared_words(between, words));
            }
        }
        let to = se.min(m.end + 120).max(m.end);
        let to = self.body.floor_char_boundary(to);
        let after = self.cues.roles_in(self.body, m.end, to);
        let h = after
            .first()
            .filter(|h| h.id == head.id && h.start <= m.end + 25)?;
        let stop = self.body[h.end..to]
            .find(['.', ';', '('])
            .map_or(to, |i| h.end + i);
        Some(shared_words(&self.body[h.start..stop], words))
    }
}

fn shared_words(text: &str, words: &[String]) -> usize {
    let folded: Vec<String> = word_spans(text)
        .into_iter()
        .map(|(s, e)| fold_str(&text[s..e]))
        .collect();
    words.iter().filter(|w| folded.contains(w)).count()
}
