//! Names nothing confirms: in languages that capitalise only names (Italian, French,
//! Spanish, English), a capitalised sequence inside a sentence is a name even without a
//! title, a speech verb or a cue. Such candidates get the type their language's
//! `entity_unconfirmed` list gives (`single=LOC`, `multi=PERSON`, `linked=LOC`,
//! `acronym=ORG`) and a low score ([`SCORE_UNCONFIRMED`]), so `min_score` can drop them.
//! A one-word candidate is never guessed when it opens a sentence or a quotation (it is as
//! likely an ordinary word) or is a listed common noun; it is a person when it is the last
//! word of a person mention of the same document, an organisation when it is an
//! organisation head word ("Senato").

use std::collections::HashSet;

use super::context::LangLists;
use super::names::Candidate;
use super::tokens::Token;
use super::{Draft, EntityTagger};
use crate::model::EntityType;

/// Score of a name typed by default rather than by its context.
pub const SCORE_UNCONFIRMED: f32 = 0.4;

/// What the guesser knows about the document.
pub struct GuessContext<'a> {
    /// The body.
    pub text: &'a str,
    /// Its sentence spans.
    pub sentences: &'a [(usize, usize)],
    /// Lists of the document's language.
    pub lists: &'a LangLists,
    /// Folded last words of the person mentions found so far.
    pub surnames: &'a HashSet<String>,
}

impl GuessContext<'_> {
    /// The type and score of an unconfirmed candidate, or `None` to drop it.
    pub fn unconfirmed_type(&self, c: &Candidate) -> Option<(EntityType, f32)> {
        let lists = self.lists;
        let ty = if c.cap_words > 1 {
            let linked = self.text[c.start..c.end]
                .split_whitespace()
                .any(|w| w.chars().next().is_some_and(char::is_lowercase));
            let guess = lists.guess_multi?;
            if linked {
                lists.guess_linked.unwrap_or(guess)
            } else {
                guess
            }
        } else {
            let folded = crate::text::fold_str(&self.text[c.start..c.end]);
            if self.surnames.contains(&folded) {
                EntityType::Person
            } else if opens_sentence(self.text, self.sentences, c.start)
                || lists.common_nouns.contains(&folded)
            {
                return None;
            } else if lists.org_heads.contains(&folded) {
                EntityType::Org
            } else {
                lists.guess_single?
            }
        };
        Some((ty, SCORE_UNCONFIRMED))
    }

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
}

impl EntityTagger {
    /// Unconfirmed names and acronyms typed by default ([`guess`]).
    pub(super) fn guessed(
        &self,
        text: &str,
        sentences: &[(usize, usize)],
        tokens: &[Token],
        lists: &LangLists,
        drafts: &[Draft],
        pending: &[Candidate],
    ) -> Vec<Draft> {
        let surnames: std::collections::HashSet<String> = drafts
            .iter()
            .filter(|d| d.entity_type == EntityType::Person)
            .filter_map(|d| text[d.start..d.end].split_whitespace().last())
            .map(crate::text::fold_str)
            .collect();
        let g = GuessContext {
            text,
            sentences,
            lists,
            surnames: &surnames,
        };
        let taken: Vec<(usize, usize)> = drafts.iter().map(|d| (d.start, d.end)).collect();
        let mut out: Vec<Draft> = pending
            .iter()
            .filter(|c| c.cap_words > 1 || !self.is_demonym(&text[c.start..c.end]))
            .filter_map(|c| {
                let (ty, score) = g.unconfirmed_type(c)?;
                let mut d = self.pattern_draft(text, c, ty);
                d.score = score;
                Some(d)
            })
            .collect();
        for c in g.acronyms(tokens, &taken) {
            if let Some(ty) = c.entity_type {
                out.push(self.pattern_draft(text, &c, ty));
            }
        }
        out
    }

    /// True when the word is a known place name plus a short suffix ("Russian",
    /// "Israeli", "Iranians"): an adjective or demonym, not a mention.
    fn is_demonym(&self, word: &str) -> bool {
        let folded = crate::text::fold_str(word);
        let ends: Vec<usize> = folded.char_indices().map(|(i, _)| i).collect();
        let n = ends.len();
        (n.saturating_sub(4).max(4)..n).any(|k| self.place_words.contains(&folded[..ends[k]]))
    }
}

fn is_acronym(word: &str) -> bool {
    let n = word.chars().count();
    (2..=6).contains(&n)
        && word.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
        && word.chars().filter(|c| c.is_uppercase()).count() >= 2
}

/// True when only punctuation, quotes, dashes or spaces stand between the start of the
/// sentence (or of the line) holding `pos` and `pos`, or when `pos` opens a quotation or
/// follows a colon.
pub fn opens_sentence(text: &str, sentences: &[(usize, usize)], pos: usize) -> bool {
    let k = sentences.partition_point(|&(_, e)| e <= pos);
    let from = sentences.get(k).map_or(0, |&(s, _)| s.min(pos));
    let from = text[..pos].rfind('\n').map_or(from, |n| from.max(n + 1));
    let before = text[from..pos].trim_end();
    before.chars().all(|ch| !ch.is_alphanumeric())
        || before.ends_with(['"', '«', '“', '‘', ':', '(', '—', '–'])
}
