//! The document-level passes over the lines of one article: per-line rules, wrapped
//! captions, the end-of-page block, captions in another language, the title, top and
//! bottom fragments, and the head of the lead. Every removed line keeps its reason.

use crate::model::{RemovalReason, RemovedLine};

use super::cues::{Cues, PhraseKind};
use super::language::{guess, Guess};
use super::lead::{LeadHead, LeadPrefix, LeadRules};
use super::lines::Line;
use super::rules::{LineRules, MAX_CAPTION_CHARS};
use super::shape::{
    ends_sentence, is_fragment_like, is_prose, letter_count, starts_lowercase, word_count,
};
use super::title::{find_title, TitleMatch};

/// A line in another language than the article is judged only from this many letters.
const MIN_FOREIGN_LETTERS: usize = 60;
/// Without a caption cue, a line in another language needs this many letters to go.
const MIN_BARE_FOREIGN_LETTERS: usize = 80;
/// Longer lines in another language are kept (quoted passages, bilingual articles).
const MAX_FOREIGN_CAPTION_CHARS: usize = 600;
/// An end-of-page marker counts only after this share of the prose.
const TAIL_MIN_PROSE_SHARE: f64 = 1.0 / 3.0;

/// The outcome of cleaning: body paragraphs and what was taken out.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Cleaned {
    /// The headline line removed from the text, if any.
    pub title: Option<String>,
    /// Source named by a source line or a lead prefix.
    pub source_name: Option<String>,
    /// Place dateline of the lead.
    pub dateline: Option<String>,
    /// Kept paragraphs.
    pub paragraphs: Vec<String>,
    /// Removed lines, in order.
    pub removed: Vec<RemovedLine>,
    /// The language of the kept lines (identified once, before the title and fragments
    /// go): `None` when they are too short or mixed for a reliable answer.
    pub language: Option<Guess>,
}

/// Borrowed rules and settings for one cleaning.
pub(crate) struct Cleaner<'a> {
    /// Phrase lists.
    pub cues: &'a Cues,
    /// Per-line patterns.
    pub rules: &'a LineRules,
    /// Lead-head patterns.
    pub lead: &'a LeadRules,
    /// See `ParseConfig::max_title_chars`.
    pub max_title_chars: usize,
    /// See `ParseConfig::min_language_chars`.
    pub min_language_chars: usize,
}

struct Page<'a> {
    lines: &'a [Line],
    class: Vec<Option<RemovalReason>>,
    source: Vec<Option<String>>,
    tail: Vec<bool>,
}

impl Page<'_> {
    fn kept(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.lines.len()).filter(|&i| self.class[i].is_none())
    }
}

impl Cleaner<'_> {
    /// Cleans `lines`. `known_title` (from metadata) is removed when a top line repeats it.
    pub(crate) fn clean(&self, lines: &[Line], known_title: Option<&str>) -> Cleaned {
        let n = lines.len();
        let mut page = Page {
            lines,
            class: vec![None; n],
            source: vec![None; n],
            tail: vec![false; n],
        };
        for i in 0..n {
            self.mark_line(&mut page, i);
        }
        extend_wrapped_captions(&mut page);
        mark_tail_block(&mut page);
        let language = self.mark_foreign_captions(&mut page);
        let kept: Vec<usize> = page.kept().collect();
        let kept_lines: Vec<&Line> = kept.iter().map(|&i| &lines[i]).collect();
        let title = match find_title(&kept_lines, known_title, self.max_title_chars) {
            Some(TitleMatch { index, .. }) => {
                page.class[kept[index]] = Some(RemovalReason::Title);
                Some(lines[kept[index]].text.clone())
            }
            None => None,
        };
        mark_fragments(&mut page);
        mark_dangling_lead_ins(&mut page);
        let lead = page
            .kept()
            .take(2)
            .find_map(|i| self.lead.find(&lines[i].text, self.cues).map(|p| (i, p)));
        let mut cleaned = assemble(page, title, lead);
        cleaned.language = language;
        cleaned
    }

    fn mark_line(&self, page: &mut Page, i: usize) {
        let line = &page.lines[i];
        let text = line.text.as_str();
        let reason = if line.figcaption {
            RemovalReason::Caption
        } else if !text.chars().any(char::is_alphanumeric) {
            RemovalReason::Fragment
        } else if text.starts_with('©') && text.chars().count() <= 200 {
            RemovalReason::Boilerplate
        } else if let Some(kind) = self.cues.boilerplate(text, &line.normed) {
            page.tail[i] = kind == PhraseKind::Tail;
            RemovalReason::Boilerplate
        } else if self.rules.is_date_line(text, &line.normed, self.cues)
            || self.rules.is_meta_line(text, self.cues)
        {
            RemovalReason::Boilerplate
        } else if let Some(value) = self.rules.source_line(text, self.cues) {
            page.source[i] = Some(value);
            RemovalReason::Source
        } else if self.rules.is_breadcrumb(text) {
            RemovalReason::Breadcrumb
        } else if self.rules.is_caption(text, self.cues) {
            RemovalReason::Caption
        } else {
            return;
        };
        page.class[i] = Some(reason);
    }

    /// Lines in another language than the article that read as captions: with a caption
    /// cue, or long and outside (above or below) the article's own prose. Answers the
    /// article's language when it is reliably identified.
    fn mark_foreign_captions(&self, page: &mut Page) -> Option<Guess> {
        let kept: Vec<usize> = page.kept().collect();
        let sample: String = kept
            .iter()
            .map(|&i| page.lines[i].text.as_str())
            .collect::<Vec<_>>()
            .join("\n");
        let doc = guess(&sample, self.min_language_chars).filter(|g| g.reliable)?;
        // Detection is the costly part of parsing: ask it only where the answer can change
        // the outcome (finding the first and last own-language prose lines, and lines that
        // a cue or their position would make captions), memoised per line.
        let mut memo: Vec<Option<bool>> = vec![None; kept.len()];
        let mut foreign = |k: usize| -> bool {
            *memo[k].get_or_insert_with(|| {
                guess(&page.lines[kept[k]].text, MIN_FOREIGN_LETTERS)
                    .is_some_and(|g| g.reliable && g.code != doc.code)
            })
        };
        let prose = |k: usize| is_prose(&page.lines[kept[k]].text);
        let Some(first) = (0..kept.len()).find(|&k| prose(k) && !foreign(k)) else {
            return Some(doc);
        };
        let last = (first..kept.len())
            .rev()
            .find(|&k| prose(k) && !foreign(k))
            .unwrap_or(first);
        for (k, &i) in kept.iter().enumerate() {
            let text = page.lines[i].text.as_str();
            if text.chars().count() > MAX_FOREIGN_CAPTION_CHARS {
                continue;
            }
            let bare = (k < first || k > last) && letter_count(text) >= MIN_BARE_FOREIGN_LETTERS;
            if (bare || self.rules.caption_signals(text, self.cues).any()) && foreign(k) {
                page.class[i] = Some(RemovalReason::Caption);
            }
        }
        Some(doc)
    }
}

/// A caption wrapped over two lines: the first ends without punctuation and the next
/// starts in lower case; when one half is a caption on its own evidence, so is the other
/// (one step only, so that a false cue in wrapped text cannot eat a whole paragraph).
fn extend_wrapped_captions(page: &mut Page) {
    let n = page.lines.len();
    let caption = Some(RemovalReason::Caption);
    let own: Vec<bool> = page.class.iter().map(|c| *c == caption).collect();
    for i in 0..n.saturating_sub(1) {
        let (a, b) = (&page.lines[i].text, &page.lines[i + 1].text);
        let joined = !page.lines[i + 1].blank_before && !ends_sentence(a) && starts_lowercase(b);
        if !joined || a.chars().count() + b.chars().count() > MAX_CAPTION_CHARS {
            continue;
        }
        if own[i] && page.class[i + 1].is_none() {
            page.class[i + 1] = caption;
        } else if own[i + 1] && page.class[i].is_none() {
            page.class[i] = caption;
        }
    }
}

/// From an end-of-page marker ("LEAVE A REPLY", "Articles liés") on, every kept line is
/// boilerplate, provided enough of the article's prose comes before the marker.
fn mark_tail_block(page: &mut Page) {
    let prose: Vec<usize> = (0..page.lines.len())
        .map(|i| {
            let text = &page.lines[i].text;
            if page.class[i].is_none() && is_prose(text) {
                text.chars().count()
            } else {
                0
            }
        })
        .collect();
    let total: usize = prose.iter().sum();
    let mut before = 0;
    for (i, chars) in prose.iter().enumerate() {
        if page.tail[i] && before > 0 && before as f64 >= total as f64 * TAIL_MIN_PROSE_SHARE {
            for j in i + 1..page.lines.len() {
                if page.class[j].is_none() {
                    page.class[j] = Some(RemovalReason::Boilerplate);
                }
            }
            return;
        }
        before += chars;
    }
}

/// A dangling lead-in ([`mark_dangling_lead_ins`]) has at most this many words.
const MAX_LEAD_IN_WORDS: usize = 10;

/// Short fragments ("ad", "TV", "Menu") above the first and below the last real line,
/// unless they are the wrapped end or start of a neighbouring kept line.
fn mark_fragments(page: &mut Page) {
    let lines = page.lines;
    let solid: Vec<usize> = page
        .kept()
        .filter(|&i| !is_fragment_like(&lines[i].text))
        .collect();
    let first = solid.first().copied().unwrap_or(usize::MAX);
    let last = solid.last().copied().unwrap_or(0);
    let kept: Vec<usize> = page.kept().collect();
    let wraps = |class: &[Option<RemovalReason>], a: usize, b: usize| {
        class[a].is_none()
            && class[b].is_none()
            && !lines[b].blank_before
            && !ends_sentence(&lines[a].text)
            && starts_lowercase(&lines[b].text)
    };
    for i in kept {
        let edge = i < first || i > last || solid.is_empty();
        let wrapped = (i > 0 && wraps(&page.class, i - 1, i))
            || (i + 1 < lines.len() && wraps(&page.class, i, i + 1));
        if edge && !wrapped && is_fragment_like(&lines[i].text) {
            page.class[i] = Some(RemovalReason::Fragment);
        }
    }
}

/// Short lines ending with a colon at the very end of the text ("More information on
/// the virus:", "The map to save:"): what they introduced (a link list, an embed) was
/// removed, so they lead into nothing.
fn mark_dangling_lead_ins(page: &mut Page) {
    let lines = page.lines;
    while let Some(i) = page.kept().last() {
        let text = lines[i].text.trim_end();
        if !text.ends_with(':') || word_count(text) > MAX_LEAD_IN_WORDS {
            break;
        }
        page.class[i] = Some(RemovalReason::Fragment);
    }
}

fn assemble(page: Page, title: Option<String>, lead: Option<(usize, LeadPrefix)>) -> Cleaned {
    let mut out = Cleaned {
        title,
        ..Cleaned::default()
    };
    out.source_name = page.source.iter().flatten().next().cloned();
    for (i, line) in page.lines.iter().enumerate() {
        match page.class[i] {
            Some(reason) => out.removed.push(RemovedLine {
                text: line.text.clone(),
                reason,
            }),
            None => match &lead {
                Some((at, prefix)) if *at == i => {
                    out.removed.push(RemovedLine {
                        text: prefix.text.clone(),
                        reason: RemovalReason::Source,
                    });
                    out.paragraphs
                        .push(line.text[prefix.rest..].trim().to_string());
                }
                _ => out.paragraphs.push(line.text.clone()),
            },
        }
    }
    match lead.map(|(_, p)| p.head) {
        Some(LeadHead::Source(name)) => {
            out.source_name.get_or_insert(name);
        }
        Some(LeadHead::Dateline { place, agency }) => {
            out.dateline = Some(place);
            if let Some(agency) = agency {
                out.source_name.get_or_insert(agency);
            }
        }
        None => {}
    }
    out
}
