//! `[input]` of pipeline.toml: what to read, and its checks.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// `[input]`: what to read.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct InputConfig {
    /// Files or directories (walked recursively, sorted, hidden files skipped).
    pub paths: Vec<PathBuf>,
    /// Largest record accepted, in bytes after decompression; larger ones are rejected
    /// (`too_large`) without ever being held whole. Independently, a compressed file may
    /// not decompress to more than 200× its size once past 16 MiB (a decompression bomb:
    /// one `too_large` reject ends it).
    pub max_bytes: u64,
}

impl Default for InputConfig {
    fn default() -> Self {
        InputConfig {
            paths: Vec::new(),
            max_bytes: 5 * 1024 * 1024,
        }
    }
}

impl InputConfig {
    /// Checks the section; a bad value is an error naming its `input.*` key.
    pub fn validate(&self) -> Result<()> {
        if self.max_bytes == 0 {
            return Err(Error::config("input.max_bytes", "must be at least 1"));
        }
        Ok(())
    }
}
