//! `stages.entities.model`: which model tags each language, and loading it once.
//!
//! Per language, the value is the name of a shipped model (`data/models/<name>/model.ner`,
//! embedded in the binary: `it`, `de-open`, …), the path of a model file, or `none` (the
//! rules alone). A language not listed uses its shipped default ([`DEFAULTS`]). A missing,
//! truncated, corrupted or mismatched file is one config error naming the key and the file.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

use super::file::NerModel;
use super::runtime::TypeCache;
use crate::error::{Error, Result};
use crate::lexicon::{embedded_binary_names, embedded_bytes};

/// The shipped model each language uses when `stages.entities.model` does not name one.
pub const DEFAULTS: &[(&str, &str)] = &[
    ("de", "de"),
    ("en", "en"),
    ("es", "es"),
    ("fr", "fr"),
    ("it", "it"),
];

/// A model loaded for one language, with what the run summary reports of it.
#[derive(Debug, Clone)]
pub struct LoadedModel {
    /// The model, shared by every thread.
    pub model: Arc<NerModel>,
    /// The shipped name or the file it came from.
    pub source: String,
    /// Milliseconds spent reading and checking it.
    pub load_ms: f64,
    /// Word-type scores shared by every document and thread of the run.
    pub(crate) cache: Arc<TypeCache>,
}

impl LoadedModel {
    /// Bytes the model's tables hold in memory.
    pub fn memory_bytes(&self) -> usize {
        self.model.weights.len() * 2 + std::mem::size_of::<NerModel>()
    }
}

/// The shipped model names (`data/models/<name>/model.ner`).
pub fn shipped() -> Vec<&'static str> {
    embedded_binary_names("models/")
        .filter_map(|p| p.strip_prefix("models/")?.strip_suffix("/model.ner"))
        .collect()
}

/// Checks the `stages.entities.model` table: keys are language codes, values `none`, a
/// shipped name or a path.
pub fn validate(choice: &BTreeMap<String, String>) -> Result<()> {
    for (lang, value) in choice {
        let key = format!("stages.entities.model.{lang}");
        let code_ok = (2..=3).contains(&lang.len()) && lang.chars().all(|c| c.is_ascii_lowercase());
        if !code_ok {
            return Err(Error::config(
                key,
                "the key must be a language code (`it`, `de`, …)",
            ));
        }
        if value.trim().is_empty() {
            return Err(Error::config(
                key,
                format!(
                    "empty: use `none`, a shipped model ({}) or a model file path",
                    shipped().join(", ")
                ),
            ));
        }
    }
    Ok(())
}

/// Loads the model of every language that has one under `choice` and the defaults.
pub fn load_all(choice: &BTreeMap<String, String>) -> Result<BTreeMap<String, LoadedModel>> {
    let names = shipped();
    let mut wanted: BTreeMap<String, String> = DEFAULTS
        .iter()
        .filter(|(_, m)| names.contains(m))
        .map(|&(l, m)| (l.to_string(), m.to_string()))
        .collect();
    for (l, v) in choice {
        wanted.insert(l.clone(), v.trim().to_string());
    }
    let mut out = BTreeMap::new();
    for (lang, value) in wanted {
        if value == "none" {
            continue;
        }
        let key = format!("stages.entities.model.{lang}");
        let clock = Instant::now();
        let shipped_bytes = is_name(&value)
            .then(|| embedded_bytes(&format!("models/{value}/model.ner")))
            .flatten();
        let (bytes, source) = match shipped_bytes {
            Some(b) => (std::borrow::Cow::Borrowed(b), format!("shipped `{value}`")),
            None if is_name(&value) => {
                return Err(Error::config(
                    key,
                    format!(
                        "no shipped model `{value}`: use one of {}, `none`, or a model file path",
                        names.join(", ")
                    ),
                ))
            }
            None => {
                let path = Path::new(&value);
                let b = std::fs::read(path).map_err(|e| {
                    Error::config(key.clone(), format!("model file {}: {e}", path.display()))
                })?;
                (std::borrow::Cow::Owned(b), path.display().to_string())
            }
        };
        let model = NerModel::from_bytes(&bytes)
            .map_err(|m| Error::config(key.clone(), format!("model file {source}: {m}")))?;
        if model.lang != lang {
            return Err(Error::config(
                key,
                format!(
                    "model file {source} is for language `{}`, not `{lang}`",
                    model.lang
                ),
            ));
        }
        out.insert(
            lang,
            LoadedModel {
                model: Arc::new(model),
                source,
                load_ms: clock.elapsed().as_secs_f64() * 1000.0,
                cache: Arc::default(),
            },
        );
    }
    Ok(out)
}

/// True for a shipped model's name rather than a path: letters, digits and `-` only.
fn is_name(value: &str) -> bool {
    value.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}
