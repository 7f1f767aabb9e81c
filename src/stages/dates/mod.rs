//! Date-stamp stage: the publication date with its provenance, and every temporal
//! expression in the body normalised against an anchor date.
//!
//! Everything language-specific comes from the lexicon's `date_*` lists (format in
//! `vocab/mod.rs`); patterns are compiled once per language in [`DateStamper::new`]. A
//! document is read with its own language's patterns, plus full dates with a year in the
//! other languages ("March 08, 2019" in a French caption); a document whose language has
//! no date data ("und") is read with every language's patterns.
//!
//! Layout, lower folders first (each folder imports only those listed before it, plus the
//! settings in `config.rs`):
//! - `vocab/`: one language's `date_*` lists (`entries.rs`: one entry and its parser);
//! - `patterns/`: the regular expressions built from a vocabulary;
//! - `tagging/`: the tagger running them over a text (`scan.rs`, `numeric.rs`) into
//!   candidates (`candidate.rs`), partial dates resolved (`resolve.rs`) into values
//!   (`value.rs`);
//! - `publication/`: the publication date chain (URL dates, text dates, plausibility);
//! - `config.rs`: `[stages.dates]`, which builds the [`DateStamper`] defined here;
//! - `tests/`: the stage's tests, one file per concept.
//!
//! Conventions of the mentions:
//! - An article is part of the date it determines, a preposition is not. A day-month
//!   keeps its article or contracted article in the span ("le 17 avril", "il 6 agosto",
//!   "du 3 janvier", "am 17. April", "dell'8 marzo", "al 3 de enero"); a month, a
//!   month-year or a year keeps a preposition contracted with an article
//!   (`month_article`, `year_article`: "nel febbraio 2022", "nell'ottobre 2023", "im
//!   März", "dal 2016") but not a bare preposition or cue ("avril" in "en avril",
//!   "febbraio" in "A febbraio", "2022" in "en 2022", "März 2023" in "seit März 2023").
//!   Weekdays do not ("mercredi"). Listed phrases are taken as written ("le mois
//!   dernier", "samedi dernier", "last week").
//! - Yearless day-months, bare months and weekdays resolve to the nearest occurrence not
//!   after the anchor, strictly before it with "dernier/last/scorso…", strictly after it
//!   with "prochain/next/prossimo…", not before it when a forward word ("prévu", "will",
//!   "entro") precedes in the clause.
//! - A yearless day-month written with its weekday ("sabato 14 settembre") takes the
//!   occurrence within a year that falls on that weekday; a weekday with a bare day number
//!   ("venerdì 17", "Mittwoch den 6.") takes the nearest date that is both, either side.
//! - Bare years need a cue ("en 2022", "nel 2022", "since 2016") and a year within
//!   `min_year..=max_year`; so do the years of full dates and month-years.
//! - "ce week-end" is a week value (`2024-W31`, date = its Monday): the weekend just past
//!   from Monday to Wednesday, the coming one on Thursday and Friday, the current one on
//!   Saturday and Sunday.
//! - Counted relative phrases ("il y a 3 jours", "3 days ago", "vor drei Tagen") take the
//!   unit's granularity ("il y a 2 semaines" is a week value); a year-like number before
//!   a counted noun ("en 2000 exemplaires") is not a year.
//! - The first day of a cross-month range ("du 28 février au 3 mars 2024") takes its year
//!   from the second: the last such day not after the range's end.
//! - Decades ("les années 1970") and durations ("10 mois", "24 heures sur 24") are not
//!   dates.

mod config;
mod patterns;
mod publication;
mod tagging;
mod vocab;

#[cfg(test)]
mod tests;

use chrono::NaiveDate;

pub use config::DatesConfig;

use crate::error::Result;
use crate::lexicon::Lexicon;
use crate::model::{DateMention, Document};

use publication::Publication;
use tagging::Tagger;

/// Runtime of the stage; immutable, `Sync`, shared across threads by reference.
#[derive(Debug)]
pub struct DateStamper {
    tagger: Tagger,
    publication: Publication,
    reference: NaiveDate,
}

impl DateStamper {
    /// Builds the tagger from the language data; `reference` is the run's reference date.
    /// A malformed `date_*` list is an error.
    pub(crate) fn new(
        settings: &DatesConfig,
        lexicon: &Lexicon,
        reference: NaiveDate,
    ) -> Result<Self> {
        Ok(DateStamper {
            tagger: Tagger::new(lexicon, settings)?,
            publication: Publication::new(settings, reference),
            reference,
        })
    }

    /// Sets `doc.published_date` and `doc.date_source` from the first source that answers:
    /// input metadata, page metadata (`html`; a full day in the URL wins over a page
    /// date that disagrees, and page dates after the crawl or reference date are not
    /// believed), a date in the URL, a dateline or
    /// "Publié le …" line in the lead (`text`; update dates are skipped), then — only when
    /// the settings allow it — the crawl date and the run's reference date (`reference`).
    /// Both fields are `None` when nothing answers.
    pub fn stamp_publication(&self, doc: &mut Document) {
        let found = self.publication.find(&self.tagger, doc);
        doc.published_date = found.map(|(d, _)| d);
        doc.date_source = found.map(|(_, s)| s);
    }

    /// The date relative expressions of `doc` are resolved against: its publication date,
    /// else its crawl date, else the run's reference date.
    pub fn anchor(&self, doc: &Document) -> NaiveDate {
        doc.published_date.or(doc.crawled).unwrap_or(self.reference)
    }

    /// Every temporal expression of `doc.body`, sorted by start, without overlaps, byte
    /// offsets into the body; relative ones resolved against [`DateStamper::anchor`].
    pub fn tag(&self, doc: &Document) -> Vec<DateMention> {
        self.tagger
            .tag_text(&doc.body, &doc.language, self.anchor(doc))
    }
}
