//! Quote-span finder: pairs quotation marks of every common convention, keeps nested
//! quotes inside their outer quotation, continues a quotation over paragraphs reopened
//! with the same mark, and drops marks left unclosed at the end of a paragraph.

use crate::stages::quotes::config::QuotesConfig;

use super::marks::{classify, first_mark, opens_family, reversed_guillemets, Action, Open};

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

/// Byte offset of the first non-blank character of `text`.
fn first_non_space(text: &str) -> usize {
    text.len() - text.trim_start().len()
}
