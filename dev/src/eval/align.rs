//! Aligning the cleaned body back to the raw text, so that predicted offsets (code points into
//! `documents.body`) can be compared with gold offsets (code points into the raw `.txt`).
//!
//! The body is the raw text with some lines removed and whitespace collapsed. Each body
//! paragraph (split on `\n`) is searched in the raw text from a moving cursor (then, failing
//! that, before the cursor), comparing character by character where:
//! - any whitespace matches any whitespace, and extra raw whitespace is skipped;
//! - raw soft hyphens, zero-width characters, `¬` and a `-` right before a line break are
//!   skipped when the body lacks them (OCR line-end hyphenation joined by the cleaner);
//! - quotation-mark and dash variants compare equal (“ ” „ « » " ; ‘ ’ ' ; – — -).
//!
//! A paragraph that cannot be found whole is aligned word by word (each word searched in a
//! window after the previous one); words that cannot be found stay unmapped.

/// How far (code points) past the previous word the word-by-word fallback looks.
const WORD_WINDOW: usize = 400;

/// Body code point → raw code point map.
#[derive(Debug, Clone, PartialEq)]
pub struct Alignment {
    map: Vec<Option<usize>>,
}

fn norm(c: char) -> char {
    match c {
        c if c.is_whitespace() => ' ',
        '“' | '”' | '„' | '‟' | '«' | '»' | '″' => '"',
        '‘' | '’' | '‚' | '‛' | '‹' | '›' | '′' => '\'',
        '–' | '—' | '‐' | '‑' | '‒' | '−' => '-',
        c => c,
    }
}

fn skippable_raw(raw: &[char], j: usize) -> bool {
    match raw[j] {
        c if c.is_whitespace() => true,
        '¬' | '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{FEFF}' => true,
        '-' => raw.get(j + 1).is_some_and(|&n| n == '\n' || n == '\r'),
        _ => false,
    }
}

/// Matches `seg` (no leading/trailing whitespace) against `raw` starting exactly at `r0`.
/// Returns the raw index of every segment char (None for body whitespace that matched
/// nothing) and the raw end position.
fn match_at(seg: &[char], raw: &[char], r0: usize) -> Option<(Vec<Option<usize>>, usize)> {
    let mut map = Vec::with_capacity(seg.len());
    let (mut i, mut j) = (0, r0);
    while i < seg.len() {
        if j < raw.len() && norm(seg[i]) == norm(raw[j]) {
            map.push(Some(j));
            i += 1;
            j += 1;
        } else if seg[i].is_whitespace() {
            map.push(None);
            i += 1;
        } else if j < raw.len() && skippable_raw(raw, j) {
            j += 1;
        } else {
            return None;
        }
    }
    Some((map, j))
}

/// Finds `seg` in `raw[from..to]` (first match wins).
fn find(seg: &[char], raw: &[char], from: usize, to: usize) -> Option<(Vec<Option<usize>>, usize)> {
    let first = norm(*seg.first()?);
    (from..to.min(raw.len()))
        .filter(|&j| norm(raw[j]) == first)
        .find_map(|j| match_at(seg, raw, j))
}

impl Alignment {
    /// Aligns `body` to `raw` (both as text; indices are code points).
    pub fn new(body: &str, raw: &str) -> Alignment {
        let body: Vec<char> = body.chars().collect();
        let raw: Vec<char> = raw.chars().collect();
        let mut map = vec![None; body.len()];
        let mut cursor = 0;
        let mut start = 0;
        while start < body.len() {
            let end = body[start..]
                .iter()
                .position(|&c| c == '\n')
                .map_or(body.len(), |p| start + p);
            cursor = align_paragraph(&body, start, end, &raw, cursor, &mut map);
            start = end + 1;
        }
        Alignment { map }
    }

    /// Raw index of body code point `i`, when aligned.
    pub fn raw_index(&self, i: usize) -> Option<usize> {
        self.map.get(i).copied().flatten()
    }

    /// The raw span of body span `[start, end)`: start of its first char to one past its last
    /// char. None when the span is empty, out of range, or either end char is unaligned.
    pub fn raw_span(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        if end <= start {
            return None;
        }
        let s = self.raw_index(start)?;
        let e = self.raw_index(end - 1)? + 1;
        (e > s).then_some((s, e))
    }

    /// Share of non-whitespace body chars that are aligned (1 for an empty body).
    pub fn coverage(&self, body: &str) -> f64 {
        let (mut all, mut hit) = (0usize, 0usize);
        for (i, c) in body.chars().enumerate() {
            if !c.is_whitespace() {
                all += 1;
                hit += usize::from(self.raw_index(i).is_some());
            }
        }
        if all == 0 {
            1.0
        } else {
            hit as f64 / all as f64
        }
    }
}

/// Aligns body paragraph `body[start..end]`; returns the new cursor.
fn align_paragraph(
    body: &[char],
    start: usize,
    end: usize,
    raw: &[char],
    cursor: usize,
    map: &mut [Option<usize>],
) -> usize {
    let Some(first) = (start..end).find(|&i| !body[i].is_whitespace()) else {
        return cursor;
    };
    let last = (start..end)
        .rev()
        .find(|&i| !body[i].is_whitespace())
        .unwrap_or(first);
    let seg = &body[first..=last];
    let found = find(seg, raw, cursor, raw.len()).or_else(|| find(seg, raw, 0, cursor));
    if let Some((m, raw_end)) = found {
        map[first..=last].copy_from_slice(&m);
        return raw_end;
    }
    // Word by word.
    let mut cur = cursor;
    let mut i = first;
    while i <= last {
        if body[i].is_whitespace() {
            i += 1;
            continue;
        }
        let w_end = (i..=last)
            .find(|&k| body[k].is_whitespace())
            .unwrap_or(last + 1);
        if let Some((m, raw_end)) = find(&body[i..w_end], raw, cur, cur + WORD_WINDOW) {
            map[i..w_end].copy_from_slice(&m);
            cur = raw_end;
        }
        i = w_end;
    }
    cur
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw_text(raw: &str, span: (usize, usize)) -> String {
        raw.chars().skip(span.0).take(span.1 - span.0).collect()
    }

    #[test]
    fn maps_through_removed_lines_and_collapsed_whitespace() {
        let raw = "Breaking news\nHome | World\nLa  ministra Anna\nRossi ha parlato.\nShare this\nPoi Roma.";
        let body = "La ministra Anna Rossi ha parlato.\nPoi Roma.";
        let a = Alignment::new(body, raw);
        // "Anna Rossi" is body chars 12..22; in raw it spans a line break.
        let span = a.raw_span(12, 22).expect("aligned");
        assert_eq!(raw_text(raw, span), "Anna\nRossi");
        // "Roma" in the second paragraph (body 39..43).
        let roma = a.raw_span(39, 43).expect("aligned");
        assert_eq!(raw_text(raw, roma), "Roma");
        assert_eq!(a.coverage(body), 1.0);
    }

    #[test]
    fn code_points_not_bytes() {
        let raw = "Über Zürich\n\nnach Genève.";
        let body = "Über Zürich nach Genève.";
        let a = Alignment::new(body, raw);
        // "Genève" = body 17..23, raw 18..24 (the blank line adds one char).
        assert_eq!(a.raw_span(17, 23), Some((18, 24)));
        assert_eq!(raw_text(raw, (18, 24)), "Genève");
    }

    #[test]
    fn ocr_hyphenation_and_quote_variants() {
        let raw = "Die Rebellen in Rüre¬\nmont sagten \"nein\".";
        let body = "Die Rebellen in Rüremont sagten “nein”.";
        let a = Alignment::new(body, raw);
        let span = a.raw_span(16, 24).expect("aligned");
        assert_eq!(raw_text(raw, span), "Rüre¬\nmont");
        // "nein" is body 33..37 (after “), raw 35..39 (after \").
        assert_eq!(a.raw_span(33, 37), Some((35, 39)));
        assert_eq!(a.raw_span(32, 38), Some((34, 40)));
    }

    #[test]
    fn edited_paragraph_falls_back_to_words_and_unknown_text_is_unmapped() {
        // The body paragraph has an inserted word the raw lacks: no whole match.
        let raw = "Il sindaco di Milano ha detto no.";
        let body = "Il sindaco XYZ di Milano ha detto no.\nTesto inventato.";
        let a = Alignment::new(body, raw);
        // "Milano" (body 18..24) is still found, word by word.
        assert_eq!(a.raw_span(18, 24), Some((14, 20)));
        // "XYZ" is not in the raw text.
        assert_eq!(a.raw_span(11, 14), None);
        assert_eq!(a.raw_span(5, 5), None);
        assert!(a.coverage(body) < 1.0);
    }

    #[test]
    fn repeated_paragraph_uses_the_cursor() {
        let raw = "Roma.\nAltro.\nRoma.";
        let body = "Roma.\nRoma.";
        let a = Alignment::new(body, raw);
        assert_eq!(a.raw_span(0, 4), Some((0, 4)));
        assert_eq!(a.raw_span(6, 10), Some((13, 17)));
    }
}
