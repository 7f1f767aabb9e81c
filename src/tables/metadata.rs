//! The `gazette.*` key-value metadata every table file carries, and the contract's schema
//! version. Each table's Arrow schema carries `gazette.schema_version`; the writer adds the
//! per-run keys to the schema it writes with and puts the same keys in the Parquet footer,
//! so readers of either (pyarrow, polars, the parquet crate) see them.

use arrow::datatypes::Metadata;

/// Version of the table contract, written into every file as `gazette.schema_version`.
pub const SCHEMA_VERSION: &str = "2";

/// Key of the table contract's version ([`SCHEMA_VERSION`]).
pub const SCHEMA_VERSION_KEY: &str = "gazette.schema_version";
/// Key of the gazette version that wrote the file.
pub const VERSION_KEY: &str = "gazette.version";
/// Key of the batch id.
pub const BATCH_KEY: &str = "gazette.batch";
/// Key of the SHA-256 of the effective configuration.
pub const CONFIG_SHA256_KEY: &str = "gazette.config_sha256";

/// Every `gazette.*` key, in the order the Parquet footer lists them.
pub const KEYS: [&str; 4] = [
    SCHEMA_VERSION_KEY,
    VERSION_KEY,
    BATCH_KEY,
    CONFIG_SHA256_KEY,
];

/// The metadata of every table's own Arrow schema: the schema version.
pub fn table_metadata() -> Metadata {
    Metadata::from([(SCHEMA_VERSION_KEY, SCHEMA_VERSION)])
}
