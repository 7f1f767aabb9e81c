//! One entry of each `date_*` list: the types and their parsers, and the key form every
//! phrase is folded to. A parser gets the value part of a `key | value` line and says why
//! it is malformed.

use chrono::Weekday;

use crate::text::fold_str;

/// Folds and collapses whitespace, the key form of every phrase.
pub fn key(s: &str) -> String {
    fold_str(s).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What a closed-class word does around a date (`date_words` roles).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// Article before a day number, kept in the span ("le 17 avril").
    Article,
    /// Word between day, month and year ("6 de agosto de 2024").
    Join,
    /// Word between the two days of a range ("du 12 au 25 juin").
    Range,
    /// Suffix of a day number ("1er", "2nd", "17.").
    Ordinal,
    /// Makes a following bare month a date ("en avril"); not in the span.
    MonthCue,
    /// Makes a following bare year a date ("en 2022"); not in the span.
    YearCue,
    /// A preposition contracted with an article ("nel", "im", "dell'"): makes a following
    /// bare month or month-year a date and, being an article, is kept in the span ("nel
    /// febbraio 2022", "im März").
    MonthArticle,
    /// The same before a bare year ("nel 2022", "dal 2016"): a cue kept in the span.
    YearArticle,
    /// "the last one", placed before ("last Saturday").
    PrevBefore,
    /// "the last one", placed after ("samedi dernier").
    PrevAfter,
    /// "the coming one", placed before ("next Saturday").
    NextBefore,
    /// "the coming one", placed after ("samedi prochain").
    NextAfter,
    /// Earlier in the sentence, points to the future ("prévu le 17 mai").
    Forward,
    /// Introduces the publication date ("Publié le").
    Published,
    /// Introduces an update date ("Mis à jour le"), never the publication date.
    Modified,
    /// A noun of things counted: right after a year-like number it makes the number a
    /// count, not a year ("en 2000 exemplaires").
    Count,
}

impl Role {
    /// The role named `s` in `date_words`.
    pub fn parse(s: &str) -> Option<Role> {
        Some(match s {
            "article" => Role::Article,
            "join" => Role::Join,
            "range" => Role::Range,
            "ordinal" => Role::Ordinal,
            "month_cue" => Role::MonthCue,
            "year_cue" => Role::YearCue,
            "month_article" => Role::MonthArticle,
            "year_article" => Role::YearArticle,
            "prev_before" => Role::PrevBefore,
            "prev_after" => Role::PrevAfter,
            "next_before" => Role::NextBefore,
            "next_after" => Role::NextAfter,
            "forward" => Role::Forward,
            "published" => Role::Published,
            "modified" => Role::Modified,
            "count" => Role::Count,
            _ => return None,
        })
    }
}

/// Unit of a relative period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Days from the anchor.
    Day,
    /// ISO weeks from the anchor's week.
    Week,
    /// Weekends (see `weekend` in `tagging/value.rs`).
    Weekend,
    /// Calendar months from the anchor's month.
    Month,
    /// Calendar years from the anchor's year.
    Year,
}

/// A month name entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Month {
    /// 1 to 12.
    pub number: u32,
    /// An abbreviation: only accepted next to a day number.
    pub abbr: bool,
    /// Only when written with a leading capital.
    pub cased: bool,
}

/// A relative day word ("hier | -1").
#[derive(Debug, Clone)]
pub struct RelativeDay {
    /// Offset in days from the anchor.
    pub offset: i64,
    /// The entry as written in the data file, when the original text must match it exactly.
    pub exact: Option<String>,
    /// Folded words that, right before this one, cancel the match ("la mañana").
    pub blockers: Vec<String>,
}

/// Why an entry is malformed.
pub type Why = &'static str;

/// `number [abbr] [cased]` of `date_months`.
pub fn month(value: &str) -> Result<Month, Why> {
    let mut parts = value.split_whitespace();
    let number = parts
        .next()
        .and_then(|n| n.parse().ok())
        .filter(|n| (1..=12).contains(n))
        .ok_or("expected a month number 1-12")?;
    let mut month = Month {
        number,
        abbr: false,
        cased: false,
    };
    for flag in parts {
        match flag {
            "abbr" => month.abbr = true,
            "cased" => month.cased = true,
            _ => return Err("flags after the number are `abbr` and `cased`"),
        }
    }
    Ok(month)
}

/// `1..7` (Monday = 1) of `date_weekdays`.
pub fn weekday(value: &str) -> Result<Weekday, Why> {
    Ok(match value {
        "1" => Weekday::Mon,
        "2" => Weekday::Tue,
        "3" => Weekday::Wed,
        "4" => Weekday::Thu,
        "5" => Weekday::Fri,
        "6" => Weekday::Sat,
        "7" => Weekday::Sun,
        _ => return Err("expected 1 (Monday) to 7 (Sunday)"),
    })
}

/// `offset [exact] [!blocker …]` of `date_relative_days`; `entry` is the key as written.
pub fn relative_day(entry: &str, value: &str) -> Result<RelativeDay, Why> {
    let mut parts = value.split_whitespace();
    let offset = parts
        .next()
        .and_then(|n| n.parse::<i64>().ok())
        .ok_or("expected a day offset like -1")?;
    let mut day = RelativeDay {
        offset,
        exact: None,
        blockers: Vec::new(),
    };
    for flag in parts {
        if flag == "exact" {
            day.exact = Some(entry.to_string());
        } else if let Some(word) = flag.strip_prefix('!') {
            day.blockers.push(key(word));
        } else {
            return Err("flags are `exact` and `!word`");
        }
    }
    Ok(day)
}

/// A relative period phrase ("le mois dernier | month -1").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Period {
    /// Its unit.
    pub unit: Unit,
    /// Units from the anchor's.
    pub offset: i32,
    /// Folded words that, right before the phrase, cancel the match ("the last week of").
    pub blockers: Vec<String>,
}

/// `unit offset [!blocker …]` of `date_relative_periods`.
pub fn period(value: &str) -> Result<Period, Why> {
    let mut parts = value.split_whitespace();
    let unit = match parts.next() {
        Some("day") => Unit::Day,
        Some("week") => Unit::Week,
        Some("weekend") => Unit::Weekend,
        Some("month") => Unit::Month,
        Some("year") => Unit::Year,
        _ => return Err("unit must be day, week, weekend, month or year"),
    };
    let offset = parts
        .next()
        .and_then(|n| n.parse::<i32>().ok())
        .ok_or("expected an offset like -1 after the unit")?;
    let blockers = parts
        .map(|p| {
            p.strip_prefix('!')
                .map(key)
                .ok_or("only `!word` may follow the offset")
        })
        .collect::<Result<_, _>>()?;
    Ok(Period {
        unit,
        offset,
        blockers,
    })
}

/// A counted relative phrase ("il y a N jours | day -1"): `N` stands for the number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Counted {
    /// The folded phrase with `n` standing for the number.
    pub phrase: String,
    /// Its unit.
    pub unit: Unit,
    /// -1 (ago) or +1 (in N units).
    pub sign: i32,
}

/// `unit sign` of `date_relative_counts`; `entry` (folded) must hold `n` as a word.
pub fn counted(entry: &str, value: &str) -> Result<Counted, Why> {
    let phrase = key(entry);
    if !phrase.split(' ').any(|w| w == "n") {
        return Err("the phrase must hold `N` as a word for the number");
    }
    let p = period(value)?;
    if p.unit == Unit::Weekend || !matches!(p.offset, -1 | 1) || !p.blockers.is_empty() {
        return Err("expected `day|week|month|year -1` or `… +1`");
    }
    Ok(Counted {
        phrase,
        unit: p.unit,
        sign: p.offset,
    })
}

/// `number` of `date_numbers` (a number word: "trois | 3").
pub fn number(value: &str) -> Result<u32, Why> {
    value
        .trim()
        .parse()
        .ok()
        .filter(|n| (1..=1000).contains(n))
        .ok_or("expected a number from 1 to 1000")
}

/// `role …` of `date_words`.
pub fn roles(value: &str) -> Result<Vec<Role>, Why> {
    value
        .split_whitespace()
        .map(|r| Role::parse(r).ok_or("unknown role (see the header of fr/date_words.txt)"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_explains_entries() {
        assert_eq!(
            month("2 abbr"),
            Ok(Month {
                number: 2,
                abbr: true,
                cased: false
            })
        );
        assert!(month("13").is_err() && month("2 short").is_err());
        assert_eq!(weekday("6"), Ok(Weekday::Sat));
        assert!(weekday("0").is_err());
        let d = relative_day("Morgen", "+1 exact !la").unwrap();
        assert_eq!(
            (d.offset, d.exact.as_deref(), d.blockers),
            (1, Some("Morgen"), vec!["la".to_string()])
        );
        let p = period("week -1 !the").unwrap();
        assert_eq!(
            (p.unit, p.offset, p.blockers),
            (Unit::Week, -1, vec!["the".to_string()])
        );
        assert!(period("fortnight -1").is_err() && period("week").is_err());
        assert_eq!(
            roles("month_cue year_cue"),
            Ok(vec![Role::MonthCue, Role::YearCue])
        );
        assert!(roles("sideways").is_err());
        let c = counted("il y a N jours", "day -1").unwrap();
        assert_eq!(
            (c.phrase.as_str(), c.unit, c.sign),
            ("il y a n jours", Unit::Day, -1)
        );
        assert!(counted("il y a jours", "day -1").is_err());
        assert!(counted("N days ago", "day -2").is_err());
        assert_eq!(number("3"), Ok(3));
        assert!(number("zero").is_err());
    }
}
