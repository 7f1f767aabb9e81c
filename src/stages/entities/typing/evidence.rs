//! What the words around an unconfirmed name say about it, read by the guesser: a
//! common noun before it or apposed to it, words no person's name holds (a demonym, an
//! abstract noun: "Canadian …", "… Solidarietà"), the same word written in lower case
//! elsewhere in the document. [`GuessContext`] is what the guesser knows of the document.

use std::collections::HashSet;

use crate::model::EntityType;
use crate::stages::entities::draft::Candidate;
use crate::stages::entities::lists::context_lists::LangLists;
use crate::stages::entities::names::tokens::Token;
use crate::stages::entities::words::first_words;
use crate::text::fold_str;

/// What the guesser knows about the document.
pub(super) struct GuessContext<'a> {
    /// The body.
    pub(super) text: &'a str,
    /// Its sentence spans.
    pub(super) sentences: &'a [(usize, usize)],
    /// Lists of the document's language.
    pub(super) lists: &'a LangLists,
    /// Folded last words of the person mentions found so far.
    pub(super) surnames: &'a HashSet<String>,
    /// Folded given names of every language that alone name a person ("Luciano",
    /// "Nicole").
    pub(super) given_names: &'a HashSet<String>,
    /// Lists of every language together: head words of names travel ("Hyde Park" in
    /// an Italian text).
    pub(super) all_lists: &'a LangLists,
    /// Folded one-word names the document also writes inside a sentence: opening a
    /// sentence, such a word is the same name, not an ordinary word.
    pub(super) named_inside: &'a HashSet<String>,
    /// Folded one-word place aliases of the knowledge base, to tell demonyms.
    pub(super) place_words: &'a HashSet<String>,
}

/// True when every capitalised word of the candidate is also written in lower case in
/// the document ("the Company … the company"): a common noun capitalised, not a name.
pub(super) fn written_lower_case(c: &Candidate, tokens: &[Token], lower: &HashSet<&str>) -> bool {
    let from = tokens.partition_point(|t| t.start < c.start);
    let upto = tokens.partition_point(|t| t.start < c.end);
    let mut caps = tokens[from..upto].iter().filter(|t| t.cap).peekable();
    caps.peek().is_some() && caps.all(|t| lower.contains(t.folded.as_str()))
}

impl GuessContext<'_> {
    /// The type a common noun gives the name at `start` ("la stazione di Seregno", "la
    /// compagnia genovese Costa Crociere", "il fratello di Arnold"): the noun stands at
    /// most three lower-case words before it in its sentence. Only place and person nouns
    /// reach through a function word ("il partito di Berlusconi" names no party).
    pub(super) fn type_noun_before(&self, start: usize) -> Option<EntityType> {
        let lists = self.lists;
        if lists.type_nouns.is_empty() {
            return None;
        }
        let k = self.sentences.partition_point(|&(_, e)| e <= start);
        let from = self.sentences.get(k).map_or(0, |&(s, _)| s.min(start));
        let mut through_function_word = false;
        for chunk in self.text[from..start].split_whitespace().rev().take(3) {
            let word = chunk.trim_end_matches(['\'', '’']);
            let plain = word.chars().all(char::is_alphabetic);
            if !plain || word.is_empty() || word.starts_with(char::is_uppercase) {
                return None;
            }
            let folded = fold_str(word);
            if let Some(&ty) = lists.type_nouns.get(&folded) {
                return (ty != EntityType::Org || !through_function_word).then_some(ty);
            }
            through_function_word |= lists.stopwords.contains(&folded)
                || lists.org_connectors.contains(&folded)
                || chunk.len() > word.len();
        }
        None
    }

    /// The type a common noun apposed to the name at `end` gives it ("Ennahda, il
    /// partito di maggioranza", "Willis, il fratello di Arnold"): a comma, an article,
    /// at most one lower-case word, then the noun.
    pub(super) fn type_noun_apposed(&self, end: usize) -> Option<EntityType> {
        let lists = self.lists;
        let window = &self.text[end..self.text.floor_char_boundary(end + 60).max(end)];
        let rest = window
            .trim_start_matches([' ', '\u{a0}'])
            .strip_prefix(',')?;
        let words = first_words(rest, 3);
        let article = words.first()?;
        if !lists.org_articles.contains(article)
            && !lists.org_articles.contains(&format!("{article}'"))
        {
            return None;
        }
        words[1..]
            .iter()
            .take(2)
            .find_map(|w| lists.type_nouns.get(w).copied())
    }

    /// True when the words of a name of several words (folded) cannot be a person's: the
    /// first is no given name, and one is a demonym ("Canadian", "Italiane") or ends like
    /// an abstract noun of the language ("Solidarietà", "Cooperazione";
    /// entity_org_word_endings).
    pub(super) fn unlike_a_person(&self, words: &[String]) -> bool {
        let lists = self.lists;
        words.first().is_some_and(|w| !self.given_names.contains(w))
            && words.iter().any(|w| {
                is_folded_demonym(self.place_words, w)
                    || lists
                        .org_word_endings
                        .iter()
                        .any(|e| w.len() >= e.len() + 2 && w.ends_with(e.as_str()))
            })
    }
}

/// True when the word is one of `place_words` plus a short suffix ("Russian", "Israeli",
/// "Italiane").
pub(super) fn is_demonym(place_words: &HashSet<String>, word: &str) -> bool {
    is_folded_demonym(place_words, &crate::text::fold_str(word))
}

/// [`is_demonym`] of a word already folded: a place word plus one to four chars, the
/// place word at least four chars long.
pub(super) fn is_folded_demonym(place_words: &HashSet<String>, folded: &str) -> bool {
    let n = folded.chars().count();
    folded
        .char_indices()
        .skip(n.saturating_sub(4).max(4))
        .any(|(i, _)| place_words.contains(&folded[..i]))
}
