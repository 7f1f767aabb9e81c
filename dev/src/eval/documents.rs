//! Document-level scores: which gold documents came out, language, title, publication date,
//! main-text snippets and expected-text overlap.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use super::gold::{GoldDoc, GoldSet};
use super::metrics::{collapse_ws, normalise_title, prf1, snippet_found, token_f1, Prf, Ratio};
use super::output_tables::{OutDoc, OutReject, OutputTables};

/// A gold document with the output row (or reject) it was matched to.
#[derive(Debug, Clone, Copy)]
pub struct DocMatch<'a> {
    /// The gold answers.
    pub gold: &'a GoldDoc,
    /// The documents row, when the pipeline produced one.
    pub doc: Option<&'a OutDoc>,
    /// The rejects row, when the pipeline refused the input.
    pub reject: Option<&'a OutReject>,
}

fn file_name(input: &str) -> &str {
    let path = input.split('#').next().unwrap_or(input);
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

/// Matches every gold document to its output: `input` equal to the gold path relative to
/// `docs/` (or to the gold `file` itself), else equal file names.
pub fn match_docs<'a>(gold: &'a GoldSet, out: &'a OutputTables) -> Vec<DocMatch<'a>> {
    fn index<T>(rows: &[T], input: impl Fn(&T) -> &str) -> HashMap<&str, &T> {
        let mut map = HashMap::new();
        for row in rows {
            map.entry(input(row)).or_insert(row);
        }
        map
    }
    let docs_exact = index(&out.documents, |d| &d.input);
    let docs_name = index(&out.documents, |d| file_name(&d.input));
    let rej_exact = index(&out.rejects, |r| &r.input);
    let rej_name = index(&out.rejects, |r| file_name(&r.input));
    gold.docs
        .iter()
        .map(|g| {
            let keys = [g.input_path(), g.file.as_str()];
            let doc = keys
                .iter()
                .find_map(|k| docs_exact.get(k).copied())
                .or_else(|| docs_name.get(g.file_name()).copied());
            let reject = keys
                .iter()
                .find_map(|k| rej_exact.get(k).copied())
                .or_else(|| rej_name.get(g.file_name()).copied())
                .filter(|_| doc.is_none());
            DocMatch {
                gold: g,
                doc,
                reject,
            }
        })
        .collect()
}

/// How many gold documents came out as documents, rejects, or not at all.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Coverage {
    /// Gold documents in the set.
    pub gold_documents: usize,
    /// Gold documents with a documents row.
    pub found: usize,
    /// Gold documents with a rejects row instead.
    pub rejected: usize,
    /// Rejected gold documents per reason code.
    pub rejected_by_reason: BTreeMap<String, usize>,
    /// Gold documents in neither table (should be 0: nothing is dropped silently).
    pub missing: usize,
    /// Found documents flagged as duplicates (`duplicate_of` set).
    pub duplicates: usize,
}

/// Publication-date accuracy and where the dates came from.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct DateScores {
    /// Found documents with a gold date whose `published_date` has the gold day.
    pub accuracy: Ratio,
    /// Among the same documents, how many per `date_source` (`none` when null).
    pub by_source: BTreeMap<String, usize>,
    /// The same hits over every gold page with a date, a rejected or missing page
    /// counting as a miss: how a date extractor run on every page (htmldate) is scored.
    pub every_page: Ratio,
}

/// Title accuracy: exact (trimmed, whitespace collapsed) and normalised (case/punctuation).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct TitleScores {
    /// Exact match after whitespace collapsing.
    pub exact: Ratio,
    /// Match after lowercasing and dropping punctuation.
    pub normalised: Ratio,
}

/// Main-text snippet scores as trafilatura's benchmark counts them.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct SnippetScores {
    /// Gold documents with snippets (missing documents count with an empty text).
    pub docs: usize,
    /// Of those, how many had no documents row.
    pub docs_missing: usize,
    /// TP = must-contain found, FP = must-not-contain found, FN = must-contain not found.
    pub prf: Prf,
    /// Must-not-contain snippets correctly absent.
    pub tn: usize,
    /// (TP + TN) / all snippets.
    pub accuracy: Ratio,
}

/// Token-level F1 between the expected main text and the body.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ExpectedTextScores {
    /// Gold documents with an expected text that could be read.
    pub docs: usize,
    /// Of those, how many had no documents row (F1 0).
    pub docs_missing: usize,
    /// Gold documents naming an expected-text file the set does not have (not scored).
    pub files_missing: usize,
    /// Mean of the per-document F1 (0 when no document could be scored).
    pub mean_f1: f64,
}

/// Counts found / rejected / missing.
pub fn coverage(matches: &[DocMatch]) -> Coverage {
    let mut c = Coverage {
        gold_documents: matches.len(),
        ..Coverage::default()
    };
    for m in matches {
        match (m.doc, m.reject) {
            (Some(d), _) => {
                c.found += 1;
                c.duplicates += usize::from(d.duplicate_of.is_some());
            }
            (None, Some(r)) => {
                c.rejected += 1;
                *c.rejected_by_reason.entry(r.reason.clone()).or_default() += 1;
            }
            (None, None) => c.missing += 1,
        }
    }
    c
}

/// `en-US` / `EN` → `en`.
fn primary_language(code: &str) -> String {
    code.trim()
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_lowercase()
}

/// Language accuracy over found documents with a gold language (primary subtag compared).
pub fn language(matches: &[DocMatch]) -> Option<Ratio> {
    let pairs: Vec<bool> = matches
        .iter()
        .filter_map(|m| Some((m.gold.language.as_deref()?, m.doc?)))
        .map(|(g, d)| primary_language(g) == primary_language(&d.language))
        .collect();
    (!pairs.is_empty()).then(|| Ratio::new(pairs.iter().filter(|&&b| b).count(), pairs.len()))
}

/// Title accuracy over found documents with a non-empty gold title.
pub fn titles(matches: &[DocMatch]) -> Option<TitleScores> {
    let (mut exact, mut norm, mut total) = (0, 0, 0);
    for m in matches {
        let (Some(gold), Some(doc)) = (m.gold.title.as_deref(), m.doc) else {
            continue;
        };
        if gold.trim().is_empty() {
            continue;
        }
        total += 1;
        let ours = doc.title.as_deref().unwrap_or("");
        exact += usize::from(collapse_ws(gold) == collapse_ws(ours));
        norm += usize::from(normalise_title(gold) == normalise_title(ours));
    }
    (total > 0).then(|| TitleScores {
        exact: Ratio::new(exact, total),
        normalised: Ratio::new(norm, total),
    })
}

/// Publication-date accuracy (gold day part `YYYY-MM-DD`) over found documents with a gold
/// date, and over every gold page with a date.
pub fn dates(matches: &[DocMatch]) -> Option<DateScores> {
    let mut s = DateScores::default();
    let (mut hits, mut total, mut pages) = (0, 0, 0);
    for m in matches {
        let Some(gold) = m.gold.published.as_deref() else {
            continue;
        };
        pages += 1;
        let Some(doc) = m.doc else {
            continue;
        };
        let day: String = gold.trim().chars().take(10).collect();
        total += 1;
        let ours = doc.published_date.map(|d| d.format("%Y-%m-%d").to_string());
        hits += usize::from(ours.as_deref() == Some(day.as_str()));
        let source = doc.date_source.clone().unwrap_or_else(|| "none".into());
        *s.by_source.entry(source).or_default() += 1;
    }
    s.accuracy = Ratio::new(hits, total);
    s.every_page = Ratio::new(hits, pages);
    (total > 0).then_some(s)
}

/// Snippet precision/recall over gold documents with must / must-not snippets.
pub fn snippets(matches: &[DocMatch]) -> Option<SnippetScores> {
    let mut s = SnippetScores::default();
    let (mut tp, mut fp, mut fn_) = (0, 0, 0);
    for m in matches {
        let must = m.gold.text_must_contain.as_deref().unwrap_or_default();
        let must_not = m.gold.text_must_not_contain.as_deref().unwrap_or_default();
        if must.is_empty() && must_not.is_empty() {
            continue;
        }
        s.docs += 1;
        s.docs_missing += usize::from(m.doc.is_none());
        let body = collapse_ws(m.doc.map_or("", |d| d.body.as_str()));
        for snippet in must {
            if snippet_found(snippet, &body) {
                tp += 1;
            } else {
                fn_ += 1;
            }
        }
        for snippet in must_not {
            if snippet_found(snippet, &body) {
                fp += 1;
            } else {
                s.tn += 1;
            }
        }
    }
    s.prf = prf1(tp, fp, fn_);
    s.accuracy = Ratio::new(tp + s.tn, tp + fp + fn_ + s.tn);
    (s.docs > 0).then_some(s)
}

/// Mean token F1 between expected texts (read from the set) and bodies. Expected files the
/// set lacks are counted in `files_missing`, not scored.
pub fn expected_text(matches: &[DocMatch], set: &GoldSet) -> Option<ExpectedTextScores> {
    let mut s = ExpectedTextScores::default();
    let mut sum = 0.0;
    for m in matches {
        let Some(path) = m.gold.text_expected.as_deref() else {
            continue;
        };
        let Ok(expected) = set.read_text(path) else {
            s.files_missing += 1;
            continue;
        };
        s.docs += 1;
        match m.doc {
            Some(d) => sum += token_f1(&expected, &d.body),
            None => s.docs_missing += 1,
        }
    }
    s.mean_f1 = if s.docs == 0 {
        0.0
    } else {
        sum / s.docs as f64
    };
    (s.docs + s.files_missing > 0).then_some(s)
}
