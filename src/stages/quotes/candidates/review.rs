//! Speaker candidates: the entity mentions speaker resolution may use, cleaned of the
//! tagging slips that decide speakers. A mention opening with words that never start a
//! name ("Unlike Al Mnajer", "Somehow", "Article Continued Below") loses them, or is
//! dropped when nothing is left; a place or misc mention that is the surname of a person
//! named in the document ("Espinos" after "Alfonso Espinos") becomes that person, and so
//! does a person mention of the surname alone (one entity, one gender); a person
//! mention running on from another person's name across a lower-case word is cut back to
//! that name; and a capitalised name after an abbreviated title ("Ms. May") is a person
//! even when the entities stage took it for something else.

use crate::model::{EntityMention, EntityType};
use crate::stages::quotes::cues::LangCues;
use crate::text::word_spans;

use super::name_runs::is_name_word;

/// `method` of a person found after a title.
const TITLED: &str = "quote_title";

/// The mentions kept as they are, and the revised or added ones (owned).
pub struct Candidates<'a> {
    /// Mentions kept unchanged.
    pub kept: Vec<&'a EntityMention>,
    /// Mentions trimmed, retyped or found after a title.
    pub revised: Vec<EntityMention>,
}

/// Reviews `mentions` (sorted by start) as speaker candidates; see the module doc.
pub fn review<'a>(body: &str, cues: &LangCues, mentions: Vec<&'a EntityMention>) -> Candidates<'a> {
    let persons: Vec<(Vec<&str>, &EntityMention)> = mentions
        .iter()
        .filter(|m| m.entity_type == EntityType::Person)
        .map(|m| (words(&m.entity_name), *m))
        .filter(|(w, _)| w.len() >= 2)
        .collect();
    let mut kept = Vec::with_capacity(mentions.len());
    let mut revised = Vec::new();
    let texts: Vec<(&str, &EntityMention)> = mentions
        .iter()
        .filter(|m| m.entity_type == EntityType::Person)
        .map(|m| (&body[m.start..m.end], *m))
        .collect();
    for m in mentions {
        if let Some(cut) = cut_back(body, m, &texts) {
            revised.push(cut);
            continue;
        }
        match m.entity_type {
            EntityType::Person | EntityType::Org => match trimmed(body, cues, m) {
                Some(t) if t.start == m.start => match surname_of(body, m, &persons) {
                    Some(p) if m.entity_type == EntityType::Person => revised.push(p),
                    _ => kept.push(m),
                },
                Some(t) => revised.push(t),
                None => {}
            },
            _ => match surname_of(body, m, &persons) {
                Some(p) => revised.push(p),
                None => kept.push(m),
            },
        }
    }
    titled(body, cues, &kept, &mut revised);
    let by_title = |m: &EntityMention| {
        revised
            .iter()
            .any(|t| t.method == TITLED && t.start < m.end && m.start < t.end)
    };
    kept.retain(|m| !by_title(m));
    Candidates { kept, revised }
}

fn words(text: &str) -> Vec<&str> {
    word_spans(text).iter().map(|&(s, e)| &text[s..e]).collect()
}

/// A person mention that runs on from another person's name across a lower-case word
/// ("Luisa Neubauer der Nachrichtenagentur" where "Luisa Neubauer" is named): cut back
/// to that name.
fn cut_back(
    body: &str,
    m: &EntityMention,
    texts: &[(&str, &EntityMention)],
) -> Option<EntityMention> {
    if m.entity_type != EntityType::Person {
        return None;
    }
    let text = &body[m.start..m.end];
    let (name, p) = texts
        .iter()
        .filter(|(t, _)| t.len() < text.len() && text.starts_with(*t))
        .filter(|(t, _)| {
            text[t.len()..]
                .strip_prefix(' ')
                .is_some_and(|rest| rest.starts_with(char::is_lowercase))
        })
        .max_by_key(|(t, _)| t.len())?;
    Some(EntityMention {
        end: m.start + name.len(),
        entity_id: p.entity_id.clone(),
        entity_name: p.entity_name.clone(),
        ..m.clone()
    })
}

/// `m` without the not-name words opening it (itself when none does); None when no
/// name word is left, or for a person with a word like "Alberta-based".
fn trimmed(body: &str, cues: &LangCues, m: &EntityMention) -> Option<EntityMention> {
    let text = &body[m.start..m.end];
    let spans = word_spans(text);
    // "Alberta-based", "Syrian-born": a hyphen then a lower-case part is no name.
    let compound = |w: &str| {
        w.split('-')
            .skip(1)
            .any(|part| part.starts_with(char::is_lowercase))
    };
    if m.entity_type == EntityType::Person && spans.iter().any(|&(s, e)| compound(&text[s..e])) {
        return None;
    }
    let first_name = spans
        .iter()
        .position(|&(s, e)| !cues.words.is_stopword(&text[s..e]))?;
    if first_name == 0 {
        return Some(m.clone());
    }
    let (s, _) = spans[first_name];
    if !is_name_word(&text[s..spans[first_name].1], cues) {
        return None;
    }
    let start = m.start + s;
    let name = if m.entity_name == text {
        body[start..m.end].to_string()
    } else {
        m.entity_name.clone()
    };
    Some(EntityMention {
        start,
        entity_name: name,
        ..m.clone()
    })
}

/// A place or misc mention whose words are the last words of a person's name in the
/// document ("Espinos", "Al Turkmani"), or end with that person's whole name: that person.
fn surname_of(
    body: &str,
    m: &EntityMention,
    persons: &[(Vec<&str>, &EntityMention)],
) -> Option<EntityMention> {
    let own = words(&body[m.start..m.end]);
    if own.is_empty() {
        return None;
    }
    // A person keeps its own name unless it is a shorter form of another's.
    let shorter = |name: &[&str]| m.entity_type != EntityType::Person || own.len() < name.len();
    let (full, p) = persons.iter().rev().find(|(name, _)| {
        let n = own.len().min(name.len());
        own[own.len() - n..] == name[name.len() - n..] && shorter(name)
    })?;
    // "Ragheb Al Turkmani" where only "Al Turkmani" was a person: the longer name.
    let name = if own.len() > full.len() {
        body[m.start..m.end].to_string()
    } else {
        p.entity_name.clone()
    };
    Some(EntityMention {
        entity_id: p.entity_id.clone(),
        entity_name: name,
        entity_type: EntityType::Person,
        method: "quote_surname",
        ..m.clone()
    })
}

/// Persons written after an abbreviated title ("Ms. May", "Dr. Rutledge") that no
/// person mention covers: added as persons, replacing any other mention of the name.
fn titled(body: &str, cues: &LangCues, kept: &[&EntityMention], revised: &mut Vec<EntityMention>) {
    for (stop, _) in body.match_indices(". ") {
        let from = body.floor_char_boundary(stop.saturating_sub(5));
        let Some(&(s, e)) = word_spans(&body[from..stop]).last() else {
            continue;
        };
        let title = &body[from + s..from + e];
        let after = stop + 2;
        let Some(&(s2, e2)) =
            word_spans(&body[after..body.floor_char_boundary(after + 40)]).first()
        else {
            continue;
        };
        let (ns, ne) = (after + s2, after + e2);
        let whole = body[..from + s]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        if from + e != stop
            || !whole
            || s2 != 0
            || title.chars().count() > 4
            || !title.starts_with(char::is_uppercase)
            || !body[ns..ne].starts_with(char::is_uppercase)
            || !cues.words.is_title(title)
        {
            continue;
        }
        let covered = |m: &EntityMention| m.start < ne && ns < m.end;
        let person = |m: &EntityMention| m.entity_type == EntityType::Person;
        if kept.iter().any(|m| covered(m) && person(m)) || revised.iter().any(covered) {
            continue;
        }
        let name = &body[ns..ne];
        let known = kept.iter().find(|m| {
            person(m) && m.entity_name.rsplit(' ').next() == Some(name) && m.entity_name != name
        });
        revised.push(EntityMention {
            entity_id: known.map(|m| m.entity_id.clone()).unwrap_or_default(),
            entity_name: known.map_or(name.to_string(), |m| m.entity_name.clone()),
            entity_type: EntityType::Person,
            start: ns,
            end: ne,
            sentence: None,
            method: TITLED,
            score: 0.6,
        });
    }
}
