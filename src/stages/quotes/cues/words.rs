//! Word tests of one language's cue lists: pronouns and their gender, determiners,
//! particles, conjunctions, titles, stopwords and role words.

use crate::text::{fold_str, word_spans};

use super::{Cue, LangCues};

impl LangCues {
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

#[cfg(test)]
mod tests {
    use crate::lexicon::Lexicon;
    use crate::stages::quotes::cues::CueLexicon;

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
