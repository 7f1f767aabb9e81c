//! Builder for the `rejects` table.

use std::sync::Arc;

use arrow::array::{ArrayRef, StringBuilder};
use arrow::record_batch::RecordBatch;

use super::Table;
use crate::error::{Error, Result};
use crate::model::Reject;

/// Accumulates `rejects` rows.
#[derive(Default)]
pub struct RejectsBuilder {
    input: StringBuilder,
    stage: StringBuilder,
    reason: StringBuilder,
    detail: StringBuilder,
}

impl RejectsBuilder {
    /// Builds one batch from rejects (given in output order).
    pub fn build(rejects: &[Reject]) -> Result<RecordBatch> {
        let mut b = RejectsBuilder::default();
        for r in rejects {
            b.input.append_value(&r.input);
            b.stage.append_value(r.stage);
            b.reason.append_value(r.reason.as_str());
            b.detail.append_value(&r.detail);
        }
        let columns: Vec<ArrayRef> = vec![
            Arc::new(b.input.finish()),
            Arc::new(b.stage.finish()),
            Arc::new(b.reason.finish()),
            Arc::new(b.detail.finish()),
        ];
        RecordBatch::try_new(Table::Rejects.schema(), columns).map_err(|e| Error::Table {
            table: "rejects",
            message: e.to_string(),
        })
    }
}
