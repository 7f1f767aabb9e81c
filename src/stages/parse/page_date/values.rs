//! Date values as pages write them, in attributes (ISO 8601, `20240806`, RFC 2822) and in
//! text (`06.08.2024`, `28.01.22`, `August 6, 2024`, `6. August 2024`, `12 de marzo de
//! 2019`), with month names and the update and join words of every language's data.

use std::collections::HashMap;

use chrono::NaiveDate;
use regex::Regex;

use crate::lexicon::Lexicon;

/// Most letters, month names aside, that a text holding only a date may have.
const DATE_ONLY_LETTERS: usize = 12;

/// Most letters of a label before a date ("Pressemitteilung vom").
const LABEL_LETTERS: usize = 30;

/// Years accepted as publication years.
const YEARS: std::ops::RangeInclusive<i32> = 1995..=2035;

/// Compiled value patterns, month names and update cues of every language.
#[derive(Debug)]
pub(super) struct DateValues {
    iso: Regex,
    compact: Regex,
    dmy: Regex,
    dmy_short: Regex,
    utc_midnight: Regex,
    textual: Regex,
    months: HashMap<String, u32>,
    /// Phrases introducing an update date ("last updated", "mis à jour"), lower case.
    update_cues: Vec<String>,
    /// Words put before a day ("vom", "le", "del"), lower case.
    articles: Vec<String>,
}

impl DateValues {
    /// Compiles the patterns; loads `date_months` and `date_words` of every language.
    pub(super) fn new(lexicon: &Lexicon) -> DateValues {
        let re = |p: &str| Regex::new(p).expect("static pattern");
        let mut months = HashMap::new();
        let joins = join_words(lexicon);
        for lang in lexicon.languages_with("date_months") {
            for (name, value) in lexicon.pairs(&lang, "date_months") {
                let number = value.split_whitespace().next().and_then(|n| n.parse().ok());
                if let Some(n) = number.filter(|n| (1..=12).contains(n)) {
                    let name = name.trim_end_matches('.').to_lowercase();
                    months.entry(name).or_insert(n);
                }
            }
        }
        DateValues {
            iso: re(r"(\d{4})-(\d{1,2})-(\d{1,2})"),
            compact: re(r"^\s*(\d{4})[/.](\d{1,2})[/.](\d{1,2})|^\s*(\d{4})(\d{2})(\d{2})(?:\D|$)"),
            dmy: re(r"(\d{1,2})(?:[/-]|\.\s?|\s\|\s)(\d{1,2})(?:[/-]|\.\s?|\s\|\s)(\d{4})"),
            utc_midnight: re(r"^[T ]2[23]:00(?::00(?:\.0+)?)?(?:Z|[+-]00:?00)\s*$"),
            dmy_short: re(r"(?:^|[^\d./])(\d{1,2})([./])(\d{1,2})[./](\d{2})(?:[^\d./]|$)"),
            textual: re(&format!(
                r"(?i)(\d{{1,2}})?\.?\s*(?:(?:{joins})\s+)?([\p{{L}}]{{3,12}})\.?\s*(\d{{1,2}})?,?\s+(?:(?:{joins})\s+)?(\d{{4}})"
            )),
            months,
            update_cues: words_with(lexicon, "modified"),
            articles: words_with(lexicon, "article"),
        }
    }

    /// Whether an update cue ("Updated", "Zuletzt aktualisiert") comes before the first
    /// digit of `text`: the date it introduces is not the original one.
    pub(super) fn names_update(&self, text: &str) -> bool {
        let head = text
            .split(|c: char| c.is_ascii_digit())
            .next()
            .unwrap_or("");
        let head = format!(" {} ", head.to_lowercase());
        self.update_cues.iter().any(|cue| {
            head.match_indices(cue.as_str()).any(|(i, _)| {
                let before = head[..i].chars().next_back();
                let after = head[i + cue.len()..].chars().next();
                !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric)
            })
        })
    }

    /// Whether a short text is little more than a date: besides digits, punctuation and
    /// month names, at most [`DATE_ONLY_LETTERS`] letters ("Samstag, 5. Oktober 2013",
    /// "am 25.01.2022", not "Handball Schweiz • 02.02.2022").
    pub(super) fn only_a_date(&self, text: &str) -> bool {
        let letters: usize = text
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty() && self.month(w).is_none())
            .map(|w| w.chars().count())
            .sum();
        letters <= DATE_ONLY_LETTERS
    }

    /// A short text that is a label, a word put before a day and a date, nothing else:
    /// "Pressemitteilung vom 20.01.2022", "Notizia del 14 gennaio 2020".
    pub(super) fn labelled(&self, text: &str) -> Option<NaiveDate> {
        let (head, date) = text.split_at(text.find(|c: char| c.is_ascii_digit())?);
        let last = head.split_whitespace().next_back()?.to_lowercase();
        let letters = head.chars().filter(|c| c.is_alphabetic()).count();
        if letters > LABEL_LETTERS || !self.articles.contains(&last) || !self.only_a_date(date) {
            return None;
        }
        self.parse_text(date)
    }

    /// A date written in running text: what [`DateValues::parse_value`] reads, else a
    /// day-month-year with a two-digit year (`28.01.22`, `26/10/13`; with slashes, month
    /// first when the day-first reading is no date).
    pub(super) fn parse_text(&self, text: &str) -> Option<NaiveDate> {
        self.parse_value(text).or_else(|| {
            self.dmy_short.captures_iter(text).find_map(|c| {
                let year = 2000 + c[4].parse::<i32>().ok()?;
                if !YEARS.contains(&year) {
                    return None;
                }
                let (first, second) = (c[1].parse().ok()?, c[3].parse().ok()?);
                // "26/10/13" day first, "10/26/13" (US) month first; "26.10.13" day first.
                NaiveDate::from_ymd_opt(year, second, first).or_else(|| {
                    (&c[2] == "/")
                        .then(|| NaiveDate::from_ymd_opt(year, first, second))
                        .flatten()
                })
            })
        })
    }

    /// A date value as pages write it: ISO 8601, `2024/08/06`, `20240806`, `06.08.2024`,
    /// `26 | 01 | 2022`,
    /// `Tue, 06 Aug 2024 …`, `August 6, 2024`, `6. August 2024`.
    pub(crate) fn parse_value(&self, value: &str) -> Option<NaiveDate> {
        let ymd = |y: &str, m: &str, d: &str| {
            let y: i32 = y.parse().ok()?;
            if !YEARS.contains(&y) {
                return None;
            }
            NaiveDate::from_ymd_opt(y, m.parse().ok()?, d.parse().ok()?)
        };
        if let Some(c) = self.iso.captures(value) {
            let date = ymd(&c[1], &c[2], &c[3]);
            // A day stored as the local midnight of a European site, written in UTC
            // ("2022-11-06T23:00:00.000Z" for 7 November) is the next day.
            let midnight = c
                .get(0)
                .is_some_and(|m| self.utc_midnight.is_match(&value[m.end()..]));
            return date.map(|d| {
                if midnight {
                    d.succ_opt().unwrap_or(d)
                } else {
                    d
                }
            });
        }
        if let Some(c) = self.compact.captures(value) {
            return match c.get(1) {
                Some(y) => ymd(y.as_str(), &c[2], &c[3]),
                None => ymd(&c[4], &c[5], &c[6]),
            };
        }
        if let Some(c) = self.dmy.captures(value) {
            return ymd(&c[3], &c[2], &c[1]).or_else(|| ymd(&c[3], &c[1], &c[2]));
        }
        self.textual.captures_iter(value).find_map(|c| {
            let month = self.month(&c[2])?;
            let day = c.get(1).or(c.get(3))?.as_str().parse().ok()?;
            let year: i32 = c[4].parse().ok()?;
            if !YEARS.contains(&year) {
                return None;
            }
            NaiveDate::from_ymd_opt(year, month, day)
        })
    }

    /// A month name, or an abbreviation of at least three letters that only one month's
    /// names start with ("juil" → 7, "Sept" → 9), in any loaded language.
    fn month(&self, word: &str) -> Option<u32> {
        let word = word.to_lowercase();
        if let Some(m) = self.months.get(&word) {
            return Some(*m);
        }
        if word.chars().count() < 3 {
            return None;
        }
        let mut found = self
            .months
            .iter()
            .filter(|(n, _)| n.starts_with(&word))
            .map(|(_, m)| *m);
        let first = found.next()?;
        found.all(|m| m == first).then_some(first)
    }
}

/// The `join` words of every language's `date_words` list ("de", "of"), as a regex
/// alternation (one that never matches when there are none).
fn join_words(lexicon: &Lexicon) -> String {
    let mut words: Vec<String> = Vec::new();
    for lang in lexicon.languages_with("date_words") {
        for (word, roles) in lexicon.pairs(&lang, "date_words") {
            if roles.split_whitespace().any(|r| r == "join") {
                words.push(regex::escape(&word.to_lowercase()));
            }
        }
    }
    words.sort();
    words.dedup();
    if words.is_empty() {
        return "[^\\s\\S]".to_string();
    }
    words.join("|")
}

/// The phrases of every language's `date_words` list that have `role`, lower case.
fn words_with(lexicon: &Lexicon, role: &str) -> Vec<String> {
    let mut words = Vec::new();
    for lang in lexicon.languages_with("date_words") {
        for (phrase, roles) in lexicon.pairs(&lang, "date_words") {
            if roles.split_whitespace().any(|r| r == role) {
                words.push(phrase.to_lowercase());
            }
        }
    }
    words
}
