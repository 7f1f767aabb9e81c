//! The output tables: their schemas (one place, [`schema`]) and one Arrow builder per
//! table turning stage results into `RecordBatch`es. The Parquet writer only ever sees
//! these batches.

mod annotations;
pub mod dedup_state;
mod documents;
mod rejects;
pub mod schema;

pub use annotations::{DateMentionsBuilder, EntityMentionsBuilder, QuotesBuilder};
pub use documents::DocumentsBuilder;
pub use rejects::RejectsBuilder;
pub use schema::Table;

use chrono::NaiveDate;

/// 1970-01-01 counted in days from 0001-01-01 (chrono's day numbering).
const UNIX_EPOCH_FROM_CE: i32 = 719_163;

/// Days since 1970-01-01, Arrow's `Date32` representation.
pub fn date32(date: NaiveDate) -> i32 {
    chrono::Datelike::num_days_from_ce(&date) - UNIX_EPOCH_FROM_CE
}

/// The date of an Arrow `Date32` value (days since 1970-01-01); `None` out of range.
pub fn from_date32(days: i32) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(days.checked_add(UNIX_EPOCH_FROM_CE)?)
}

/// Converts a count or offset to the contract's `int32`, saturating (bodies are far
/// smaller than 2^31 code points; `input.max_bytes` bounds them).
pub fn int32(v: usize) -> i32 {
    i32::try_from(v).unwrap_or(i32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date32_counts_days_from_the_unix_epoch() {
        assert_eq!(date32(NaiveDate::from_ymd_opt(1970, 1, 1).unwrap()), 0);
        assert_eq!(
            date32(NaiveDate::from_ymd_opt(2024, 4, 17).unwrap()),
            19_830
        );
        assert_eq!(date32(NaiveDate::from_ymd_opt(1969, 12, 31).unwrap()), -1);
        let d = NaiveDate::from_ymd_opt(2024, 4, 17).unwrap();
        assert_eq!(from_date32(date32(d)), Some(d));
    }
}
