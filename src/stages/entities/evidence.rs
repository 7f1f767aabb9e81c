//! What the words around an unconfirmed name say about it (see [`super::guess`]): a
//! common noun before it or apposed to it, a full name it is the surname of, the
//! article right before it, a typed name it is coordinated with, the same word written in
//! lower case elsewhere in the document, words no person's name holds (a demonym, an
//! abstract noun: "Canadian …", "… Solidarietà").

use std::collections::{HashMap, HashSet};

use super::guess::{GuessContext, SCORE_HINTED, SCORE_UNCONFIRMED};
use super::names::Candidate;
use super::tokens::Token;
use super::Draft;
use crate::model::EntityType;
use crate::text::fold_str;

/// Gives each guess typed by default the type of a mention it is coordinated with
/// ("Kasparov e Short", "Marilungo, Fabbrini"): the two are separated only by a comma or a
/// conjunction of the language, and the other one is typed by its context (`fixed`, or a
/// guess already retyped). Retyped guesses score [`SCORE_HINTED`]. A guess right after a
/// function word (`stopwords`: "de", "of") and a comma before a name is the complement
/// of an apposition, not a list item ("el consejero de Agricultura, Manuel Ortega").
pub(super) fn coordinate(
    text: &str,
    conjunctions: &HashSet<String>,
    stopwords: &HashSet<String>,
    fixed: &[Draft],
    guesses: &mut [Draft],
) {
    // Each ASCII byte folds to one byte: a word with more of them is no conjunction.
    let longest = conjunctions.iter().map(String::len).max().unwrap_or(0);
    let could_be_conjunction =
        |word: &str| word.bytes().filter(u8::is_ascii).take(longest + 1).count() <= longest;
    let coordinated = |a: usize, b: usize| {
        let gap = &text[a..b];
        let gap = gap.trim_matches([' ', '\u{a0}']);
        let word = gap
            .strip_prefix(',')
            .unwrap_or(gap)
            .trim_matches([' ', '\u{a0}']);
        // Cheap tests first: most gaps are long stretches of text.
        !gap.is_empty()
            && (word.is_empty() || could_be_conjunction(word))
            && !gap.contains('\n')
            && (word.is_empty() || conjunctions.contains(&crate::text::fold_str(word)))
    };
    let mut order: Vec<usize> = (0..guesses.len()).collect();
    order.sort_by_key(|&i| guesses[i].start);
    for _ in 0..2 {
        for &i in &order {
            if guesses[i].score > SCORE_UNCONFIRMED {
                continue;
            }
            let (start, end) = (guesses[i].start, guesses[i].end);
            let complement = stopwords.contains(&word_before(text, start));
            let list_before = |d_start: usize| {
                !complement || !text[end..d_start].trim_matches([' ', '\u{a0}']).eq(",")
            };
            let typed = fixed
                .iter()
                .filter(|d| d.score > SCORE_UNCONFIRMED)
                .chain(guesses.iter().filter(|d| d.score > SCORE_UNCONFIRMED))
                .find(|d| {
                    (d.end <= start && coordinated(d.end, start))
                        || (d.start >= end && coordinated(end, d.start) && list_before(d.start))
                })
                .map(|d| d.entity_type);
            if let Some(ty) = typed {
                guesses[i].entity_type = ty;
                guesses[i].score = SCORE_HINTED;
            }
        }
    }
}

/// True when every capitalised word of the candidate is also written in lower case in
/// the document ("the Company … the company"): a common noun capitalised, not a name.
pub fn written_lower_case(c: &Candidate, tokens: &[Token], lower: &HashSet<&str>) -> bool {
    let from = tokens.partition_point(|t| t.start < c.start);
    let upto = tokens.partition_point(|t| t.start < c.end);
    let mut caps = tokens[from..upto].iter().filter(|t| t.cap).peekable();
    caps.peek().is_some() && caps.all(|t| lower.contains(t.folded.as_str()))
}

/// The folded word right before `pos`, an elided article included ("dell'" before
/// "dell'Alitalia", "della" before "della Innocenti"); empty at the start of a line.
pub fn word_before(text: &str, pos: usize) -> String {
    let before = text[..pos].trim_end_matches([' ', '\u{a0}', '\t']);
    let start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphabetic() || c == '\'' || c == '’'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    crate::text::fold_str(&before[start..])
}

impl GuessContext<'_> {
    /// Acronyms (2 to 6 capitals, digits allowed: "NASA", "TG1") whose neighbouring words
    /// are not upper-case too (a shouted headline: "LEAVE A REPLY"), outside `taken`.
    pub fn acronyms(&self, tokens: &[Token], taken: &[(usize, usize)]) -> Vec<Candidate> {
        let Some(_) = self.lists.guess_acronym else {
            return Vec::new();
        };
        let shouted = |t: &Token| is_acronym(&self.text[t.start..t.end]);
        let upper = |t: &Token| !self.text[t.start..t.end].chars().any(char::is_lowercase);
        (0..tokens.len())
            .filter(|&i| {
                let t = &tokens[i];
                shouted(t)
                    && (i == 0 || !upper(&tokens[i - 1]))
                    && !tokens.get(i + 1).is_some_and(upper)
                    && !taken.iter().any(|&(s, e)| s < t.end && t.start < e)
            })
            .map(|i| Candidate {
                start: tokens[i].start,
                end: tokens[i].end,
                entity_type: self.lists.guess_acronym,
                score: SCORE_UNCONFIRMED,
                cap_words: 1,
            })
            .collect()
    }

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
        let words = super::context::first_words(rest, 3);
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
}

/// Gives a one-word person guess the id of the guessed full name of the document whose
/// last word it is ("Gary Coleman … Coleman"), when only one full name ends with it.
/// Confirmed names are left to the coreference step, which also checks the position.
pub(super) fn same_person_as_full_name(text: &str, guesses: &mut [Draft]) {
    let mut full: HashMap<String, Option<String>> = HashMap::new();
    for d in guesses
        .iter()
        .filter(|d| d.entity_type == EntityType::Person)
    {
        let written = &text[d.start..d.end];
        if let Some((_, last)) = written.rsplit_once(' ') {
            full.entry(fold_str(last))
                .and_modify(|id| {
                    if id.as_deref() != Some(d.id.as_str()) {
                        *id = None;
                    }
                })
                .or_insert_with(|| Some(d.id.clone()));
        }
    }
    for d in guesses.iter_mut() {
        let written = &text[d.start..d.end];
        if d.entity_type == EntityType::Person && !written.contains(' ') {
            if let Some(Some(id)) = full.get(&fold_str(written)) {
                d.id = id.clone();
            }
        }
    }
}

fn is_acronym(word: &str) -> bool {
    let n = word.chars().count();
    (2..=6).contains(&n)
        && !super::cues::is_roman_numeral(word)
        && word.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
        && word.chars().filter(|c| c.is_uppercase()).count() >= 2
}

impl GuessContext<'_> {
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
