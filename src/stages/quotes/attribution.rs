//! Attribution of one quotation: the cue after it ("», a déclaré Peskov"), before it
//! ("Dupont a déclaré : «"), a source cue ("selon Tass"), or the previous quote's
//! speaker for a quote paragraph that continues it.

use crate::model::EntityType;
use crate::text::{sentence_of, word_spans};

use super::cues::{Cue, CueKind};
use super::spans::MarkPair;
use super::speakers::{score, PrevQuote, Resolver, Speaker};

/// How far after the closing mark a cue may start to count as "right after" it.
const AFTER_REACH: usize = 60;

/// The result of attributing one quote.
#[derive(Debug, Clone, PartialEq)]
pub struct Attribution {
    /// The speaker, when one was found.
    pub speaker: Option<Speaker>,
    /// The cue span, when one was found.
    pub cue: Option<(usize, usize)>,
    /// Confidence in [0, 1].
    pub score: f32,
}

/// Where a quote stands among the others of its document.
pub struct Neighbours<'a> {
    /// The previous quote and its attribution.
    pub previous: Option<(&'a MarkPair, &'a Attribution)>,
    /// Opening mark of the next quote.
    pub next_open: Option<usize>,
    /// Non-blank paragraph spans of the body.
    pub paragraphs: &'a [(usize, usize)],
}

/// Attributes `pair`, trying the cue after it, then before it, then source cues, then
/// continuation of the previous quote.
pub fn attribute(r: &Resolver, pair: &MarkPair, near: &Neighbours, window: usize) -> Attribution {
    let body = r.body;
    let prev = PrevQuote {
        speaker: near.previous.and_then(|(_, a)| a.speaker.as_ref()),
        close_end: near.previous.map_or(0, |(p, _)| p.close_end),
    };
    let (after_from, after_to) = after_window(r, pair, near, window);
    let (before_from, before_to) = before_window(r, pair, near, window);
    let after = r.cues.cues_in(body, after_from, after_to);
    let before = r.cues.cues_in(body, before_from, before_to);
    let reachable = |c: &&Cue| c.start <= after_from + AFTER_REACH;
    let mut first_cue: Option<Cue> = None;

    if let Some(cue) = after
        .iter()
        .filter(reachable)
        .find(|c| c.kind == CueKind::Speech)
    {
        first_cue = Some(*cue);
        if let Some(s) = after_speaker(r, pair, cue, after_to, before_from, prev) {
            return done(Some(s), cue);
        }
    }
    if let Some(cue) = before.iter().rev().find(|c| c.kind == CueKind::Speech) {
        first_cue.get_or_insert(*cue);
        if let Some(s) = before_speaker(r, pair, cue, before_from, prev) {
            return done(Some(s), cue);
        }
    }
    let source = after
        .iter()
        .filter(reachable)
        .find(|c| c.kind == CueKind::AccordingTo);
    if let Some(cue) =
        source.or_else(|| before.iter().rev().find(|c| c.kind == CueKind::AccordingTo))
    {
        let limit = if cue.start >= pair.close_end {
            after_to
        } else {
            pair.open
        };
        if let Some(m) = r.name_right_after(cue.end, limit, 4) {
            return done(Some(Speaker::of_mention(body, m, score::ACCORDING_TO)), cue);
        }
        if r.cues.leading_source_pronoun(body, cue.end, limit) {
            let gender = r.cues.pronoun_gender(body, cue.end, limit);
            let s = r.pronoun(pair.open, prev, gender);
            return done(s.map(|s| s.with_score(score::PRONOUN_MENTION)), cue);
        }
        first_cue.get_or_insert(*cue);
    }
    if let Some(cue) = first_cue {
        return Attribution {
            speaker: None,
            cue: Some((cue.start, cue.end)),
            score: score::CUE_ONLY,
        };
    }
    if let Some(s) = continuation(r, pair, near) {
        return Attribution {
            score: s.score,
            speaker: Some(s),
            cue: None,
        };
    }
    Attribution {
        speaker: None,
        cue: None,
        score: score::NONE,
    }
}

fn done(speaker: Option<Speaker>, cue: &Cue) -> Attribution {
    let score = speaker.as_ref().map_or(score::CUE_ONLY, |s| s.score);
    Attribution {
        speaker,
        cue: Some((cue.start, cue.end)),
        score,
    }
}

/// From the closing mark to the end of its sentence (or the next quote, or the window).
fn after_window(r: &Resolver, pair: &MarkPair, near: &Neighbours, window: usize) -> (usize, usize) {
    let a = pair.close_end;
    let sentence_end =
        sentence_of(&r.sentences, a.saturating_sub(1)).map_or(a, |i| r.sentences[i].1);
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
fn before_window(
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
    if let Some((prev, _)) = near.previous.filter(|(p, _)| p.close_end <= open) {
        from = from.max(prev.close_end);
    }
    from = from.max(open.saturating_sub(window));
    (r.body.ceil_char_boundary(from), open)
}

fn after_speaker(
    r: &Resolver,
    pair: &MarkPair,
    cue: &Cue,
    to: usize,
    before_from: usize,
    prev: PrevQuote,
) -> Option<Speaker> {
    let a = pair.close_end;
    if let Some(m) = r.subject_in(a, cue.start) {
        return Some(Speaker::of_mention(r.body, m, score::NAME_ADJACENT));
    }
    if r.cues.leading_pronoun(r.body, a, cue.start).is_some() || r.cues.cue_has_pronoun(r.body, cue)
    {
        let gender = r.cues.pronoun_gender(r.body, a, cue.end);
        return r.pronoun(pair.open, prev, gender);
    }
    if let Some((s, e, head)) = r.role_phrase(a, cue.start) {
        return Some(r.role(s, e, head, to));
    }
    if let Some((ps, pe)) = r.cues.leading_pronoun(r.body, cue.end, to) {
        let gender = r.cues.pronoun_gender(r.body, ps, pe);
        return r.pronoun(pair.open, prev, gender);
    }
    if let Some(s) = r.named_after(cue.end, to, to, score::NAME_ADJACENT) {
        return Some(s);
    }
    // A participle cue ("», ajoutant …") leaves the subject before the quote.
    if let Some(m) = r.subject_in(before_from, pair.open) {
        return Some(Speaker::of_mention(r.body, m, score::NAME_SUBJECT));
    }
    // A verb right after the quote with no subject ("», ha aggiunto.", "», añadió."):
    // the implicit subject is the person speaking so far, as with a pronoun.
    let gap = &r.body[a..cue.start];
    if word_spans(gap).is_empty() {
        return r
            .pronoun(pair.open, prev, None)
            .map(|s| s.with_score(score::IMPLICIT_SUBJECT));
    }
    None
}

fn before_speaker(
    r: &Resolver,
    pair: &MarkPair,
    cue: &Cue,
    from: usize,
    prev: PrevQuote,
) -> Option<Speaker> {
    let colon = r.body[..pair.open].trim_end().ends_with(':');
    let named = if colon {
        score::NAME_COLON
    } else {
        score::NAME_SUBJECT
    };
    // "Bagheri ha detto a Shoigu che …": the subject right before the verb wins over
    // a name after it, which may be the addressee.
    let role = r.role_phrase(from, cue.start);
    let subject = r.subject_in(from, cue.start);
    if let Some(m) = subject {
        let gap = &r.body[m.end..cue.start];
        let in_role = role.is_some_and(|(_, e, head)| m.start >= head.end && m.end <= e);
        if !in_role && word_spans(gap).len() <= 3 && !gap.contains([',', '.', ';', ':', '(']) {
            return Some(Speaker::of_mention(r.body, m, named));
        }
    }
    if let Some((s, e, head)) = role.filter(|&(_, e, _)| r.body[e..cue.start].trim().is_empty()) {
        return Some(r.role(s, e, head, pair.close_end));
    }
    if let Some(s) = r.named_after(cue.end, pair.open, pair.close_end, named) {
        return Some(s);
    }
    if r.cues.cue_has_pronoun(r.body, cue) {
        let gender = r.cues.pronoun_gender(r.body, cue.start, cue.end);
        return r.pronoun(pair.open, prev, gender);
    }
    if let Some(m) = subject {
        return Some(Speaker::of_mention(r.body, m, named));
    }
    let last_word = word_spans(&r.body[from..cue.start])
        .last()
        .map(|&(s, e)| &r.body[from + s..from + e]);
    if let Some(w) = last_word.filter(|w| r.cues.is_pronoun(w)) {
        return r.pronoun(pair.open, prev, r.cues.gender_of(w));
    }
    if let Some((s, e, head)) = role {
        return Some(r.role(s, e, head, pair.close_end));
    }
    r.bare_name(from, cue.start, false)
}

/// A quote that opens its paragraph (or a sentence right after the previous quote)
/// with no cue: the last person who speaks in the previous paragraph ("Chapman admits
/// …\n“…”"), else the previous quote's speaker when that quote is in the previous
/// paragraph (or this one) and no person is named since; lower score.
fn continuation(r: &Resolver, pair: &MarkPair, near: &Neighbours) -> Option<Speaker> {
    let para = |pos: usize| {
        near.paragraphs
            .partition_point(|&(s, _)| s <= pos)
            .checked_sub(1)
    };
    let this_para = para(pair.open)?;
    let (para_start, _) = near.paragraphs[this_para];
    let opens_para = r.body[para_start..pair.open].trim().is_empty();
    let prev_close = near.previous.map_or(0, |(p, _)| p.close_end);
    if opens_para && this_para > 0 {
        let (ps, pe) = near.paragraphs[this_para - 1];
        let speaker = r
            .mentions
            .iter()
            .filter(|m| m.start >= ps.max(prev_close) && m.end <= pe)
            .filter(|m| m.entity_type == EntityType::Person)
            .rfind(|m| r.speaks(m, pe));
        if let Some(m) = speaker {
            return Some(Speaker::of_mention(r.body, m, score::CONTINUATION));
        }
    }
    let (prev, attr) = near.previous?;
    let speaker = attr.speaker.as_ref()?;
    let prev_para = para(prev.close_end.saturating_sub(1))?;
    let opens_sentence =
        this_para == prev_para && r.body[..pair.open].trim_end().ends_with(['.', '!', '?']);
    let named_between = r.mentions.iter().any(|m| {
        m.start >= prev.close_end && m.end <= pair.open && m.entity_type == EntityType::Person
    });
    ((opens_para && this_para == prev_para + 1 || opens_sentence) && !named_between)
        .then(|| speaker.with_score(score::CONTINUATION))
}
