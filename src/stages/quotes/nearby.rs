//! Who stands right next to a cue: an entity mention or a role phrase, whichever comes
//! first, and names the entities stage did not tag (capitalised words).

use crate::text::{sentence_of, word_spans};

use crate::model::{EntityMention, EntityType};

use super::candidates::name_run;
use super::cues::RoleHead;
use super::salience::possessive;
use super::speakers::{score, PrevQuote, Resolver, Speaker};

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
            let tail = &self.body[m.end..rest_end];
            let fits = !complement || m.entity_type == EntityType::Person;
            return (fits && tail.trim().is_empty())
                .then(|| Speaker::of_mention(self.body, m, named));
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

    /// A description opening `[from, to)` with a determiner ("the father", "a citizen,
    /// whose name …", "un diplomate sous couvert d’anonymat"), up to the first
    /// punctuation, at most 7 words: the speaker as written, with no entity. Whom a
    /// description stands for is left open: "the report" and "the father" are not the
    /// person named just before.
    pub fn described(&self, from: usize, to: usize) -> Option<Speaker> {
        self.described_at(from, to)
            .or_else(|| self.described_before(from, to))
    }

    /// A short description ending `[from, to)` right before a verb: "What the
    /// commission described as «…»" gives "the commission" (determiner, at most three
    /// more words, no punctuation).
    fn described_before(&self, from: usize, to: usize) -> Option<Speaker> {
        let text = &self.body[from..to];
        let words = word_spans(text);
        let n = words.len();
        let word = |k: usize| &text[words[k].0..words[k].1];
        let determiner = (n.saturating_sub(4)..n.saturating_sub(1))
            .find(|&k| self.cues.words.is_determiner(word(k)));
        let Some(k) = determiner else {
            return self.bare_plural_before(text, &words);
        };
        let phrase = &text[words[k].0..];
        let content = &text[words[k + 1].0..words[n - 1].1];
        let name_like = content.starts_with(char::is_uppercase);
        (text[words[n - 1].1..].trim().is_empty()
            && !name_like
            && !phrase.contains([',', '.', ';', ':', '(', '\n', '«', '»', '“', '”', '"', '—']))
        .then(|| Speaker::described(phrase, score::DESCRIBED))
    }

    /// "Finance officials had admitted «…»": a plural role noun (`quote_roles`) as the
    /// last word before the verb, or before one short auxiliary, with the capitalised
    /// word right before it.
    fn bare_plural_before(&self, text: &str, words: &[(usize, usize)]) -> Option<Speaker> {
        let n = words.len();
        let word = |k: usize| &text[words[k].0..words[k].1];
        let last = n.checked_sub(1)?;
        let aux =
            |k: usize| word(k).chars().count() <= 4 && word(k).starts_with(char::is_lowercase);
        let k = if aux(last) {
            last.checked_sub(1)?
        } else {
            last
        };
        let noun = word(k);
        if !noun.ends_with('s') || !noun.starts_with(char::is_lowercase) {
            return None;
        }
        if !self.cues.is_role_word(noun) || !text[words[last].1..].trim().is_empty() {
            return None;
        }
        let qualifier = k
            .checked_sub(1)
            .filter(|&j| word(j).starts_with(char::is_uppercase))
            .filter(|&j| text[words[j].1..words[k].0].trim().is_empty());
        let s = qualifier.map_or(words[k].0, |j| words[j].0);
        Some(Speaker::described(&text[s..words[k].1], score::DESCRIBED))
    }

    fn described_at(&self, from: usize, to: usize) -> Option<Speaker> {
        let text = &self.body[from..to];
        let start = text.len() - text.trim_start().len();
        let stop = text[start..]
            .find([',', '.', ';', ':', '(', '\n', '«', '»', '“', '”', '"', '—'])
            .map_or(text.len(), |i| start + i);
        let phrase = text[start..stop].trim_end();
        let words = word_spans(phrase);
        let &(fs, fe) = words.first()?;
        // "l’agence" is one word holding its determiner; "the" alone is no description.
        let elided = phrase[fs..fe].contains(['\'', '’']);
        if !self.cues.words.is_determiner(&phrase[fs..fe])
            || fs > 0
            || words.len() > 7
            || (words.len() == 1 && !elided)
        {
            return None;
        }
        Some(Speaker::described(phrase, score::DESCRIBED))
    }

    /// A description (see [`Self::described`]) after or before a cue; one that refers
    /// back ("says the affable proprietor", "the 39-year-old founder of …": a definite
    /// article, a modifier, a noun, no person named inside) stands for the latest person
    /// named after the sentence closing the previous quote and before both the quote (`quote_open`) and the
    /// description, scored [`score::DESCRIBED_BACK`]. "The father", "the report", and
    /// any description with no person named since the previous quote stay as written.
    pub fn description(
        &self,
        from: usize,
        to: usize,
        quote_open: usize,
        prev: PrevQuote,
    ) -> Option<Speaker> {
        let found = self.described(from, to)?;
        let text = found.text.as_deref().unwrap_or("");
        let words = word_spans(text);
        let start = from + self.body[from..to].find(text).unwrap_or(0);
        // A person named in a complement ("the founder of Studiocomix Press", up from the
        // first function word) is not the one described.
        let head_end = words
            .iter()
            .skip(1)
            .find(|&&(s, e)| self.cues.words.is_stopword(&text[s..e]))
            .map_or(text.len(), |&(s, _)| s);
        let names_person = self.mentions.iter().any(|m| {
            m.entity_type == EntityType::Person && m.start >= start && m.end <= start + head_end
        });
        let back = words.len() >= 3
            && words
                .first()
                .is_some_and(|&(s, e)| self.cues.words.is_back_determiner(&text[s..e]))
            && !names_person
            && !text.contains("'s")
            && !text.contains("’s");
        // The person named since the previous quote: a description brings back someone
        // the narration just spoke of, not necessarily the previous speaker.
        // Past the sentence that closes the previous quote, so its own speaker ("», says
        // Campbell’s partner, Jason Louth. … «One!» says the affable proprietor") is not it.
        let since = match sentence_of(&self.sentences, prev.close_end) {
            Some(i) if prev.close_end > 0 => self.sentences[i].1.max(prev.close_end),
            _ => prev.close_end,
        };
        let candidate = |m: &&&EntityMention| {
            m.entity_type == EntityType::Person
                && m.start >= since
                && m.end <= quote_open.min(start)
                && !possessive(self.body, m)
        };
        // In the last sentence naming one, the first person not an object, else the first
        // ("about Alfonso Espinos, who like Montalban was born …").
        let last = self.mentions.iter().rfind(candidate);
        let sentence = last.and_then(|m| sentence_of(&self.sentences, m.start));
        let in_sentence =
            |m: &&&EntityMention| candidate(m) && sentence_of(&self.sentences, m.start) == sentence;
        let referent = self
            .mentions
            .iter()
            .filter(in_sentence)
            .find(|m| !self.after_function_word(m))
            .or_else(|| self.mentions.iter().find(in_sentence));
        match referent {
            Some(m) if back => Some(Speaker::of_mention(self.body, m, score::DESCRIBED_BACK)),
            _ => Some(found),
        }
    }

    /// The name run (see [`name_run`]) that starts the text `[from, to)` (`leading`)
    /// or ends it (otherwise): an untagged name, scored lower.
    pub fn bare_name(&self, from: usize, to: usize, leading: bool) -> Option<Speaker> {
        let text = &self.body[from..to];
        let (s, e) = name_run(text, self.cues, leading)?;
        Some(Speaker::described(&text[s..e], score::NAME_UNLINKED))
    }
}
