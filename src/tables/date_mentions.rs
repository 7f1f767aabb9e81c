//! The `date_mentions` table, declared once: one row per temporal expression, and how one
//! document's [`DateMention`]s (byte offsets) fill rows (code-point offsets, ordinals in
//! document order, the text as written).

use super::columns::{int32, Bool, Date32, Int32, Utf8};
use super::declare::declare_table;
use crate::model::DateMention;
use crate::text::CharOffsets;

declare_table! {
    name: "date_mentions";
    /// One `date_mentions` row: a field per column, named as the column.
    row: DateMentionRow;
    /// Accumulates `date_mentions` rows.
    builder: DateMentionsBuilder;
    columns: {
        doc_id: Utf8 = "doc_id of the document it is in",
        mention: Int32 = "ordinal in its document",
        text: Utf8 = "as written (\"samedi dernier\", \"il 6 agosto\", \"hier\")",
        start: Int32 = "offset into body where it starts (code points)",
        end: Int32 = "offset into body where it ends (code points, exclusive)",
        value: Option<Utf8> = "normalised value, ISO 8601 style: `2024-08-05`, `2024-07`, `2024`, `2024-W32`",
        date: Option<Date32> = "first day of that value",
        granularity: Option<Utf8> = "`day`, `week`, `month`, `year`",
        relative: Option<Bool> = "true when resolved against an anchor date (hier, mardi, le mois dernier, a yearless \"17 avril\")",
        anchor: Option<Date32> = "the date it was resolved against",
    }
}

impl DateMentionsBuilder {
    /// Appends one document's temporal expressions (sorted by start).
    pub fn append(
        &mut self,
        doc_id: &str,
        body: &str,
        offsets: &CharOffsets,
        dates: &[DateMention],
    ) {
        for (i, d) in dates.iter().enumerate() {
            self.push(DateMentionRow {
                doc_id,
                mention: int32(i),
                text: &body[d.start..d.end],
                start: int32(offsets.char_of(d.start)),
                end: int32(offsets.char_of(d.end)),
                value: d.value.as_deref(),
                date: d.date,
                granularity: d.granularity.map(|g| g.as_str()),
                relative: Some(d.relative),
                anchor: d.anchor,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Granularity;
    use crate::tables::test_support::{date_at, int_at, text_at};
    use chrono::NaiveDate;

    #[test]
    fn each_date_field_lands_in_its_column() {
        let body = "Né hier à Rome.";
        let start = body.find("hier").unwrap();
        let date = NaiveDate::from_ymd_opt(2024, 4, 16).unwrap();
        let anchor = NaiveDate::from_ymd_opt(2024, 4, 17).unwrap();
        let mention = DateMention {
            start,
            end: start + "hier".len(),
            value: Some("2024-04-16".into()),
            date: Some(date),
            granularity: Some(Granularity::Day),
            relative: true,
            anchor: Some(anchor),
        };
        let mut b = DateMentionsBuilder::new();
        b.append("d", body, &CharOffsets::new(body), &[mention]);
        let batch = b.finish().unwrap();
        for (column, value) in [
            ("doc_id", "d"),
            ("text", "hier"),
            ("value", "2024-04-16"),
            ("granularity", "day"),
        ] {
            assert_eq!(text_at(&batch, column, 0), Some(value), "{column}");
        }
        for (column, value) in [("mention", 0), ("start", 3), ("end", 7)] {
            assert_eq!(int_at(&batch, column, 0), Some(value), "{column}");
        }
        assert_eq!(date_at(&batch, "date", 0), Some(date));
        assert_eq!(date_at(&batch, "anchor", 0), Some(anchor));
    }
}
