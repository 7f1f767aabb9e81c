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
        let mut all: [Vec<String>; 9] = Default::default();
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
const LISTS: [&str; 9] = [
    "speech_verbs",
    "according_to",
    "quote_pronouns",
    "quote_roles",
    "quote_object_pronouns",
    "entity_stopwords",
    "quote_gender_words",
    "quote_determiners",
    "entity_name_particles",
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
    fn build(lists: &[Vec<String>; 9], lang: &str) -> Result<Self> {
        let [verbs, according, pronoun_entries, roles, objects, stopwords, gendered, determiners, particles] =
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
            stopwords: stopwords.iter().map(|w| w.to_lowercase()).collect(),
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

    /// True when `word` (as written) is a speaker pronoun of this language.
    pub fn is_pronoun(&self, word: &str) -> bool {
        let w = word.to_lowercase();
        self.pronouns.contains(&w)
    }

    /// The gender (`m`, `f`) the pronoun `word` marks, when its list entry gives one.
    pub fn gender_of(&self, word: &str) -> Option<char> {
        self.genders.get(&word.to_lowercase()).copied()
    }

    /// The gender a word marks (`quote_gender_words`: "his", "herself", "elle").
    pub fn word_gender(&self, word: &str) -> Option<char> {
        self.gender_words.get(&word.to_lowercase()).copied()
    }

    /// The gender of the first pronoun in `body[from..to]`, hyphenated parts included
    /// ("a-t-elle dit", "said she", "selon lui").
    pub fn pronoun_gender(&self, body: &str, from: usize, to: usize) -> Option<char> {
        body.get(from..to)?
            .split(|c: char| !c.is_alphanumeric())
            .find_map(|w| self.gender_of(w).or_else(|| self.word_gender(w)))
    }

    /// True when `word` is (or starts with an elided) determiner that opens a speaker
    /// description ("the", "un", "l’agence").
    pub fn is_determiner(&self, word: &str) -> bool {
        let w = word.to_lowercase();
        self.determiners
            .iter()
            .any(|d| *d == w || (d.ends_with(['\'', '’']) && w.starts_with(d.as_str())))
    }

    /// True when `word` is (or starts with an elided) definite article whose descriptions
    /// refer back to a person ("the", "la", "l’"), marked `| back` in `quote_determiners`.
    pub fn is_back_determiner(&self, word: &str) -> bool {
        let w = word.to_lowercase();
        self.back_determiners
            .iter()
            .any(|d| *d == w || (d.ends_with(['\'', '’']) && w.starts_with(d.as_str())))
    }

    /// True when `word` is a name particle (`entity_name_particles`: "von", "de", "al").
    pub fn is_name_particle(&self, word: &str) -> bool {
        self.particles.contains(&word.to_lowercase())
    }

    /// True when `word` is a capitalised word that never starts or ends a name
    /// ("The", "But", "November").
    pub fn is_stopword(&self, word: &str) -> bool {
        self.stopwords.contains(&word.to_lowercase())
    }

    /// True when the cue carries its own subject pronoun ("a-t-il déclaré", "dit-elle").
    pub fn cue_has_pronoun(&self, body: &str, cue: &Cue) -> bool {
        body[cue.start..cue.end]
            .split(['-', ' ', '\'', '’'])
            .any(|w| self.is_pronoun(w))
    }

    /// True when the first word of `body[from..to]` is a pronoun standing for a source
    /// ("selon lui", "according to her").
    pub fn leading_source_pronoun(&self, body: &str, from: usize, to: usize) -> bool {
        word_spans(&body[from..to]).first().is_some_and(|&(s, e)| {
            let w = body[from + s..from + e].to_lowercase();
            self.object_pronouns.contains(&w) || self.pronouns.contains(&w)
        })
    }

    /// Byte span of the first word of `body[from..to]` when it is a speaker pronoun.
    pub fn leading_pronoun(&self, body: &str, from: usize, to: usize) -> Option<(usize, usize)> {
        let (s, e) = *word_spans(&body[from..to]).first()?;
        self.is_pronoun(&body[from + s..from + e])
            .then_some((from + s, from + e))
    }
}
