//! Reading single cells of a built batch by column name, for the table tests.

use arrow::array::{Array, Date32Array, Int32Array, StringArray};
use arrow::record_batch::RecordBatch;
use chrono::NaiveDate;

use super::columns::from_date32;

fn column<'b, A: 'static>(batch: &'b RecordBatch, name: &str) -> &'b A {
    batch
        .column_by_name(name)
        .unwrap_or_else(|| panic!("no column {name}"))
        .as_any()
        .downcast_ref::<A>()
        .unwrap_or_else(|| panic!("column {name} of another type"))
}

/// The string in column `name`, row `row`; `None` when null.
pub fn text_at<'b>(batch: &'b RecordBatch, name: &str, row: usize) -> Option<&'b str> {
    let col = column::<StringArray>(batch, name);
    (!col.is_null(row)).then(|| col.value(row))
}

/// The int32 in column `name`, row `row`; `None` when null.
pub fn int_at(batch: &RecordBatch, name: &str, row: usize) -> Option<i32> {
    let col = column::<Int32Array>(batch, name);
    (!col.is_null(row)).then(|| col.value(row))
}

/// The date in column `name`, row `row`; `None` when null.
pub fn date_at(batch: &RecordBatch, name: &str, row: usize) -> Option<NaiveDate> {
    let col = column::<Date32Array>(batch, name);
    (!col.is_null(row)).then(|| from_date32(col.value(row)))?
}
