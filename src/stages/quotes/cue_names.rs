//! Names the entities stage missed but a speech verb vouches for: a run of capitalised
//! words right before a cue ("Lonechild said", "Kim told"), right after one ("said
//! Mickelson"), or before an apposition ending at the cue ("Arafeh, a translator, said").
//! Each becomes a PERSON mention for speaker resolution; a surname is resolved to the
//! full name elsewhere in the document (an entity mention, else a longer capitalised run).

use crate::model::{EntityMention, EntityType};
use crate::text::word_spans;

use super::cues::{CueKind, LangCues};
use super::spans::MarkPair;

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
        if inside(cue.start) {
            continue;
        }
        if cue.kind == CueKind::AccordingTo {
            // "selon Rachida Dati", "nach Angaben von Jutta Meier"
            if let Some((s, e)) = after(body, cues, cue.end) {
                push(&mut out, body, cues, mentions, s, e);
            }
            continue;
        }
        // "said Smith" only when inverted after a quote or comma ("», said Smith"), so the
        // object of "told Reuters" is not taken for a speaker.
        let inverted = body[..cue.start]
            .trim_end()
            .ends_with([',', '"', '”', '»', '“', '«']);
        let run = before(body, cues, cue.start)
            .or_else(|| inverted.then(|| after(body, cues, cue.end)).flatten());
        if let Some((s, e)) = run {
            push(&mut out, body, cues, mentions, s, e);
        }
    }
    out.sort_by_key(|m| m.start);
    out
}

/// Adds the name at `body[s..e]` unless a mention already overlaps it.
fn push(
    out: &mut Vec<EntityMention>,
    body: &str,
    cues: &LangCues,
    mentions: &[&EntityMention],
    s: usize,
    e: usize,
) {
    let taken = |m: &EntityMention| m.start < e && s < m.end;
    // A place or misc mention where a speech verb wants a speaker ("Woods said") is
    // overridden; a person or organisation mention stands.
    let speaker_like =
        |m: &EntityMention| matches!(m.entity_type, EntityType::Person | EntityType::Org);
    if !mentions.iter().any(|m| speaker_like(m) && taken(m)) && !out.iter().any(taken) {
        out.push(resolve(body, cues, mentions, s, e));
    }
}

/// Capitalised run ending right before `at` (only spaces between), or before an
/// apposition "Name, …, said".
fn before(body: &str, cues: &LangCues, at: usize) -> Option<(usize, usize)> {
    let from = body.floor_char_boundary(at.saturating_sub(160));
    let text = &body[from..at];
    if text.trim_end().len() == text.len() && !text.is_empty() {
        return None;
    }
    if let Some(r) = run(text, cues, false) {
        return Some((from + r.0, from + r.1));
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
    Some((from + r.0, from + r.1))
}

/// Capitalised run starting right after `at` ("said Mickelson").
fn after(body: &str, cues: &LangCues, at: usize) -> Option<(usize, usize)> {
    let to = body.floor_char_boundary(at + 80);
    let text = &body[at..to];
    if !text.starts_with(' ') {
        return None;
    }
    run(text, cues, true).map(|(s, e)| (at + s, at + e))
}

/// A run of 1–4 capitalised words at the start (`leading`) or end of `text`, only spaces
/// between them, none a stopword or pronoun, no possessive.
fn run(text: &str, cues: &LangCues, leading: bool) -> Option<(usize, usize)> {
    let mut words = word_spans(text);
    if !leading {
        words.reverse();
    }
    let name_word = |&(s, e): &(usize, usize)| {
        let w = &text[s..e];
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().count() >= 2
            && w.chars().skip(1).any(char::is_lowercase)
            && !cues.is_stopword(w)
            && !cues.is_pronoun(w)
            && !w.ends_with("’s")
            && !w.ends_with("'s")
    };
    let first = *words.first()?;
    let edge_gap = if leading {
        &text[..first.0]
    } else {
        &text[first.1..]
    };
    if !edge_gap.trim().is_empty() || !name_word(&first) {
        return None;
    }
    let mut run = vec![first];
    for w in &words[1..] {
        let prev = run[run.len() - 1];
        let gap = if leading {
            &text[prev.1..w.0]
        } else {
            &text[w.1..prev.0]
        };
        // Short particles may sit inside a name ("Jean-Yves Le Drian", "Al Hashish").
        let particle = text[w.0..w.1].chars().count() <= 3;
        if gap != " " || !(name_word(w) || particle) || run.len() == 5 {
            break;
        }
        run.push(*w);
    }
    while run.len() > 1 && !name_word(&run[run.len() - 1]) {
        run.pop();
    }
    let (a, b) = (run[0], run[run.len() - 1]);
    let (s, e) = if leading { (a.0, b.1) } else { (b.0, a.1) };
    // A name never ends in a stop ("Dr."): abbreviations are titles.
    (!text[e..].starts_with('.') || e - s > 4).then_some((s, e))
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
