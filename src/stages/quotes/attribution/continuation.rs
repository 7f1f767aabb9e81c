//! Quotes with no cue of their own: a quote paragraph (or sentence) that continues what
//! the person speaking just before said, and a partial quote inside a sentence whose
//! subject is a person or a pronoun ("On Christmas Day, he plans to invite … «the boys»").

use crate::model::{EntityType, QuoteKind};
use crate::stages::quotes::cues::CueKind;
use crate::stages::quotes::spans::{kind_of, MarkPair};
use crate::stages::quotes::speakers::{possessive, score, PrevQuote, Resolver, Speaker};
use crate::text::{sentence_of, word_spans};

use super::neighbours::Neighbours;

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
        // A credit line ("… life. District Attorney Caroline Wojtaszek"): the paragraph
        // ends with a person's name and no stop.
        let credit = r
            .mentions
            .iter()
            .rfind(|m| m.start >= from && m.end <= pe && r.body[m.end..pe].trim().is_empty());
        if let Some(m) = credit.filter(|m| m.entity_type == EntityType::Person) {
            return Some(Speaker::of_mention(r.body, m, score::CONTINUATION));
        }
    }
    let (prev_pair, attr) = near.previous?;
    let speaker = attr.speaker.as_ref()?;
    let prev_para = para(prev_pair.close_end.saturating_sub(1))?;
    let opens_sentence = this_para == prev_para
        && r.body[..pair.open]
            .trim_end()
            .ends_with(['.', '!', '?', ':']);
    // A partial quote later in the previous quote's sentence ("What the commission
    // described as «…» were designed «…»").
    let same_sentence = kind_of(r.body, pair) == QuoteKind::Partial
        && sentence_of(&r.sentences, pair.open)
            == sentence_of(&r.sentences, prev_pair.close_end.saturating_sub(1));
    let named_between = r.mentions.iter().any(|m| {
        m.start >= prev_pair.close_end
            && m.end <= pair.open
            && m.entity_type == EntityType::Person
            && speaker.name.as_deref() != Some(m.entity_name.as_str())
            && (r.speaks(m, pair.open) || r.is_subject(m))
    });
    let score = if same_sentence {
        score::SAME_SENTENCE
    } else {
        score::CONTINUATION
    };
    ((opens_para && this_para == prev_para + 1 || opens_sentence || same_sentence)
        && !named_between)
        .then(|| speaker.with_score(score.min(speaker.score)))
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
                r.cues.words.is_pronoun(&lead[s..e]) && lead[e..].trim().is_empty()
            })
        })?;
    let lead = &r.body[from..cue.start];
    let &(s, e) = word_spans(lead).last()?;
    r.pronoun(from + s, prev, r.cues.words.gender_of(&lead[s..e]))
}

/// A partial quote with no cue: the subject of the clause of its sentence that first
/// opens with a person ("Musk took to …"), a speaker pronoun ("In other words, he gets
/// to continue with his riffs («…»)") or a bare role noun ("officials"), scored
/// [`score::PARTIAL_SUBJECT`].
pub fn clause_subject(r: &Resolver, pair: &MarkPair, prev: PrevQuote) -> Option<Speaker> {
    if kind_of(r.body, pair) != QuoteKind::Partial {
        return None;
    }
    let i = sentence_of(&r.sentences, pair.open)?;
    let mut from = r.sentences[i].0.min(pair.open);
    while from < pair.open {
        let stop = r.body[from..pair.open]
            .find([',', ';', '—', '–', '(', ':'])
            .map_or(pair.open, |k| from + k);
        let clause = &r.body[from..stop];
        if let Some(&(s, e)) = word_spans(clause).first() {
            let word = &clause[s..e];
            if r.cues.words.is_pronoun(word) {
                let s = r.pronoun(from + s, prev, r.cues.words.gender_of(word))?;
                return Some(s.with_score(score::PARTIAL_SUBJECT));
            }
            let opening = r.mentions.iter().find(|m| {
                m.start == from + s && m.entity_type == EntityType::Person && m.end <= stop
            });
            if let Some(m) = opening.filter(|m| !possessive(r.body, m)) {
                return Some(Speaker::of_mention(r.body, m, score::PARTIAL_SUBJECT));
            }
            // "officials discussed what messages would «support …»": a bare role noun.
            if word.starts_with(char::is_lowercase) && r.cues.is_role_word(word) {
                return Some(Speaker::described(word, score::PARTIAL_SUBJECT));
            }
        }
        from = r.body.ceil_char_boundary(stop + 1);
    }
    None
}
