//! Article text: a topic (people, a place, key words), sentences drawn from a language's
//! vocabulary around it, paragraphs, a headline, the page boilerplate around the body, and
//! the edits that turn an original into a syndicated copy.

use super::rng::Rng;
use super::vocab::Language;

const SYLLABLES: &[&str] = &[
    "ka", "ro", "mi", "len", "dor", "sa", "vi", "ter", "no", "bel", "an", "ko", "ri", "mar", "tin",
    "lu", "ga", "sel", "po", "ne", "va", "dri", "os", "ber",
];

/// What an event is about; shared by every article on it, in any language.
#[derive(Debug, Clone)]
pub struct Topic {
    /// People named in the story ("Marko Teldan").
    pub people: Vec<String>,
    /// The place of the event.
    pub place: String,
    /// Seed for the story's key words (drawn from each language's vocabulary).
    pub key_seed: u64,
}

/// A headline and body paragraphs.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    /// The headline.
    pub title: String,
    /// Body paragraphs (one line each in the generated text).
    pub paragraphs: Vec<String>,
}

impl Article {
    /// The clean body: paragraphs joined by newlines.
    pub fn body(&self) -> String {
        self.paragraphs.join("\n")
    }
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn proper_name(rng: &mut Rng) -> String {
    let n = rng.range(2, 3);
    let raw: String = (0..n)
        .map(|_| *rng.pick(SYLLABLES).unwrap_or(&"ka"))
        .collect();
    capitalised(&raw)
}

/// A new topic: two or three people and a place, with invented names.
pub fn topic(rng: &mut Rng) -> Topic {
    let people = (0..rng.range(2, 3))
        .map(|_| format!("{} {}", proper_name(rng), proper_name(rng)))
        .collect();
    Topic {
        people,
        place: proper_name(rng),
        key_seed: rng.next_u64(),
    }
}

fn key_words<'a>(lang: &'a Language, topic: &Topic) -> Vec<&'a str> {
    let mut r = Rng::new(topic.key_seed, 0);
    (0..6).map(|_| lang.content_word(&mut r)).collect()
}

/// One sentence of `lo..=hi` words, a quarter of them the topic's names and key words.
pub fn sentence(lang: &Language, topic: &Topic, rng: &mut Rng, lo: usize, hi: usize) -> String {
    let keys = key_words(lang, topic);
    let n = rng.range(lo, hi);
    let words: Vec<String> = (0..n)
        .map(|_| match rng.below(16) {
            0 => rng.pick(&topic.people).cloned().unwrap_or_default(),
            1 => topic.place.clone(),
            2..=3 => rng.pick(&keys).map_or(String::new(), |w| w.to_string()),
            _ => lang.word(rng).to_string(),
        })
        .collect();
    let mut s = capitalised(&words.join(" "));
    s.push(if rng.chance(0.08) { ':' } else { '.' });
    s
}

/// A whole article; `brief` gives a one-paragraph note of 12–25 words.
pub fn article(lang: &Language, topic: &Topic, rng: &mut Rng, brief: bool) -> Article {
    let title = sentence(lang, topic, rng, 6, 12)
        .trim_end_matches(['.', ':'])
        .to_string();
    if brief {
        return Article {
            title,
            paragraphs: vec![sentence(lang, topic, rng, 12, 25)],
        };
    }
    let paragraphs = (0..rng.range(3, 9))
        .map(|_| {
            (0..rng.range(2, 5))
                .map(|_| sentence(lang, topic, rng, 8, 24))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    Article { title, paragraphs }
}

/// Page furniture around a body: boilerplate lines above it and a "read also" /
/// end-of-page block below it, drawn from the language's lexicon.
pub fn with_boilerplate(lang: &Language, body: &str, rng: &mut Rng) -> String {
    let mut lines: Vec<String> = Vec::new();
    for _ in 0..rng.range(0, 2) {
        if let Some(l) = rng.pick(&lang.lines) {
            lines.push(l.clone());
        }
    }
    lines.push(body.to_string());
    if let Some(o) = rng.pick(&lang.openers).filter(|_| rng.chance(0.6)) {
        let words: Vec<&str> = (0..rng.range(4, 8)).map(|_| lang.word(rng)).collect();
        lines.push(format!("{o} : {}", capitalised(&words.join(" "))));
    }
    if let Some(l) = rng.pick(&lang.lines).filter(|_| rng.chance(0.5)) {
        lines.push(l.clone());
    }
    lines.join("\n")
}

/// Drops the last paragraph (or the last two of a long article); keeps at least two.
pub fn trim(a: &Article, rng: &mut Rng) -> Article {
    let mut out = a.clone();
    let drop = if out.paragraphs.len() >= 7 && rng.chance(0.5) {
        2
    } else {
        1
    };
    let keep = out.paragraphs.len().saturating_sub(drop).max(2);
    out.paragraphs.truncate(keep);
    out
}

/// Swaps two paragraphs after the lead.
pub fn reorder(a: &Article, rng: &mut Rng) -> Article {
    let mut out = a.clone();
    let n = out.paragraphs.len();
    if n >= 3 {
        let i = rng.range(1, n - 2);
        out.paragraphs.swap(i, i + 1);
    }
    out
}

/// Replaces about `rate` of the words by other words of the language (typos fixed,
/// synonyms, a changed figure).
pub fn edit(lang: &Language, a: &Article, rng: &mut Rng, rate: f64) -> Article {
    let mut out = a.clone();
    for p in &mut out.paragraphs {
        let words: Vec<String> = p
            .split(' ')
            .map(|w| {
                if rng.chance(rate) {
                    lang.word(rng).to_string()
                } else {
                    w.to_string()
                }
            })
            .collect();
        *p = words.join(" ");
    }
    out
}
