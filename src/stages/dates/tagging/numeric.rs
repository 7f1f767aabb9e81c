//! All-digit dates, the same in every language: `2024-04-17`, `2024/04/17`,
//! `17/04/2024`, `17.04.2024`, `17-04-2024`, and `17/04/24` with two-digit day and month.
//! Ambiguous day/month orders follow the language's preference (day first by default).

use chrono::NaiveDate;
use regex::Regex;

use super::candidate::Candidate;
use super::value::Value;

/// The compiled numeric patterns.
#[derive(Debug)]
pub struct Numeric {
    ymd: Regex,
    dmy: Regex,
}

impl Default for Numeric {
    fn default() -> Self {
        Self::new()
    }
}

/// False when the match at `start..end` is a piece of a longer number ("1.17.04.2024").
fn isolated(text: &str, start: usize, end: usize) -> bool {
    let mut before = text[..start].chars().rev();
    let mut after = text[end..].chars();
    let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
    let sep = |c: Option<char>| c.is_some_and(|c| matches!(c, '.' | ',' | '/' | '-'));
    let (b1, b2) = (before.next(), before.next());
    let (a1, a2) = (after.next(), after.next());
    !(digit(b1) || (sep(b1) && digit(b2)) || digit(a1) || (sep(a1) && digit(a2)))
}

fn field<'t>(c: &regex::Captures<'t>, name: &str) -> &'t str {
    c.name(name).map_or("", |m| m.as_str())
}

impl Numeric {
    /// Compiles the fixed patterns.
    pub fn new() -> Numeric {
        // Fixed patterns: compiling them cannot fail.
        let re =
            |p: &str| Regex::new(&p.replace(r"\b", r"(?-u:\b)")).expect("numeric date pattern");
        Numeric {
            ymd: re(r"\b(?P<y>\d{4})(?P<s1>[-/.])(?P<m>\d{1,2})(?P<s2>[-/.])(?P<d>\d{1,2})"),
            dmy: re(r"\b(?P<a>\d{1,2})(?P<s1>[-/.])(?P<b>\d{1,2})(?P<s2>[-/.])(?P<y>\d{4}|\d{2})"),
        }
    }

    /// Adds the numeric dates of folded `text` to `out` (absolute, day granularity).
    pub fn collect(&self, text: &str, prefer_mdy: bool, out: &mut Vec<Candidate>) {
        for c in self.ymd.captures_iter(text) {
            let Some(whole) = c.get(0) else { continue };
            if field(&c, "s1") != field(&c, "s2") || !isolated(text, whole.start(), whole.end()) {
                continue;
            }
            let (y, m, d) = (
                field(&c, "y").parse().ok(),
                field(&c, "m").parse().ok(),
                field(&c, "d").parse().ok(),
            );
            if let (Some(y), Some(m), Some(d)) = (y, m, d) {
                if let Some(date) = NaiveDate::from_ymd_opt(y, m, d).filter(|_| y >= 1000) {
                    out.push(Candidate {
                        start: whole.start(),
                        end: whole.end(),
                        value: Value::day(date),
                        relative: false,
                    });
                }
            }
        }
        for c in self.dmy.captures_iter(text) {
            let Some(whole) = c.get(0) else { continue };
            let (s1, a, b, y) = (
                field(&c, "s1"),
                field(&c, "a"),
                field(&c, "b"),
                field(&c, "y"),
            );
            if s1 != field(&c, "s2") || !isolated(text, whole.start(), whole.end()) {
                continue;
            }
            let year: i32 = match (y.len(), y.parse::<i32>()) {
                (4, Ok(y)) if y >= 1000 => y,
                (2, Ok(y)) if a.len() == 2 && b.len() == 2 && s1 != "-" => {
                    if y < 50 {
                        2000 + y
                    } else {
                        1900 + y
                    }
                }
                _ => continue,
            };
            let (Ok(a), Ok(b)) = (a.parse::<u32>(), b.parse::<u32>()) else {
                continue;
            };
            let orders = if prefer_mdy {
                [(b, a), (a, b)]
            } else {
                [(a, b), (b, a)]
            };
            if let Some(date) = orders
                .iter()
                .find_map(|&(d, m)| NaiveDate::from_ymd_opt(year, m, d))
            {
                out.push(Candidate {
                    start: whole.start(),
                    end: whole.end(),
                    value: Value::day(date),
                    relative: false,
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str, mdy: bool) -> Vec<String> {
        let mut out = Vec::new();
        Numeric::new().collect(text, mdy, &mut out);
        out.into_iter().map(|c| c.value.value).collect()
    }

    #[test]
    fn reads_numeric_dates_in_both_orders() {
        assert_eq!(values("publie le 17/04/2024 a 10h", false), ["2024-04-17"]);
        assert_eq!(
            values("am 17.04.2024 und 2024-04-18t10:00", false),
            ["2024-04-18", "2024-04-17"]
        );
        assert_eq!(values("04/05/2024", false), ["2024-05-04"]);
        assert_eq!(values("04/05/2024", true), ["2024-04-05"]);
        assert_eq!(values("04/17/2024", false), ["2024-04-17"]);
        assert_eq!(values("le 17/04/24", false), ["2024-04-17"]);
    }

    #[test]
    fn skips_numbers_that_are_not_dates() {
        assert!(values("version 1.17.04.2024", false).is_empty());
        assert!(values("score 3-1-24, 32/13/2024, 1.234.567", false).is_empty());
        assert!(values("ref 12-05-24", false).is_empty());
    }
}
