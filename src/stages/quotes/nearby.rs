//! Who stands right next to a cue: an entity mention or a role phrase, whichever comes
//! first, and names the entities stage did not tag (capitalised words).

use crate::text::word_spans;

use crate::model::EntityType;

use super::cues::RoleHead;
use super::speakers::{score, Resolver, Speaker};

impl Resolver<'_> {
    /// A role phrase whose first head starts within five words of `from` with no
    /// punctuation before it ("à la presse le vice-ministre iranien des Affaires
    /// étrangères"): its span from the head's article to the next punctuation, and its head
    /// (the first person head of the phrase, so "the ministry's spokesman" is a person).
    pub fn role_phrase(&self, from: usize, to: usize) -> Option<(usize, usize, RoleHead)> {
        let heads = self.cues.roles_in(self.body, from, to);
        let first = *heads.first()?;
        let lead = &self.body[from..first.start];
        let lead_words = word_spans(lead);
        if lead_words.len() > 5
            || lead.contains([',', '.', ';', ':', '(', '«', '»', '“', '”', '"', '\n'])
        {
            return None;
        }
        let article = lead_words.last().filter(|&&(s, e)| {
            let w = &lead[s..e];
            lead[e..].trim().chars().all(|c| c == '\'' || c == '’')
                && w.chars().count() <= 3
                && w.chars().skip(1).all(char::is_lowercase)
        });
        let start = article.map_or(first.start, |&(s, _)| from + s);
        let stop = self.body[first.end..to]
            .find([',', '.', ';', ':', '(', '\n', '«', '“', '"', '—'])
            .map_or(to, |i| first.end + i);
        let end = start + self.body[start..stop].trim_end().len();
        let head = heads
            .iter()
            .filter(|h| h.end <= end)
            .find(|h| h.entity_type == EntityType::Person)
            .copied()
            .unwrap_or(first);
        Some((start, end, head))
    }

    /// The speaker named within a few words after `from` (before `to`): a mention, or a
    /// role phrase when its head comes before any mention ("le porte-parole du Kremlin"),
    /// or else a run of capitalised words no entity covers ("Jean Dupont").
    pub fn named_after(
        &self,
        from: usize,
        to: usize,
        quote_end: usize,
        named: f32,
    ) -> Option<Speaker> {
        let name = self.name_right_after(from, to, 3);
        match (name, self.role_phrase(from, to)) {
            (Some(m), Some((s, e, head))) if head.start < m.start => {
                Some(self.role(s, e, head, quote_end))
            }
            (Some(m), _) => Some(Speaker::of_mention(self.body, m, named)),
            (None, Some((s, e, head))) => Some(self.role(s, e, head, quote_end)),
            (None, None) => self.bare_name(from, to, true),
        }
    }

    /// A run of up to four capitalised words (particles allowed inside, nothing but
    /// spaces between them) that starts the text `[from, to)` (`leading`) or ends it
    /// (otherwise), and is not a pronoun: an untagged name, scored lower.
    pub fn bare_name(&self, from: usize, to: usize, leading: bool) -> Option<Speaker> {
        let text = &self.body[from..to];
        let mut words = word_spans(text);
        if !leading {
            words.reverse();
        }
        let capital = |(s, e): (usize, usize)| {
            text[s..e].chars().next().is_some_and(char::is_uppercase)
                && !self.cues.is_pronoun(&text[s..e])
        };
        let particle = |(s, e): (usize, usize)| {
            text[s..e].chars().count() <= 3 && text[s..e].chars().all(char::is_lowercase)
        };
        let edge = match words.first() {
            Some(&(s, e)) if leading => text[..s].trim().is_empty().then_some((s, e)),
            Some(&(s, e)) => text[e..].trim().is_empty().then_some((s, e)),
            None => None,
        }?;
        if !leading && !capital(edge) {
            return None;
        }
        let mut run = vec![edge];
        for &w in &words[1..] {
            let prev = run[run.len() - 1];
            let gap = if leading {
                &text[prev.1..w.0]
            } else {
                &text[w.1..prev.0]
            };
            if !gap.trim().is_empty() || !(capital(w) || particle(w)) || run.len() == 5 {
                break;
            }
            run.push(w);
        }
        while run.last().is_some_and(|&w| !capital(w)) {
            run.pop();
        }
        let skip = run.iter().take_while(|&&w| !capital(w)).count();
        let run = &run[skip..];
        let (a, b) = (run.first()?, run.last()?);
        let (s, e) = if leading { (a.0, b.1) } else { (b.0, a.1) };
        // "Aug.", "Dr.": abbreviations are not names; nor is a lone "A".
        let abbreviation = |&(ws, we): &(usize, usize)| text[we..].starts_with('.') && we - ws <= 4;
        if run.iter().any(abbreviation) || (run.len() == 1 && e - s <= 2) {
            return None;
        }
        Some(Speaker::described(&text[s..e], score::NAME_UNLINKED))
    }
}
