//! Names the entities stage missed but a speech verb vouches for: a run of capitalised
//! words right before a cue ("Lonechild said", "Kim told"), right after one ("said
//! Mickelson"), or before an apposition ending at the cue ("Arafeh, a translator, said").
//! Each becomes a PERSON mention for speaker resolution; a surname is resolved to the
//! full name elsewhere in the document (an entity mention, else a longer capitalised run).

use crate::model::{EntityMention, EntityType};
use crate::stages::quotes::cues::{after_quote, closing_inversion, CueKind, LangCues};
use crate::stages::quotes::spans::MarkPair;
use crate::text::word_spans;

use super::name_runs::name_run;

/// Longest apposition between a name and its cue ("Arafeh, a translator in Halifax, said").
const MAX_APPOSITION_WORDS: usize = 12;

/// Mentions for the capitalised names next to speech cues outside quotations that no
/// entity mention overlaps, sorted by start; `mentions` are the document's own.
pub fn cue_names(
    body: &str,
    cues: &LangCues,
    mentions: &[&EntityMention],
    pairs: &[MarkPair],
) -> Vec<EntityMention> {
    let inside = |pos: usize| {
        let i = pairs.partition_point(|p| p.open <= pos);
        i > 0 && pos < pairs[i - 1].close_end
    };
    let mut out: Vec<EntityMention> = Vec::new();
    for cue in cues.cues_in(body, 0, body.len()) {
        // An impersonal cue ("hieß es") vouches for no name before it.
        if inside(cue.start) || cue.kind == CueKind::Impersonal {
            continue;
        }
        if cue.kind == CueKind::AccordingTo {
            // "selon Rachida Dati", "nach Angaben von Jutta Meier"
            if let Some((s, e)) = after(body, cues, cue.end) {
                push(&mut out, body, cues, mentions, (s, e, true));
            }
            continue;
        }
        // "said Smith" only when inverted after a quote ("», said Smith") or closing a
        // clause ("…, adds Al Basha."), so the object of "told Reuters" is not taken for a
        // speaker.
        let inverted = after_quote(body, cue.start);
        let run = before(body, cues, cue.start).or_else(|| {
            let (s, e) = after(body, cues, cue.end)?;
            (inverted || closing_inversion(body, cue.start, e)).then_some((s, e, true))
        });
        if let Some(run) = run {
            push(&mut out, body, cues, mentions, run);
        }
    }
    out.sort_by_key(|m| m.start);
    out
}

/// Adds the name at `body[s..e]` unless a mention already overlaps it; a place or misc
/// mention is overridden only when the name is `next` to its cue.
fn push(
    out: &mut Vec<EntityMention>,
    body: &str,
    cues: &LangCues,
    mentions: &[&EntityMention],
    (s, e, next): (usize, usize, bool),
) {
    // "sagte Luisa Neubauer der Nachrichtenagentur": a run that extends a person named
    // elsewhere across a particle is cut back to that name.
    let e = mentions
        .iter()
        .filter(|m| m.entity_type == EntityType::Person)
        .map(|m| &body[m.start..m.end])
        .filter(|t| {
            t.len() < e - s && body[s..e].starts_with(t) && body[s + t.len()..].starts_with(' ')
        })
        .map(|t| s + t.len())
        .max()
        .unwrap_or(e);
    let taken = |m: &EntityMention| m.start < e && s < m.end;
    // A place or misc mention where a speech verb wants a speaker ("Woods said") is
    // overridden; a person or organisation mention stands, and so does any mention a
    // clause away from the verb ("la Croix-Rousse, à Lyon, s'achèveront …, a annoncé").
    let speaker_like =
        |m: &EntityMention| !next || matches!(m.entity_type, EntityType::Person | EntityType::Org);
    if !mentions.iter().any(|m| speaker_like(m) && taken(m)) && !out.iter().any(taken) {
        out.push(resolve(body, cues, mentions, s, e));
    }
}

/// Capitalised run ending right before `at` (only spaces between; `true`), or before an
/// apposition "Name, …, said" (`false`).
fn before(body: &str, cues: &LangCues, at: usize) -> Option<(usize, usize, bool)> {
    let from = body.floor_char_boundary(at.saturating_sub(160));
    let text = &body[from..at];
    if text.trim_end().len() == text.len() && !text.is_empty() {
        return None;
    }
    if let Some(r) = run(text, cues, false) {
        return Some((from + r.0, from + r.1, true));
    }
    // "Arafeh, a translator in Halifax, said"
    let head = text.trim_end().strip_suffix(',')?;
    let comma = head.rfind(',')?;
    let apposition = &head[comma + 1..];
    let quote_like = ['"', '“', '”', '«', '»', '„', '.', ';', ':', '\n'];
    let words = word_spans(apposition).len();
    if words == 0 || words > MAX_APPOSITION_WORDS || apposition.contains(quote_like) {
        return None;
    }
    let r = run(&head[..comma], cues, false)?;
    Some((from + r.0, from + r.1, false))
}

/// Capitalised run starting right after `at` ("said Mickelson").
fn after(body: &str, cues: &LangCues, at: usize) -> Option<(usize, usize)> {
    let to = body.floor_char_boundary(at + 80);
    let text = &body[at..to];
    if !text.starts_with(' ') {
        return None;
    }
    let (s, e) = run(text, cues, true)?;
    // "says Cambridge cartoonist Andre Campbell": a place then a common noun before the
    // name; a function word ("said Peskov in Moscow") keeps the first run.
    let clause_end = text[e..]
        .find([',', '.', ';', ':', '(', '\n'])
        .map_or(text.len(), |i| e + i);
    let words = word_spans(&text[e..clause_end]);
    let nouns = words
        .iter()
        .take_while(|&&(ws, we)| {
            let w = &text[e + ws..e + we];
            w.chars().next().is_some_and(char::is_lowercase) && !cues.words.is_stopword(w)
        })
        .count();
    if (1..=2).contains(&nouns) {
        let later = e + words[nouns - 1].1;
        if let Some((ls, le)) = run(&text[later..clause_end], cues, true) {
            return Some((at + later + ls, at + later + le));
        }
    }
    Some((at + s, at + e))
}

/// A name run (see [`name_run`]) that is no acronym: all-capital words ("NATO",
/// "IFSD") name organisations, not the people a speech verb vouches for.
fn run(text: &str, cues: &LangCues, leading: bool) -> Option<(usize, usize)> {
    let (s, e) = name_run(text, cues, leading)?;
    let acronym = |w: &str| !w.chars().skip(1).any(char::is_lowercase);
    let words = word_spans(&text[s..e]);
    let all_acronyms = words.iter().all(|&(ws, we)| acronym(&text[s + ws..s + we]));
    (!all_acronyms).then_some((s, e))
}

/// A mention for `body[s..e]`: the entity whose canonical name ends with the same word,
/// else the longest capitalised run of the body ending with it (unlinked, id empty).
fn resolve(
    body: &str,
    cues: &LangCues,
    mentions: &[&EntityMention],
    s: usize,
    e: usize,
) -> EntityMention {
    let text = &body[s..e];
    let last = text.rsplit(' ').next().unwrap_or(text);
    let linked = mentions.iter().find(|m| {
        m.entity_type == EntityType::Person && m.entity_name.rsplit(' ').next() == Some(last)
    });
    let (id, name) = match linked {
        Some(m) => (m.entity_id.clone(), m.entity_name.clone()),
        None => (
            String::new(),
            full_name(body, cues, last).unwrap_or(text).to_string(),
        ),
    };
    EntityMention {
        entity_id: id,
        entity_name: name,
        entity_type: EntityType::Person,
        start: s,
        end: e,
        sentence: None,
        method: "quote_cue",
        score: 0.6,
    }
}

/// The longest run of 2–4 capitalised words in `body` that ends with the word `last`.
fn full_name<'a>(body: &'a str, cues: &LangCues, last: &str) -> Option<&'a str> {
    let mut best: Option<&str> = None;
    for (i, _) in body.match_indices(last) {
        let end = i + last.len();
        if body[end..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
        {
            continue;
        }
        let from = body.floor_char_boundary(i.saturating_sub(60));
        let Some((rs, re)) = run(&body[from..end], cues, false) else {
            continue;
        };
        let candidate = &body[from + rs..from + re];
        if candidate.contains(' ') && best.is_none_or(|b| candidate.len() > b.len()) {
            best = Some(candidate);
        }
    }
    best
}
