//! The cue lexicon: speech verbs, "according to" cues and role nouns of one language
//! (lists named in [`LISTS`]) compiled once from the lexicon into automata matched on
//! folded text, with the language's word lists beside them.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::error::{Error, Result};
use crate::lexicon::Lexicon;
use crate::model::EntityType;
use crate::text::fold_str;

use super::cue::{Cue, CueKind, RoleHead};
use super::matching::bounded_matches;
use super::words::{WordLists, WordSources};

/// Compiled cue lists of one language.
#[derive(Debug)]
pub struct LangCues {
    cues: AhoCorasick,
    cue_kinds: Vec<CueKind>,
    roles: AhoCorasick,
    role_types: Vec<EntityType>,
    /// The language's word lists (pronouns, determiners, stopwords …).
    pub words: WordLists,
    /// `quote_name_cues`, lower-cased: "so-called", "known as".
    name_cues: Vec<String>,
}

/// Cue lists of every language the lexicon has speech verbs for, plus their union for
/// documents in other languages.
#[derive(Debug)]
pub struct CueLexicon {
    langs: HashMap<String, LangCues>,
    union: LangCues,
}

impl CueLexicon {
    /// Compiles the [`LISTS`] of every language that has `speech_verbs`.
    pub fn new(lexicon: &Lexicon) -> Result<Self> {
        let mut langs = HashMap::new();
        let mut all: [Vec<String>; 14] = Default::default();
        for lang in lexicon.languages_with("speech_verbs") {
            let lists = LISTS.map(|name| lexicon.list(&lang, name).to_vec());
            for (acc, list) in all.iter_mut().zip(&lists) {
                acc.extend(list.iter().cloned());
            }
            langs.insert(lang.clone(), LangCues::build(&lists, &lang)?);
        }
        // A given name's gender depends on the language ("Andrea" is a man in Italian, a
        // woman in English): documents in other languages go without.
        all[13].clear();
        let union = LangCues::build(&all, "all")?;
        Ok(CueLexicon { langs, union })
    }

    /// The cues of `lang`, or of every language when `lang` has none.
    pub fn for_lang(&self, lang: &str) -> &LangCues {
        self.langs.get(lang).unwrap_or(&self.union)
    }
}

/// The lists a language's cues are built from, in this order.
const LISTS: [&str; 14] = [
    "speech_verbs",
    "according_to",
    "quote_pronouns",
    "quote_roles",
    "quote_object_pronouns",
    "entity_stopwords",
    "quote_gender_words",
    "quote_determiners",
    "entity_name_particles",
    "quote_not_names",
    "quote_conjunctions",
    "person_titles",
    "quote_name_cues",
    "quote_given_name_genders",
];

fn automaton(patterns: &[String], lang: &str, list: &str) -> Result<AhoCorasick> {
    AhoCorasick::builder()
        .match_kind(MatchKind::Standard)
        .build(patterns)
        .map_err(|e| Error::Data {
            path: format!("lang/{lang}/{list}.txt"),
            message: e.to_string(),
        })
}

impl LangCues {
    fn build(lists: &[Vec<String>; 14], lang: &str) -> Result<Self> {
        let [verbs, according, pronouns, roles, object_pronouns, stopwords, gender_words, determiners, particles, not_names, conjunctions, titles, name_cues, given_names] =
            lists;
        let words = WordLists::new(WordSources {
            pronouns,
            object_pronouns,
            stopwords,
            not_names,
            gender_words,
            given_names,
            determiners,
            particles,
            conjunctions,
            titles,
        });
        let mut patterns = Vec::new();
        let mut cue_kinds = Vec::new();
        for entry in verbs {
            let (verb, kind) = match entry.split_once('|') {
                Some((v, mark)) if mark.trim() == "impersonal" => (v, CueKind::Impersonal),
                Some((v, _)) => (v, CueKind::Speech),
                None => (entry.as_str(), CueKind::Speech),
            };
            patterns.push(fold_str(verb.trim()));
            cue_kinds.push(kind);
        }
        patterns.extend(according.iter().map(|v| fold_str(v)));
        cue_kinds.resize(patterns.len(), CueKind::AccordingTo);
        let mut role_patterns = Vec::new();
        let mut role_types = Vec::new();
        for entry in roles {
            let (head, ty) = match entry.split_once('|') {
                Some((h, t)) => (
                    h.trim(),
                    EntityType::parse(t.trim()).unwrap_or(EntityType::Person),
                ),
                None => (entry.as_str(), EntityType::Person),
            };
            role_patterns.push(fold_str(head));
            role_types.push(ty);
        }
        Ok(LangCues {
            cues: automaton(&patterns, lang, "speech_verbs")?,
            cue_kinds,
            roles: automaton(&role_patterns, lang, "quote_roles")?,
            role_types,
            words,
            name_cues: name_cues.iter().map(|c| c.trim().to_lowercase()).collect(),
        })
    }

    /// True when the words right before `open` (an opening mark) are a name cue
    /// (`quote_name_cues`: "so-called", "known as", "sogenannte"): what the marks hold is
    /// a name, a title or a label, not a quotation.
    pub fn names_next(&self, body: &str, open: usize) -> bool {
        let before = body[..open].trim_end();
        let tail = &before[before.floor_char_boundary(before.len().saturating_sub(40))..];
        let tail = tail.to_lowercase();
        self.name_cues.iter().any(|c| {
            tail.strip_suffix(c.as_str()).is_some_and(|rest| {
                rest.chars()
                    .next_back()
                    .is_none_or(|ch| !ch.is_alphanumeric())
            })
        })
    }

    /// Word-bounded cues in `body[from..to]`, longest first at each place, not overlapping,
    /// in text order.
    pub fn cues_in(&self, body: &str, from: usize, to: usize) -> Vec<Cue> {
        let hits = bounded_matches(&self.cues, body, from, to, |span| {
            self.words.accents_agree(span)
        });
        hits.into_iter()
            .map(|(start, end, p)| Cue {
                start,
                end,
                kind: self.cue_kinds[p],
            })
            .collect()
    }

    /// Word-bounded role heads in `body[from..to]`, in text order.
    pub fn roles_in(&self, body: &str, from: usize, to: usize) -> Vec<RoleHead> {
        let hits = bounded_matches(&self.roles, body, from, to, |_| true);
        hits.into_iter()
            .map(|(start, end, p)| RoleHead {
                start,
                end,
                id: p,
                entity_type: self.role_types[p],
            })
            .collect()
    }

    /// True when `word`, or its plural minus the final "s" ("officials"), is a whole role
    /// head of this language.
    pub fn is_role_word(&self, word: &str) -> bool {
        let folded = fold_str(word);
        let singular = folded.strip_suffix('s').unwrap_or(&folded);
        [folded.as_str(), singular].iter().any(|w| {
            // Overlapping: "sprecherin" must not hide behind the shorter "sprecher".
            self.roles
                .find_overlapping_iter(*w)
                .any(|m| m.start() == 0 && m.end() == w.len())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::CueLexicon;
    use crate::lexicon::Lexicon;

    fn cues() -> CueLexicon {
        CueLexicon::new(&Lexicon::load(&[] as &[&str]).expect("lexicon")).expect("cues")
    }

    #[test]
    fn a_role_is_whole_even_when_a_shorter_role_is_its_prefix() {
        let c = cues();
        assert!(c.for_lang("de").is_role_word("Sprecherin"));
        assert!(c.for_lang("fr").is_role_word("présidente"));
        assert!(!c.for_lang("de").is_role_word("Sprechstunde"));
    }
}
