//! Reading one grammar's matches on a folded text into resolved candidates.

use chrono::{NaiveDate, Weekday};
use regex::{Captures, Regex};

use crate::stages::dates::patterns::Grammar;
use crate::stages::dates::vocab::key;
use crate::text::Folded;

use super::candidate::Candidate;
use super::resolve::{self, Direction};
use super::value::{self, Value};

/// What one scan of a text needs.
pub struct Scan<'a> {
    /// The original text.
    pub text: &'a str,
    /// Its folded copy, which the patterns run on.
    pub folded: &'a Folded,
    /// The anchor of relative expressions.
    pub anchor: NaiveDate,
    /// Bare years must fall in this range (inclusive).
    pub years: (i32, i32),
    /// Candidates found so far.
    pub out: Vec<Candidate>,
}

/// The clause before folded offset `start`: at most 80 bytes, cut at the last stop; a
/// dot right after a one- or two-digit number is a day's ordinal ("vom 3. Mai bis"), not
/// a stop.
fn clause_before(text: &str, start: usize) -> &str {
    let from = text.ceil_char_boundary(start.saturating_sub(80));
    let piece = &text[from..start];
    let ordinal = |i: usize| {
        let digits = piece[..i]
            .bytes()
            .rev()
            .take_while(u8::is_ascii_digit)
            .count();
        (1..=2).contains(&digits)
    };
    piece
        .match_indices(['.', '!', '?', '\n', ';'])
        .rfind(|&(i, m)| !(m == "." && ordinal(i)))
        .map_or(piece, |(i, _)| &piece[i + 1..])
}

/// The clause after folded offset `end`: at most 60 bytes, cut at the first stop or comma
/// (the verb closing a German clause: "für den 20. Mai geplant").
fn clause_after(text: &str, end: usize) -> &str {
    let to = text.floor_char_boundary(end + 60);
    let piece = &text[end..to];
    piece
        .find(['.', '!', '?', '\n', ';', ','])
        .map_or(piece, |i| &piece[..i])
}

fn num(c: &Captures, name: &str) -> Option<u32> {
    c.name(name).and_then(|m| m.as_str().parse().ok())
}

impl Scan<'_> {
    fn push(&mut self, start: usize, end: usize, value: Option<Value>, relative: bool) {
        if let Some(value) = value {
            self.out.push(Candidate {
                start,
                end,
                value,
                relative,
            });
        }
    }

    fn in_years(&self, y: i32) -> bool {
        (self.years.0..=self.years.1).contains(&y)
    }

    fn direction(&self, g: &Grammar, c: &Captures, start: usize) -> Direction {
        for name in ["modb", "modw", "moda"] {
            if let Some(m) = c.name(name) {
                let k = key(m.as_str());
                if g.prev.contains(&k) {
                    return Direction::Prev;
                }
                if g.next.contains(&k) {
                    return Direction::Next;
                }
            }
        }
        let end = c.get(0).map_or(start, |m| m.end());
        let f = &self.folded.text;
        match &g.forward {
            Some(re)
                if re.is_match(clause_before(f, start)) || re.is_match(clause_after(f, end)) =>
            {
                Direction::Forward
            }
            _ => Direction::Back,
        }
    }

    /// Adds the candidates of grammar `g`; `foreign`: only full dates with a year and a
    /// full month name (the grammar is not the document's language).
    pub fn grammar(&mut self, g: &Grammar, foreign: bool) {
        let f = &self.folded.text;
        let (text, folded) = (self.text, self.folded);
        let month = |c: &Captures| -> Option<(u32, bool)> {
            let m = c.name("m")?;
            let entry = g.vocab.months.get(key(m.as_str()).trim_end_matches('.'))?;
            let capital = text[folded.start_of(m.start())..].starts_with(char::is_uppercase);
            (!entry.cased || capital).then_some((entry.number, entry.abbr))
        };
        let weekday = |c: &Captures| -> Option<Weekday> {
            c.name("wd")
                .and_then(|w| g.vocab.weekdays.get(&key(w.as_str())))
                .copied()
        };
        let each = |re: &Option<Regex>| -> Vec<Captures<'_>> {
            re.iter().flat_map(|r| r.captures_iter(f)).collect()
        };
        let full = each(&g.day_month).into_iter().chain(each(&g.month_day));
        for c in full.chain(each(&g.range_first)) {
            let (Some((m, abbr)), Some(d), Some(whole)) = (month(&c), num(&c, "d"), c.get(0))
            else {
                continue;
            };
            let year = c
                .name("y")
                .filter(|y| y.as_str().parse().is_ok_and(|y| self.in_years(y)));
            if foreign && (year.is_none() || abbr) {
                continue;
            }
            // The first day of a range ("du 12 au 25 juin") ends at its number.
            let end = c.name("first").map_or(whole.end(), |f| f.end());
            // A year followed by a counted noun is a count ("le 5 août 2000 soldats").
            let year = year.filter(|y| !g.count.contains(word_after(f, y.end())));
            match year.and_then(|y| y.as_str().parse().ok()) {
                Some(y) => {
                    let date = NaiveDate::from_ymd_opt(y, m, d).map(Value::day);
                    self.push(whole.start(), end, date, false)
                }
                None => {
                    // A number that is not a plausible year ends the mention at the month.
                    let end = match (c.name("y"), c.name("first")) {
                        (Some(_), None) => c.name("m").map_or(end, |m| m.end()),
                        _ => end,
                    };
                    let dir = self.direction(g, &c, whole.start());
                    let tail = (c.name("first").is_none())
                        .then(|| self.range_end(g, whole.end(), dir))
                        .flatten();
                    let date = match (tail, weekday(&c)) {
                        // The first day of a cross-month range: the last such day not
                        // after the range's end ("du 28 décembre au 3 janvier 2024").
                        (Some(end), _) => resolve::day_month_near(end, m, d, Direction::Back),
                        (None, Some(wd)) => {
                            resolve::day_month_weekday_near(self.anchor, m, d, wd, dir)
                        }
                        (None, None) => resolve::day_month_near(self.anchor, m, d, dir),
                    };
                    self.push(whole.start(), end, date.map(Value::day), true);
                }
            }
        }
        if foreign {
            return;
        }
        for c in each(&g.month_year) {
            let (Some((m, _)), Some(y), Some(whole)) = (month(&c), num(&c, "y"), c.get(0)) else {
                continue;
            };
            if self.in_years(y as i32) {
                self.push(whole.start(), whole.end(), Value::month(y as i32, m), false);
            }
        }
        for c in each(&g.bare_month) {
            let (Some((m, _)), Some(mm), Some(whole)) = (month(&c), c.name("m"), c.get(0)) else {
                continue;
            };
            if ["art", "cue", "modb"].iter().all(|g| c.name(g).is_none()) {
                continue;
            }
            let start = c
                .name("art")
                .or(c.name("modb"))
                .map_or(mm.start(), |b| b.start());
            let (y, m) = resolve::month_near(self.anchor, m, self.direction(g, &c, start));
            self.push(start, whole.end(), Value::month(y, m), true);
        }
        for c in each(&g.bare_year) {
            let (Some(y), Some(ym)) = (num(&c, "y"), c.name("y")) else {
                continue;
            };
            if self.in_years(y as i32)
                && !number_continues(&f[ym.end()..])
                && !g.count.contains(word_after(f, ym.end()))
            {
                // A contracted article is kept in the span ("nel 2022"), a cue is not.
                let start = c.name("art").map_or(ym.start(), |a| a.start());
                self.push(start, ym.end(), Value::year(y as i32), false);
            }
        }
        for c in each(&g.weekday) {
            let (Some(wd), Some(whole)) = (
                c.name("wd")
                    .and_then(|w| g.vocab.weekdays.get(&key(w.as_str()))),
                c.get(0),
            ) else {
                continue;
            };
            let date =
                resolve::weekday_near(self.anchor, *wd, self.direction(g, &c, whole.start()));
            self.push(whole.start(), whole.end(), date.map(Value::day), true);
        }
        for c in each(&g.weekday_day) {
            let (Some(wd), Some(d), Some(whole)) = (weekday(&c), num(&c, "d"), c.get(0)) else {
                continue;
            };
            let dir = self.direction(g, &c, whole.start());
            let date = resolve::weekday_day_near(self.anchor, wd, d, dir);
            self.push(whole.start(), whole.end(), date.map(Value::day), true);
        }
        for c in each(&g.relative_day) {
            let Some(w) = c.name("w") else { continue };
            let Some(rel) = g.vocab.relative_days.get(&key(w.as_str())) else {
                continue;
            };
            let original =
                &self.text[self.folded.start_of(w.start())..self.folded.end_of(w.end(), self.text)];
            if rel.exact.as_deref().is_some_and(|e| e != original) {
                continue;
            }
            if rel.blockers.iter().any(|b| b == word_before(f, w.start())) {
                continue;
            }
            let date = resolve::shift_days(self.anchor, rel.offset);
            self.push(w.start(), w.end(), date.map(Value::day), true);
        }
        for c in each(&g.counted) {
            let Some(whole) = c.get(0) else { continue };
            let found = g.vocab.counts.iter().enumerate().find_map(|(i, entry)| {
                let n = c.name(&g.counted_groups[i])?.as_str();
                let n = n.parse().ok().or_else(|| g.vocab.numbers.get(n).copied())?;
                Some((entry, i32::try_from(n).ok()?))
            });
            if let Some((entry, n)) = found {
                let value = value::period_value(self.anchor, entry.unit, entry.sign * n);
                self.push(whole.start(), whole.end(), value, true);
            }
        }
        for c in each(&g.period) {
            let Some(w) = c.name("w") else { continue };
            let Some(p) = g.vocab.periods.get(&key(w.as_str())) else {
                continue;
            };
            if p.blockers.iter().any(|b| b == word_before(f, w.start())) {
                continue;
            }
            let value = value::period_value(self.anchor, p.unit, p.offset);
            self.push(w.start(), w.end(), value, true);
        }
    }
}

impl Scan<'_> {
    /// The date a cross-month range written after a day-month ends on, when the text at
    /// folded offset `at` is such a tail (" au 3 mars 2024"): with its year, or resolved in
    /// direction `dir` without one.
    fn range_end(&self, g: &Grammar, at: usize, dir: Direction) -> Option<NaiveDate> {
        let rest = &self.folded.text[at..];
        let c = [&g.range_tail, &g.range_tail_md]
            .into_iter()
            .flatten()
            .find_map(|re| re.captures(rest))?;
        let entry = g
            .vocab
            .months
            .get(key(c.name("m")?.as_str()).trim_end_matches('.'))?;
        let d = num(&c, "d")?;
        match num(&c, "y").map(|y| y as i32).filter(|&y| self.in_years(y)) {
            Some(y) => NaiveDate::from_ymd_opt(y, entry.number, d),
            None => resolve::day_month_near(self.anchor, entry.number, d, dir),
        }
    }
}

/// The word (letters and digits) right after byte `pos` of `text`, or "".
fn word_after(text: &str, pos: usize) -> &str {
    let rest = text[pos..].trim_start();
    let end = rest
        .find(|ch: char| !ch.is_alphanumeric())
        .unwrap_or(rest.len());
    &rest[..end]
}

/// The word (letters and digits) right before byte `pos` of `text`, or "".
fn word_before(text: &str, pos: usize) -> &str {
    text[..pos]
        .trim_end()
        .rsplit(|ch: char| !ch.is_alphanumeric())
        .next()
        .unwrap_or("")
}

/// True when the text right after a 4-digit number shows it is part of a larger number,
/// a quantity or a numeric date: "2 000", "2000,5", "2000%", "2024-07-30".
fn number_continues(after: &str) -> bool {
    let mut chars = after.chars();
    match chars.next() {
        Some(c) if c.is_ascii_digit() || c == '%' => true,
        Some(' ') => chars.next().is_some_and(|c| c.is_ascii_digit() || c == '%'),
        // "2024-07-30", "2024/25": a numeric date or a season, not a bare year.
        Some('.' | ',' | '-' | '/') => chars.next().is_some_and(|c| c.is_ascii_digit()),
        _ => false,
    }
}
