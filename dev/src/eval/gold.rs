//! Loading a gold set: `SET/meta.jsonl` (one JSON object per document) and the raw files
//! under `SET/docs/`. Only the keys the metrics use are read; unknown keys are ignored.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::{Error, Result};

/// One gold entity mention: code-point offsets into the raw `.txt` file.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct GoldEntity {
    /// Start offset (code points) into the raw file.
    pub start: usize,
    /// End offset (exclusive, code points) into the raw file.
    pub end: usize,
    /// The set's type label (`PER`, `ORG`, `LOC`, `PROD`, …).
    #[serde(rename = "type")]
    pub kind: String,
    /// The mention as written in the raw file.
    #[serde(default)]
    pub text: String,
    /// Wikidata QID, `NIL`, or absent.
    #[serde(default)]
    pub link: Option<String>,
}

/// One gold quotation (direct or indirect speech), offsets into the raw `.txt` file.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct GoldQuote {
    /// Start offset (code points); absent when the set could not anchor the quote.
    #[serde(default)]
    pub start: Option<usize>,
    /// End offset (exclusive); absent when the set could not anchor the quote.
    #[serde(default)]
    pub end: Option<usize>,
    /// The quoted text as annotated (direct quotes keep their quotation marks).
    #[serde(default)]
    pub text: Option<String>,
    /// The speaker as written near the quote ("she", "Lonechild").
    #[serde(default)]
    pub speaker: Option<String>,
    /// The speaker's full name ("Darian Lonechild").
    #[serde(default)]
    pub speaker_canonical: Option<String>,
}

/// The gold answers for one document. Every field but `id`/`file` is optional.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct GoldDoc {
    /// The set's document id.
    pub id: String,
    /// Path of the raw document relative to the set directory (`docs/<id>.txt`).
    pub file: String,
    /// Gold language (ISO 639-1).
    #[serde(default)]
    pub language: Option<String>,
    /// Gold headline.
    #[serde(default)]
    pub title: Option<String>,
    /// Gold publication date, `YYYY-MM-DD` or a full ISO timestamp.
    #[serde(default)]
    pub published: Option<String>,
    /// Snippets the main text must contain.
    #[serde(default)]
    pub text_must_contain: Option<Vec<String>>,
    /// Snippets the main text must not contain.
    #[serde(default)]
    pub text_must_not_contain: Option<Vec<String>>,
    /// Path (relative to the set directory) of the expected main text.
    #[serde(default)]
    pub text_expected: Option<String>,
    /// Gold entity mentions.
    #[serde(default)]
    pub entities: Option<Vec<GoldEntity>>,
    /// Gold quotations.
    #[serde(default)]
    pub quotes: Option<Vec<GoldQuote>>,
}

impl GoldDoc {
    /// The path the pipeline reports in `documents.input` when run with `SET/docs` as input
    /// root: `file` without its leading `docs/`.
    pub fn input_path(&self) -> &str {
        self.file.strip_prefix("docs/").unwrap_or(&self.file)
    }

    /// The file name part of `file` (`ggt-xyz.txt`).
    pub fn file_name(&self) -> &str {
        self.file.rsplit('/').next().unwrap_or(&self.file)
    }
}

/// A loaded gold set.
#[derive(Debug, Clone)]
pub struct GoldSet {
    /// The set's name (its directory name).
    pub name: String,
    /// The set directory.
    pub dir: PathBuf,
    /// The documents, in `meta.jsonl` order.
    pub docs: Vec<GoldDoc>,
}

impl GoldSet {
    /// Reads `set_dir/meta.jsonl`. Fails with [`Error::Eval`] when the file is missing or a
    /// line is not valid JSON for the schema (naming the line).
    pub fn load(set_dir: &Path) -> Result<GoldSet> {
        let meta = set_dir.join("meta.jsonl");
        let text = std::fs::read_to_string(&meta).map_err(|e| Error::Eval {
            path: meta.clone(),
            message: format!("cannot read: {e}"),
        })?;
        let mut docs = Vec::new();
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let line = nan_to_null(line);
            let doc: GoldDoc = serde_json::from_str(&line).map_err(|e| Error::Eval {
                path: meta.clone(),
                message: format!("line {}: {e}", n + 1),
            })?;
            docs.push(doc);
        }
        let name = set_dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| set_dir.display().to_string());
        Ok(GoldSet {
            name,
            dir: set_dir.to_path_buf(),
            docs,
        })
    }

    /// Reads a file of the set (`docs/x.txt`, an expected text) as UTF-8 (lossy).
    pub fn read_text(&self, relative: &str) -> Result<String> {
        let path = self.dir.join(relative);
        let bytes = std::fs::read(&path).map_err(|e| Error::Eval {
            path: path.clone(),
            message: format!("cannot read: {e}"),
        })?;
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    }
}

/// Replaces the bare `NaN`, `Infinity` and `-Infinity` tokens that Python's `json` module
/// writes (for missing values) by `null`, leaving string contents untouched.
fn nan_to_null(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let (mut in_string, mut escaped) = (false, false);
    let mut rest = line;
    while let Some(c) = rest.chars().next() {
        if !in_string {
            let token = ["-Infinity", "Infinity", "NaN"]
                .into_iter()
                .find(|t| rest.starts_with(t));
            if let Some(t) = token {
                out.push_str("null");
                rest = &rest[t.len()..];
                continue;
            }
        }
        if in_string {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_meta_line_with_entities_and_quotes() {
        let line = r#"{"id": "a", "file": "docs/a.txt", "format": "txt", "language": "de",
            "entities": [{"start": 0, "end": 5, "type": "LOC", "text": "Wesel", "link": "Q4011", "fine": "x"}],
            "quotes": [{"start": null, "end": null, "text": "x", "speaker": "she", "speaker_canonical": "Ann Lee", "verb": "said"}]}"#;
        let doc: GoldDoc = serde_json::from_str(&line.replace('\n', " ")).expect("valid");
        assert_eq!(doc.input_path(), "a.txt");
        assert_eq!(doc.file_name(), "a.txt");
        let ents = doc.entities.as_deref().unwrap_or_default();
        assert_eq!(ents[0].kind, "LOC");
        assert_eq!(ents[0].link.as_deref(), Some("Q4011"));
        let quotes = doc.quotes.as_deref().unwrap_or_default();
        assert_eq!(quotes[0].start, None);
        assert_eq!(quotes[0].speaker_canonical.as_deref(), Some("Ann Lee"));
        assert!(doc.title.is_none());
    }

    #[test]
    fn python_nan_becomes_null_outside_strings() {
        let line =
            r#"{"id": "NaN", "file": "docs/x.html", "title": "a \"NaN\" b", "published": NaN}"#;
        let fixed = nan_to_null(line);
        assert_eq!(
            fixed,
            r#"{"id": "NaN", "file": "docs/x.html", "title": "a \"NaN\" b", "published": null}"#
        );
        let doc: GoldDoc = serde_json::from_str(&fixed).expect("valid");
        assert_eq!(doc.published, None);
        assert_eq!(doc.title.as_deref(), Some("a \"NaN\" b"));
    }
}
