//! The column kinds a table declaration names — `Utf8`, `Int32`, `Float32`, `Date32`,
//! `Bool`, `Utf8List`, `Binary` for a `not null` column, `Option<…>` of one for a nullable column —
//! and what each gives a table: the Rust value a row holds for it, the Arrow builder and
//! data type, and the type name `gazette schema` prints. Also [`Column`], one column as
//! declared, and the conversions to the contract's `int32` and `date32`.

use std::sync::Arc;

use arrow::array::{
    ArrayRef, BinaryBuilder, BooleanBuilder, Date32Builder, Float32Builder, Int32Builder,
    ListBuilder, StringBuilder,
};
use arrow::datatypes::{DataType, Field};
use chrono::NaiveDate;

/// One column of a table, as its declaration states it (what `gazette schema` prints).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    /// Column name.
    pub name: &'static str,
    /// Type as the contract writes it: `utf8`, `int32`, `list<utf8>` …
    pub type_name: &'static str,
    /// Whether the column admits nulls.
    pub nullable: bool,
    /// One-line meaning, from the contract (docs/tables.md).
    pub description: &'static str,
}

/// An Arrow value type a column can hold: the value a row gives, the builder that
/// accumulates it, and its Arrow data type. Naming the type alone declares a `not null`
/// column; `Option<T>` declares a nullable one.
pub trait ArrowType {
    /// The value a row gives for one cell.
    type Value<'a>;
    /// The Arrow builder accumulating the column.
    type Builder: Default;
    /// The type as the contract writes it.
    const NAME: &'static str;
    /// The Arrow data type.
    fn data_type() -> DataType;
    /// Appends one value.
    fn append(builder: &mut Self::Builder, value: Self::Value<'_>);
    /// Appends a null.
    fn append_null(builder: &mut Self::Builder);
    /// Takes the accumulated values as an array and resets the builder.
    fn finish(builder: &mut Self::Builder) -> ArrayRef;
    /// A value derived from the column name alone, for the declaration tests: columns of
    /// one type get different values (the tests check that they do).
    #[cfg(test)]
    fn sample(name: &'static str) -> Self::Value<'static>;
}

/// A column's kind as a declaration names it: an [`ArrowType`] (`not null`, the row gives
/// a value) or `Option` of one (nullable, the row gives an `Option`).
pub trait ColumnKind {
    /// The value a row gives for one cell.
    type Value<'a>;
    /// The Arrow builder accumulating the column.
    type Builder: Default;
    /// The type as the contract writes it.
    const NAME: &'static str;
    /// Whether the column admits nulls.
    const NULLABLE: bool;
    /// The Arrow data type.
    fn data_type() -> DataType;
    /// Appends one cell.
    fn append(builder: &mut Self::Builder, value: Self::Value<'_>);
    /// Takes the accumulated cells as an array and resets the builder.
    fn finish(builder: &mut Self::Builder) -> ArrayRef;
    /// [`ArrowType::sample`], as a cell of this column.
    #[cfg(test)]
    fn sample(name: &'static str) -> Self::Value<'static>;
    /// The emptiest cell the column admits: null when nullable, else the sample.
    #[cfg(test)]
    fn sparse(name: &'static str) -> Self::Value<'static>;
}

impl<T: ArrowType> ColumnKind for T {
    type Value<'a> = T::Value<'a>;
    type Builder = T::Builder;
    const NAME: &'static str = T::NAME;
    const NULLABLE: bool = false;

    fn data_type() -> DataType {
        T::data_type()
    }

    fn append(builder: &mut Self::Builder, value: Self::Value<'_>) {
        T::append(builder, value);
    }

    fn finish(builder: &mut Self::Builder) -> ArrayRef {
        T::finish(builder)
    }

    #[cfg(test)]
    fn sample(name: &'static str) -> Self::Value<'static> {
        T::sample(name)
    }

    #[cfg(test)]
    fn sparse(name: &'static str) -> Self::Value<'static> {
        T::sample(name)
    }
}

impl<T: ArrowType> ColumnKind for Option<T> {
    type Value<'a> = Option<T::Value<'a>>;
    type Builder = T::Builder;
    const NAME: &'static str = T::NAME;
    const NULLABLE: bool = true;

    fn data_type() -> DataType {
        T::data_type()
    }

    fn append(builder: &mut Self::Builder, value: Self::Value<'_>) {
        match value {
            Some(v) => T::append(builder, v),
            None => T::append_null(builder),
        }
    }

    fn finish(builder: &mut Self::Builder) -> ArrayRef {
        T::finish(builder)
    }

    #[cfg(test)]
    fn sample(name: &'static str) -> Self::Value<'static> {
        Some(T::sample(name))
    }

    #[cfg(test)]
    fn sparse(_: &'static str) -> Self::Value<'static> {
        None
    }
}

/// `utf8`: a string.
pub struct Utf8;

impl ArrowType for Utf8 {
    type Value<'a> = &'a str;
    type Builder = StringBuilder;
    const NAME: &'static str = "utf8";

    fn data_type() -> DataType {
        DataType::Utf8
    }

    fn append(builder: &mut StringBuilder, value: &str) {
        builder.append_value(value);
    }

    fn append_null(builder: &mut StringBuilder) {
        builder.append_null();
    }

    fn finish(builder: &mut StringBuilder) -> ArrayRef {
        Arc::new(builder.finish())
    }

    #[cfg(test)]
    fn sample(name: &'static str) -> &'static str {
        name
    }
}

/// `int32`: a count, ordinal or offset (see [`int32`]).
pub struct Int32;

impl ArrowType for Int32 {
    type Value<'a> = i32;
    type Builder = Int32Builder;
    const NAME: &'static str = "int32";

    fn data_type() -> DataType {
        DataType::Int32
    }

    fn append(builder: &mut Int32Builder, value: i32) {
        builder.append_value(value);
    }

    fn append_null(builder: &mut Int32Builder) {
        builder.append_null();
    }

    fn finish(builder: &mut Int32Builder) -> ArrayRef {
        Arc::new(builder.finish())
    }

    #[cfg(test)]
    fn sample(name: &'static str) -> i32 {
        (name_number(name) % 1_000_000) as i32
    }
}

/// `float32`: a score or similarity.
pub struct Float32;

impl ArrowType for Float32 {
    type Value<'a> = f32;
    type Builder = Float32Builder;
    const NAME: &'static str = "float32";

    fn data_type() -> DataType {
        DataType::Float32
    }

    fn append(builder: &mut Float32Builder, value: f32) {
        builder.append_value(value);
    }

    fn append_null(builder: &mut Float32Builder) {
        builder.append_null();
    }

    fn finish(builder: &mut Float32Builder) -> ArrayRef {
        Arc::new(builder.finish())
    }

    #[cfg(test)]
    fn sample(name: &'static str) -> f32 {
        (name_number(name) % 10_000) as f32 + 0.5
    }
}

/// `date32`: a calendar date, written as days since 1970-01-01 (see [`date32`]).
pub struct Date32;

impl ArrowType for Date32 {
    type Value<'a> = NaiveDate;
    type Builder = Date32Builder;
    const NAME: &'static str = "date32";

    fn data_type() -> DataType {
        DataType::Date32
    }

    fn append(builder: &mut Date32Builder, value: NaiveDate) {
        builder.append_value(date32(value));
    }

    fn append_null(builder: &mut Date32Builder) {
        builder.append_null();
    }

    fn finish(builder: &mut Date32Builder) -> ArrayRef {
        Arc::new(builder.finish())
    }

    #[cfg(test)]
    fn sample(name: &'static str) -> NaiveDate {
        from_date32((name_number(name) % 20_000) as i32).expect("a date after 1970")
    }
}

/// `bool`.
pub struct Bool;

impl ArrowType for Bool {
    type Value<'a> = bool;
    type Builder = BooleanBuilder;
    const NAME: &'static str = "bool";

    fn data_type() -> DataType {
        DataType::Boolean
    }

    fn append(builder: &mut BooleanBuilder, value: bool) {
        builder.append_value(value);
    }

    fn append_null(builder: &mut BooleanBuilder) {
        builder.append_null();
    }

    fn finish(builder: &mut BooleanBuilder) -> ArrayRef {
        Arc::new(builder.finish())
    }

    #[cfg(test)]
    fn sample(name: &'static str) -> bool {
        name_number(name) % 2 == 1
    }
}

/// `binary`: raw bytes (hashes, packed signatures; Spark reads no unsigned or
/// fixed-size binary type, so these are plain `binary`).
pub struct Binary;

impl ArrowType for Binary {
    type Value<'a> = &'a [u8];
    type Builder = BinaryBuilder;
    const NAME: &'static str = "binary";

    fn data_type() -> DataType {
        DataType::Binary
    }

    fn append(builder: &mut BinaryBuilder, value: &[u8]) {
        builder.append_value(value);
    }

    fn append_null(builder: &mut BinaryBuilder) {
        builder.append_null();
    }

    fn finish(builder: &mut BinaryBuilder) -> ArrayRef {
        Arc::new(builder.finish())
    }

    #[cfg(test)]
    fn sample(name: &'static str) -> &'static [u8] {
        name.as_bytes()
    }
}

/// `list<utf8>`: a list of strings (items never null), given as a slice.
pub struct Utf8List;

impl ArrowType for Utf8List {
    type Value<'a> = &'a [&'a str];
    type Builder = ListBuilder<StringBuilder>;
    const NAME: &'static str = "list<utf8>";

    fn data_type() -> DataType {
        // The item field `ListBuilder` gives its arrays.
        DataType::List(Arc::new(Field::new("item", DataType::Utf8, true)))
    }

    fn append(builder: &mut Self::Builder, value: &[&str]) {
        for item in value {
            builder.values().append_value(item);
        }
        builder.append(true);
    }

    fn append_null(builder: &mut Self::Builder) {
        builder.append_null();
    }

    fn finish(builder: &mut Self::Builder) -> ArrayRef {
        Arc::new(builder.finish())
    }

    #[cfg(test)]
    fn sample(name: &'static str) -> &'static [&'static str] {
        Box::leak(Box::new([name, "second item"]))
    }
}

/// A number derived from a column name (FNV-1a), for [`ArrowType::sample`].
#[cfg(test)]
fn name_number(name: &str) -> u32 {
    name.bytes().fold(0x811c_9dc5_u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

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
