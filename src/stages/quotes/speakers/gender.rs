//! Grammatical gender of the people of a document, for pronoun agreement ("she said"
//! is not the man named just before): each PERSON entity gets the gender of the
//! gendered words (`quote_gender_words`: he/his/she/her, il/elle, er/ihm, él/ella …)
//! that first follow its mentions in the same or the next sentence with no other person
//! or quotation between, by majority over its mentions; when they show none (or as many
//! of each), the gender of its given name (`quote_given_name_genders`: "Theresa May").
//! Only the mentions the caller
//! lets vote count (the first person of a sentence, or one who speaks): after an object
//! ("When Easley met Cable, she felt") the gendered word is usually the subject's.

use std::collections::HashMap;

use crate::model::{EntityMention, EntityType};
use crate::stages::quotes::cues::LangCues;
use crate::text::{sentence_of, word_spans};

/// Gender ('m' or 'f') per entity name, when the document shows one.
pub fn person_genders(
    body: &str,
    cues: &LangCues,
    mentions: &[&EntityMention],
    sentences: &[(usize, usize)],
    quote_opens: &[usize],
    votes_for: impl Fn(&EntityMention) -> bool,
) -> HashMap<String, char> {
    let persons: Vec<&EntityMention> = mentions
        .iter()
        .copied()
        .filter(|m| m.entity_type == EntityType::Person)
        .collect();
    let mut votes: HashMap<&str, (i32, i32)> = HashMap::new();
    for (k, m) in persons.iter().enumerate() {
        if !votes_for(m) {
            continue;
        }
        let Some(si) = sentence_of(sentences, m.start) else {
            continue;
        };
        let mut to = sentences.get(si + 1).map_or(sentences[si].1, |s| s.1);
        if let Some(next) = persons.get(k + 1) {
            to = to.min(next.start);
        }
        // Quoted words speak of others ("« … elle ne peut … »"): stop at the next quote.
        let q = quote_opens.partition_point(|&o| o < m.end);
        if let Some(&open) = quote_opens.get(q) {
            to = to.min(open);
        }
        let to = to.max(m.end).min(body.len());
        let Some(window) = body.get(m.end..to) else {
            continue;
        };
        let gender = word_spans(window)
            .into_iter()
            .find_map(|(s, e)| cues.words.word_gender(&window[s..e]));
        let slot = votes.entry(m.entity_name.as_str()).or_default();
        match gender {
            Some('m') => slot.0 += 1,
            Some('f') => slot.1 += 1,
            _ => {}
        }
    }
    for m in &persons {
        votes.entry(m.entity_name.as_str()).or_default();
    }
    votes
        .into_iter()
        .filter_map(|(name, (m, f))| match m.cmp(&f) {
            std::cmp::Ordering::Greater => Some((name.to_string(), 'm')),
            std::cmp::Ordering::Less => Some((name.to_string(), 'f')),
            std::cmp::Ordering::Equal => Some((name.to_string(), cues.words.name_gender(name)?)),
        })
        .collect()
}

/// True unless both genders are known and differ.
pub fn agrees(a: Option<char>, b: Option<char>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    }
}
