//! `gazette-dev eval`: scores one pipeline run against a gold set (`SET/meta.jsonl` + `SET/docs/`).
//!
//! [`evaluate`] reads the batch's output tables back from Parquet, matches each gold document
//! to its `documents` row (by input path, else by file name), and computes, for whatever gold
//! the set has: coverage, language / title / date accuracy, main-text snippet P/R/F1,
//! expected-text token F1, entity-mention P/R/F1 (spans aligned from the cleaned body back to
//! the raw file, see [`align`]), entity identity B-cubed and quotation recall / speaker
//! accuracy / precision. The metric rules are documented in each sub-module.

pub mod align;
pub mod annotations;
pub mod documents;
pub mod entities;
pub mod gold;
pub mod metrics;
pub mod output_tables;
pub mod quotes;
mod report;
pub mod split;

#[cfg(test)]
mod end_to_end_tests;
#[cfg(test)]
mod quote_rule_tests;

use std::path::Path;

use serde::Serialize;

use crate::error::Result;

pub use annotations::{EntityScores, LanguageEntityScores, QuoteScores};
pub use documents::{Coverage, DateScores, ExpectedTextScores, SnippetScores, TitleScores};
pub use entities::IdentityScores;
pub use metrics::{BCubed, Prf, Ratio};

/// Every figure of one evaluation; a section is None when the set has no gold for it.
/// `Display` prints a readable report; `serde_json::to_string(&report)` saves the figures.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct EvalReport {
    /// The set's name (its directory name).
    pub set: String,
    /// The batch id scored.
    pub batch: String,
    /// Found / rejected / missing gold documents.
    pub coverage: Coverage,
    /// Language accuracy over found documents with a gold language.
    pub language: Option<Ratio>,
    /// Title accuracy over found documents with a gold title.
    pub title: Option<TitleScores>,
    /// Publication-date accuracy over found documents with a gold date.
    pub dates: Option<DateScores>,
    /// Main-text must / must-not snippets.
    pub snippets: Option<SnippetScores>,
    /// Token F1 against the expected main text.
    pub expected_text: Option<ExpectedTextScores>,
    /// Entity mentions.
    pub entities: Option<EntityScores>,
    /// Entity identity (B-cubed over the gold Wikidata links).
    pub identity: Option<IdentityScores>,
    /// Direct quotations and speakers.
    pub quotes: Option<QuoteScores>,
}

/// Scores the tables of batch `batch` under `output_dir` (`output/<table>/batch=<batch>/*.parquet`)
/// against the gold set in `set_dir` (`meta.jsonl` + `docs/`). Documents are matched by
/// `documents.input` == the gold `file` path relative to the set's `docs/` directory (the
/// pipeline is run with `SET/docs` as input root), else by file name.
///
/// Fails with [`crate::Error::Eval`] when the set's `meta.jsonl` or a raw file it names cannot
/// be read, or when the batch has no documents partition or a table lacks a needed column.
///
/// With `half`, only that half's gold documents are scored ([`split`]); the others are
/// neither found nor missing.
pub fn evaluate(
    set_dir: &Path,
    output_dir: &Path,
    batch: &str,
    half: Option<split::Half>,
) -> Result<EvalReport> {
    let mut set = gold::GoldSet::load(set_dir)?;
    if let Some(half) = half {
        set.docs.retain(|d| split::half_of(&d.id) == half);
    }
    let out = output_tables::OutputTables::read(output_dir, batch)?;
    let matches = documents::match_docs(&set, &out);
    let spans = annotations::score(&matches, &set, &out)?;
    Ok(EvalReport {
        set: set.name.clone(),
        batch: batch.to_string(),
        coverage: documents::coverage(&matches),
        language: documents::language(&matches),
        title: documents::titles(&matches),
        dates: documents::dates(&matches),
        snippets: documents::snippets(&matches),
        expected_text: documents::expected_text(&matches, &set),
        entities: spans.entities,
        identity: spans.identity,
        quotes: spans.quotes,
    })
}
