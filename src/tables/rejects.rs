//! The `rejects` table, declared once: one row per input record that produced no
//! document, and how [`Reject`]s fill rows.

use arrow::record_batch::RecordBatch;

use super::columns::Utf8;
use super::declare::declare_table;
use crate::error::Result;
use crate::model::Reject;

declare_table! {
    name: "rejects";
    /// One `rejects` row: a field per column, named as the column.
    row: RejectRow;
    /// Accumulates `rejects` rows.
    builder: RejectsBuilder;
    columns: {
        input: Utf8 = "as in documents.input",
        stage: Utf8 = "the stage that refused it",
        reason: Utf8 = "short code: `empty`, `binary`, `encoding`, `too_large`, `malformed`, `io`, `too_short`, …",
        detail: Option<Utf8> = "a human-readable explanation",
    }
}

impl RejectsBuilder {
    /// Builds one batch from rejects (given in output order).
    pub fn build(rejects: &[Reject]) -> Result<RecordBatch> {
        let mut b = RejectsBuilder::new();
        for r in rejects {
            b.push(RejectRow {
                input: &r.input,
                stage: r.stage,
                reason: r.reason.as_str(),
                detail: Some(&r.detail),
            });
        }
        b.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::RejectReason;
    use crate::tables::test_support::text_at;

    #[test]
    fn each_reject_field_lands_in_its_column() {
        let batch = RejectsBuilder::build(&[Reject {
            input: "a.jsonl#3".into(),
            stage: "input",
            reason: RejectReason::Malformed,
            detail: "not JSON".into(),
        }])
        .unwrap();
        for (column, value) in [
            ("input", "a.jsonl#3"),
            ("stage", "input"),
            ("reason", "malformed"),
            ("detail", "not JSON"),
        ] {
            assert_eq!(text_at(&batch, column, 0), Some(value), "{column}");
        }
    }
}
