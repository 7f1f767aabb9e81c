//! Validated run-wide settings (`[run]`, `[input]`, `[output]`), built once from
//! [`PipelineConfig`]; every bad value is reported with its dotted key and the values
//! allowed. Each stage's section is checked by its own `build()` (see `pipeline::Stages`).

use std::path::PathBuf;

use chrono::NaiveDate;

use super::PipelineConfig;
use crate::error::{Error, Result};
use crate::input::InputConfig;
use crate::output::OutputSettings;

/// Everything a run needs, checked.
#[derive(Debug, Clone)]
pub struct Settings {
    /// `[run]`
    pub run: RunSettings,
    /// `[input]`, checked.
    pub input: InputConfig,
    /// `[output]`, checked into the writer's settings.
    pub output: OutputSettings,
}

/// Checked `[run]`.
#[derive(Debug, Clone)]
pub struct RunSettings {
    /// Batch id (non-empty, safe as a directory name).
    pub batch: String,
    /// Worker threads (≥ 1).
    pub threads: usize,
    /// Documents per chunk (≥ 1).
    pub chunk_size: usize,
    /// Reference date for relative expressions.
    pub reference_date: NaiveDate,
    /// Extra language-data directories.
    pub data_dirs: Vec<PathBuf>,
}

impl Settings {
    /// Validates `config` (see [`PipelineConfig::validate`]).
    pub fn from_config(config: &PipelineConfig) -> Result<Self> {
        let run = &config.run;
        let batch = if run.batch.is_empty() {
            format!("run-{}", chrono::Utc::now().format("%Y-%m-%d"))
        } else {
            run.batch.clone()
        };
        check_batch_id(&batch, "run.batch")?;
        let threads = match run.threads {
            0 => std::thread::available_parallelism().map_or(1, usize::from),
            n => n,
        };
        if run.chunk_size == 0 {
            return Err(Error::config("run.chunk_size", "must be at least 1"));
        }
        let reference_date = if run.reference_date.is_empty() {
            chrono::Utc::now().date_naive()
        } else {
            parse_date(&run.reference_date, "run.reference_date")?
        };
        let output = config.output.build()?;
        config.input.validate()?;
        Ok(Settings {
            run: RunSettings {
                batch,
                threads,
                chunk_size: run.chunk_size,
                reference_date,
                data_dirs: run.data_dirs.clone(),
            },
            input: config.input.clone(),
            output,
        })
    }
}

/// A batch id becomes a directory name: letters, digits, `-`, `_`, `.` only.
pub fn check_batch_id(batch: &str, key: &str) -> Result<()> {
    let ok = !batch.is_empty()
        && !batch.starts_with('.')
        && batch
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if ok {
        Ok(())
    } else {
        Err(Error::config(key, format!("{batch:?} is not a valid batch id: allowed letters, digits, '-', '_', '.' (not first)")))
    }
}

/// Parses a YYYY-MM-DD date for `key`.
pub fn parse_date(value: &str, key: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .map_err(|_| Error::config(key, format!("{value:?} is not a date: expected YYYY-MM-DD")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(f: impl FnOnce(&mut PipelineConfig)) -> Result<Settings> {
        let mut c = PipelineConfig::default();
        f(&mut c);
        c.validate()
    }

    #[test]
    fn bad_values_name_their_key_and_allowed_values() {
        let e = with(|c| c.output.compression = "lzma".into())
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("output.compression") && e.contains("zstd"),
            "{e}"
        );
        let e = with(|c| c.output.zstd_level = 40).unwrap_err().to_string();
        assert!(
            e.contains("output.zstd_level") && e.contains("1 to 22"),
            "{e}"
        );
        let e = with(|c| c.run.reference_date = "17/04/2024".into())
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("run.reference_date") && e.contains("YYYY-MM-DD"),
            "{e}"
        );
        let e = with(|c| c.run.batch = "../x".into())
            .unwrap_err()
            .to_string();
        assert!(e.contains("run.batch"), "{e}");
        assert!(with(|c| c.run.chunk_size = 0).is_err());
    }

    #[test]
    fn defaults_fill_threads_batch_and_date() {
        let s = with(|_| {}).unwrap();
        assert!(s.run.threads >= 1);
        assert!(s.run.batch.starts_with("run-"));
        assert_eq!(s.output.compression, crate::output::Compression::Zstd(3));
    }
}
