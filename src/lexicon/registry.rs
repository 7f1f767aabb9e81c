//! The registry of language-data lists: every list name gazette reads from
//! `data/lang/<lang>/<name>.txt` (and from the extra directories of `run.data_dirs`), with
//! the stage that reads it and what it holds. A file whose name is not here would be
//! silently ignored, so it is refused instead: built-in files by a test, files of an extra
//! directory when they are loaded (as are extra files for the lists only the shipped data
//! may hold, see [`ListSpec::extendable`]). Adding a list means adding a line here.

/// One known list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListSpec {
    /// File name without `.txt`.
    pub name: &'static str,
    /// The part of gazette that reads it (`text` for the shared text primitives).
    pub stage: &'static str,
    /// What its entries are.
    pub meaning: &'static str,
}

impl ListSpec {
    /// Whether an extra data directory (`run.data_dirs`) may add to the list. The text
    /// primitives (stage `text`) read only the shipped lists, so extra files for them
    /// would be silently unused: they are refused instead.
    pub fn extendable(&self) -> bool {
        self.stage != "text"
    }
}

const fn list(name: &'static str, stage: &'static str, meaning: &'static str) -> ListSpec {
    ListSpec {
        name,
        stage,
        meaning,
    }
}

/// Every known list, by stage then name.
pub const LISTS: &[ListSpec] = &[
    list(
        "abbreviations",
        "text",
        "short abbreviations a full stop does not end a sentence after (\"Dr.\", \"Mme.\")",
    ),
    list(
        "possessive_endings",
        "text",
        "possessive endings written after a name (\"'s\", \"’\"), longest first",
    ),
    list(
        "boilerplate",
        "parse",
        "phrases that open a boilerplate line (share buttons, newsletter calls)",
    ),
    list(
        "caption_cues",
        "parse",
        "phrases that mark a photo caption or credit line",
    ),
    list(
        "source_cues",
        "parse",
        "phrases that mark a source or byline line",
    ),
    list(
        "date_formats",
        "dates",
        "day/month/year orders of numeric dates",
    ),
    list(
        "date_months",
        "dates",
        "month names: `name | number [abbr]`",
    ),
    list(
        "date_numbers",
        "dates",
        "number words of counted relative phrases: `word | number`",
    ),
    list(
        "date_relative_counts",
        "dates",
        "counted relative phrases (\"il y a N jours\"): `words with N | unit sign`",
    ),
    list(
        "date_relative_days",
        "dates",
        "words naming a day relative to the anchor: `words | offset …`",
    ),
    list(
        "date_relative_periods",
        "dates",
        "phrases naming a period relative to the anchor: `words | unit offset`",
    ),
    list(
        "date_weekdays",
        "dates",
        "weekday names: `name | 1..7` (Monday = 1)",
    ),
    list(
        "date_words",
        "dates",
        "closed-class words around dates: `words | role …`",
    ),
    list(
        "entity_case_endings",
        "entities",
        "case endings glued to a known name (\"Deutschlands\")",
    ),
    list(
        "entity_common_nouns",
        "entities",
        "capitalised common nouns never guessed as one-word names",
    ),
    list(
        "entity_common_words",
        "entities",
        "lower-case words that are not names, counted in training corpora (generated: tools/train_common_words.sh)",
    ),
    list(
        "entity_conjunctions",
        "entities",
        "coordinating conjunctions: the names they join share a type",
    ),
    list(
        "entity_given_names",
        "entities",
        "given names that make a capitalised run a person",
    ),
    list(
        "entity_given_names_common",
        "entities",
        "common given names generated from Faker (tools/names_from_faker.py)",
    ),
    list(
        "entity_loc_heads",
        "entities",
        "words that, first or last in an unconfirmed name, make it a place",
    ),
    list(
        "entity_name_particles",
        "entities",
        "lower-case words allowed inside a personal name (\"de\", \"von\")",
    ),
    list(
        "entity_org_adjective_endings",
        "entities",
        "endings of the adjectives an organisation name runs on over",
    ),
    list(
        "entity_org_articles",
        "entities",
        "articles that make the unconfirmed name after them an organisation",
    ),
    list(
        "entity_org_connectors",
        "entities",
        "lower-case words allowed inside an organisation name",
    ),
    list(
        "entity_org_cues",
        "entities",
        "words around a name that only an organisation has (\"shares of\")",
    ),
    list(
        "entity_org_word_endings",
        "entities",
        "endings of abstract nouns no surname has",
    ),
    list(
        "entity_speech_verbs",
        "entities",
        "verb phrases that, right after a name, confirm a person",
    ),
    list(
        "entity_stem_changes",
        "entities",
        "changes at the end of a stem once a case ending is stripped",
    ),
    list(
        "entity_stopwords",
        "entities",
        "capitalised words that never start or end a name",
    ),
    list(
        "entity_type_nouns",
        "entities",
        "common nouns that type the name they introduce",
    ),
    list(
        "entity_unconfirmed",
        "entities",
        "types given to capitalised names nothing confirms",
    ),
    list(
        "loc_cues",
        "entities",
        "prepositions and words that make the name after them a place",
    ),
    list(
        "org_heads",
        "entities",
        "head words of organisation names (\"ministère\", \"Bank\")",
    ),
    list(
        "person_titles",
        "entities",
        "titles and roles that announce a person's name",
    ),
    list(
        "according_to",
        "quotes",
        "cues that name a source (\"selon X\", \"laut X\")",
    ),
    list(
        "quote_conjunctions",
        "quotes",
        "conjunctions that join clauses: a name after one may be a subject",
    ),
    list(
        "quote_determiners",
        "quotes",
        "articles and possessives that open a speaker description",
    ),
    list(
        "quote_given_name_genders",
        "quotes",
        "given names of one gender: `Name | m` (generated: tools/names_from_faker.py)",
    ),
    list(
        "quote_gender_words",
        "quotes",
        "words that show the gender of the person just named",
    ),
    list(
        "quote_name_cues",
        "quotes",
        "words right before an opening mark that make the quoted words a name or label, not a quotation (\"so-called\", \"known as\")",
    ),
    list(
        "quote_not_names",
        "quotes",
        "capitalised words that never start a speaker's name",
    ),
    list(
        "quote_object_pronouns",
        "quotes",
        "pronouns that stand for a source after an \"according to\" cue",
    ),
    list(
        "quote_pronouns",
        "quotes",
        "subject pronouns that stand for a speaker: `pronoun | m|f`",
    ),
    list(
        "quote_roles",
        "quotes",
        "role nouns that can describe a speaker (\"porte-parole\")",
    ),
    list(
        "speech_verbs",
        "quotes",
        "speech verbs that attribute a direct quotation",
    ),
];

/// The registry entry of list `name`, if it is a known list.
pub fn spec(name: &str) -> Option<&'static ListSpec> {
    LISTS.iter().find(|l| l.name == name)
}

/// The lists an extra data directory may add to, as `name (stage)`, comma-separated,
/// for error messages.
pub fn known_names() -> String {
    let mut names: Vec<String> = LISTS
        .iter()
        .filter(|l| l.extendable())
        .map(|l| format!("{} ({})", l.name, l.stage))
        .collect();
    names.sort_unstable();
    names.join(", ")
}
