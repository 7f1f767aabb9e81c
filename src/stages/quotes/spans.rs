//! Quote-span finder: pairs quotation marks of every common convention, keeps nested
//! quotes inside their outer quotation, continues a quotation over paragraphs reopened
//! with the same mark, and drops marks left unclosed at the end of a paragraph.

use super::config::QuotesConfig;

/// Families of quotation marks; a closing mark only closes an opening of its family.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    /// « … » (or » … « in German typesetting).
    Guillemet,
    /// ‹ … ›.
    SingleGuillemet,
    /// “ … ” (English) and „ … “ (German) share closers, so they share a family.
    Curly,
    /// ” … ”, the same mark at both ends.
    SameRight,
    /// " … ".
    Straight,
    /// ‘ … ’ and ‚ … ‘.
    Single,
}

/// An opening mark waiting for its closer.
#[derive(Debug, Clone, Copy)]
struct Open {
    family: Family,
    /// Byte offset of the mark.
    pos: usize,
    /// Byte offset one past the mark.
    end: usize,
    /// The mark is „ (closed by “ or ”).
    low: bool,
}

/// A pair of outermost quotation marks found in the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MarkPair {
    /// Byte offset of the opening mark.
    pub open: usize,
    /// Byte offset one past the closing mark.
    pub close_end: usize,
    /// Byte offset of the first quoted byte, inner spaces trimmed.
    pub start: usize,
    /// Byte offset one past the last quoted byte, inner spaces trimmed.
    pub end: usize,
}

/// Byte spans of the non-blank lines of `body`.
pub fn paragraphs(body: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut pos = 0;
    for line in body.split('\n') {
        if !line.trim().is_empty() {
            out.push((pos, pos + line.len()));
        }
        pos += line.len() + 1;
    }
    out
}

/// Every outermost quotation of `body`, in order, each inner text trimmed and non-empty.
pub fn find_pairs(body: &str, paras: &[(usize, usize)], settings: &QuotesConfig) -> Vec<MarkPair> {
    let mut out = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    let mut carried = 0;
    for (pi, &(ps, pe)) in paras.iter().enumerate() {
        let text = &body[ps..pe];
        let reversed = reversed_guillemets(text);
        // A continued quotation: the paragraph's first mark reopens it and is skipped.
        let mut skip = if stack.is_empty() {
            None
        } else {
            first_mark(text).map(|(i, _)| ps + i)
        };
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        for (k, &(i, c)) in chars.iter().enumerate() {
            let pos = ps + i;
            if skip == Some(pos) {
                skip = None;
                continue;
            }
            let prev = if k == 0 { None } else { Some(chars[k - 1].1) };
            let next = chars.get(k + 1).map(|x| x.1);
            match classify(c, prev, next, reversed, &stack) {
                Action::Open(family) => stack.push(Open {
                    family,
                    pos,
                    end: pos + c.len_utf8(),
                    low: c == '„' || c == '‚',
                }),
                Action::Close(family) => {
                    let Some(idx) = stack.iter().rposition(|o| o.family == family) else {
                        continue;
                    };
                    let open = stack[idx];
                    stack.truncate(idx);
                    if idx == 0 {
                        carried = 0;
                        if let Some(pair) = make_pair(body, open, pos, pos + c.len_utf8(), settings)
                        {
                            out.push(pair);
                        }
                    }
                }
                Action::None => {}
            }
        }
        if let Some(bottom) = stack.first().copied() {
            let reopens = paras.get(pi + 1).is_some_and(|&(ns, ne)| {
                first_mark(&body[ns..ne]).is_some_and(|(i, c)| {
                    i == first_non_space(&body[ns..ne]) && opens_family(c, bottom.family)
                })
            });
            if reopens && carried + 1 < settings.max_paragraphs {
                carried += 1;
                stack.truncate(1);
            } else {
                stack.clear();
                carried = 0;
            }
        }
    }
    out
}

fn make_pair(
    body: &str,
    open: Open,
    close: usize,
    close_end: usize,
    settings: &QuotesConfig,
) -> Option<MarkPair> {
    let inner = &body[open.end..close];
    let start = open.end + (inner.len() - inner.trim_start().len());
    let end = close - (inner.len() - inner.trim_end().len());
    (start < end
        && body[start..end].chars().any(char::is_alphanumeric)
        && end - start <= settings.max_quote_bytes)
        .then_some(MarkPair {
            open: open.pos,
            close_end,
            start,
            end,
        })
}

enum Action {
    Open(Family),
    Close(Family),
    None,
}

fn has(stack: &[Open], family: Family) -> bool {
    stack.iter().any(|o| o.family == family)
}

fn closing_like(prev: Option<char>, next: Option<char>) -> bool {
    prev.is_some_and(|p| !p.is_whitespace()) && !next.is_some_and(char::is_alphanumeric)
}

fn classify(
    c: char,
    prev: Option<char>,
    next: Option<char>,
    reversed: bool,
    stack: &[Open],
) -> Action {
    let after_word = prev.is_some_and(char::is_alphanumeric);
    match c {
        '«' if reversed => Action::Close(Family::Guillemet),
        '«' => Action::Open(Family::Guillemet),
        '»' if reversed => Action::Open(Family::Guillemet),
        '»' => Action::Close(Family::Guillemet),
        '‹' if reversed => Action::Close(Family::SingleGuillemet),
        '‹' => Action::Open(Family::SingleGuillemet),
        '›' if reversed => Action::Open(Family::SingleGuillemet),
        '›' => Action::Close(Family::SingleGuillemet),
        '„' => Action::Open(Family::Curly),
        '“' => {
            let low_open = stack
                .iter()
                .rev()
                .find(|o| o.family == Family::Curly)
                .is_some_and(|o| o.low);
            if low_open || (has(stack, Family::Curly) && closing_like(prev, next)) {
                Action::Close(Family::Curly)
            } else {
                Action::Open(Family::Curly)
            }
        }
        '”' if has(stack, Family::Curly) => Action::Close(Family::Curly),
        '”' if has(stack, Family::SameRight) => Action::Close(Family::SameRight),
        // Mixed pairs from sloppy typing: “…" and "…”.
        '”' if has(stack, Family::Straight) && closing_like(prev, next) => {
            Action::Close(Family::Straight)
        }
        '”' if !after_word && !prev.is_some_and(|p| ".!?,;".contains(p)) => {
            Action::Open(Family::SameRight)
        }
        '"' if has(stack, Family::Straight) => Action::Close(Family::Straight),
        '"' if has(stack, Family::Curly) && closing_like(prev, next) => {
            Action::Close(Family::Curly)
        }
        '"' => Action::Open(Family::Straight),
        // Two apostrophes typed as a closing double quote: “…’’ or "…''.
        '’' | '\'' if next == Some(c) && prev.is_some_and(|p| !p.is_whitespace()) => {
            if has(stack, Family::Curly) {
                Action::Close(Family::Curly)
            } else if has(stack, Family::Straight) {
                Action::Close(Family::Straight)
            } else {
                Action::None
            }
        }
        '‚' if !after_word => Action::Open(Family::Single),
        '‘' if has(stack, Family::Single)
            && stack
                .iter()
                .rev()
                .find(|o| o.family == Family::Single)
                .is_some_and(|o| o.low) =>
        {
            Action::Close(Family::Single)
        }
        '‘' if !after_word => Action::Open(Family::Single),
        '’' if has(stack, Family::Single) && !next.is_some_and(char::is_alphanumeric) => {
            Action::Close(Family::Single)
        }
        _ => Action::None,
    }
}

/// True when the paragraph uses » … « (German typesetting): its first guillemet is a »
/// that opens a word rather than closing one.
fn reversed_guillemets(text: &str) -> bool {
    let mut prev: Option<char> = None;
    let mut iter = text.chars().peekable();
    while let Some(c) = iter.next() {
        match c {
            '«' | '‹' => return false,
            '»' | '›' => {
                let opens_word = iter.peek().is_some_and(|n| n.is_alphanumeric());
                return opens_word
                    && !prev.is_some_and(|p| p.is_alphanumeric() || ".!?,;".contains(p));
            }
            _ => prev = Some(c),
        }
    }
    false
}

/// Byte index and char of the first quotation mark of `text`.
fn first_mark(text: &str) -> Option<(usize, char)> {
    text.char_indices()
        .find(|&(_, c)| matches!(c, '«' | '»' | '‹' | '›' | '„' | '“' | '”' | '"' | '‚' | '‘'))
}

fn first_non_space(text: &str) -> usize {
    text.len() - text.trim_start().len()
}

fn opens_family(c: char, family: Family) -> bool {
    match family {
        Family::Guillemet => matches!(c, '«' | '»'),
        Family::SingleGuillemet => matches!(c, '‹' | '›'),
        Family::Curly => matches!(c, '“' | '„'),
        Family::SameRight => c == '”',
        Family::Straight => c == '"',
        Family::Single => matches!(c, '‘' | '‚'),
    }
}
