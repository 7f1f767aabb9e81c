//! The publication date written in a document's text: a dateline or "Publié le …" line
//! in the lead, the removed dateline, a line opening with a publication cue, a date
//! stamp (see [`TextDates::date`]).

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use chrono::NaiveDate;
use regex::Regex;

use crate::model::{DateMention, Document, Granularity, RemovalReason, RemovedLine};
use crate::stages::dates::tagging::Tagger;
use crate::text::Folded;

use super::plausible::Plausibility;

/// Longest line, in chars, that may hold nothing but a date to count as a date line.
const DATE_LINE_CHARS: usize = 80;

/// Longest line, in chars, read beyond the lead (a date stamp or a publication line).
const STAMP_LINE_CHARS: usize = 120;

/// Most letters a date stamp may hold besides its date and clock time ("Jane Doe /").
const STAMP_LETTERS: usize = 30;

/// Finds the publication date written in a document's text.
#[derive(Debug)]
pub struct TextDates {
    /// A dateline's place before its date: "PARIS, ".
    dateline: Regex,
    /// A clock time with the words around it: "à 10h32", "um 09:25 Uhr".
    clock: Regex,
    /// How many non-empty lines at the start of the body make the lead.
    lead_lines: usize,
    /// The bounds a text date must fall within.
    plausible: Plausibility,
    /// The run's reference date: the anchor of yearless dates without a crawl date.
    reference: NaiveDate,
}

impl TextDates {
    /// Compiles the dateline and clock patterns; `lead_lines` lines make the lead, dates
    /// outside `plausible` are not believed, `reference` is the run's reference date.
    pub fn new(plausible: Plausibility, lead_lines: usize, reference: NaiveDate) -> TextDates {
        // Fixed patterns: compiling them cannot fail.
        let re = |p: &str| Regex::new(p).expect("publication date pattern");
        TextDates {
            // An upper-case place, an optional "(AFP)", then a separator: "PARIS, ".
            dateline: re(r"^\s*\p{Lu}[\p{Lu}\p{M}'’. -]{1,40}(?:\([^)]{1,30}\))?\s*[,–—-]\s*$"),
            // A clock time, with its "h"/"Uhr"/"am"/"pm"/"um"/"à" around it: "à 10h32", "um 09:25 Uhr".
            clock: re(
                r"(?i)(?:\b(?:à|a|um|at|alle|ore|às)\s+)?\b\d{1,2}[:h.]\d{2}(?::\d{2})?\s*(?:uhr|h|am|pm|cet|cest|utc|gmt)?\b",
            ),
            lead_lines,
            plausible,
            reference,
        }
    }

    /// The publication date written in the text, from the most to the least telling place:
    /// 1. the lead (first `lead_lines` lines): a date after a publication cue ("Publié le
    ///    17/04/2024"), in a dateline ("PARIS, 17 avril 2024 (AFP)"), or alone on its line;
    /// 2. the removed dateline prefix ("NEW YORK, April 17 (Reuters) -"), where a yearless
    ///    date takes its year from the crawl date, else the run's reference date;
    /// 3. any body line, then removed line, that starts with a publication cue;
    /// 4. a date stamp: a short body line that is mostly one date ("Jane Doe / 07.11.2023",
    ///    "Stand: 25.01.2022 10:00"), then a removed line that starts with one.
    ///
    /// Dates after an update cue ("Mis à jour le …") are skipped everywhere.
    pub fn date(&self, tagger: &Tagger, doc: &Document) -> Option<NaiveDate> {
        // A line can be looked at in several passes: tag it and read its cues once.
        let memo = LineMemo::default();
        let lines = || doc.body.lines().filter(|l| !l.trim().is_empty());
        let lead = self.lead_lines;
        let removed = || doc.removed.iter();
        let source = |r: &&RemovedLine| r.reason == RemovalReason::Source;
        lines()
            .take(lead)
            .find_map(|l| self.line_date(tagger, doc, &memo, l, Mode::Lead))
            .or_else(|| {
                removed()
                    .filter(source)
                    .find_map(|r| self.line_date(tagger, doc, &memo, &r.text, Mode::Lead))
            })
            .or_else(|| {
                let body = lines().skip(lead);
                let rem = removed().map(|r| r.text.as_str());
                body.chain(rem)
                    .find_map(|l| self.line_date(tagger, doc, &memo, l, Mode::CueFirst))
            })
            .or_else(|| {
                lines()
                    .skip(lead)
                    .find_map(|l| self.line_date(tagger, doc, &memo, l, Mode::Stamp))
            })
            .or_else(|| {
                removed()
                    .find_map(|r| self.line_date(tagger, doc, &memo, &r.text, Mode::StampFirst))
            })
    }

    /// The plausible day dates of `line` and its cues, or `None` when it has no such date.
    fn analyse(&self, tagger: &Tagger, doc: &Document, line: &str) -> Option<LineDates> {
        let anchor = doc.crawled.unwrap_or(self.reference);
        let dates: Vec<_> = tagger
            .tag_text(line, &doc.language, anchor)
            .into_iter()
            .filter(|m| m.granularity == Some(Granularity::Day))
            .filter(|m| {
                m.date
                    .is_some_and(|d| self.plausible.allows(d, doc.crawled))
            })
            .collect();
        if dates.is_empty() {
            return None;
        }
        let cues = self.cues(tagger, doc, line);
        Some(Rc::new((dates, cues)))
    }

    fn line_date(
        &self,
        tagger: &Tagger,
        doc: &Document,
        memo: &LineMemo,
        line: &str,
        mode: Mode,
    ) -> Option<NaiveDate> {
        if mode != Mode::Lead && line.chars().count() > STAMP_LINE_CHARS {
            return None;
        }
        let key = (line.as_ptr() as usize, line.len());
        let cached = memo.borrow().get(&key).cloned();
        let analysed = match cached {
            Some(a) => a,
            None => {
                let a = self.analyse(tagger, doc, line);
                memo.borrow_mut().insert(key, a.clone());
                a
            }
        };
        let (dates, cues) = &*analysed?;
        let (dates, cues) = (dates.as_slice(), cues.as_slice());
        let before_alnum = |pos: usize| line[..pos].chars().any(char::is_alphanumeric);
        match mode {
            Mode::Lead => self.lead_date(line, dates, cues).or_else(|| {
                (line.chars().count() <= STAMP_LINE_CHARS)
                    .then(|| self.stamp_date(line, dates, cues, false))
                    .flatten()
            }),
            Mode::CueFirst => {
                let starts_with_cue = cues
                    .first()
                    .is_some_and(|&(pos, published)| published && !before_alnum(pos));
                if !starts_with_cue {
                    return None;
                }
                self.lead_date(line, dates, cues)
            }
            Mode::Stamp => self.stamp_date(line, dates, cues, false),
            Mode::StampFirst => self.stamp_date(line, dates, cues, true),
        }
    }

    /// A lead line's date: after a publication cue, in a dateline, alone on its line, or
    /// opening the line before a separator ("27.1.2022 - Bei der …", "(18.01.2018) Die …").
    fn lead_date(
        &self,
        line: &str,
        dates: &[DateMention],
        cues: &[(usize, bool)],
    ) -> Option<NaiveDate> {
        for m in dates {
            match cues.iter().rev().find(|(pos, _)| *pos < m.start) {
                Some((_, true)) if !m.relative => return m.date,
                Some(_) => continue,
                None => {
                    let before = &line[..m.start];
                    let alone =
                        before.trim().is_empty() && line.trim().chars().count() <= DATE_LINE_CHARS;
                    let dateline = self.dateline.is_match(before);
                    let opens =
                        !before.chars().any(char::is_alphanumeric)
                            && line[m.start..].starts_with(|c: char| c.is_ascii_digit())
                            && line[m.end..].trim_start().chars().next().is_none_or(|c| {
                                matches!(c, '-' | '–' | '—' | '|' | ')' | ':' | '/')
                            });
                    // A yearless date counts only in a dateline ("NEW YORK, April 17 (Reuters)").
                    if dateline || ((alone || opens) && !m.relative) {
                        return m.date;
                    }
                }
            }
        }
        None
    }

    /// A date stamp: one date (repeated at most; weekdays aside), no cue, few letters
    /// besides the date and a clock time; with `first`, the date must open the line.
    fn stamp_date(
        &self,
        line: &str,
        dates: &[DateMention],
        cues: &[(usize, bool)],
        first: bool,
    ) -> Option<NaiveDate> {
        let mut absolute = dates.iter().filter(|m| !m.relative);
        let m = absolute.next()?;
        if absolute.any(|o| o.date != m.date) || !cues.is_empty() {
            // Two dates, or a cue: prose ("le rapport publié le …") or an update.
            return None;
        }
        if first && line[..m.start].chars().any(char::is_alphanumeric) {
            return None;
        }
        let rest: String = [&line[..m.start], &line[m.end..]].concat();
        let letters = self
            .clock
            .replace_all(&rest, "")
            .chars()
            .filter(|c| c.is_alphabetic())
            .count();
        (letters <= STAMP_LETTERS).then_some(m.date).flatten()
    }

    /// Cue positions in `line` (original byte offsets), sorted, true for "published".
    fn cues(&self, tagger: &Tagger, doc: &Document, line: &str) -> Vec<(usize, bool)> {
        let folded = Folded::new(line);
        let (grammars, _) = tagger.grammars_for(&doc.language);
        let mut cues: Vec<(usize, bool)> = Vec::new();
        for g in grammars {
            for (re, published) in [(&g.published, true), (&g.modified, false)] {
                for m in re.iter().flat_map(|r| r.find_iter(&folded.text)) {
                    cues.push((folded.start_of(m.start()), published));
                }
            }
        }
        cues.sort();
        cues
    }
}

/// A line's plausible day dates and its publication/update cues (position, published).
type LineDates = Rc<(Vec<DateMention>, Vec<(usize, bool)>)>;

/// Analyses of the lines of one document, keyed by the line slice (address, length):
/// `None` for a line without a plausible day date.
type LineMemo = RefCell<HashMap<(usize, usize), Option<LineDates>>>;

/// How a line is read by [`TextDates::line_date`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// A lead line: a date after a publication cue, in a dateline, or alone.
    Lead,
    /// The line must start with a publication cue.
    CueFirst,
    /// A date stamp anywhere on a short line.
    Stamp,
    /// A date stamp that starts the line.
    StampFirst,
}
