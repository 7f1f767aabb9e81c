//! Tags, the valid BIO transitions, Viterbi decoding and tag sequences read as spans.

use crate::model::EntityType;

/// Number of tags: `O`, then `B-` and `I-` of PER, ORG and LOC.
pub const TAGS: usize = 7;

/// The tag names, by index.
pub const TAG_NAMES: [&str; TAGS] = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"];

/// The index of a tag name; MISC and unknown tags are `O` (the pipeline's mentions are
/// persons, organisations and places).
pub fn tag_index(name: &str) -> usize {
    TAG_NAMES.iter().position(|&t| t == name).unwrap_or(0)
}

/// The entity type of a tag (`None` for `O`).
pub fn tag_type(tag: usize) -> Option<EntityType> {
    match tag {
        1 | 2 => Some(EntityType::Person),
        3 | 4 => Some(EntityType::Org),
        5 | 6 => Some(EntityType::Loc),
        _ => None,
    }
}

/// True when `tag` may follow `prev` (`None`: the sentence start): an `I-` tag only
/// continues a `B-` or `I-` of its own type.
pub fn allowed(prev: Option<usize>, tag: usize) -> bool {
    if tag == 0 || tag % 2 == 1 {
        return true;
    }
    prev.is_some_and(|p| p != 0 && tag_type(p) == tag_type(tag))
}

/// The best valid tag sequence for per-token `emissions` (one score per tag) and
/// `transitions` (`[prev][tag]`, row [`TAGS`] is the sentence start).
pub fn viterbi(emissions: &[[f32; TAGS]], transitions: &[[f32; TAGS]; TAGS + 1]) -> Vec<usize> {
    let n = emissions.len();
    if n == 0 {
        return Vec::new();
    }
    let mut score = vec![[f32::NEG_INFINITY; TAGS]; n];
    let mut back = vec![[0u8; TAGS]; n];
    for t in 0..TAGS {
        if allowed(None, t) {
            score[0][t] = emissions[0][t] + transitions[TAGS][t];
        }
    }
    for i in 1..n {
        for t in 0..TAGS {
            let mut best = (f32::NEG_INFINITY, 0);
            for p in 0..TAGS {
                if !allowed(Some(p), t) || score[i - 1][p] == f32::NEG_INFINITY {
                    continue;
                }
                let s = score[i - 1][p] + transitions[p][t];
                if s > best.0 {
                    best = (s, p);
                }
            }
            score[i][t] = best.0 + emissions[i][t];
            back[i][t] = best.1 as u8;
        }
    }
    let mut t = (0..TAGS)
        .max_by(|&a, &b| score[n - 1][a].total_cmp(&score[n - 1][b]).then(b.cmp(&a)))
        .unwrap_or(0);
    let mut out = vec![0; n];
    for i in (0..n).rev() {
        out[i] = t;
        t = back[i][t] as usize;
    }
    out
}

/// The entities of a valid tag sequence: `(first token, one past the last, type)`.
pub fn spans(tags: &[usize]) -> Vec<(usize, usize, EntityType)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, EntityType)> = None;
    for (i, &t) in tags.iter().enumerate() {
        let continues = t != 0 && t % 2 == 0 && open.is_some_and(|(_, ty)| tag_type(t) == Some(ty));
        if continues {
            continue;
        }
        if let Some((s, ty)) = open.take() {
            out.push((s, i, ty));
        }
        if let Some(ty) = tag_type(t) {
            open = Some((i, ty));
        }
    }
    if let Some((s, ty)) = open {
        out.push((s, tags.len(), ty));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn viterbi_never_opens_with_an_inside_tag() {
        let mut e = vec![[0.0; TAGS]; 3];
        e[0][2] = 5.0; // I-PER first: invalid
        e[1][2] = 5.0;
        e[2][6] = 5.0; // I-LOC after PER: invalid
        let tr = [[0.0; TAGS]; TAGS + 1];
        let tags = viterbi(&e, &tr);
        for (i, &t) in tags.iter().enumerate() {
            assert!(
                allowed(if i == 0 { None } else { Some(tags[i - 1]) }, t),
                "{tags:?}"
            );
        }
        assert_eq!(
            spans(&[1, 2, 0, 5, 3, 4]),
            vec![
                (0, 2, EntityType::Person),
                (3, 4, EntityType::Loc),
                (4, 6, EntityType::Org)
            ]
        );
    }
}
