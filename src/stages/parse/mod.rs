//! Parse stage: one raw record in, one clean article (or a reject) out.
//!
//! The raw text is split into lines and each line is kept as body or removed with a
//! reason (title, boilerplate, breadcrumb, caption, source, fragment); the lead loses its
//! dateline or source prefix; the body's language is identified. The phrases the rules
//! look for are data (`boilerplate`, `caption_cues`, `source_cues` lists of every
//! language); HTML payloads are parsed by an HTML5 parser and their main content chosen
//! first, and the page's metadata read.
//!
//! Folders by concept: `html/` (an HTML page to text and metadata: main-content
//! extraction, noise, tag attributes, page title), `text/` (lines, their normal forms
//! and shapes, cue lists, line rules, lead, headline line, language, the cleaning
//! passes), `page_date/` (the page's publication date); `config` holds the
//! `[stages.parse]` section and `tests/` the stage's tests. Between folders the
//! imports go one way: `html` uses `text` (normal forms, the caption mark), `page_date`
//! uses `html`'s attribute reader, `text` uses neither.

mod config;
mod html;
mod page_date;
mod text;

pub use config::ParseConfig;

use crate::error::Result;
use crate::lexicon::Lexicon;
use crate::model::{Document, Payload, RawRecord, Reject, RejectReason};

use html::meta::PageMeta;
use html::HtmlRules;
use page_date::PageDates;
use text::clean::{Cleaned, Cleaner};
use text::cues::Cues;
use text::language;
use text::lead::LeadRules;
use text::lines::split_lines;
use text::rules::LineRules;
use text::title;

/// The parse stage's runtime: compiled rules and loaded phrase lists. Immutable and
/// `Sync`; build it once and share it by reference across threads.
#[derive(Debug)]
pub struct Parser {
    settings: ParseConfig,
    cues: Cues,
    rules: LineRules,
    lead: LeadRules,
    html: HtmlRules,
    page_dates: PageDates,
}

impl Parser {
    /// Builds a parser from a checked section (see [`ParseConfig::build`]) and the language
    /// data.
    pub(crate) fn new(settings: &ParseConfig, lexicon: &Lexicon) -> Result<Parser> {
        Ok(Parser {
            settings: settings.clone(),
            cues: Cues::load(lexicon, &settings.extra_boilerplate),
            rules: LineRules::new(),
            lead: LeadRules::new(),
            html: HtmlRules::new(),
            page_dates: PageDates::new(lexicon),
        })
    }

    /// One raw record → a clean [`Document`] (with `doc_id` left empty: the pipeline
    /// assigns it), or a [`Reject`] of stage "parse": `empty` when there is no text,
    /// `too_short` when the cleaned body is under `min_body_chars` code points.
    pub fn parse(&self, record: RawRecord) -> std::result::Result<Document, Reject> {
        let RawRecord {
            input,
            payload,
            meta,
        } = record;
        let (text, page, page_published) = match payload {
            Payload::Text(text) => (text, PageMeta::default(), None),
            Payload::Html(html) => {
                let html = self.html.without_comments(&html);
                let extracted = self.html.extract(&html);
                let dropped = extracted.dropped;
                if dropped.attributes > 0 {
                    tracing::warn!(
                        input = %input,
                        tags = dropped.tags,
                        attributes = dropped.attributes,
                        "attributes over the per-tag limit dropped before the HTML tree was built"
                    );
                }
                if dropped.flattened > 0 {
                    tracing::warn!(
                        input = %input,
                        elements = dropped.flattened,
                        "elements nested deeper than the depth limit flattened (their text kept) \
                         before the HTML tree was built"
                    );
                }
                (extracted.text, extracted.meta, self.page_dates.find(&html))
            }
        };
        let reject = |reason, detail: String| Reject {
            input: input.clone(),
            stage: "parse",
            reason,
            detail,
        };
        let lines = split_lines(&text);
        if lines.is_empty() {
            return Err(reject(
                RejectReason::Empty,
                "the record holds no text".to_string(),
            ));
        }
        let known_title = meta.title.as_deref().or(page.title.as_deref());
        let cleaned = if self.settings.enabled {
            let cleaner = Cleaner {
                cues: &self.cues,
                rules: &self.rules,
                lead: &self.lead,
                max_title_chars: self.settings.max_title_chars,
                min_language_chars: self.settings.min_language_chars,
            };
            cleaner.clean(&lines, known_title)
        } else {
            Cleaned {
                paragraphs: lines.into_iter().map(|l| l.text).collect(),
                ..Cleaned::default()
            }
        };
        let body = cleaned.paragraphs.join("\n");
        let chars = body.chars().count();
        if chars < self.settings.min_body_chars {
            let detail = format!(
                "body has {chars} characters after cleaning (min_body_chars = {})",
                self.settings.min_body_chars
            );
            return Err(reject(RejectReason::TooShort, detail));
        }
        let (language, language_score) = match meta.language.as_deref().and_then(language::declared)
        {
            Some(code) => (code, 1.0),
            // The cleaner identified the kept lines' language already: the body is the
            // same text less its title and captions, so it is not asked twice.
            None if self.settings.enabled => match cleaned.language {
                Some(g) if language::enough_letters(&body, self.settings.min_language_chars) => {
                    (g.code.to_string(), g.confidence)
                }
                _ => ("und".to_string(), 0.0),
            },
            None => language::body_language(&body, self.settings.min_language_chars),
        };
        // Of a headline line found in the text and the page's own title naming the same
        // headline, the shorter lacks a site name or a trailing label; input metadata
        // wins over both.
        let title = match (meta.title, page.title) {
            (Some(t), _) => Some(t),
            (None, Some(t)) => match cleaned.title {
                Some(line)
                    if title::same_title(&line, &t) && line.chars().count() < t.chars().count() =>
                {
                    Some(line)
                }
                _ => Some(t),
            },
            (None, None) => cleaned.title.clone(),
        };
        Ok(Document {
            input,
            url: meta.url.or(page.url),
            source_name: meta.source_name.or(cleaned.source_name).or(page.site_name),
            title,
            dateline: cleaned.dateline,
            language,
            language_score,
            body,
            removed: cleaned.removed,
            meta_published: meta.published,
            page_published,
            crawled: meta.crawled,
            ..Document::default()
        })
    }
}

#[cfg(test)]
mod tests;
