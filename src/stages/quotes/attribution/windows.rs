//! The stretches of text around a quotation where its cue is looked for: after the
//! closing mark to the end of the sentence, and before the opening mark from the start of
//! the sentence (or the previous one).

use crate::model::QuoteKind;
use crate::stages::quotes::spans::{kind_of, MarkPair};
use crate::stages::quotes::speakers::Resolver;
use crate::text::{sentence_of, word_spans};

use super::neighbours::Neighbours;

/// From the closing mark to the end of its sentence (or the next quote, or the window).
pub fn after_window(
    r: &Resolver,
    pair: &MarkPair,
    near: &Neighbours,
    window: usize,
) -> (usize, usize) {
    let a = pair.close_end;
    let mut sentence_end =
        sentence_of(&r.sentences, a.saturating_sub(1)).map_or(a, |i| r.sentences[i].1);
    // A quote ending with its own "?" or "!" ends a sentence for the splitter, but the
    // cue follows it ("«Why?» Kim said."): the window runs on to the next sentence's end.
    let ends_asking = r.body[pair.start..pair.end]
        .trim_end()
        .ends_with(['?', '!']);
    if ends_asking && sentence_end <= a {
        let next = r.sentences.partition_point(|&(s, _)| s < a);
        if let Some(&(_, e)) = r.sentences.get(next) {
            sentence_end = e;
        }
    }
    let mut b = r
        .body
        .floor_char_boundary(sentence_end.max(a).min(a + window).min(r.body.len()));
    if let Some(n) = near.next_open.filter(|&n| n >= a) {
        b = b.min(n);
    }
    b = b.max(a);
    if let Some(nl) = r.body[a..b].find('\n') {
        b = a + nl;
    }
    (a, b)
}

/// From the start of the quote's sentence (or of the previous sentence when it ends
/// with a colon or sits in the same paragraph) to the opening mark, never before the
/// previous quote's closing mark nor farther than the window.
pub fn before_window(
    r: &Resolver,
    pair: &MarkPair,
    near: &Neighbours,
    window: usize,
) -> (usize, usize) {
    let open = pair.open;
    let mut from = sentence_of(&r.sentences, open)
        .map_or(0, |i| r.sentences[i].0)
        .min(open);
    if r.body[from..open].trim().is_empty() {
        let prev_sentence =
            sentence_of(&r.sentences, open.saturating_sub(1)).filter(|&i| r.sentences[i].0 < from);
        if let Some(i) = prev_sentence {
            let (ps, pe) = r.sentences[i];
            let same_para = !r.body[pe..open].contains('\n');
            if same_para || r.body[ps..pe].trim_end().ends_with(':') {
                from = ps;
            }
        }
    }
    // A short partial quote inside the sentence ("the word «refugee» hurled at her") does
    // not hide the cue before it; any other previous quote bounds the window.
    let inline = |p: &MarkPair| {
        kind_of(r.body, p) == QuoteKind::Partial
            && word_spans(&r.body[p.start..p.end]).len() <= 3
            && sentence_of(&r.sentences, p.open) == sentence_of(&r.sentences, open)
    };
    if let Some((prev, _)) = near
        .previous
        .filter(|(p, _)| p.close_end <= open && !inline(p))
    {
        from = from.max(prev.close_end);
    }
    from = from.max(open.saturating_sub(window));
    (r.body.ceil_char_boundary(from), open)
}
