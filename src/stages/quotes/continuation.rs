//! Quotes with no cue of their own: a quote paragraph (or sentence) that continues what
//! the person speaking just before said.

use crate::model::EntityType;
use crate::text::word_spans;

use super::attribution::Neighbours;
use super::cues::CueKind;
use super::spans::MarkPair;
use super::speakers::{score, PrevQuote, Resolver, Speaker};

/// A quote that opens its paragraph (or a sentence right after the previous quote, or
/// follows a colon) with no cue: the last person who speaks in the previous paragraph
/// ("Chapman admits …\n“…”", "But he says …\n“…”" through the pronoun), else the
/// previous quote's speaker when that quote is in the previous paragraph (or this one)
/// and no other salient person (one who speaks or opens a clause) is named since.
pub fn continuation(r: &Resolver, pair: &MarkPair, near: &Neighbours) -> Option<Speaker> {
    let para = |pos: usize| {
        near.paragraphs
            .partition_point(|&(s, _)| s <= pos)
            .checked_sub(1)
    };
    let this_para = para(pair.open)?;
    let (para_start, _) = near.paragraphs[this_para];
    let opens_para = r.body[para_start..pair.open].trim().is_empty();
    let prev_close = near.previous.map_or(0, |(p, _)| p.close_end);
    let prev = PrevQuote {
        speaker: near.previous.and_then(|(_, a)| a.speaker.as_ref()),
        close_end: prev_close,
    };
    if opens_para && this_para > 0 {
        let (ps, pe) = near.paragraphs[this_para - 1];
        let from = ps.max(prev_close);
        let speaker = r
            .mentions
            .iter()
            .filter(|m| m.start >= from && m.end <= pe)
            .filter(|m| m.entity_type == EntityType::Person)
            .rfind(|m| r.speaks(m, pe));
        if let Some(m) = speaker {
            return Some(Speaker::of_mention(r.body, m, score::CONTINUATION));
        }
        if let Some(s) = pronoun_speaker(r, from, pe, prev) {
            return Some(s.with_score(score::CONTINUATION));
        }
    }
    let (prev_pair, attr) = near.previous?;
    let speaker = attr.speaker.as_ref()?;
    let prev_para = para(prev_pair.close_end.saturating_sub(1))?;
    let opens_sentence = this_para == prev_para
        && r.body[..pair.open]
            .trim_end()
            .ends_with(['.', '!', '?', ':']);
    let named_between = r.mentions.iter().any(|m| {
        m.start >= prev_pair.close_end
            && m.end <= pair.open
            && m.entity_type == EntityType::Person
            && speaker.name.as_deref() != Some(m.entity_name.as_str())
            && (r.speaks(m, pair.open) || r.is_subject(m))
    });
    ((opens_para && this_para == prev_para + 1 || opens_sentence) && !named_between)
        .then(|| speaker.with_score(score::CONTINUATION.min(speaker.score)))
}

/// The last speech verb of `[from, to)` whose subject is a pronoun right before it
/// ("But he says …"): the person that pronoun stands for.
fn pronoun_speaker(r: &Resolver, from: usize, to: usize, prev: PrevQuote) -> Option<Speaker> {
    let cue = r
        .cues
        .cues_in(r.body, from, to)
        .into_iter()
        .filter(|c| c.kind == CueKind::Speech)
        .rfind(|c| {
            let lead = &r.body[from..c.start];
            word_spans(lead).last().is_some_and(|&(s, e)| {
                r.cues.is_pronoun(&lead[s..e]) && lead[e..].trim().is_empty()
            })
        })?;
    let lead = &r.body[from..cue.start];
    let &(s, e) = word_spans(lead).last()?;
    r.pronoun(from + s, prev, r.cues.gender_of(&lead[s..e]))
}
