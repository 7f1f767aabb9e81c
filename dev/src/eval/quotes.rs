//! Quotation scores: direct-quote recall, speaker accuracy and precision of our quotes.
//!
//! Rules:
//! - a gold quote is *direct* when its gold text (trimmed) starts with a double quotation
//!   mark (" “ ” „ « » ‹ › 「 『), or starts with ‘/' and ends with ’/'; or when the raw
//!   characters just before its start and at its end are both quotation marks. Everything
//!   else (reported speech) is indirect and not scored for recall;
//! - a gold direct span is compared after stripping quotation marks and whitespace at both
//!   ends; a predicted quote (body offsets aligned to the raw text) *matches* it when their
//!   overlap covers at least half of the stripped gold span;
//! - speaker: for a matched gold quote, the best-overlapping prediction's `speaker_name` or
//!   `speaker` equals the gold `speaker_canonical` (case-insensitive, whitespace collapsed)
//!   or has the same last word (last-name match). Gold quotes without a canonical speaker
//!   are left out of speaker accuracy;
//! - precision: predicted quotes that match some gold direct quote / all predicted quotes
//!   of the scored documents (unalignable predictions count as wrong).

use serde::Serialize;

use super::gold::GoldQuote;
use super::metrics::Ratio;

type Span = (usize, usize);

/// Whether `c` is a quotation mark (double, single or angle, any script variant).
pub fn is_quote_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '“'
            | '”'
            | '„'
            | '‟'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '「'
            | '」'
            | '『'
            | '』'
            | '\''
            | '‘'
            | '’'
            | '‚'
    )
}

fn is_double_mark(c: char) -> bool {
    is_quote_mark(c) && !matches!(c, '\'' | '‘' | '’' | '‚')
}

/// The direct-quote rule (see the module doc). `raw` is the raw text as code points.
pub fn is_direct(q: &GoldQuote, raw: &[char]) -> bool {
    let text = q.text.as_deref().unwrap_or("").trim();
    let first = text.chars().next();
    let last = text.chars().last();
    if first.is_some_and(is_double_mark) {
        return true;
    }
    if first.is_some_and(|c| matches!(c, '\'' | '‘'))
        && last.is_some_and(|c| matches!(c, '\'' | '’'))
        && text.chars().count() > 1
    {
        return true;
    }
    match (q.start, q.end) {
        (Some(s), Some(e)) if s > 0 && e < raw.len() => {
            is_quote_mark(raw[s - 1]) && is_quote_mark(raw[e])
        }
        _ => false,
    }
}

/// The gold span without quotation marks and whitespace at either end; None when unanchored,
/// out of range or empty.
pub fn stripped_span(q: &GoldQuote, raw: &[char]) -> Option<Span> {
    let (mut s, mut e) = (q.start?, q.end?.min(raw.len()));
    let strip = |c: char| is_quote_mark(c) || c.is_whitespace();
    while s < e && strip(raw[s]) {
        s += 1;
    }
    while e > s && strip(raw[e - 1]) {
        e -= 1;
    }
    (e > s).then_some((s, e))
}

/// Number of code points two spans share.
pub fn overlap(a: Span, b: Span) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

/// Whether `pred` covers at least half of `gold`.
pub fn matches_gold(pred: Span, gold: Span) -> bool {
    2 * overlap(pred, gold) >= gold.1 - gold.0
}

fn name_words(name: &str) -> Vec<String> {
    name.split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether a predicted speaker name agrees with the gold canonical speaker: same words
/// (case-insensitive) or same last word.
pub fn speaker_matches(gold: &str, predicted: &str) -> bool {
    let (g, p) = (name_words(gold), name_words(predicted));
    !g.is_empty() && !p.is_empty() && (g == p || g.last() == p.last())
}

/// One predicted quote, span mapped to raw offsets (None: unalignable).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PredQuote {
    /// Raw-text span of the quoted words.
    pub span: Option<Span>,
    /// Speaker as named in the text.
    pub speaker: Option<String>,
    /// Canonical speaker name.
    pub speaker_name: Option<String>,
}

/// Quote counts, summed over documents.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct QuoteCounts {
    /// Gold quotes (direct and indirect).
    pub gold_quotes: usize,
    /// Gold direct quotes with usable offsets (the recall denominator).
    pub gold_direct: usize,
    /// Gold direct quotes without usable offsets (not scored).
    pub gold_direct_unanchored: usize,
    /// Gold direct quotes matched by a prediction.
    pub recalled: usize,
    /// Matched gold quotes that have a canonical speaker.
    pub speaker_total: usize,
    /// Of those, how many got the speaker right.
    pub speaker_hits: usize,
    /// Our quotes.
    pub predicted: usize,
    /// Our quotes matching a gold direct quote.
    pub predicted_matched: usize,
    /// Our quotes that could not be aligned to the raw text.
    pub unmappable: usize,
    /// Our unmatched quotes that overlap a gold indirect quote by half (information only).
    pub predicted_on_indirect: usize,
}

impl QuoteCounts {
    /// Adds another document's counts.
    pub fn add(&mut self, o: &QuoteCounts) {
        self.gold_quotes += o.gold_quotes;
        self.gold_direct += o.gold_direct;
        self.gold_direct_unanchored += o.gold_direct_unanchored;
        self.recalled += o.recalled;
        self.speaker_total += o.speaker_total;
        self.speaker_hits += o.speaker_hits;
        self.predicted += o.predicted;
        self.predicted_matched += o.predicted_matched;
        self.unmappable += o.unmappable;
        self.predicted_on_indirect += o.predicted_on_indirect;
    }

    /// Direct-quote recall.
    pub fn recall(&self) -> Ratio {
        Ratio::new(self.recalled, self.gold_direct)
    }

    /// Speaker accuracy among matched gold quotes.
    pub fn speaker_accuracy(&self) -> Ratio {
        Ratio::new(self.speaker_hits, self.speaker_total)
    }

    /// Share of our quotes that match a gold direct quote.
    pub fn precision(&self) -> Ratio {
        Ratio::new(self.predicted_matched, self.predicted)
    }
}

/// A document's gold quotes split as the scorer reads them: direct quotes with their
/// stripped spans, the spans of indirect ones, and how many direct quotes have no usable
/// offsets.
struct GoldSplit<'a> {
    direct: Vec<(Span, &'a GoldQuote)>,
    indirect: Vec<Span>,
    unanchored: usize,
}

fn split_gold<'a>(gold: &'a [GoldQuote], raw: &[char]) -> GoldSplit<'a> {
    let mut out = GoldSplit {
        direct: Vec::new(),
        indirect: Vec::new(),
        unanchored: 0,
    };
    for q in gold {
        match (is_direct(q, raw), stripped_span(q, raw)) {
            (true, Some(s)) => out.direct.push((s, q)),
            (true, None) => out.unanchored += 1,
            (false, Some(s)) => out.indirect.push(s),
            (false, None) => {}
        }
    }
    out
}

/// The prediction that matches a gold span with the largest overlap.
fn best_match(pred: &[PredQuote], gspan: Span) -> Option<&PredQuote> {
    pred.iter()
        .filter_map(|p| Some((p.span?, p)))
        .filter(|(s, _)| matches_gold(*s, gspan))
        .max_by_key(|(s, _)| overlap(*s, gspan))
        .map(|(_, p)| p)
}

/// Whether a prediction names the gold canonical speaker.
fn names_speaker(p: &PredQuote, canonical: &str) -> bool {
    [p.speaker_name.as_deref(), p.speaker.as_deref()]
        .iter()
        .flatten()
        .any(|n| speaker_matches(canonical, n))
}

/// Scores one document: gold quotes and raw text vs our (aligned) quotes.
pub fn score_doc(gold: &[GoldQuote], raw: &[char], pred: &[PredQuote]) -> QuoteCounts {
    let mut c = QuoteCounts {
        gold_quotes: gold.len(),
        predicted: pred.len(),
        unmappable: pred.iter().filter(|p| p.span.is_none()).count(),
        ..QuoteCounts::default()
    };
    let GoldSplit {
        direct,
        indirect,
        unanchored,
    } = split_gold(gold, raw);
    c.gold_direct_unanchored = unanchored;
    c.gold_direct = direct.len();
    for (gspan, q) in &direct {
        let Some(p) = best_match(pred, *gspan) else {
            continue;
        };
        c.recalled += 1;
        let canonical = q.speaker_canonical.as_deref().unwrap_or("").trim();
        if canonical.is_empty() {
            continue;
        }
        c.speaker_total += 1;
        c.speaker_hits += usize::from(names_speaker(p, canonical));
    }
    for span in pred.iter().filter_map(|p| p.span) {
        if direct.iter().any(|(g, _)| matches_gold(span, *g)) {
            c.predicted_matched += 1;
        } else if indirect.iter().any(|g| matches_gold(span, *g)) {
            c.predicted_on_indirect += 1;
        }
    }
    c
}

/// Prints a document's quote misses to stderr (`GAZETTE_EVAL_MISSES=1`; read them on the
/// tune half only): `QFN` a gold direct quote no prediction matches, `SPK` a matched quote
/// whose speaker is wrong (gold, then ours), `QFP` a prediction matching no gold direct
/// quote (`indirect` when it lies on gold reported speech).
pub fn print_misses(doc_id: &str, raw: &[char], gold: &[GoldQuote], pred: &[PredQuote]) {
    let text = |(s, e): Span| {
        let t: String = raw[s.min(raw.len())..e.min(raw.len())].iter().collect();
        let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
        if t.chars().count() > 90 {
            format!("{}…", t.chars().take(90).collect::<String>())
        } else {
            t
        }
    };
    let GoldSplit {
        direct, indirect, ..
    } = split_gold(gold, raw);
    let said = |p: &PredQuote| {
        format!(
            "{} / {}",
            p.speaker_name.as_deref().unwrap_or("-"),
            p.speaker.as_deref().unwrap_or("-")
        )
    };
    for (gspan, q) in &direct {
        let canonical = q.speaker_canonical.as_deref().unwrap_or("").trim();
        match best_match(pred, *gspan) {
            None => eprintln!("{doc_id}\tQFN\t{canonical}\t{}", text(*gspan)),
            Some(p) if !canonical.is_empty() && !names_speaker(p, canonical) => {
                eprintln!("{doc_id}\tSPK\t{canonical}\t{}\t{}", said(p), text(*gspan));
            }
            Some(_) => {}
        }
    }
    for p in pred {
        let Some(span) = p.span else { continue };
        if direct.iter().any(|(g, _)| matches_gold(span, *g)) {
            continue;
        }
        let kind = if indirect.iter().any(|g| matches_gold(span, *g)) {
            "indirect"
        } else {
            "none"
        };
        eprintln!("{doc_id}\tQFP\t{kind}\t{}\t{}", said(p), text(span));
    }
}
