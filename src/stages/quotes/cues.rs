//! Attribution cue finder: speech verbs, "according to" cues, speaker pronouns and role
//! nouns of one language (lists named in [`LISTS`]), compiled once from the lexicon and
//! matched on folded text.

use std::collections::{HashMap, HashSet};

use aho_corasick::{AhoCorasick, MatchKind};

use crate::error::{Error, Result};
use crate::lexicon::Lexicon;
use crate::model::EntityType;
use crate::text::{fold_str, word_spans};

use super::matching::{accented_forms, bounded_matches};

mod words;

/// What kind of attribution a cue is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueKind {
    /// A speech verb ("a déclaré", "said", "sagte").
    Speech,
    /// A source cue whose argument is the speaker ("selon", "according to", "laut").
    AccordingTo,
    /// An impersonal speech cue with no speaker ("hieß es", "peut-on lire"), marked
    /// `| impersonal` in `speech_verbs`.
    Impersonal,
}

/// One cue found in the body (byte offsets).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cue {
    /// Start of the cue.
    pub start: usize,
    /// One past the cue.
    pub end: usize,
    /// Speech verb or source cue.
    pub kind: CueKind,
}

/// A role noun found in the body (byte offsets of the head word).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoleHead {
    /// Start of the head.
    pub start: usize,
    /// One past the head.
    pub end: usize,
    /// Index of the head in the language's role list (equal index = same role).
    pub id: usize,
    /// PERSON for people, ORG for institutions ("l'agence").
    pub entity_type: EntityType,
}

/// Compiled cue lists of one language.
#[derive(Debug)]
pub struct LangCues {
    cues: AhoCorasick,
    cue_kinds: Vec<CueKind>,
    roles: AhoCorasick,
    role_types: Vec<EntityType>,
    pronouns: Vec<String>,
    /// Pronouns whose accent tells them apart from another word ("él" vs "el"), keyed by
    /// their folded form.
    accented: HashMap<String, Vec<String>>,
    genders: HashMap<String, char>,
    object_pronouns: Vec<String>,
    stopwords: HashSet<String>,
    gender_words: HashMap<String, char>,
    determiners: Vec<String>,
    /// Definite articles whose descriptions refer back to a person (`the | back`).
    back_determiners: Vec<String>,
    particles: HashSet<String>,
    conjunctions: HashSet<String>,
    /// Abbreviated person titles ("mr", "dr"), written with a stop before a name.
    titles: HashSet<String>,
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
        let mut all: [Vec<String>; 12] = Default::default();
        for lang in lexicon.languages_with("speech_verbs") {
            let lists = LISTS.map(|name| lexicon.list(&lang, name).to_vec());
            for (acc, list) in all.iter_mut().zip(&lists) {
                acc.extend(list.iter().cloned());
            }
            langs.insert(lang.clone(), LangCues::build(&lists, &lang)?);
        }
        let union = LangCues::build(&all, "all")?;
        Ok(CueLexicon { langs, union })
    }

    /// The cues of `lang`, or of every language when `lang` has none.
    pub fn for_lang(&self, lang: &str) -> &LangCues {
        self.langs.get(lang).unwrap_or(&self.union)
    }
}

/// The lists a language's cues are built from, in this order.
const LISTS: [&str; 12] = [
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
    fn build(lists: &[Vec<String>; 12], lang: &str) -> Result<Self> {
        let [verbs, according, pronoun_entries, roles, objects, stopwords, gendered, determiners, particles, not_names, conjunctions, titles] =
            lists;
        let gender_words = gendered
            .iter()
            .filter_map(|l| l.split_once('|'))
            .filter_map(|(w, g)| Some((w.trim().to_lowercase(), g.trim().chars().next()?)))
            .collect();
        // "she | f": a pronoun with its gender (m, f); plain entries have none.
        let mut pronouns = Vec::new();
        let mut genders = HashMap::new();
        for entry in pronoun_entries {
            let (word, gender) = match entry.split_once('|') {
                Some((w, g)) => (w.trim().to_lowercase(), g.trim().chars().next()),
                None => (entry.trim().to_lowercase(), None),
            };
            if let Some(g) = gender {
                genders.insert(word.clone(), g);
            }
            pronouns.push(word);
        }
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
            accented: accented_forms(&pronouns),
            pronouns,
            genders,
            object_pronouns: objects.iter().map(|p| p.to_lowercase()).collect(),
            stopwords: stopwords
                .iter()
                .chain(not_names)
                .map(|w| w.to_lowercase())
                .collect(),
            gender_words,
            determiners: determiners
                .iter()
                .map(|d| d.split('|').next().unwrap_or(d).trim().to_lowercase())
                .collect(),
            back_determiners: determiners
                .iter()
                .filter_map(|d| d.split_once('|'))
                .filter(|(_, mark)| mark.trim() == "back")
                .map(|(d, _)| d.trim().to_lowercase())
                .collect(),
            particles: particles.iter().map(|w| w.to_lowercase()).collect(),
            conjunctions: conjunctions.iter().map(|w| w.to_lowercase()).collect(),
            // Titles short enough to be abbreviated ("Ms.", "Dr.", "Sen.").
            titles: titles
                .iter()
                .map(|w| w.to_lowercase())
                .filter(|w| !w.contains(' ') && w.chars().count() <= 4)
                .collect(),
        })
    }

    /// Word-bounded cues in `body[from..to]`, longest first at each place, not overlapping,
    /// in text order.
    pub fn cues_in(&self, body: &str, from: usize, to: usize) -> Vec<Cue> {
        let hits = bounded_matches(&self.cues, body, from, to, |span| self.accents_agree(span));
        hits.into_iter()
            .map(|(start, end, p)| Cue {
                start,
                end,
                kind: self.cue_kinds[p],
            })
            .collect()
    }

    /// Cues are matched on folded text, but a pronoun whose accent tells it apart from
    /// another word must carry it: "dijo él" (he said) is a cue, "dijo el consejero" is
    /// not.
    fn accents_agree(&self, span: &str) -> bool {
        self.accented.is_empty()
            || word_spans(span).iter().all(|&(s, e)| {
                let word = span[s..e].to_lowercase();
                self.accented
                    .get(&fold_str(&word))
                    .is_none_or(|forms| forms.iter().all(|p| *p == word))
            })
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
}
