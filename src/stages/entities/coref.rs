//! Short forms within one document: a capitalised word or pair equal to the surname of a
//! person mentioned in full elsewhere in the document ("Blinken" → "Anthony Blinken",
//! "Bagheri Kani" → "Ali Bagheri Kani") takes that person's id. Comparison goes through
//! [`skeleton`], so "Patrouchev" meets "Nikolai Patrushev".

use super::draft::{Candidate, Draft};
use super::kb::identity::{skeleton, SkeletonMemo};
use crate::model::EntityType;

/// Score of a short form naming one person of the document.
const SCORE_UNIQUE: f32 = 0.8;
/// Score of a short form that is the first word of a compound surname ("Bagheri" for
/// "Ali Bagheri Kani").
const SCORE_COMPOUND: f32 = 0.75;
/// Score of a short form several persons share, resolved to the closest one before it.
const SCORE_AMBIGUOUS: f32 = 0.7;
/// Score of a repeated full name found by pattern elsewhere.
const SCORE_REPEAT: f32 = 0.6;

/// A person mention that short forms may refer to.
#[derive(Debug, Clone)]
pub(crate) struct PersonRef {
    /// Byte offset of the mention.
    pub(crate) start: usize,
    /// Its entity id.
    pub(crate) id: String,
    /// Skeleton of the whole written name.
    full: String,
    /// Skeletons of its short forms, with their scores.
    keys: Vec<(String, f32)>,
}

impl PersonRef {
    /// Short forms of `names` (the mention as written, the canonical name …): the last
    /// word, and for names of three words or more the last two and the next-to-last.
    pub(crate) fn new(start: usize, id: &str, written: &str, names: &[&str]) -> Self {
        let mut keys = Vec::new();
        for name in std::iter::once(&written).chain(names) {
            let w: Vec<&str> = name.split_whitespace().collect();
            if w.len() < 2
                || w.iter()
                    .any(|x| x.chars().next().is_some_and(char::is_lowercase))
            {
                continue;
            }
            let n = w.len();
            keys.push((skeleton(w[n - 1]), SCORE_UNIQUE));
            if n >= 3 {
                keys.push((skeleton(&w[n - 2..].join(" ")), SCORE_UNIQUE));
                keys.push((skeleton(w[n - 2]), SCORE_COMPOUND));
            }
        }
        PersonRef {
            start,
            id: id.to_string(),
            full: skeleton(written),
            keys,
        }
    }
}

/// How a short form was resolved.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Resolution {
    /// Id of the person.
    pub(crate) id: String,
    /// `coref`, or `pattern` for a repeated full name.
    pub(crate) method: &'static str,
    /// Confidence.
    pub(crate) score: f32,
}

/// Resolves a short form (written at `start`, `words` capitalised words), given its
/// [`skeleton`], against `refs`.
pub(crate) fn resolve_key(
    refs: &[PersonRef],
    start: usize,
    key: &str,
    words: usize,
) -> Option<Resolution> {
    if key.is_empty() {
        return None;
    }
    if let Some(r) = refs.iter().find(|r| r.full == key) {
        return Some(Resolution {
            id: r.id.clone(),
            method: "pattern",
            score: SCORE_REPEAT,
        });
    }
    if words > 2 {
        return None;
    }
    let hits: Vec<(&PersonRef, f32)> = refs
        .iter()
        .filter_map(|r| {
            r.keys
                .iter()
                .filter(|(k, _)| *k == key)
                .map(|&(_, s)| s)
                .reduce(f32::max)
                .map(|s| (r, s))
        })
        .collect();
    let first = hits.first()?;
    if hits.iter().all(|(r, _)| r.id == first.0.id) {
        let score = hits.iter().map(|&(_, s)| s).fold(0.0, f32::max);
        return Some(Resolution {
            id: first.0.id.clone(),
            method: "coref",
            score,
        });
    }
    let before = hits
        .iter()
        .filter(|(r, _)| r.start < start)
        .max_by_key(|(r, _)| r.start);
    let after = hits
        .iter()
        .filter(|(r, _)| r.start > start)
        .min_by_key(|(r, _)| r.start);
    before.or(after).map(|(r, _)| Resolution {
        id: r.id.clone(),
        method: "coref",
        score: SCORE_AMBIGUOUS,
    })
}

/// Pending one-word names resolved to a person mention of the document ([`resolve_key`]).
pub(crate) fn resolve_short_forms<'a>(
    text: &'a str,
    drafts: &[Draft],
    pending: &[Candidate],
    memo: &mut SkeletonMemo<'a>,
) -> Vec<Draft> {
    let mut refs: Vec<PersonRef> = drafts
        .iter()
        .filter(|d| d.entity_type == EntityType::Person)
        .map(|d| {
            let names: Vec<&str> = d.canonical.iter().map(String::as_str).collect();
            PersonRef::new(d.start, &d.id, &text[d.start..d.end], &names)
        })
        .collect();
    refs.sort_by_key(|r| r.start);
    pending
        .iter()
        .filter_map(|c| {
            let key = memo.get(&text[c.start..c.end]);
            let r = resolve_key(&refs, c.start, key, c.cap_words)?;
            let source = drafts.iter().find(|d| d.id == r.id)?;
            Some(Draft {
                start: c.start,
                end: c.end,
                id: r.id,
                entity_type: EntityType::Person,
                canonical: source.canonical.clone(),
                method: r.method,
                score: r.score,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Resolves `short` (written at `start`, `words` capitalised words) against `refs`.
    fn resolve(refs: &[PersonRef], start: usize, short: &str, words: usize) -> Option<Resolution> {
        resolve_key(refs, start, &skeleton(short), words)
    }

    #[test]
    fn surnames_resolve_and_ambiguity_takes_the_closest_before() {
        let refs = vec![
            PersonRef::new(0, "mb", "Mohammad Bagheri", &[]),
            PersonRef::new(50, "abk", "Ali Bagheri Kani", &[]),
            PersonRef::new(90, "np", "Nikolai Patrushev", &[]),
        ];
        let r = resolve(&refs, 100, "Bagheri Kani", 2).unwrap();
        assert_eq!(
            (r.id.as_str(), r.method, r.score),
            ("abk", "coref", SCORE_UNIQUE)
        );
        let r = resolve(&refs, 70, "Bagheri", 1).unwrap();
        assert_eq!((r.id.as_str(), r.score), ("abk", SCORE_AMBIGUOUS));
        let r = resolve(&refs, 30, "Bagheri", 1).unwrap();
        assert_eq!(r.id, "mb");
        assert_eq!(resolve(&refs, 120, "Patrouchev", 1).unwrap().id, "np");
        assert_eq!(resolve(&refs, 120, "Ali", 1), None);
        assert_eq!(
            resolve(&refs, 120, "Mohammad Bagheri", 2).unwrap().method,
            "pattern"
        );
    }
}
