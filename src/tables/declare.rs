//! `declare_table!`: a table is declared once — its name and its columns in order, each a
//! name, a kind from [`super::columns`] and a one-line description — and the declaration
//! gives everything else: the Arrow schema (`schema()`), the column list `gazette schema`
//! prints (`COLUMNS`), a typed row with one named field per column and the builder that
//! appends such rows and finishes them into a `RecordBatch`. A value reaches its column by
//! name, through the row, so reordering a declaration reorders schema and builder together
//! and can never put a value under another column's name.

/// Declares one table (see the module doc). Used as
///
/// ```ignore
/// declare_table! {
///     name: "rejects";
///     /// Doc of the row struct.
///     row: RejectRow;
///     /// Doc of the builder.
///     builder: RejectsBuilder;
///     columns: {
///         input: Utf8 = "as in documents.input",   // utf8, not null
///         detail: Option<Utf8> = "a human-readable explanation",   // utf8, nullable
///     }
/// }
/// ```
///
/// and defines, in the calling module: `NAME`, `COLUMNS`, `schema()`, the row struct and
/// the builder (`new`, `len`, `is_empty`, `push(row)`, `finish()`), plus, for tests,
/// `sample_batch()` and `sample_columns()`.
macro_rules! declare_table {
    (
        name: $name:literal;
        $(#[$row_meta:meta])*
        row: $row:ident;
        $(#[$builder_meta:meta])*
        builder: $builder:ident;
        columns: {
            $( $col:ident: $kind:ty = $desc:literal, )+
        }
    ) => {
        /// The table's name: its directory under the output, its name in errors.
        pub const NAME: &str = $name;

        /// The table's columns, in order, as declared.
        pub const COLUMNS: &[$crate::tables::columns::Column] = &[$(
            $crate::tables::columns::Column {
                name: stringify!($col),
                type_name: <$kind as $crate::tables::columns::ColumnKind>::NAME,
                nullable: <$kind as $crate::tables::columns::ColumnKind>::NULLABLE,
                description: $desc,
            },
        )+];

        /// The table's Arrow schema: the declared columns, and `gazette.schema_version` in
        /// its metadata.
        pub fn schema() -> ::arrow::datatypes::SchemaRef {
            ::std::sync::Arc::new(::arrow::datatypes::Schema::new_with_metadata(
                vec![$(
                    ::arrow::datatypes::Field::new(
                        stringify!($col),
                        <$kind as $crate::tables::columns::ColumnKind>::data_type(),
                        <$kind as $crate::tables::columns::ColumnKind>::NULLABLE,
                    ),
                )+],
                $crate::tables::metadata::table_metadata(),
            ))
        }

        $(#[$row_meta])*
        #[derive(Debug)]
        pub struct $row<'a> {
            $(
                #[doc = $desc]
                pub $col: <$kind as $crate::tables::columns::ColumnKind>::Value<'a>,
            )+
        }

        $(#[$builder_meta])*
        #[derive(Default)]
        pub struct $builder {
            $( $col: <$kind as $crate::tables::columns::ColumnKind>::Builder, )+
            rows: usize,
        }

        impl $builder {
            /// An empty builder.
            pub fn new() -> Self {
                Self::default()
            }

            /// Rows appended since the last `finish`.
            pub fn len(&self) -> usize {
                self.rows
            }

            /// True when no row is pending.
            pub fn is_empty(&self) -> bool {
                self.rows == 0
            }

            /// Appends one row, each value to the column of its name.
            pub fn push(&mut self, row: $row<'_>) {
                $(
                    <$kind as $crate::tables::columns::ColumnKind>::append(
                        &mut self.$col,
                        row.$col,
                    );
                )+
                self.rows += 1;
            }

            /// Builds the pending rows into a batch in the table's schema and resets the
            /// builder.
            pub fn finish(
                &mut self,
            ) -> $crate::error::Result<::arrow::record_batch::RecordBatch> {
                self.rows = 0;
                let columns: Vec<::arrow::array::ArrayRef> = vec![$(
                    <$kind as $crate::tables::columns::ColumnKind>::finish(&mut self.$col),
                )+];
                ::arrow::record_batch::RecordBatch::try_new(schema(), columns).map_err(|e| {
                    $crate::error::Error::Table {
                        table: NAME,
                        message: e.to_string(),
                    }
                })
            }
        }

        /// Two rows: every column's sample value, then the emptiest row (nulls where the
        /// column admits them).
        #[cfg(test)]
        pub fn sample_batch() -> ::arrow::record_batch::RecordBatch {
            let mut builder = $builder::new();
            builder.push($row {
                $( $col: <$kind as $crate::tables::columns::ColumnKind>::sample(stringify!($col)), )+
            });
            builder.push($row {
                $( $col: <$kind as $crate::tables::columns::ColumnKind>::sparse(stringify!($col)), )+
            });
            builder.finish().expect("the sample rows fit the schema")
        }

        /// Each column's sample value alone, built without the table: (name, one-row array).
        #[cfg(test)]
        pub fn sample_columns() -> Vec<(&'static str, ::arrow::array::ArrayRef)> {
            vec![$(
                (stringify!($col), {
                    let mut builder: <$kind as $crate::tables::columns::ColumnKind>::Builder =
                        Default::default();
                    <$kind as $crate::tables::columns::ColumnKind>::append(
                        &mut builder,
                        <$kind as $crate::tables::columns::ColumnKind>::sample(stringify!($col)),
                    );
                    <$kind as $crate::tables::columns::ColumnKind>::finish(&mut builder)
                }),
            )+]
        }
    };
}

pub(crate) use declare_table;
