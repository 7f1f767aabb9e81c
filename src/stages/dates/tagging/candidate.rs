//! A possible mention found by one pattern, and the leftmost-longest choice among all of
//! a text's candidates that becomes its mentions.

use chrono::NaiveDate;

use crate::model::DateMention;
use crate::text::Folded;

use super::value::Value;

/// One possible mention, in folded-text offsets.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// Folded start offset.
    pub start: usize,
    /// Folded end offset.
    pub end: usize,
    /// The normalised value.
    pub value: Value,
    /// Resolved against the anchor.
    pub relative: bool,
}

/// The mentions of `text` chosen among `cands` (found on `folded`, its folded copy):
/// leftmost first, the longest of those starting together, none overlapping an earlier
/// one; byte offsets into `text`, relative ones marked with `anchor`.
pub fn choose(
    mut cands: Vec<Candidate>,
    folded: &Folded,
    text: &str,
    anchor: NaiveDate,
) -> Vec<DateMention> {
    cands.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut last_end = 0;
    let mut mentions = Vec::new();
    for c in cands {
        if c.start < last_end {
            continue;
        }
        last_end = c.end;
        mentions.push(DateMention {
            start: folded.start_of(c.start),
            end: folded.end_of(c.end, text),
            value: Some(c.value.value),
            date: Some(c.value.date),
            granularity: Some(c.value.granularity),
            relative: c.relative,
            anchor: c.relative.then_some(anchor),
        });
    }
    mentions
}
