//! The phrase lists the parse stage matches lines against, loaded once from the lexicon:
//! `boilerplate`, `caption_cues` and `source_cues` of every language (a scraped page
//! mixes languages: English comment forms on a French site), plus the config's extra
//! boilerplate phrases. All matching is done on [`norm`]alised text.

use std::collections::{HashMap, HashSet};

use super::normalise::norm;
use super::shape::ends_sentence;
use crate::lexicon::Lexicon;

/// Lines longer than this (code points) are never matched by a `prefix` phrase.
const MAX_PREFIX_LINE_CHARS: usize = 300;
/// Lines longer than this are never matched by a whole-line phrase.
const MAX_LINE_PHRASE_CHARS: usize = 120;
/// A whole-line phrase may be followed by at most this many extra words.
const MAX_EXTRA_WORDS: usize = 3;
/// A whole-line phrase of at least `LONG_PHRASE_WORDS` words ("Die meistgelesenen
/// Artikel") is specific enough to be followed by up to this many words ("bei Site.de"),
/// on a line that does not end a sentence.
const MAX_EXTRA_WORDS_LONG: usize = 6;
/// See [`MAX_EXTRA_WORDS_LONG`].
const LONG_PHRASE_WORDS: usize = 3;
/// A teaser label before its colon is at most this long (code points).
const MAX_LABEL_CHARS: usize = 30;

/// How a boilerplate phrase matches a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PhraseKind {
    /// The line is the phrase, give or take a few trailing words.
    Line,
    /// The line starts with the phrase.
    Prefix,
    /// As `Line`, and the rest of the page is an end-of-page block.
    Tail,
    /// The line starts with the phrase and a colon and reads as a headline ("Lea: …",
    /// "Watch: …"): a teaser label too common a word to be a prefix on its own ("Lea"
    /// is also a name). Reported as `Prefix`.
    Label,
}

/// The loaded cue lists. Immutable; shared by reference.
#[derive(Debug, Default)]
pub(crate) struct Cues {
    boilerplate: HashMap<String, PhraseKind>,
    labels: HashSet<String>,
    max_phrase_words: usize,
    credits: HashSet<String>,
    positions: HashSet<String>,
    source_labels: HashSet<String>,
    agencies: HashMap<String, String>,
    date_words: HashSet<String>,
    date_labels: HashSet<String>,
}

impl Cues {
    /// Reads every language's lists from `lexicon`, plus `extra_boilerplate` (prefix phrases).
    pub(crate) fn load(lexicon: &Lexicon, extra_boilerplate: &[String]) -> Cues {
        let mut cues = Cues::default();
        for (_, entry) in lexicon.all("boilerplate") {
            let (phrase, kind) = match entry.split_once('|') {
                Some((p, k)) => match k.trim() {
                    "prefix" => (p, PhraseKind::Prefix),
                    "tail" => (p, PhraseKind::Tail),
                    "label" => (p, PhraseKind::Label),
                    _ => (p, PhraseKind::Line),
                },
                None => (entry, PhraseKind::Line),
            };
            cues.add_phrase(phrase, kind);
        }
        for phrase in extra_boilerplate {
            cues.add_phrase(phrase, PhraseKind::Prefix);
        }
        for (_, entry) in lexicon.all("caption_cues") {
            match entry.split_once('|') {
                Some((k, v)) if k.trim() == "credit" => insert_norm(&mut cues.credits, v),
                Some((k, v)) if k.trim() == "position" => insert_norm(&mut cues.positions, v),
                _ => {}
            }
        }
        for list in ["date_months", "date_weekdays"] {
            for (_, entry) in lexicon.all(list) {
                let name = entry.split_once('|').map_or(entry, |(n, _)| n);
                insert_norm(&mut cues.date_words, name);
            }
        }
        for (_, entry) in lexicon.all("date_words") {
            let Some((words, roles)) = entry.split_once('|') else {
                continue;
            };
            let label = roles
                .split_whitespace()
                .any(|r| matches!(r, "published" | "modified" | "article"));
            if label {
                for word in norm(words).split(' ').filter(|w| !w.is_empty()) {
                    cues.date_labels.insert(word.to_string());
                }
            }
        }
        for (_, entry) in lexicon.all("source_cues") {
            match entry.split_once('|') {
                Some((k, v)) if k.trim() == "label" => insert_norm(&mut cues.source_labels, v),
                Some((k, v)) if k.trim() == "agency" => {
                    let key = norm(v);
                    if !key.is_empty() {
                        cues.agencies.insert(key, v.trim().to_string());
                    }
                }
                _ => {}
            }
        }
        cues
    }

    fn add_phrase(&mut self, phrase: &str, kind: PhraseKind) {
        let key = norm(phrase);
        if key.is_empty() {
            return;
        }
        if kind == PhraseKind::Label {
            self.labels.insert(key);
            return;
        }
        self.max_phrase_words = self.max_phrase_words.max(key.split(' ').count());
        // A prefix phrase is stronger than a whole-line one: keep it if both are listed.
        let slot = self.boilerplate.entry(key).or_insert(kind);
        if kind == PhraseKind::Prefix || (kind == PhraseKind::Tail && *slot == PhraseKind::Line) {
            *slot = kind;
        }
    }

    /// The kind of boilerplate phrase `line` matches, if any. `normed` is `norm(line)`.
    pub(crate) fn boilerplate(&self, line: &str, normed: &str) -> Option<PhraseKind> {
        let chars = line.chars().count();
        // Every match below needs at most MAX_PREFIX_LINE_CHARS (paragraphs skip the rest).
        if chars > MAX_PREFIX_LINE_CHARS.max(MAX_LINE_PHRASE_CHARS) {
            return None;
        }
        // Interface labels are capitalised; "drücken." in wrapped text is not "Drucken".
        let capitalised = !line
            .chars()
            .find(|c| c.is_alphabetic())
            .is_some_and(char::is_lowercase);
        // A teaser label heads a headline, which does not end as a sentence does.
        if capitalised && chars <= MAX_PREFIX_LINE_CHARS && !ends_sentence(line) {
            let head = line.split_once(':').map(|(h, _)| h);
            if head.is_some_and(|h| {
                h.chars().count() <= MAX_LABEL_CHARS && self.labels.contains(&norm(h))
            }) {
                return Some(PhraseKind::Prefix);
            }
        }
        let words: Vec<&str> = normed.split(' ').filter(|w| !w.is_empty()).collect();
        // The longest matching phrase decides: "Related articles" (tail) over "Related:".
        let mut key = String::new();
        let mut found = None;
        for (k, word) in words.iter().enumerate().take(self.max_phrase_words) {
            if k > 0 {
                key.push(' ');
            }
            key.push_str(word);
            let extra = words.len() - k - 1;
            match self.boilerplate.get(&key) {
                Some(PhraseKind::Prefix) if chars <= MAX_PREFIX_LINE_CHARS => {
                    found = Some(PhraseKind::Prefix)
                }
                Some(&kind @ (PhraseKind::Line | PhraseKind::Tail))
                    if capitalised
                        && (extra <= MAX_EXTRA_WORDS
                            || (k + 1 >= LONG_PHRASE_WORDS
                                && extra <= MAX_EXTRA_WORDS_LONG
                                && !ends_sentence(line)))
                        && chars <= MAX_LINE_PHRASE_CHARS =>
                {
                    found = Some(kind)
                }
                _ => {}
            }
        }
        found
    }

    /// True when `normed` (normalised text) contains a credit word or an agency name as
    /// whole words: "afp photo", "photo by john doe getty images", "reuters".
    pub(crate) fn has_credit(&self, normed: &str) -> bool {
        let words: Vec<&str> = normed.split(' ').filter(|w| !w.is_empty()).collect();
        (1..=3).any(|n| {
            words.windows(n).any(|w| {
                let key = w.join(" ");
                self.credits.contains(&key) || self.agencies.contains_key(&key)
            })
        })
    }

    /// True when `normed` is exactly a credit word ("photo", "credit photo", "foto").
    pub(crate) fn is_credit_word(&self, normed: &str) -> bool {
        self.credits.contains(normed)
    }

    /// True when `normed` is a position marker ("a droite", "l", "links").
    pub(crate) fn is_position(&self, normed: &str) -> bool {
        self.positions.contains(normed)
    }

    /// True when `normed` is a source label ("source", "fonte", "quelle").
    pub(crate) fn is_source_label(&self, normed: &str) -> bool {
        self.source_labels.contains(normed)
    }

    /// True when `normed` is a month or weekday name of some language ("mai", "monday").
    pub(crate) fn is_date_word(&self, normed: &str) -> bool {
        self.date_words.contains(normed)
    }

    /// True when `normed` is a word of a publication-date label ("veroffentlicht", "am",
    /// "updated"): the `published`, `modified` and `article` entries of `date_words`.
    pub(crate) fn is_date_label(&self, normed: &str) -> bool {
        self.date_labels.contains(normed)
    }

    /// The agency's display name when `normed` names a known news agency.
    pub(crate) fn agency(&self, normed: &str) -> Option<&str> {
        self.agencies.get(normed).map(String::as_str)
    }
}

fn insert_norm(set: &mut HashSet<String>, value: &str) {
    let key = norm(value);
    if !key.is_empty() {
        set.insert(key);
    }
}
