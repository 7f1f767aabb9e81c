//! Description speakers: a phrase opening with a determiner ("the father", "un
//! diplomate sous couvert d’anonymat", "the commission"), or a bare plural role
//! ("Finance officials"), kept as written; one that refers back ("says the affable
//! proprietor") stands for the person the narration just named.

use crate::model::{EntityMention, EntityType};
use crate::text::{sentence_of, word_spans};

use super::resolver::{possessive, Resolver};
use super::score;
use super::speaker::{PrevQuote, Speaker};

impl Resolver<'_> {
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
}
