//! Rules that judge one line on its own: breadcrumb trails, source lines and photo
//! captions. The patterns are shapes (separators, parentheses, colons); the words they
//! look for come from the cue lists.

use regex::Regex;

use super::cues::Cues;
use super::normalise::norm;
use super::shape::{ends_sentence, word_count};

/// Date lines ("Aktualisiert: 03.04.2020, 12:35") are at most this long (code points).
const MAX_DATE_LINE_CHARS: usize = 100;
/// A date line has at most this many words besides the date and its label.
const MAX_DATE_LINE_WORDS: usize = 1;

/// Post-metadata lines ([`LineRules::is_meta_line`]) are at most this long (code points).
const MAX_META_LINE_CHARS: usize = 200;
/// Each segment of a post-metadata line has at most this many words.
const MAX_META_SEGMENT_WORDS: usize = 8;
/// The date segment of a post-metadata line has at most this many other words ("at",
/// "AM", "Uhr").
const MAX_META_DATE_WORDS: usize = 3;

/// A line closed by a credit of several words ("… Getty Images") is a caption up to
/// this many words.
const MAX_TRAILING_CREDIT_WORDS: usize = 12;

/// Captions longer than this (code points) are taken for prose.
pub(crate) const MAX_CAPTION_CHARS: usize = 400;

/// Compiled line patterns. Built once per parser.
#[derive(Debug)]
pub(crate) struct LineRules {
    crumb_separator: Regex,
    end_paren: Regex,
    paren: Regex,
    end_colon: Regex,
    start_colon: Regex,
    numeric_date: Regex,
}

/// What a line shows of a photo caption.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct CaptionSignals {
    /// A credit ("© Irna", "(AFP photo)", "Photo : X") or a spelled-out position marker
    /// ("(à droite)").
    pub strong: bool,
    /// Number of one-letter position markers ("(L)", "(R)"), which also mean other things.
    pub weak: usize,
}

impl CaptionSignals {
    /// Any caption signal at all.
    pub(crate) fn any(self) -> bool {
        self.strong || self.weak > 0
    }
}

impl LineRules {
    /// Compiles the patterns.
    pub(crate) fn new() -> LineRules {
        let re = |p: &str| Regex::new(p).expect("static pattern");
        LineRules {
            crumb_separator: re(r"\s+[/|>•·]\s+|\s*[›»]\s*"),
            end_paren: re(r"\(([^()]{1,80})\)\s*\.?$"),
            paren: re(r"\(([^()]{1,30})\)"),
            end_colon: re(r"(?:^|[.!?»),]\s+)(\p{L}[\p{L}'’ ]{1,30}?)\s*:\s*([^:]{1,80})$"),
            start_colon: re(r"^(\p{L}[\p{L}'’ ]{1,30}?)\s*:"),
            numeric_date: re(r"\b(?:\d{1,2}[./]\d{1,2}[./](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2})\b"),
        }
    }

    /// A breadcrumb trail: three or more short segments separated by `/`, `|`, `>`,
    /// `›`, `»` or `•` ("Infos / A La Une / Iran").
    pub(crate) fn is_breadcrumb(&self, line: &str) -> bool {
        if line.chars().count() > 250 || line.contains(['«', '“', '"']) {
            return false;
        }
        let segments: Vec<&str> = self.crumb_separator.split(line).map(str::trim).collect();
        let non_empty: Vec<&&str> = segments.iter().filter(|s| !s.is_empty()).collect();
        if non_empty.len() < 3 {
            return false;
        }
        let short = non_empty
            .iter()
            .all(|s| s.chars().count() <= 40 && word_count(s) <= 5 && !ends_sentence(s));
        let capitalised = non_empty
            .iter()
            .filter(|s| {
                s.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            })
            .count();
        short && capitalised >= 2
    }

    /// A publication-date line: a full date ("31. Mai 2012", "03.04.2020", "2021-04-29")
    /// with a time or a weekday perhaps, a publication label ("Aktualisiert am",
    /// "Published on") and at most one other word. `normed` is `norm(line)`; month and
    /// weekday names and labels come from the cues.
    pub(crate) fn is_date_line(&self, line: &str, normed: &str, cues: &Cues) -> bool {
        line.chars().count() <= MAX_DATE_LINE_CHARS
            && self
                .full_date(line, normed, cues)
                .is_some_and(|other| other <= MAX_DATE_LINE_WORDS)
    }

    /// A line of post metadata in segments split by ` | `, one of them a full date:
    /// "March 3, 2020 at 08:45 AM | categories: Python | View Comments", "| Por: Ana
    /// Ruiz | Actualizado el: 19 abril 2022 9:12 pm". No segment ends a sentence.
    pub(crate) fn is_meta_line(&self, line: &str, cues: &Cues) -> bool {
        if line.chars().count() > MAX_META_LINE_CHARS {
            return false;
        }
        let segments: Vec<&str> = line
            .split(" | ")
            .map(|s| s.trim().trim_matches('|').trim())
            .filter(|s| !s.is_empty())
            .collect();
        segments.len() >= 2
            && segments
                .iter()
                .all(|s| !ends_sentence(s) && word_count(s) <= MAX_META_SEGMENT_WORDS)
            && segments.iter().any(|s| {
                self.full_date(s, &norm(s), cues)
                    .is_some_and(|other| other <= MAX_META_DATE_WORDS)
            })
    }

    /// When the line holds a full date ("31. Mai 2012", "03.04.2020"), the number of
    /// its words that are neither numbers, month or weekday names nor date labels.
    fn full_date(&self, line: &str, normed: &str, cues: &Cues) -> Option<usize> {
        let (mut other, mut name, mut year, mut day) = (0, false, false, false);
        for word in normed.split(' ').filter(|w| !w.is_empty()) {
            if word.chars().all(|c| c.is_ascii_digit()) {
                let n: u32 = word.parse().unwrap_or(0);
                year |= word.len() == 4 && (1900..2100).contains(&n);
                day |= word.len() <= 2 && (1..=31).contains(&n);
            } else if cues.is_date_word(word) {
                name = true;
            } else if !cues.is_date_label(word) {
                other += 1;
            }
        }
        let full = self.numeric_date.is_match(line) || (name && year && day);
        full.then_some(other)
    }

    /// The value of a source line ("source : Daily Mail", "SOURCE: PRESS TV", "Fonte:
    /// ANSA"), whose label is a `label` of the source cues.
    pub(crate) fn source_line(&self, line: &str, cues: &Cues) -> Option<String> {
        let inner = line.trim_start_matches('(').trim_end_matches(')').trim();
        let (label, value) = inner.split_once([':', '：'])?;
        let value = value.trim().trim_end_matches('.').trim();
        let ok = !value.is_empty()
            && value.chars().count() <= 100
            && word_count(value) <= 12
            && cues.is_source_label(&norm(label));
        ok.then(|| value.to_string())
    }

    /// Caption signals of a line (see [`CaptionSignals`]).
    pub(crate) fn caption_signals(&self, line: &str, cues: &Cues) -> CaptionSignals {
        let mut sig = CaptionSignals::default();
        // "… le 27 octobre. © Irna": a short capitalised credit after "© " ends the line
        // (a line opening with © is a copyright notice instead).
        if let Some(pos) = line.rfind('©').filter(|&p| p > 0) {
            let after = &line[pos + '©'.len_utf8()..];
            let credit = after.trim_start();
            sig.strong |= after.starts_with(char::is_whitespace)
                && credit.chars().next().is_some_and(char::is_uppercase)
                && credit.chars().count() <= 60
                && word_count(credit) <= 5
                && !ends_sentence(credit);
        }
        // Each pattern below needs a bracket or a colon: lines without skip it.
        let (has_paren, has_colon) = (line.contains('('), line.contains(':'));
        if let Some(c) = has_paren.then(|| self.end_paren.captures(line)).flatten() {
            // A bare agency, "(Reuters)", is a credit only right after the caption's words:
            // "… dans la nuit (AFP)." and "… la nuit. (AFP)" close prose.
            let content = norm(&c[1]);
            let before = line[..c.get(0).map_or(0, |m| m.start())].trim_end();
            let only_agency = cues.agency(&content).is_some();
            let prose_end = line.ends_with('.') || ends_sentence(before);
            sig.strong |= cues.has_credit(&content) && (!only_agency || !prose_end);
        }
        let colons = || {
            [
                self.end_colon.captures(line),
                self.start_colon.captures(line),
            ]
        };
        for c in has_colon.then(colons).into_iter().flatten().flatten() {
            let head = norm(&c[1]);
            let value_ok = c.get(2).is_none_or(|v| word_count(v.as_str()) <= 8);
            let spelled_position = cues.is_position(&head) && head.contains(' ');
            sig.strong |= value_ok && (cues.is_credit_word(&head) || spelled_position);
        }
        for c in self.paren.captures_iter(if has_paren { line } else { "" }) {
            let content = norm(&c[1]);
            if !cues.is_position(&content) {
                continue;
            }
            if content.chars().count() > 2 {
                sig.strong = true;
            } else if c[1].chars().all(char::is_uppercase) || c[1].ends_with('.') {
                // "(L)", "(R)", "(l.)": one upper-case or abbreviated letter, as captions
                // write them.
                sig.weak += 1;
            }
        }
        // "Dee Dee Doe Getty Images": a name line closed by a credit of several words.
        if !ends_sentence(line) && word_count(line) <= MAX_TRAILING_CREDIT_WORDS {
            let normed = norm(line);
            let words: Vec<&str> = normed.split(' ').filter(|w| !w.is_empty()).collect();
            sig.strong |= (2..=3).any(|n| {
                words.len() > n && cues.is_credit_word(&words[words.len() - n..].join(" "))
            });
        }
        sig
    }

    /// A photo caption on its own evidence: short enough, with a credit or a spelled-out
    /// position marker, or with one-letter markers on a line that is not a sentence.
    pub(crate) fn is_caption(&self, line: &str, cues: &Cues) -> bool {
        if line.chars().count() > MAX_CAPTION_CHARS {
            return false;
        }
        let sig = self.caption_signals(line, cues);
        sig.strong || (sig.weak > 0 && (!ends_sentence(line) || sig.weak >= 2))
    }
}
