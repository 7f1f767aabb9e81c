//! The generator's language data: a Zipf-weighted vocabulary, outlets and an agency per
//! language from `dev/data/synth/<lang>.txt` (embedded in this crate, not in the pipeline
//! library), and boilerplate lines from the pipeline's own lexicon (`boilerplate` lists),
//! so that the parse stage can recognise them.

use gazette::lexicon::Lexicon;

use super::rng::Rng;

/// The vocabulary files, `(language code, contents)`, sorted by code: adding a language
/// means adding its file here and under `dev/data/synth/`.
const FILES: &[(&str, &str)] = &[
    ("de", include_str!("../../data/synth/de.txt")),
    ("en", include_str!("../../data/synth/en.txt")),
    ("es", include_str!("../../data/synth/es.txt")),
    ("fr", include_str!("../../data/synth/fr.txt")),
    ("it", include_str!("../../data/synth/it.txt")),
];

/// Everything the generator knows of one language.
#[derive(Debug, Clone)]
pub struct Language {
    /// ISO 639-1 code (the data file's name).
    pub code: String,
    /// Share of the corpus (relative to the other languages' weights).
    pub weight: u32,
    /// Words, most frequent first.
    pub words: Vec<String>,
    /// Cumulative Zipf weights of `words`.
    cumulative: Vec<f64>,
    /// Publishers writing in this language.
    pub outlets: Vec<String>,
    /// The wire agency of this language, when the data names one.
    pub agency: Option<String>,
    /// Whole-line boilerplate ("Partager sur Facebook").
    pub lines: Vec<String>,
    /// Boilerplate openers followed by a headline ("Lire aussi").
    pub openers: Vec<String>,
    /// Phrases opening the end-of-page block ("Commentaires").
    pub tails: Vec<String>,
}

impl Language {
    /// A word drawn with Zipf weights (rank r has weight 1 / (r + 2)).
    pub fn word(&self, rng: &mut Rng) -> &str {
        let total = self.cumulative.last().copied().unwrap_or(0.0);
        let x = rng.unit() * total;
        let i = self.cumulative.partition_point(|&c| c <= x);
        self.words.get(i).or(self.words.last()).map_or("", |w| w)
    }

    /// A content word (outside the 40 most frequent), uniformly.
    pub fn content_word(&self, rng: &mut Rng) -> &str {
        let start = 40.min(self.words.len().saturating_sub(1));
        rng.pick(&self.words[start..]).map_or("", |w| w)
    }
}

fn parse_file(code: &str, text: &str, lexicon: &Lexicon) -> Language {
    let mut lang = Language {
        code: code.to_string(),
        weight: 10,
        words: Vec::new(),
        cumulative: Vec::new(),
        outlets: Vec::new(),
        agency: None,
        lines: Vec::new(),
        openers: Vec::new(),
        tails: Vec::new(),
    };
    for line in text.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        match line.split_once('|').map(|(k, v)| (k.trim(), v.trim())) {
            Some(("weight", v)) => lang.weight = v.parse().unwrap_or(10),
            Some(("outlet", v)) => lang.outlets.push(v.to_string()),
            Some(("agency", v)) => lang.agency = Some(v.to_string()),
            Some(_) => {}
            None => lang
                .words
                .extend(line.split_whitespace().map(str::to_string)),
        }
    }
    let mut acc = 0.0;
    lang.cumulative = (0..lang.words.len())
        .map(|r| {
            acc += 1.0 / (r as f64 + 2.0);
            acc
        })
        .collect();
    for entry in lexicon.list(code, "boilerplate") {
        match entry.split_once('|').map(|(p, k)| (p.trim(), k.trim())) {
            Some((p, "prefix")) => lang.openers.push(p.to_string()),
            Some((p, "tail")) => lang.tails.push(p.to_string()),
            Some(_) => {}
            None => lang.lines.push(entry.clone()),
        }
    }
    lang
}

/// Every language with a `dev/data/synth/<lang>.txt` file, sorted by code.
pub fn languages(lexicon: &Lexicon) -> Vec<Language> {
    FILES
        .iter()
        .map(|(code, text)| parse_file(code, text, lexicon))
        .filter(|l| l.words.len() > 50 && !l.outlets.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_come_from_data_with_boilerplate() {
        let lex = Lexicon::load(&[] as &[&str]).unwrap();
        let langs = languages(&lex);
        assert!(langs.len() >= 5, "{}", langs.len());
        for l in &langs {
            assert!(!l.lines.is_empty(), "{} has boilerplate lines", l.code);
            assert!(l.agency.is_some() && l.outlets.len() >= 3, "{}", l.code);
        }
        let fr = langs.iter().find(|l| l.code == "fr").unwrap();
        let mut rng = Rng::new(3, 0);
        let draws: Vec<&str> = (0..1000).map(|_| fr.word(&mut rng)).collect();
        let top = draws.iter().filter(|w| **w == "de").count();
        assert!(top > 40, "frequent words are frequent: {top}");
    }
}
