//! The output tables. Each is declared once, in its own file ([`documents`],
//! [`entity_mentions`], [`quotes`], [`date_mentions`], [`rejects`]), with `declare_table!`
//! (in `declare.rs`) over the column kinds of [`columns`]; the declaration gives its Arrow
//! schema, its typed row, its builder and its column descriptions. [`schema`] lists the
//! tables; [`metadata`] holds the `gazette.*` keys every file carries. [`dedup_state`] is
//! the cross-batch dedup state, a sixth, internal table. The Parquet writer only ever sees
//! the `RecordBatch`es the builders finish.

pub mod columns;
mod declare;
pub mod metadata;

pub mod date_mentions;
pub mod dedup_state;
pub mod documents;
pub mod entity_mentions;
pub mod quotes;
pub mod rejects;

pub mod schema;

#[cfg(test)]
mod test_support;

pub use columns::{date32, from_date32, int32};
pub use date_mentions::DateMentionsBuilder;
pub use documents::DocumentsBuilder;
pub use entity_mentions::EntityMentionsBuilder;
pub use quotes::QuotesBuilder;
pub use rejects::RejectsBuilder;
pub use schema::Table;
