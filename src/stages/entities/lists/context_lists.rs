//! The word lists that confirm and type names found by pattern: person titles, speech
//! verbs, organisation head words, place cues, stopwords, name particles, organisation
//! connectors and the words around a name that only an organisation has. All entries are
//! folded (see [`crate::text::fold_str`]); multi-word entries are kept as word sequences.

use std::collections::{HashMap, HashSet};

use super::phrases::Phrases;
use crate::lexicon::Lexicon;
use crate::model::EntityType;
use crate::stages::entities::words::words;
use crate::text::fold_str;

/// List names read from the lexicon, per language.
const TITLES: &str = "person_titles";
const SPEECH_VERBS: &str = "entity_speech_verbs";
const ORG_HEADS: &str = "org_heads";
const LOC_CUES: &str = "loc_cues";
const STOPWORDS: &str = "entity_stopwords";
const ORG_CONNECTORS: &str = "entity_org_connectors";
const PARTICLES: &str = "entity_name_particles";
const GIVEN_NAMES: &str = "entity_given_names";
/// Generated from Faker by tools/names_from_faker.py.
const GIVEN_NAMES_COMMON: &str = "entity_given_names_common";
const UNCONFIRMED: &str = "entity_unconfirmed";
const COMMON_NOUNS: &str = "entity_common_nouns";
/// Generated from the training corpora by tools/train_common_words.sh.
const COMMON_WORDS: &str = "entity_common_words";
const ORG_ARTICLES: &str = "entity_org_articles";
const LOC_HEADS: &str = "entity_loc_heads";
const CASE_ENDINGS: &str = "entity_case_endings";
const CONJUNCTIONS: &str = "entity_conjunctions";
const TYPE_NOUNS: &str = "entity_type_nouns";
const STEM_CHANGES: &str = "entity_stem_changes";
const ORG_WORD_ENDINGS: &str = "entity_org_word_endings";
const ORG_CUES: &str = "entity_org_cues";
const ORG_ADJECTIVE_ENDINGS: &str = "entity_org_adjective_endings";

/// The context lists of one language (or of all languages together).
#[derive(Debug, Clone, Default)]
pub(crate) struct LangLists {
    /// Person titles and roles, as folded word sequences.
    pub(super) titles: Phrases,
    /// Speech verb phrases, as folded word sequences.
    pub(super) speech_verbs: Phrases,
    /// Organisation head words (folded).
    pub(crate) org_heads: HashSet<String>,
    /// Place cue prepositions (folded).
    pub(crate) loc_cues: HashSet<String>,
    /// Words that never start or end a name (folded).
    pub(crate) stopwords: HashSet<String>,
    /// Lower-case words allowed inside organisation names (folded).
    pub(crate) org_connectors: HashSet<String>,
    /// Type given to an unconfirmed one-word name (`single=LOC` in entity_unconfirmed);
    /// `None`: such names are dropped (languages that capitalise common nouns).
    pub(crate) guess_single: Option<EntityType>,
    /// Type given to an unconfirmed name of several words (`multi=PERSON`).
    pub(crate) guess_multi: Option<EntityType>,
    /// Type given to an unconfirmed name whose words a lower-case connector or particle
    /// joins ("Isola del Giglio": `linked=LOC`); `None`: as `guess_multi`.
    pub(crate) guess_linked: Option<EntityType>,
    /// Type given to an all-capital acronym inside lower-case text (`acronym=ORG`).
    pub(crate) guess_acronym: Option<EntityType>,
    /// Capitalised common nouns never guessed as one-word names (folded;
    /// entity_common_nouns).
    pub(crate) common_nouns: HashSet<String>,
    /// Words written lower-case that are not names, counted in the training corpora
    /// (folded; entity_common_words): capitalised at a sentence or headline opening they
    /// are no name of their own.
    pub(crate) common_words: HashSet<String>,
    /// Articles (and article-preposition contractions) that, right before an unconfirmed
    /// one-word name, make it an organisation ("il Feyenoord", "dell'Alitalia"): cities
    /// and people take none in the language (folded; entity_org_articles).
    pub(crate) org_articles: HashSet<String>,
    /// First or last words that make an unconfirmed name of several words a place
    /// ("Piazza …", "Monte …", "… Park"; folded; entity_loc_heads).
    pub(crate) loc_heads: HashSet<String>,
    /// Case endings a known name may carry, glued to it ("Lontoo|ssa"; folded;
    /// entity_case_endings).
    pub(crate) case_endings: HashSet<String>,
    /// Coordinating conjunctions ("e", "and"): names they join share a type (folded;
    /// entity_conjunctions).
    pub(crate) conjunctions: HashSet<String>,
    /// Common nouns that type the name they introduce ("la stazione di Seregno" → LOC,
    /// "la società Cotral" → ORG, "il fratello di Arnold" → PERSON; folded;
    /// entity_type_nouns, `noun=TYPE`).
    pub(crate) type_nouns: HashMap<String, EntityType>,
    /// Changes at the end of a name's stem under a case ending, `(from, to)` ("Suome|n"
    /// → "Suomi": `e>i`; folded; entity_stem_changes).
    pub(crate) stem_changes: Vec<(String, String)>,
    /// Endings of abstract nouns that no surname has ("-zione", "-tà"): a word of an
    /// unconfirmed name of several words ending so makes it an organisation (folded;
    /// entity_org_word_endings).
    pub(crate) org_word_endings: Vec<String>,
    /// Endings of the adjectives an organisation's name runs on over ("penale",
    /// "tributaria"; folded; entity_org_adjective_endings).
    pub(crate) org_adjective_endings: Vec<String>,
    /// Words around a name that make it an organisation (entity_org_cues).
    pub(crate) org_cues: OrgCues,
}

impl LangLists {
    fn add(&mut self, lex: &Lexicon, lang: &str) {
        let phrases = |name: &str| {
            lex.list(lang, name)
                .iter()
                .map(|e| words(e))
                .filter(|w| !w.is_empty())
        };
        self.titles.extend(phrases(TITLES));
        self.speech_verbs.extend(phrases(SPEECH_VERBS));
        let set = |name: &str| {
            lex.list(lang, name)
                .iter()
                .map(|e| fold_str(e.trim()))
                .collect::<Vec<_>>()
        };
        self.org_heads.extend(set(ORG_HEADS));
        self.loc_cues.extend(set(LOC_CUES));
        self.stopwords.extend(set(STOPWORDS));
        self.org_connectors.extend(set(ORG_CONNECTORS));
        self.common_nouns.extend(set(COMMON_NOUNS));
        self.common_words.extend(set(COMMON_WORDS));
        self.org_articles.extend(set(ORG_ARTICLES));
        self.loc_heads.extend(set(LOC_HEADS));
        self.case_endings.extend(set(CASE_ENDINGS));
        self.conjunctions.extend(set(CONJUNCTIONS));
        self.org_word_endings.extend(set(ORG_WORD_ENDINGS));
        self.org_adjective_endings
            .extend(set(ORG_ADJECTIVE_ENDINGS));
        for line in lex.list(lang, ORG_CUES) {
            self.org_cues.add_line(line);
        }
        // Month and weekday names are capitalised in some languages ("March", "Monday").
        for list in ["date_months", "date_weekdays"] {
            self.common_nouns
                .extend(lex.list(lang, list).iter().filter_map(|e| {
                    let name = e.split('|').next()?.trim();
                    (!name.is_empty()).then(|| fold_str(name))
                }));
        }
        self.stem_changes
            .extend(lex.list(lang, STEM_CHANGES).iter().filter_map(|line| {
                let (from, to) = line.split_once('>')?;
                Some((fold_str(from.trim()), fold_str(to.trim())))
            }));
        for line in lex.list(lang, TYPE_NOUNS) {
            let Some((noun, ty)) = line.split_once('=') else {
                continue;
            };
            if let Some(ty) = EntityType::parse(ty.trim()) {
                self.type_nouns.entry(fold_str(noun.trim())).or_insert(ty);
            }
        }
        for line in lex.list(lang, UNCONFIRMED) {
            let (key, value) = line.split_once('=').unwrap_or((line, ""));
            let ty = EntityType::parse(value.trim());
            match key.trim() {
                "single" => self.guess_single = self.guess_single.or(ty),
                "multi" => self.guess_multi = self.guess_multi.or(ty),
                "linked" => self.guess_linked = self.guess_linked.or(ty),
                "acronym" => self.guess_acronym = self.guess_acronym.or(ty),
                _ => {}
            }
        }
    }

    /// Words in the longest title phrase.
    pub(crate) fn title_words(&self) -> usize {
        self.titles.max_words()
    }

    /// Words in the longest speech verb phrase.
    pub(crate) fn speech_verb_words(&self) -> usize {
        self.speech_verbs.max_words()
    }

    /// Length in words of the longest title that ends exactly at `words[end - 1]`.
    pub(crate) fn title_ending_at(&self, words: &[String], end: usize) -> Option<usize> {
        self.titles.longest_ending_at(words, end)
    }

    /// True when `words` (from the first) start with a speech verb phrase.
    pub(crate) fn starts_with_speech_verb(&self, words: &[String]) -> bool {
        self.speech_verbs.starts(words)
    }

    /// True when `words` end with a speech verb phrase ("… ha detto", "said").
    pub(crate) fn ends_with_speech_verb(&self, words: &[String]) -> bool {
        self.speech_verbs
            .longest_ending_at(words, words.len())
            .is_some()
    }

    /// True when `words` (from the first) start with a title.
    pub(crate) fn starts_with_title(&self, words: &[String]) -> bool {
        self.titles.starts(words)
    }
}

/// Every context list, per language, plus the union of all languages for documents whose
/// language has no lists (`und`, or a language without data files).
#[derive(Debug, Clone, Default)]
pub(crate) struct ContextLists {
    by_lang: HashMap<String, LangLists>,
    union: LangLists,
    /// Name particles of every language together (names travel across languages).
    pub(crate) particles: HashSet<String>,
    /// Given names of every language together (folded).
    pub(crate) given_names: HashSet<String>,
    /// Given names of the hand-written lists only (folded): alone, such a word is a
    /// person; the generated lists also hold names that are places ("Virginia",
    /// "Devon") and only start full names.
    pub(crate) lone_given_names: HashSet<String>,
}

impl ContextLists {
    /// Reads the lists of every language the lexicon has data for.
    pub(crate) fn new(lex: &Lexicon) -> Self {
        let mut langs: Vec<String> = [
            UNCONFIRMED,
            TITLES,
            SPEECH_VERBS,
            ORG_HEADS,
            LOC_CUES,
            STOPWORDS,
            ORG_CONNECTORS,
        ]
        .iter()
        .flat_map(|n| lex.languages_with(n))
        .collect();
        langs.sort();
        langs.dedup();
        let mut out = ContextLists::default();
        for lang in &langs {
            let mut lists = LangLists::default();
            lists.add(lex, lang);
            out.union.add(lex, lang);
            out.by_lang.insert(lang.clone(), lists);
        }
        // A document of unknown language keeps only confirmed names.
        out.union.guess_single = None;
        out.union.guess_multi = None;
        out.union.guess_linked = None;
        out.union.guess_acronym = None;
        // Nor does it inflect known names ("Roma|n" is no Finnish genitive in English).
        out.union.case_endings.clear();
        out.union.stem_changes.clear();
        out.particles = lex
            .all(PARTICLES)
            .into_iter()
            .map(|(_, e)| fold_str(e.trim()))
            .collect();
        out.lone_given_names = lex
            .all(GIVEN_NAMES)
            .into_iter()
            .map(|(_, e)| fold_str(e.trim()))
            .collect();
        out.given_names = [GIVEN_NAMES, GIVEN_NAMES_COMMON]
            .iter()
            .flat_map(|list| lex.all(list))
            .map(|(_, e)| fold_str(e.trim()))
            .collect();
        out
    }

    /// The lists of every language together (names and their head words travel across
    /// languages: "Hyde Park" in an Italian text).
    pub(crate) fn all(&self) -> &LangLists {
        &self.union
    }

    /// The lists for `lang`, or the union of all languages when `lang` has none.
    pub(crate) fn for_lang(&self, lang: &str) -> &LangLists {
        self.by_lang.get(lang).unwrap_or(&self.union)
    }
}

/// The cues of one language (entity_org_cues), as folded word sequences.
#[derive(Debug, Clone, Default)]
pub(crate) struct OrgCues {
    /// Words right before an organisation's name ("shares of"); an article or function
    /// word may stand between ("l'amministratore delegato della").
    pub(crate) before: Phrases,
    /// Words right after it, a possessive "'s" skipped ("Inc", "shares", "S p A").
    pub(crate) after: Phrases,
    /// Possessives only a thing takes, a few words after it in its sentence ("its").
    pub(crate) nonperson: HashSet<String>,
    /// Personal pronouns that end the `nonperson` search ("his", "her").
    pub(crate) person: HashSet<String>,
    /// Verbs that, after a name, introduce what it is ("is", "è stata"): then an
    /// article and an organisation noun of entity_type_nouns make it one ("X è la prima
    /// squadra", "X is a company"); a comma does the same ("X, a company").
    pub(crate) copulas: Phrases,
    /// Articles before that noun ("a", "la", "un").
    pub(crate) articles: HashSet<String>,
}

impl OrgCues {
    /// Adds one line of entity_org_cues (`kind=words`); unknown kinds are ignored.
    pub(super) fn add_line(&mut self, line: &str) {
        let Some((kind, phrase)) = line.split_once('=') else {
            return;
        };
        let words = words(phrase);
        match kind.trim() {
            "before" => self.before.extend([words]),
            "after" => self.after.extend([words]),
            "nonperson" => self.nonperson.extend(words),
            "person" => self.person.extend(words),
            "copula" => self.copulas.extend([words]),
            "article" => self.articles.extend(words),
            _ => {}
        }
    }

    /// True when no cue can fire: no words before or after, no possessive, and no
    /// article for "X is a company" / "X, a charity" (which needs one).
    pub(crate) fn is_empty(&self) -> bool {
        self.before.max_words() == 0
            && self.after.max_words() == 0
            && self.nonperson.is_empty()
            && self.articles.is_empty()
    }
}
