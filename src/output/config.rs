//! `[output]` of pipeline.toml: where and how tables are written; `build()` checks it into
//! the writer's [`OutputSettings`].

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// `[output]`: where and how tables are written.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct OutputConfig {
    /// Output directory holding one sub-directory per table.
    pub dir: PathBuf,
    /// Parquet compression: `zstd` or `none`.
    pub compression: String,
    /// zstd level, 1–22.
    pub zstd_level: i32,
    /// Maximum rows per Parquet row group.
    pub row_group_rows: usize,
    /// Maximum encoded bytes a table holds in memory before its row group is cut; bounds
    /// the writer's memory whatever the corpus size.
    pub row_group_bytes: usize,
}

impl Default for OutputConfig {
    fn default() -> Self {
        OutputConfig {
            dir: PathBuf::from("output"),
            compression: "zstd".into(),
            zstd_level: 3,
            row_group_rows: 65_536,
            row_group_bytes: 32 * 1024 * 1024,
        }
    }
}

/// Parquet compression codec.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compression {
    /// zstd at the given level.
    Zstd(i32),
    /// Uncompressed.
    None,
}

/// Checked `[output]`: what the batch writer runs with.
#[derive(Debug, Clone)]
pub struct OutputSettings {
    /// Output directory.
    pub dir: PathBuf,
    /// Codec.
    pub compression: Compression,
    /// Maximum rows per row group (≥ 1).
    pub row_group_rows: usize,
    /// Encoded bytes buffered per table before a row group is cut (≥ 1 MiB).
    pub row_group_bytes: usize,
}

impl OutputConfig {
    /// Checks the section (a bad value is an error naming its `output.*` key and the
    /// values allowed) and gives the writer's settings.
    pub fn build(&self) -> Result<OutputSettings> {
        let compression = match self.compression.as_str() {
            "zstd" => {
                if !(1..=22).contains(&self.zstd_level) {
                    return Err(Error::config(
                        "output.zstd_level",
                        format!("{} is out of range: allowed 1 to 22", self.zstd_level),
                    ));
                }
                Compression::Zstd(self.zstd_level)
            }
            "none" => Compression::None,
            other => {
                return Err(Error::config(
                    "output.compression",
                    format!("unknown codec {other:?}: allowed \"zstd\", \"none\""),
                ))
            }
        };
        if self.row_group_rows == 0 {
            return Err(Error::config("output.row_group_rows", "must be at least 1"));
        }
        if self.row_group_bytes < 1024 * 1024 {
            return Err(Error::config(
                "output.row_group_bytes",
                format!(
                    "{} is too small: at least 1048576 (1 MiB)",
                    self.row_group_bytes
                ),
            ));
        }
        Ok(OutputSettings {
            dir: self.dir.clone(),
            compression,
            row_group_rows: self.row_group_rows,
            row_group_bytes: self.row_group_bytes,
        })
    }
}
