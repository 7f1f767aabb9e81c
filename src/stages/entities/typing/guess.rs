//! Names nothing confirms: in languages that capitalise only names (Italian, French,
//! Spanish, English), a capitalised sequence inside a sentence is a name even without a
//! title, a speech verb or a cue. Words of the document type it when they can (an
//! organisation head word, a place head word such as "Piazza" or "Park" (of its
//! language first, of any language after the article test), a common noun before it or
//! apposed to it ("la stazione di …", "…, il partito di …"), an article before it, a given
//! name, the same name typed by its context elsewhere in the document, a typed name it is
//! coordinated with: score [`SCORE_HINTED`]); a name of several words holding a demonym
//! or an abstract noun no surname has is guessed an organisation; otherwise it gets the
//! type its language's `entity_unconfirmed` list gives (`single=LOC`, `multi=PERSON`,
//! `linked=LOC`, `acronym=ORG`) and a low score ([`SCORE_UNCONFIRMED`]), so `min_score`
//! can drop them. A one-word candidate is never guessed when it opens a sentence or a
//! quotation (it is as likely an ordinary word) or is a listed common noun; no guess is
//! kept whose words the document also writes in lower case ("the Company … the
//! company"); a one-word candidate is a person when it is the last word of a person
//! mention of the same document, guessed full names included (and then gets its id),
//! and opening a sentence it is kept when the document also writes it inside one.

use std::collections::{HashMap, HashSet};

use super::evidence::{is_demonym, written_lower_case, GuessContext};
use crate::model::EntityType;
use crate::stages::entities::draft::{Candidate, Draft};
use crate::stages::entities::kb::identity::SkeletonMemo;
use crate::stages::entities::kb::linker::Linker;
use crate::stages::entities::lists::context_lists::{ContextLists, LangLists};
use crate::stages::entities::names::cues::is_roman_numeral;
use crate::stages::entities::names::tokens::Token;
use crate::stages::entities::words::{opens_sentence, word_before, words};
use crate::text::fold_str;

/// Score of a name typed by default rather than by its context.
pub(crate) const SCORE_UNCONFIRMED: f32 = 0.4;
/// Score of an unconfirmed name typed by a word of the document (a head word, an article,
/// the same name typed by its context elsewhere).
pub(super) const SCORE_HINTED: f32 = 0.5;

/// The parts of one document the guesser reads.
#[derive(Clone, Copy)]
pub(crate) struct DocView<'a> {
    /// The body.
    pub(crate) text: &'a str,
    /// Its sentence spans.
    pub(crate) sentences: &'a [(usize, usize)],
    /// Its tokens.
    pub(crate) tokens: &'a [Token],
    /// Lists of the document's language.
    pub(crate) lists: &'a LangLists,
}

impl GuessContext<'_> {
    /// The type of an unconfirmed candidate and whether a word of the document (not the
    /// language's default) gave it, or `None` to drop it.
    ///
    /// Several words: an organisation head word anywhere makes an organisation ("… e Lega
    /// Nord"), a place head word first or last a place ("Piazza Verde", "Hyde Park"), an
    /// article before words no connector links an organisation ("il Rosslyn Park").
    /// One word: the last word of a person mention or a given name is a person, an
    /// organisation head word or an article right before ("il Feyenoord", "dell'Alitalia")
    /// an organisation. Languages without a default type (German) guess nothing.
    pub(super) fn unconfirmed_type(&self, c: &Candidate) -> Option<(EntityType, bool)> {
        let lists = self.lists;
        let written = &self.text[c.start..c.end];
        if c.cap_words > 1 {
            let guess = lists.guess_multi?;
            let words = words(written);
            let ends = [words.first(), words.last()];
            // Head words of the language, then of any language once the article has
            // spoken ("il Rosslyn Park" is a club, "Hyde Park" a place).
            let headed = |l: &LangLists| {
                if words.iter().any(|w| l.org_heads.contains(w)) {
                    Some(EntityType::Org)
                } else if ends.iter().flatten().any(|w| l.loc_heads.contains(*w)) {
                    Some(EntityType::Loc)
                } else {
                    None
                }
            };
            if let Some(ty) = headed(lists).or_else(|| self.type_noun_before(c.start)) {
                return Some((ty, true));
            }
            let linked = written
                .split_whitespace()
                .any(|w| w.chars().next().is_some_and(char::is_lowercase));
            if !linked
                && lists
                    .org_articles
                    .contains(&word_before(self.text, c.start))
            {
                // "dal The Daily Telegraph", "il Rosslyn Park": people take no article.
                return Some((EntityType::Org, true));
            }
            if let Some(ty) = headed(self.all_lists) {
                return Some((ty, true));
            }
            if !linked && self.unlike_a_person(&words) {
                // "Canadian Press", "Umana Solidarietà": still a guess, at its score.
                return Some((EntityType::Org, false));
            }
            let ty = if linked {
                lists.guess_linked.unwrap_or(guess)
            } else {
                guess
            };
            return Some((ty, false));
        }
        let folded = crate::text::fold_str(written);
        if self.surnames.contains(&folded) {
            Some((EntityType::Person, true))
        } else if (opens_sentence(self.text, self.sentences, c.start)
            && !self.named_inside.contains(&folded))
            || lists.common_nouns.contains(&folded)
        {
            None
        } else if let Some(ty) = self
            .type_noun_before(c.start)
            .or_else(|| self.type_noun_apposed(c.end))
        {
            Some((ty, true))
        } else if lists.org_heads.contains(&folded) {
            Some((EntityType::Org, true))
        } else {
            let guess = lists.guess_single?;
            if self.given_names.contains(&folded) {
                Some((EntityType::Person, true))
            } else if lists
                .org_articles
                .contains(&word_before(self.text, c.start))
            {
                Some((EntityType::Org, true))
            } else {
                Some((guess, false))
            }
        }
    }

    /// Acronyms (2 to 6 capitals, digits allowed: "NASA", "TG1") whose neighbouring words
    /// are not upper-case too (a shouted headline: "LEAVE A REPLY"), outside `taken`.
    pub(super) fn acronyms(&self, tokens: &[Token], taken: &[(usize, usize)]) -> Vec<Candidate> {
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
}

/// Unconfirmed names and acronyms typed by default (see the module doc), given the
/// drafts found so far and the candidates nothing confirmed (`pending`).
pub(crate) fn guessed<'a>(
    doc: &DocView<'a>,
    context_lists: &ContextLists,
    linker: &Linker,
    drafts: &[Draft],
    pending: &'a [Candidate],
    memo: &mut SkeletonMemo<'a>,
) -> Vec<Draft> {
    let DocView {
        text,
        sentences,
        tokens,
        lists,
    } = *doc;
    let surnames: std::collections::HashSet<String> = drafts
        .iter()
        .filter(|d| d.entity_type == EntityType::Person)
        .filter_map(|d| text[d.start..d.end].split_whitespace().last())
        .map(crate::text::fold_str)
        .collect();
    let named_inside: HashSet<String> = pending
        .iter()
        .filter(|c| c.cap_words == 1 && !opens_sentence(text, sentences, c.start))
        .map(|c| fold_str(&text[c.start..c.end]))
        .collect();
    let mut g = GuessContext {
        text,
        sentences,
        lists,
        surnames: &surnames,
        given_names: &context_lists.lone_given_names,
        all_lists: context_lists.all(),
        named_inside: &named_inside,
        place_words: linker.place_words(),
    };
    let taken: Vec<(usize, usize)> = drafts.iter().map(|d| (d.start, d.end)).collect();
    // A name typed by its context elsewhere in the document keeps that type here.
    let mut typed: HashMap<String, EntityType> = drafts
        .iter()
        .filter(|d| d.score > SCORE_UNCONFIRMED)
        .map(|d| (crate::text::fold_str(&text[d.start..d.end]), d.entity_type))
        .collect();
    let lower: HashSet<&str> = tokens
        .iter()
        .filter(|t| text[t.start..].starts_with(char::is_lowercase))
        .map(|t| t.folded.as_str())
        .collect();
    let guess = |g: &GuessContext, c: &'a Candidate| {
        let (ty, hinted) = g.unconfirmed_type(c)?;
        let common = !hinted && !typed.contains_key(&fold_str(&text[c.start..c.end]));
        if common && written_lower_case(c, tokens, &lower) {
            return None;
        }
        Some((c, ty, hinted))
    };
    // Names of several words first: the people among them lend their surnames to
    // the one-word names ("Gary Coleman … Coleman").
    let mut guesses: Vec<(&Candidate, EntityType, bool)> = pending
        .iter()
        .filter(|c| c.cap_words > 1)
        .filter_map(|c| guess(&g, c))
        .collect();
    let mut surnames_all = surnames.clone();
    surnames_all.extend(
        guesses
            .iter()
            .filter(|(_, ty, _)| *ty == EntityType::Person)
            .filter_map(|(c, _, _)| text[c.start..c.end].split_whitespace().last())
            .map(fold_str),
    );
    g.surnames = &surnames_all;
    guesses.extend(
        pending
            .iter()
            .filter(|c| {
                c.cap_words == 1 && !is_demonym(linker.place_words(), &text[c.start..c.end])
            })
            .filter_map(|c| guess(&g, c)),
    );
    guesses.sort_by_key(|(c, _, _)| c.start);
    for &(c, ty, hinted) in &guesses {
        if hinted {
            typed
                .entry(crate::text::fold_str(&text[c.start..c.end]))
                .or_insert(ty);
        }
    }
    let mut out: Vec<Draft> = guesses
        .into_iter()
        .map(|(c, ty, hinted)| {
            let seen = typed.get(&crate::text::fold_str(&text[c.start..c.end]));
            let ty = if hinted { ty } else { *seen.unwrap_or(&ty) };
            let mut d = linker.pattern_draft(text, c, ty, memo);
            d.score = if hinted || seen.is_some() {
                SCORE_HINTED
            } else {
                SCORE_UNCONFIRMED
            };
            d
        })
        .collect();
    same_person_as_full_name(text, &mut out);
    coordinate(
        text,
        &lists.conjunctions,
        &lists.stopwords,
        drafts,
        &mut out,
    );
    for c in g.acronyms(tokens, &taken) {
        if let Some(ty) = c.entity_type {
            out.push(linker.pattern_draft(text, &c, ty, memo));
        }
    }
    out
}

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
        && !is_roman_numeral(word)
        && word.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
        && word.chars().filter(|c| c.is_uppercase()).count() >= 2
}
