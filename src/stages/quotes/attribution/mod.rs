//! Attribution of one quotation: the cue after it ("», a déclaré Peskov"), before it
//! ("Dupont a déclaré : «"), each looked for in its `windows`, a source cue ("selon
//! Tass"), or, with no cue, the previous quote's speaker for a quote that continues it or
//! its clause's subject (`continuation`). The result and the quote's `neighbours` are
//! the types at the bottom.

mod continuation;
mod neighbours;
mod windows;

pub(super) use neighbours::{Attribution, Neighbours};

use crate::model::EntityType;
use crate::stages::quotes::cues::{Cue, CueKind};
use crate::stages::quotes::spans::MarkPair;
use crate::stages::quotes::speakers::{possessive, score, PrevQuote, Resolver, Speaker};
use crate::text::{sentence_of, word_spans};

use continuation::{clause_subject, continuation};
use windows::{after_window, before_window};

/// How far after the closing mark a cue may start to count as "right after" it.
const AFTER_REACH: usize = 60;

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
    let reachable = |c: &&Cue| {
        c.start <= after_from + AFTER_REACH || r.apposition_before(after_from, c.start).is_some()
    };
    let mut first_cue: Option<Cue> = None;
    let verb = |c: &&Cue| matches!(c.kind, CueKind::Speech | CueKind::Impersonal);

    if let Some(cue) = after.iter().filter(reachable).find(verb) {
        if cue.kind == CueKind::Impersonal {
            return impersonal(r, cue, after_to);
        }
        first_cue = Some(*cue);
        if let Some(s) = after_speaker(r, pair, cue, after_to, before_from, prev) {
            return done(Some(s), cue);
        }
    }
    if let Some(cue) = before.iter().rev().find(verb) {
        if cue.kind == CueKind::Impersonal {
            return impersonal(r, cue, pair.open);
        }
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
        // "selon Peskov", "according to former governor David Dodge"; an organisation
        // deeper in a description is not the source ("secondo fonti del Tesoro").
        let source = r.name_right_after(cue.end, limit, 4).filter(|m| {
            m.entity_type == EntityType::Person || word_spans(&body[cue.end..m.start]).len() <= 1
        });
        if let Some(m) = source {
            return done(Some(Speaker::of_mention(body, m, score::ACCORDING_TO)), cue);
        }
        if r.cues.words.leading_source_pronoun(body, cue.end, limit) {
            let gender = r.cues.words.pronoun_gender(body, cue.end, limit);
            let s = r.pronoun(pair.open, prev, gender);
            return done(s.map(|s| s.with_score(score::PRONOUN_MENTION)), cue);
        }
        first_cue.get_or_insert(*cue);
    }
    if let Some(cue) = first_cue {
        // A cue whose subject is out of reach ("», says the maverick, noting that …
        // «…»") may still sit inside a continuation of the previous speaker.
        let speaker = continuation(r, pair, near);
        return Attribution {
            score: speaker.as_ref().map_or(score::CUE_ONLY, |s| s.score),
            speaker,
            cue: Some((cue.start, cue.end)),
        };
    }
    if let Some(s) = colon_subject(r, pair) {
        return Attribution {
            score: s.score,
            speaker: Some(s),
            cue: None,
        };
    }
    if let Some(s) = continuation(r, pair, near).or_else(|| clause_subject(r, pair, prev)) {
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

/// An impersonal cue ("», hieß es aus Regierungskreisen", "», si legge nella nota"):
/// no speaker, unless a name follows it within three words ("hieß es aus dem
/// Innenministerium"), taken as a source.
fn impersonal(r: &Resolver, cue: &Cue, to: usize) -> Attribution {
    match r.name_right_after(cue.end, to, 3) {
        Some(m) => done(
            Some(Speaker::of_mention(r.body, m, score::ACCORDING_TO)),
            cue,
        ),
        None => Attribution {
            speaker: None,
            cue: Some((cue.start, cue.end)),
            score: score::IMPERSONAL,
        },
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

fn after_speaker(
    r: &Resolver,
    pair: &MarkPair,
    cue: &Cue,
    to: usize,
    before_from: usize,
    prev: PrevQuote,
) -> Option<Speaker> {
    let a = pair.close_end;
    // "», David Rosenberg, chief economist at Gluskin Sheff, said": the apposition's
    // own names are not the speaker.
    if let Some(m) = r.apposition_before(a, cue.start) {
        return Some(Speaker::of_mention(r.body, m, score::NAME_ADJACENT));
    }
    if let Some(m) = r.subject_in(a, cue.start) {
        return Some(Speaker::of_mention(r.body, m, score::NAME_ADJACENT));
    }
    if r.cues.words.leading_pronoun(r.body, a, cue.start).is_some()
        || r.cues.words.cue_has_pronoun(r.body, cue)
    {
        let gender = r.cues.words.pronoun_gender(r.body, a, cue.end);
        // No agreeing person: a role named after the verb may still say who it is
        // ("», a-t-elle répondu, la députée Nathalie Loiseau").
        if let Some(s) = r.pronoun(pair.open, prev, gender) {
            return Some(s);
        }
        let rest = r.body[cue.end..to].trim_start_matches([',', ' ']);
        let from = to - rest.len();
        return r.named_after(from, to, to, score::NAME_ADJACENT);
    }
    if let Some((s, e, head)) = r.role_phrase(a, cue.start) {
        return Some(r.role(s, e, head, to));
    }
    if let Some(s) = r.description(a, cue.start, pair.open, prev) {
        return Some(s);
    }
    if let Some((ps, pe)) = r.cues.words.leading_pronoun(r.body, cue.end, to) {
        let gender = r.cues.words.pronoun_gender(r.body, ps, pe);
        return r.pronoun(pair.open, prev, gender);
    }
    if let Some(s) = r.appositive_name(cue.end, to, score::NAME_ADJACENT) {
        return Some(s);
    }
    if let Some(s) = r.named_after(cue.end, to, to, score::NAME_ADJACENT) {
        return Some(s);
    }
    if let Some(s) = r.description(cue.end, to, pair.open, prev) {
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
    let last_word = word_spans(&r.body[from..cue.start])
        .last()
        .map(|&(s, e)| (from + s, from + e));
    // "he told Reuters: «…»": a pronoun right before the verb is its subject, and the
    // name after the verb is the addressee.
    let pronoun_subject = last_word
        .filter(|&(s, e)| r.cues.words.is_pronoun(&r.body[s..e]))
        .filter(|&(_, e)| r.body[e..cue.start].trim().is_empty());
    if let Some((s, e)) = pronoun_subject {
        return r.pronoun(pair.open, prev, r.cues.words.gender_of(&r.body[s..e]));
    }
    // "Donald Tusk, the president of the Council, which …, urged": the clause subject
    // opening an apposition that ends at the verb.
    let apposed = r
        .mentions
        .iter()
        .filter(|m| m.start >= from && m.end <= cue.start && r.is_subject(m))
        .find_map(|m| r.apposition_before(m.start, cue.start));
    if let Some(m) = apposed {
        return Some(Speaker::of_mention(r.body, m, named));
    }
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
    if r.cues.words.cue_has_pronoun(r.body, cue) {
        let gender = r.cues.words.pronoun_gender(r.body, cue.start, cue.end);
        return r.pronoun(pair.open, prev, gender);
    }
    if let Some(m) = subject {
        return Some(Speaker::of_mention(r.body, m, named));
    }
    if let Some((s, e, head)) = role {
        return Some(r.role(s, e, head, pair.close_end));
    }
    r.bare_name(from, cue.start, false)
        .or_else(|| r.description(from, cue.start, pair.open, prev))
}

/// A colon introduction with no speech verb ("Musk took to Twitter again with this:
/// «…»"): the first person of the sentence unless a possessive, scored as a guess.
fn colon_subject(r: &Resolver, pair: &MarkPair) -> Option<Speaker> {
    if !r.body[..pair.open].trim_end().ends_with(':') {
        return None;
    }
    let i = sentence_of(&r.sentences, pair.open.saturating_sub(1))?;
    let from = r.sentences[i].0.min(pair.open);
    let m = r
        .mentions
        .iter()
        .find(|m| m.start >= from && m.end <= pair.open && m.entity_type == EntityType::Person)?;
    if possessive(r.body, m) {
        return None;
    }
    Some(Speaker::of_mention(r.body, m, score::COLON_SUBJECT))
}
