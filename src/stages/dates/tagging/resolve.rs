//! Resolution of partial dates against an anchor date: which "samedi", which "17 avril",
//! which "avril" is meant.

use chrono::{Datelike, Days, NaiveDate, Weekday};

/// Which occurrence of a partial date ("17 avril", "samedi", "avril") is meant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// The nearest one not after the anchor (the anchor itself included): the default.
    Back,
    /// The nearest one strictly before the anchor ("samedi dernier").
    Prev,
    /// The nearest one not before the anchor (forward wording: "prévu le 17 mai").
    Forward,
    /// The nearest one strictly after the anchor ("samedi prochain").
    Next,
}

/// `d` shifted by `n` days (negative: back); `None` out of range.
pub fn shift_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    let abs = Days::new(n.unsigned_abs());
    if n < 0 {
        d.checked_sub_days(abs)
    } else {
        d.checked_add_days(abs)
    }
}

/// The occurrence of weekday `wd` meant from `anchor` in direction `dir`.
pub fn weekday_near(anchor: NaiveDate, wd: Weekday, dir: Direction) -> Option<NaiveDate> {
    let a = i64::from(anchor.weekday().num_days_from_monday());
    let w = i64::from(wd.num_days_from_monday());
    let back = (a - w).rem_euclid(7);
    let fwd = (w - a).rem_euclid(7);
    match dir {
        Direction::Back => shift_days(anchor, -back),
        Direction::Prev => shift_days(anchor, -(if back == 0 { 7 } else { back })),
        Direction::Forward => shift_days(anchor, fwd),
        Direction::Next => shift_days(anchor, if fwd == 0 { 7 } else { fwd }),
    }
}

/// The occurrence of a yearless day-month meant from `anchor`; `None` when the day does
/// not exist in that month in any nearby year ("31 avril").
pub fn day_month_near(
    anchor: NaiveDate,
    month: u32,
    day: u32,
    dir: Direction,
) -> Option<NaiveDate> {
    let y = anchor.year();
    let dates = (y - 8..=y + 8).filter_map(|yy| NaiveDate::from_ymd_opt(yy, month, day));
    match dir {
        Direction::Back => dates.filter(|d| *d <= anchor).max(),
        Direction::Prev => dates.filter(|d| *d < anchor).max(),
        Direction::Forward => dates.filter(|d| *d >= anchor).min(),
        Direction::Next => dates.filter(|d| *d > anchor).min(),
    }
}

/// The date nearest to `anchor` among `dates` (ties: the earlier one).
fn nearest(anchor: NaiveDate, dates: impl Iterator<Item = NaiveDate>) -> Option<NaiveDate> {
    dates.min_by_key(|d| ((*d - anchor).num_days().abs(), *d > anchor))
}

/// A yearless day-month written with its weekday ("sabato 14 settembre"): the
/// [`day_month_near`] answer when the weekday agrees, else the date within a year of the
/// anchor on which it falls on that weekday (the wording may point forward without saying
/// so), else the default.
pub fn day_month_weekday_near(
    anchor: NaiveDate,
    month: u32,
    day: u32,
    wd: Weekday,
    dir: Direction,
) -> Option<NaiveDate> {
    let default = day_month_near(anchor, month, day, dir)?;
    if default.weekday() == wd {
        return Some(default);
    }
    let y = anchor.year();
    let dates = (y - 1..=y + 1)
        .filter_map(|yy| NaiveDate::from_ymd_opt(yy, month, day))
        .filter(|d| d.weekday() == wd && (*d - anchor).num_days().abs() <= 366);
    nearest(anchor, dates).or(Some(default))
}

/// A weekday with a day number and no month ("venerdì 17"): the date nearest to the
/// anchor, on either side, that is that weekday and that day of the month; with
/// `Prev`/`Forward`/`Next` only those on that side.
pub fn weekday_day_near(
    anchor: NaiveDate,
    wd: Weekday,
    day: u32,
    dir: Direction,
) -> Option<NaiveDate> {
    let dates = (-14..=14)
        .filter_map(|k| {
            let (y, m) = shift_month(anchor, k);
            NaiveDate::from_ymd_opt(y, m, day)
        })
        .filter(|d| d.weekday() == wd);
    match dir {
        Direction::Back => nearest(anchor, dates),
        Direction::Prev => dates.filter(|d| *d < anchor).max(),
        Direction::Forward => dates.filter(|d| *d >= anchor).min(),
        Direction::Next => dates.filter(|d| *d > anchor).min(),
    }
}

/// The (year, month) of a yearless month name meant from `anchor`.
pub fn month_near(anchor: NaiveDate, month: u32, dir: Direction) -> (i32, u32) {
    let (y, m) = (anchor.year(), anchor.month());
    let same_year = match dir {
        Direction::Back => month <= m,
        Direction::Prev => month < m,
        Direction::Forward => month >= m,
        Direction::Next => month > m,
    };
    match (same_year, dir) {
        (true, _) => (y, month),
        (false, Direction::Back | Direction::Prev) => (y - 1, month),
        (false, _) => (y + 1, month),
    }
}

/// The (year, month) `n` months from the anchor's month.
pub fn shift_month(anchor: NaiveDate, n: i32) -> (i32, u32) {
    let total = anchor.year() * 12 + anchor.month0() as i32 + n;
    (total.div_euclid(12), total.rem_euclid(12) as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn weekdays_in_every_direction() {
        let tue = d(2024, 8, 6);
        assert_eq!(weekday_near(tue, Weekday::Tue, Direction::Back), Some(tue));
        assert_eq!(
            weekday_near(tue, Weekday::Tue, Direction::Prev),
            Some(d(2024, 7, 30))
        );
        assert_eq!(
            weekday_near(tue, Weekday::Sat, Direction::Back),
            Some(d(2024, 8, 3))
        );
        assert_eq!(
            weekday_near(tue, Weekday::Sat, Direction::Next),
            Some(d(2024, 8, 10))
        );
        assert_eq!(
            weekday_near(tue, Weekday::Tue, Direction::Next),
            Some(d(2024, 8, 13))
        );
        assert_eq!(
            weekday_near(tue, Weekday::Tue, Direction::Forward),
            Some(tue)
        );
    }

    #[test]
    fn yearless_days_and_months() {
        let a = d(2024, 1, 11);
        assert_eq!(
            day_month_near(a, 10, 7, Direction::Back),
            Some(d(2023, 10, 7))
        );
        assert_eq!(day_month_near(a, 1, 11, Direction::Back), Some(a));
        assert_eq!(
            day_month_near(a, 1, 11, Direction::Prev),
            Some(d(2023, 1, 11))
        );
        assert_eq!(
            day_month_near(a, 10, 7, Direction::Forward),
            Some(d(2024, 10, 7))
        );
        assert_eq!(
            day_month_near(a, 2, 29, Direction::Back),
            Some(d(2020, 2, 29))
        );
        assert_eq!(day_month_near(a, 4, 31, Direction::Back), None);
        assert_eq!(month_near(a, 4, Direction::Back), (2023, 4));
        assert_eq!(month_near(a, 1, Direction::Back), (2024, 1));
        assert_eq!(month_near(a, 1, Direction::Prev), (2023, 1));
        assert_eq!(month_near(a, 4, Direction::Forward), (2024, 4));
        assert_eq!(shift_month(a, -1), (2023, 12));
        assert_eq!(shift_month(d(2023, 12, 5), 1), (2024, 1));
    }

    #[test]
    fn weekdays_fix_yearless_dates_and_day_numbers() {
        let a = d(2024, 8, 7);
        // 14 September 2024 is a Saturday: the written weekday points forward.
        assert_eq!(
            day_month_weekday_near(a, 9, 14, Weekday::Sat, Direction::Back),
            Some(d(2024, 9, 14))
        );
        // 3 August 2024 is a Saturday: agrees with the default.
        assert_eq!(
            day_month_weekday_near(a, 8, 3, Weekday::Sat, Direction::Back),
            Some(d(2024, 8, 3))
        );
        // Friday the 2nd: 2 August 2024 (5 days back) is nearer than any later one.
        assert_eq!(
            weekday_day_near(a, Weekday::Fri, 2, Direction::Back),
            Some(d(2024, 8, 2))
        );
        // Saturday the 17th: 17 August 2024 (10 days ahead) beats 17 February 2024.
        assert_eq!(
            weekday_day_near(a, Weekday::Sat, 17, Direction::Back),
            Some(d(2024, 8, 17))
        );
        assert_eq!(
            weekday_day_near(a, Weekday::Sat, 17, Direction::Prev),
            Some(d(2024, 2, 17))
        );
        assert_eq!(weekday_day_near(a, Weekday::Sat, 32, Direction::Back), None);
    }
}
