//! The head of the lead paragraph: a place dateline ("JAKARTA - …", "PARIS, 17 avril
//! (AFP) – …", "MOSCOU (Reuters) - …") or a source prefix ("AgenPress – …").

use regex::Regex;

use super::cues::Cues;
use super::normalise::norm;
use super::shape::word_count;

/// Dashes that end a dateline or source prefix, with their surrounding spaces.
const SEPARATORS: [&str; 4] = [" – ", " — ", " -- ", " - "];
/// The head must end within this many bytes of the paragraph start.
const MAX_HEAD_BYTES: usize = 100;
/// The text after the head must be at least this long (code points) to be a lead.
const MIN_REST_CHARS: usize = 40;

/// What the head of the lead is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum LeadHead {
    /// A place dateline, with the agency named in it ("(AFP)"), if any.
    Dateline {
        /// The place as written ("JAKARTA").
        place: String,
        /// The agency in parentheses, if any.
        agency: Option<String>,
    },
    /// The outlet's name ("AgenPress").
    Source(String),
}

/// A recognised head and where the paragraph's text resumes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LeadPrefix {
    /// What the head is.
    pub head: LeadHead,
    /// The head as written, dash included ("JAKARTA -").
    pub text: String,
    /// Byte offset in the paragraph where the body text resumes.
    pub rest: usize,
}

/// Compiled lead patterns.
#[derive(Debug)]
pub(crate) struct LeadRules {
    agency_paren: Regex,
}

impl LeadRules {
    /// Compiles the patterns.
    pub(crate) fn new() -> LeadRules {
        LeadRules {
            agency_paren: Regex::new(r"\s*\(([^()]{1,40})\)\s*$").expect("static pattern"),
        }
    }

    /// Recognises a dateline or a source prefix at the start of `para`.
    pub(crate) fn find(&self, para: &str, cues: &Cues) -> Option<LeadPrefix> {
        let (pos, sep) = SEPARATORS
            .iter()
            .filter_map(|s| para.find(s).map(|p| (p, *s)))
            .min_by_key(|&(p, _)| p)?;
        if pos == 0 || pos > MAX_HEAD_BYTES {
            return None;
        }
        let rest = pos + sep.len();
        let tail = &para[rest..];
        let starts_ok = tail.chars().next().is_some_and(|c| {
            c.is_uppercase() || c.is_ascii_digit() || matches!(c, '«' | '“' | '"' | '„' | '‘')
        });
        if !starts_ok || tail.chars().count() < MIN_REST_CHARS {
            return None;
        }
        let head = self.classify(&para[..pos], cues)?;
        Some(LeadPrefix {
            head,
            text: para[..pos + sep.trim_end().len()].trim().to_string(),
            rest,
        })
    }

    fn classify(&self, head: &str, cues: &Cues) -> Option<LeadHead> {
        let mut head = head.trim();
        let mut agency = None;
        if let Some(c) = self.agency_paren.captures(head) {
            let inner = c[1].trim();
            let known = cues.agency(&norm(inner)).map(str::to_string);
            let looks_like_agency = inner
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase);
            agency = known.or_else(|| looks_like_agency.then(|| inner.to_string()));
            agency.as_ref()?;
            head = head[..c.get(0).map_or(head.len(), |m| m.start())].trim();
        }
        let (place, date) = match head.split_once(',') {
            Some((p, d)) => (p.trim(), Some(d.trim())),
            None => (head, None),
        };
        if let Some(d) = date {
            if !d.chars().any(|c| c.is_ascii_digit()) || d.chars().count() > 30 {
                return None;
            }
        }
        if !is_name(place) {
            return None;
        }
        let all_caps = place
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
        let dateline = LeadHead::Dateline {
            place: place.to_string(),
            agency: agency.clone(),
        };
        if date.is_some() || agency.is_some() {
            return Some(dateline);
        }
        if let Some(name) = cues.agency(&norm(place)) {
            return Some(LeadHead::Source(name.to_string()));
        }
        if all_caps {
            return Some(dateline);
        }
        (word_count(place) <= 3 && place.chars().count() <= 30)
            .then(|| LeadHead::Source(place.to_string()))
    }
}

/// A proper name of at most four words, each capitalised (short connectors like "de",
/// "del", "la" allowed inside), made of letters, digits, `-`, `.`, `'` and `’`.
fn is_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.is_empty() || words.len() > 4 || s.chars().count() > 40 {
        return false;
    }
    let chars_ok = s
        .chars()
        .all(|c| c.is_alphanumeric() || c.is_whitespace() || matches!(c, '-' | '.' | '\'' | '’'));
    let capitalised = |w: &str| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    };
    let first_last = capitalised(words[0])
        && words
            .last()
            .is_some_and(|w| capitalised(w) && !w.ends_with('.'));
    let inner_ok = words
        .iter()
        .all(|w| capitalised(w) || w.chars().count() <= 3);
    chars_ok && first_last && inner_ok && s.chars().any(char::is_alphabetic)
}
