//! Normalised values as written to `date_mentions` (`2024-08-05`, `2024-07`, `2024`,
//! `2024-W32`), and the values of relative periods ("le mois dernier", "ce week-end").

use chrono::{Datelike, Days, NaiveDate};

use crate::model::Granularity;
use crate::stages::dates::vocab::Unit;

use super::resolve::{shift_days, shift_month};

/// A normalised value with its first day and granularity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Value {
    /// `2024-08-05`, `2024-07`, `2024` or `2024-W32`.
    pub value: String,
    /// First day of the value.
    pub date: NaiveDate,
    /// Granularity of the value.
    pub granularity: Granularity,
}

impl Value {
    /// One calendar day.
    pub fn day(d: NaiveDate) -> Value {
        Value {
            value: d.format("%Y-%m-%d").to_string(),
            date: d,
            granularity: Granularity::Day,
        }
    }

    /// One calendar month; `None` for an invalid month.
    pub fn month(year: i32, month: u32) -> Option<Value> {
        let date = NaiveDate::from_ymd_opt(year, month, 1)?;
        Some(Value {
            value: format!("{year:04}-{month:02}"),
            date,
            granularity: Granularity::Month,
        })
    }

    /// One calendar year; `None` outside chrono's range.
    pub fn year(year: i32) -> Option<Value> {
        let date = NaiveDate::from_ymd_opt(year, 1, 1)?;
        Some(Value {
            value: format!("{year:04}"),
            date,
            granularity: Granularity::Year,
        })
    }

    /// The ISO week holding `d`; its date is that week's Monday.
    pub fn week(d: NaiveDate) -> Value {
        let iso = d.iso_week();
        let monday = d - Days::new(u64::from(d.weekday().num_days_from_monday()));
        Value {
            value: format!("{:04}-W{:02}", iso.year(), iso.week()),
            date: monday,
            granularity: Granularity::Week,
        }
    }
}

/// The Saturday of a weekend relative to `anchor`. `n = 0` ("ce week-end"): the anchor's
/// own weekend on Saturday or Sunday, the weekend just past from Monday to Wednesday, the
/// coming one on Thursday and Friday. `n < 0`: the last weekend wholly before the anchor,
/// then earlier ones; `n > 0`: the first Saturday after the anchor, then later ones.
pub fn weekend(anchor: NaiveDate, n: i32) -> Option<NaiveDate> {
    let a = i64::from(anchor.weekday().num_days_from_monday());
    let (base, extra) = match n {
        0 => {
            let back = match a {
                5 => 0,
                6 => 1,
                0..=2 => a + 2,
                _ => -(5 - a),
            };
            (shift_days(anchor, -back)?, 0)
        }
        n if n < 0 => {
            // Last Saturday whose Sunday is before the anchor.
            let back = if a == 6 { 8 } else { a + 2 };
            (shift_days(anchor, -back)?, i64::from(n + 1))
        }
        n => {
            let fwd = if a == 5 { 7 } else { (5 - a).rem_euclid(7) };
            (shift_days(anchor, fwd)?, i64::from(n - 1))
        }
    };
    shift_days(base, 7 * extra)
}

/// The value of a relative period `n` units from `anchor`.
pub fn period_value(anchor: NaiveDate, unit: Unit, n: i32) -> Option<Value> {
    match unit {
        Unit::Day => shift_days(anchor, i64::from(n)).map(Value::day),
        Unit::Week => shift_days(anchor, 7 * i64::from(n)).map(Value::week),
        Unit::Weekend => weekend(anchor, n).map(Value::week),
        Unit::Month => {
            let (y, m) = shift_month(anchor, n);
            Value::month(y, m)
        }
        Unit::Year => Value::year(anchor.year() + n),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn values_and_weeks() {
        assert_eq!(Value::day(d(2024, 8, 5)).value, "2024-08-05");
        assert_eq!(Value::month(2024, 7).unwrap().value, "2024-07");
        let w = Value::week(d(2024, 8, 4));
        assert_eq!((w.value.as_str(), w.date), ("2024-W31", d(2024, 7, 29)));
        // ISO week-year differs from the calendar year at the boundary.
        assert_eq!(Value::week(d(2024, 12, 30)).value, "2025-W01");
    }

    #[test]
    fn weekends_around_the_week() {
        // Tuesday: this weekend is the one just past.
        assert_eq!(weekend(d(2024, 8, 6), 0), Some(d(2024, 8, 3)));
        assert_eq!(weekend(d(2024, 8, 6), -1), Some(d(2024, 8, 3)));
        assert_eq!(weekend(d(2024, 8, 6), 1), Some(d(2024, 8, 10)));
        // Friday: the coming one. Sunday: its own; last weekend is the week before.
        assert_eq!(weekend(d(2024, 8, 9), 0), Some(d(2024, 8, 10)));
        assert_eq!(weekend(d(2024, 8, 4), 0), Some(d(2024, 8, 3)));
        assert_eq!(weekend(d(2024, 8, 4), -1), Some(d(2024, 7, 27)));
        assert_eq!(weekend(d(2024, 8, 3), 1), Some(d(2024, 8, 10)));
    }

    #[test]
    fn periods_in_every_unit() {
        let a = d(2024, 1, 3);
        assert_eq!(period_value(a, Unit::Day, -1).unwrap().value, "2024-01-02");
        assert_eq!(period_value(a, Unit::Week, -1).unwrap().value, "2023-W52");
        assert_eq!(period_value(a, Unit::Weekend, 0).unwrap().value, "2023-W52");
        assert_eq!(period_value(a, Unit::Month, -1).unwrap().value, "2023-12");
        assert_eq!(period_value(a, Unit::Year, 1).unwrap().value, "2025");
    }
}
