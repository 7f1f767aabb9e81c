//! `pipeline.toml`: the file layer (serde structs that reject unknown keys, every field
//! defaulted). The run-wide sections are checked into [`Settings`]; each stage's own
//! section type lives in its module (`stages::dedup::DedupConfig`, …) and is checked by
//! its `build()`, which makes the stage's runtime (see `pipeline::Stages::build`).

mod run;
mod settings;

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

pub use crate::input::InputConfig;
pub use crate::output::{Compression, OutputConfig, OutputSettings};
pub use run::RunConfig;
pub use settings::{RunSettings, Settings};

use crate::error::{Error, Result};
use crate::stages::{
    dates::DatesConfig, dedup::DedupConfig, entities::EntitiesConfig, parse::ParseConfig,
    quotes::QuotesConfig,
};

/// The whole file. Every section and key is optional; see pipeline.toml for the defaults.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct PipelineConfig {
    /// `[run]`: batch id, threads, chunking, reference date, extra data directories.
    pub run: RunConfig,
    /// `[input]`: input paths and record limits.
    pub input: InputConfig,
    /// `[output]`: output directory and Parquet settings.
    pub output: OutputConfig,
    /// `[stages.*]`: one section per stage.
    pub stages: StagesConfig,
}

/// `[stages.*]` sections.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct StagesConfig {
    /// `[stages.parse]`
    pub parse: ParseConfig,
    /// `[stages.dedup]`
    pub dedup: DedupConfig,
    /// `[stages.dates]`
    pub dates: DatesConfig,
    /// `[stages.entities]`
    pub entities: EntitiesConfig,
    /// `[stages.quotes]`
    pub quotes: QuotesConfig,
}

impl PipelineConfig {
    /// Parses TOML text. Unknown keys and wrongly typed values are errors naming the key.
    pub fn from_toml(text: &str, path: &Path) -> Result<Self> {
        toml::from_str(text).map_err(|e| Error::ConfigFile {
            path: path.to_path_buf(),
            message: one_line(&e),
        })
    }

    /// Reads and parses a config file; relative paths inside it are resolved against the
    /// file's directory.
    pub fn load(path: &Path) -> Result<Self> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::ConfigFile {
            path: path.to_path_buf(),
            message: e.to_string(),
        })?;
        let mut config = Self::from_toml(&text, path)?;
        let base = path.parent().unwrap_or(Path::new("")).to_path_buf();
        config.rebase(&base);
        Ok(config)
    }

    /// The configuration a command runs with: the file at `path` when given, else
    /// `./pipeline.toml` when it exists, else the built-in defaults.
    pub fn find(path: Option<&Path>) -> Result<Self> {
        match path {
            Some(p) => Self::load(p),
            None if Path::new("pipeline.toml").exists() => Self::load(Path::new("pipeline.toml")),
            None => Ok(Self::default()),
        }
    }

    /// Makes every relative path in the config relative to `base`.
    fn rebase(&mut self, base: &Path) {
        let fix = |p: &mut PathBuf| {
            if p.is_relative() && !base.as_os_str().is_empty() {
                *p = base.join(&*p);
            }
        };
        self.input.paths.iter_mut().for_each(fix);
        fix(&mut self.output.dir);
        self.run.data_dirs.iter_mut().for_each(fix);
        self.stages.entities.kb_files.iter_mut().for_each(fix);
    }

    /// Checks every section, a disabled stage's too, before any work is done (a bad
    /// value is an error naming its key), and produces the run-wide settings the run uses.
    /// Each stage's `build()` checks its section again when it makes the stage.
    pub fn validate(&self) -> Result<Settings> {
        let s = &self.stages;
        s.parse.validate()?;
        s.dedup.validate()?;
        s.dates.validate()?;
        s.entities.validate()?;
        s.quotes.validate()?;
        Settings::from_config(self)
    }

    /// Canonical JSON of the effective configuration (for the manifest and its SHA-256).
    pub fn canonical_json(&self) -> String {
        serde_json::to_string(self).expect("config serialises")
    }
}

/// toml's error text spans several lines with a source excerpt; keep the message and the
/// key it names on one line.
fn one_line(e: &toml::de::Error) -> String {
    let mut msg = e.message().trim().replace('\n', " ");
    if let Some(span) = e.span() {
        msg = format!("{msg} (at byte {})", span.start);
    }
    msg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_file_gives_defaults() {
        let c = PipelineConfig::from_toml("", Path::new("p.toml")).unwrap();
        assert_eq!(c, PipelineConfig::default());
        let settings = c.validate().unwrap();
        crate::pipeline::Stages::build(&c.stages, &settings.run).unwrap();
    }

    #[test]
    fn a_bad_stage_value_is_refused_before_any_work_even_when_the_stage_is_disabled() {
        for toml in [
            "[stages.quotes]\nmax_paragraphs = 0\n",
            "[stages.quotes]\nenabled = false\nmax_paragraphs = 0\n",
        ] {
            let c = PipelineConfig::from_toml(toml, Path::new("p.toml")).unwrap();
            let err = c.validate().unwrap_err().to_string();
            assert!(err.contains("stages.quotes.max_paragraphs"), "{err}");
        }
    }

    #[test]
    fn unknown_key_is_rejected_by_name() {
        let err = PipelineConfig::from_toml("[stages.dedup]\nbandz = 3\n", Path::new("p.toml"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("bandz"), "{err}");
    }

    /// Every key of every section, with its default, must be shown in the shipped file
    /// (as a setting or a commented-out line), so the file is the config reference.
    #[test]
    fn shipped_pipeline_toml_shows_every_key() {
        let text =
            std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("pipeline.toml"))
                .unwrap();
        let mut shown = std::collections::BTreeSet::new();
        let mut section = String::new();
        for line in text.lines() {
            let l = line.trim().trim_start_matches('#').trim();
            if l.starts_with('[') && l.ends_with(']') && !l.contains('=') {
                section = l.trim_matches(['[', ']']).to_string();
            } else if let Some((k, _)) = l.split_once('=') {
                let k = k.trim();
                if !k.is_empty() && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                    shown.insert(format!("{section}.{k}"));
                }
            }
        }
        let defaults = toml::Table::try_from(PipelineConfig::default()).unwrap();
        let mut missing = Vec::new();
        fn walk(
            prefix: &str,
            t: &toml::Table,
            shown: &std::collections::BTreeSet<String>,
            missing: &mut Vec<String>,
        ) {
            for (k, v) in t {
                match v {
                    toml::Value::Table(sub) => walk(
                        &if prefix.is_empty() {
                            k.clone()
                        } else {
                            format!("{prefix}.{k}")
                        },
                        sub,
                        shown,
                        missing,
                    ),
                    _ => {
                        let key = format!("{prefix}.{k}");
                        if !shown.contains(&key) {
                            missing.push(key);
                        }
                    }
                }
            }
        }
        walk("", &defaults, &shown, &mut missing);
        assert!(
            missing.is_empty(),
            "pipeline.toml does not show: {missing:?}"
        );
    }

    #[test]
    fn shipped_pipeline_toml_parses_and_validates() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("pipeline.toml");
        let c = PipelineConfig::load(&path).unwrap();
        let settings = c.validate().unwrap();
        crate::pipeline::Stages::build(&c.stages, &settings.run).unwrap();
    }
}

/// Values given on the command line; they override the file.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    /// `--input`: replaces `input.paths`.
    pub inputs: Vec<PathBuf>,
    /// `--output`: replaces `output.dir`.
    pub output: Option<PathBuf>,
    /// `--batch`: replaces `run.batch`.
    pub batch: Option<String>,
    /// `--reference-date`: replaces `run.reference_date`.
    pub reference_date: Option<String>,
    /// `--threads`: replaces `run.threads`.
    pub threads: Option<usize>,
}

impl PipelineConfig {
    /// Applies command-line overrides, giving the effective configuration.
    pub fn apply(&mut self, o: &Overrides) {
        if !o.inputs.is_empty() {
            self.input.paths = o.inputs.clone();
        }
        if let Some(dir) = &o.output {
            self.output.dir = dir.clone();
        }
        if let Some(b) = &o.batch {
            self.run.batch = b.clone();
        }
        if let Some(d) = &o.reference_date {
            self.run.reference_date = d.clone();
        }
        if let Some(t) = o.threads {
            self.run.threads = t;
        }
    }
}
