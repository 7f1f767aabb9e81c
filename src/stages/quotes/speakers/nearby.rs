//! Who stands right next to a cue: an entity mention or a role phrase, whichever comes
//! first, and names the entities stage did not tag (capitalised words).

use crate::model::EntityType;
use crate::stages::quotes::candidates::name_run;
use crate::stages::quotes::cues::RoleHead;
use crate::text::word_spans;

use super::resolver::Resolver;
use super::score;
use super::speaker::Speaker;

/// Most words of a description holding a complement before an apposed name ("le
/// ministre de l'Intérieur, Gérald Dupont").
const MAX_COMPLEMENT_WORDS: usize = 9;

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

    /// "says Campbell’s partner, Jason Louth", "dijo el portavoz, Juan Pérez": a short
    /// description that does not start with a name, a comma, then the name (a mention,
    /// else capitalised words) standing alone up to the next punctuation. A description
    /// with a complement ("el consejero de Agricultura, Manuel Ortega") takes only a
    /// person there: a person mention, or an untagged run of two or more words.
    pub fn appositive_name(&self, from: usize, to: usize, named: f32) -> Option<Speaker> {
        let text = &self.body[from..to];
        let comma = text.find(',')?;
        let head = &text[..comma];
        let words: Vec<&str> = word_spans(head).iter().map(|&(s, e)| &head[s..e]).collect();
        let first = *words.first()?;
        let possessive = |w: &str| w.ends_with("'s") || w.ends_with("’s");
        // A determiner or a possessive, then only content words ("the affable proprietor").
        let lead_ok = possessive(first)
            || self.cues.words.is_stopword(first)
            || first.chars().next().is_some_and(char::is_lowercase);
        // A complement inside the description ("the head of Acme Corp", "el consejero
        // de Agricultura") may hold function words; then only a person may follow, so
        // "the mayor of Springfield, Illinois" names no place.
        let complement = words[1..].iter().any(|w| self.cues.words.is_stopword(w));
        let max_words = if complement { MAX_COMPLEMENT_WORDS } else { 6 };
        if words.len() > max_words || !lead_ok || head.contains(['.', ';', ':', '(', '\n']) {
            return None;
        }
        let at = from + comma + 1;
        let rest_end = self.body[at..to]
            .find([',', '.', ';', ':', '(', '\n'])
            .map_or(to, |i| at + i);
        if let Some(m) = self.name_right_after(at, rest_end, 0) {
            // A mention running past the clause's end leaves no tail: it does not fit.
            let tail_empty = self
                .body
                .get(m.end..rest_end)
                .is_some_and(|t| t.trim().is_empty());
            let fits = !complement || m.entity_type == EntityType::Person;
            return (fits && tail_empty).then(|| Speaker::of_mention(self.body, m, named));
        }
        let s = self.bare_name(at, rest_end, true)?;
        let name = s.text.as_deref().unwrap_or("");
        let overlaps_place = self
            .mentions
            .iter()
            .any(|m| m.start < rest_end && at < m.end);
        let person_like = !complement || (name.contains(' ') && !overlaps_place);
        (person_like && self.body[at..rest_end].trim() == name).then_some(s)
    }

    /// The name run (see [`name_run`]) that starts the text `[from, to)` (`leading`)
    /// or ends it (otherwise): an untagged name, scored lower.
    pub fn bare_name(&self, from: usize, to: usize, leading: bool) -> Option<Speaker> {
        let text = &self.body[from..to];
        let (s, e) = name_run(text, self.cues, leading)?;
        Some(Speaker::described(&text[s..e], score::NAME_UNLINKED))
    }
}
