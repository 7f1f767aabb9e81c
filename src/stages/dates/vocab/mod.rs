//! The date vocabulary of one language, read from the lexicon's `date_*` lists.
//!
//! | list | entry | example |
//! |---|---|---|
//! | `date_months` | `name \| number [abbr] [cased]` | `févr. \| 2 abbr` |
//! | `date_weekdays` | `name \| 1..7` (Monday = 1) | `samedi \| 6` |
//! | `date_relative_days` | `words \| offset [exact] [!blocker …]` | `mañana \| +1 !la !esta` |
//! | `date_relative_periods` | `words \| unit offset [!blocker …]` (unit: day, week, weekend, month, year) | `last week \| week -1 !the` |
//! | `date_words` | `words \| role …` (see [`Role`]) | `dernier \| prev_after` |
//! | `date_formats` | `day_month`, `month_day`, `dmy`, `mdy` | `month_day` |
//!
//! Every entry is folded (lower case, no accents, `'` apostrophes) so matching is case-
//! and accent-insensitive; `exact` relative-day entries must also match the original
//! spelling (German lower-case "morgen" = tomorrow, "Morgen" = morning); `cased` months
//! must be written with a capital (English "May", not the verb "may").

use std::collections::HashMap;

use chrono::Weekday;

use crate::error::{Error, Result};
use crate::lexicon::Lexicon;
use entries::{Counted, Month, Period, RelativeDay, Why};

mod entries;

pub use entries::{key, Role, Unit};

/// Every list name this module reads.
pub const LISTS: [&str; 8] = [
    "date_months",
    "date_weekdays",
    "date_relative_days",
    "date_relative_periods",
    "date_words",
    "date_formats",
    "date_relative_counts",
    "date_numbers",
];

/// The date vocabulary of one language, entries folded.
#[derive(Debug, Clone)]
pub struct Vocab {
    /// ISO 639-1 code.
    pub lang: String,
    /// Month name (no trailing dot) → its entry.
    pub months: HashMap<String, Month>,
    /// Weekday name → weekday.
    pub weekdays: HashMap<String, Weekday>,
    /// Relative day phrase → its meaning.
    pub relative_days: HashMap<String, RelativeDay>,
    /// Relative period phrase → its meaning.
    pub periods: HashMap<String, Period>,
    /// Counted relative phrases ("il y a N jours"), in file order.
    pub counts: Vec<Counted>,
    /// Number words → their value.
    pub numbers: HashMap<String, u32>,
    /// Closed-class words by role.
    pub words: HashMap<Role, Vec<String>>,
    /// "April 17" order is used.
    pub month_day: bool,
    /// Ambiguous numeric dates ("04/05/2024") are read month first.
    pub prefer_mdy: bool,
}

fn data_error(lang: &str, list: &str, message: String) -> Error {
    Error::Data {
        path: format!("lang/{lang}/{list}.txt"),
        message,
    }
}

/// The `key | value` pairs of one list, keys folded, values parsed by `parse`.
fn table<T>(
    lexicon: &Lexicon,
    lang: &str,
    list: &str,
    parse: impl Fn(&str, &str) -> Result<T, Why>,
) -> Result<Vec<(String, T)>> {
    lexicon
        .pairs(lang, list)
        .into_iter()
        .map(|(k, v)| match parse(&k, &v) {
            Ok(t) => Ok((key(&k), t)),
            Err(why) => Err(data_error(lang, list, format!("entry `{k} | {v}`: {why}"))),
        })
        .collect()
}

impl Vocab {
    /// Reads the `date_*` lists of `lang`; a malformed entry is an [`Error::Data`].
    pub fn load(lexicon: &Lexicon, lang: &str) -> Result<Vocab> {
        let months = table(lexicon, lang, "date_months", |_, v| entries::month(v))?
            .into_iter()
            .map(|(k, m)| (k.trim_end_matches('.').to_string(), m))
            .collect();
        let weekdays = table(lexicon, lang, "date_weekdays", |_, v| entries::weekday(v))?;
        let relative_days = table(lexicon, lang, "date_relative_days", entries::relative_day)?;
        let periods = table(lexicon, lang, "date_relative_periods", |_, v| {
            entries::period(v)
        })?;
        let counts = table(lexicon, lang, "date_relative_counts", entries::counted)?
            .into_iter()
            .map(|(_, c)| c)
            .collect();
        let numbers = table(lexicon, lang, "date_numbers", |_, v| entries::number(v))?;
        let mut words: HashMap<Role, Vec<String>> = HashMap::new();
        for (k, roles) in table(lexicon, lang, "date_words", |_, v| entries::roles(v))? {
            for role in roles {
                words.entry(role).or_default().push(k.clone());
            }
        }
        let (mut month_day, mut numeric) = (false, None);
        for f in lexicon.list(lang, "date_formats") {
            match f.as_str() {
                "day_month" => {}
                "month_day" => month_day = true,
                "dmy" | "mdy" => numeric = numeric.or(Some(f == "mdy")),
                other => {
                    let why =
                        format!("unknown format `{other}`: use day_month, month_day, dmy or mdy");
                    return Err(data_error(lang, "date_formats", why));
                }
            }
        }
        Ok(Vocab {
            lang: lang.to_string(),
            months,
            weekdays: weekdays.into_iter().collect(),
            relative_days: relative_days.into_iter().collect(),
            periods: periods.into_iter().collect(),
            counts,
            numbers: numbers.into_iter().collect(),
            words,
            month_day,
            prefer_mdy: numeric.unwrap_or(false),
        })
    }

    /// Every language that has at least one `date_*` list, sorted.
    pub fn languages(lexicon: &Lexicon) -> Vec<String> {
        let mut langs: Vec<String> = LISTS
            .iter()
            .flat_map(|l| lexicon.languages_with(l))
            .collect();
        langs.sort();
        langs.dedup();
        langs
    }

    /// The folded words with `role` (empty when the language has none).
    pub fn role(&self, role: Role) -> &[String] {
        self.words.get(&role).map(Vec::as_slice).unwrap_or(&[])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loads_entries_and_rejects_bad_ones() {
        let mut lex = Lexicon::default();
        lex.add("xx", "date_months", "Févr. | 2 abbr\nfévrier | 2\n");
        lex.add(
            "xx",
            "date_relative_days",
            "mañana | +1 !la\nMorgen | 1 exact\n",
        );
        lex.add(
            "xx",
            "date_words",
            "dernier | prev_after\nen | month_cue year_cue\n",
        );
        lex.add("xx", "date_formats", "month_day\nmdy\ndmy\n");
        let v = Vocab::load(&lex, "xx").unwrap();
        assert_eq!(
            v.months.get("fevr"),
            Some(&Month {
                number: 2,
                abbr: true,
                cased: false
            })
        );
        assert_eq!(v.months.get("fevrier").map(|m| m.abbr), Some(false));
        assert_eq!(v.relative_days["manana"].blockers, ["la"]);
        assert_eq!(v.relative_days["morgen"].exact.as_deref(), Some("Morgen"));
        assert_eq!(v.role(Role::YearCue), ["en"]);
        assert!(v.month_day && v.prefer_mdy);
        assert_eq!(Vocab::languages(&lex), ["xx"]);
        lex.add("xx", "date_words", "foo | sideways\n");
        let err = Vocab::load(&lex, "xx").unwrap_err().to_string();
        assert!(
            err.contains("date_words") && err.contains("sideways"),
            "{err}"
        );
    }
}
