//! The word lists of one language's cues and the word tests on them: pronouns and their
//! gender, gendered words, determiners, particles, conjunctions, titles and stopwords.

use std::collections::{HashMap, HashSet};

use crate::text::{fold_str, word_spans};

use super::cue::Cue;
use super::matching::accented_forms;

/// The lexicon lines a language's word lists are read from, one slice per list.
pub struct WordSources<'a> {
    /// `quote_pronouns`: speaker pronouns, "she | f" with a gender.
    pub pronouns: &'a [String],
    /// `quote_object_pronouns`: pronouns after a source cue ("selon lui").
    pub object_pronouns: &'a [String],
    /// `entity_stopwords`: capitalised words that are no names.
    pub stopwords: &'a [String],
    /// `quote_not_names`: more words that never start or end a name ("Somehow").
    pub not_names: &'a [String],
    /// `quote_gender_words`: "his | m", "elle | f".
    pub gender_words: &'a [String],
    /// `quote_given_name_genders`: "Theresa | f".
    pub given_names: &'a [String],
    /// `quote_determiners`: "the | back", "a | new", "sa".
    pub determiners: &'a [String],
    /// `entity_name_particles`: "von", "de", "al".
    pub particles: &'a [String],
    /// `quote_conjunctions`: "and", "but".
    pub conjunctions: &'a [String],
    /// `person_titles`: "Mr", "Dr", "Sen".
    pub titles: &'a [String],
}

/// One language's word lists, lower-cased.
#[derive(Debug)]
pub struct WordLists {
    pronouns: Vec<String>,
    /// Pronouns whose accent tells them apart from another word ("él" vs "el"), keyed by
    /// their folded form.
    accented: HashMap<String, Vec<String>>,
    genders: HashMap<String, char>,
    object_pronouns: Vec<String>,
    stopwords: HashSet<String>,
    gender_words: HashMap<String, char>,
    /// Given names of one gender, lower-cased.
    given_names: HashMap<String, char>,
    determiners: Vec<String>,
    /// Definite articles whose descriptions refer back to a person (`the | back`).
    back_determiners: Vec<String>,
    /// Indefinite determiners whose descriptions bring in someone new (`a | new`).
    new_determiners: Vec<String>,
    particles: HashSet<String>,
    conjunctions: HashSet<String>,
    /// Abbreviated person titles ("mr", "dr"), written with a stop before a name.
    titles: HashSet<String>,
}

impl WordLists {
    /// Reads the lists from their lexicon lines.
    pub fn new(lists: WordSources) -> Self {
        let gendered = |lines: &[String]| -> HashMap<String, char> {
            lines
                .iter()
                .filter_map(|l| l.split_once('|'))
                .filter_map(|(w, g)| Some((w.trim().to_lowercase(), g.trim().chars().next()?)))
                .collect()
        };
        let gender_words = gendered(lists.gender_words);
        let given_names = gendered(lists.given_names);
        // "she | f": a pronoun with its gender (m, f); plain entries have none.
        let mut pronouns = Vec::new();
        let mut genders = HashMap::new();
        for entry in lists.pronouns {
            let (word, gender) = match entry.split_once('|') {
                Some((w, g)) => (w.trim().to_lowercase(), g.trim().chars().next()),
                None => (entry.trim().to_lowercase(), None),
            };
            if let Some(g) = gender {
                genders.insert(word.clone(), g);
            }
            pronouns.push(word);
        }
        WordLists {
            accented: accented_forms(&pronouns),
            pronouns,
            genders,
            object_pronouns: lists
                .object_pronouns
                .iter()
                .map(|p| p.to_lowercase())
                .collect(),
            stopwords: lists
                .stopwords
                .iter()
                .chain(lists.not_names)
                .map(|w| w.to_lowercase())
                .collect(),
            gender_words,
            given_names,
            determiners: lists
                .determiners
                .iter()
                .map(|d| d.split('|').next().unwrap_or(d).trim().to_lowercase())
                .collect(),
            back_determiners: lists
                .determiners
                .iter()
                .filter_map(|d| d.split_once('|'))
                .filter(|(_, mark)| mark.trim() == "back")
                .map(|(d, _)| d.trim().to_lowercase())
                .collect(),
            new_determiners: lists
                .determiners
                .iter()
                .filter_map(|d| d.split_once('|'))
                .filter(|(_, mark)| mark.trim() == "new")
                .map(|(d, _)| d.trim().to_lowercase())
                .collect(),
            particles: lists.particles.iter().map(|w| w.to_lowercase()).collect(),
            conjunctions: lists
                .conjunctions
                .iter()
                .map(|w| w.to_lowercase())
                .collect(),
            // Titles short enough to be abbreviated ("Ms.", "Dr.", "Sen.").
            titles: lists
                .titles
                .iter()
                .map(|w| w.to_lowercase())
                .filter(|w| !w.contains(' ') && w.chars().count() <= 4)
                .collect(),
        }
    }

    /// Cues are matched on folded text, but a pronoun whose accent tells it apart from
    /// another word must carry it: "dijo él" (he said) is a cue, "dijo el consejero" is
    /// not. True when every word of the matched `span` agrees.
    pub fn accents_agree(&self, span: &str) -> bool {
        self.accented.is_empty()
            || word_spans(span).iter().all(|&(s, e)| {
                let word = span[s..e].to_lowercase();
                self.accented
                    .get(&fold_str(&word))
                    .is_none_or(|forms| forms.iter().all(|p| *p == word))
            })
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

    /// The gender of a person's name by its first word, when that is a given name of one
    /// gender (`quote_given_name_genders`) and a surname follows ("Theresa May").
    pub fn name_gender(&self, name: &str) -> Option<char> {
        let mut words = name.split_whitespace();
        let first = words.next()?;
        words.next()?;
        self.given_names.get(&first.to_lowercase()).copied()
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

    /// True when `word` is an indefinite determiner ("a", "one", "un", "eine"), marked
    /// `| new` in `quote_determiners`: its description ("one woman", "a man who lives
    /// across the street") brings in someone the text has not named.
    pub fn is_new_determiner(&self, word: &str) -> bool {
        let w = word.to_lowercase();
        self.new_determiners
            .iter()
            .any(|d| *d == w || (d.ends_with(['\'', '’']) && w.starts_with(d.as_str())))
    }

    /// True when `word` is a name particle (`entity_name_particles`: "von", "de", "al").
    pub fn is_name_particle(&self, word: &str) -> bool {
        self.particles.contains(&word.to_lowercase())
    }

    /// True when `word` is a coordinating conjunction ("and", "but"): a name after it
    /// may still open a clause.
    pub fn is_conjunction(&self, word: &str) -> bool {
        self.conjunctions.contains(&word.to_lowercase())
    }

    /// True when `word` is an abbreviated person title ("Ms", "Dr", "Sen").
    pub fn is_title(&self, word: &str) -> bool {
        self.titles.contains(&word.to_lowercase())
    }

    /// True when `word` is a capitalised word that never starts or ends a name
    /// ("The", "But", "November", and `quote_not_names`: "Somehow", "Unlike").
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
