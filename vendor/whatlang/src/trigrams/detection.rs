use hashbrown::HashMap;

#[cfg(test)]
use super::LangProfile;
use super::LangProfileList;
#[cfg(test)]
use super::Trigram;
#[cfg(test)]
use super::utils::get_trigrams_with_positions;
use super::{ARABIC_LANGS, CYRILLIC_LANGS, DEVANAGARI_LANGS, HEBREW_LANGS, LATIN_LANGS};
use super::{MAX_TOTAL_DISTANCE, MAX_TRIGRAM_DISTANCE, TEXT_TRIGRAMS_SIZE};
use crate::Lang;
use crate::core::{FilterList, Info, InternalQuery, Text, calculate_confidence};
use crate::scripts::grouping::MultiLangScript;

#[derive(Debug)]
pub struct RawOutcome {
    pub trigrams_count: usize,
    #[allow(dead_code)]
    pub raw_distances: Vec<(Lang, u32)>,
    pub scores: Vec<(Lang, f64)>,
}

#[inline]
pub fn detect(iquery: &InternalQuery) -> Option<Info> {
    let raw_outcome = raw_detect(iquery);
    let RawOutcome {
        trigrams_count,
        scores,
        ..
    } = raw_outcome;

    let mut raw_scores_iter = scores.into_iter();

    let opt_lang_score1 = raw_scores_iter.next();
    let opt_lang_score2 = raw_scores_iter.next();

    // TODO: Logic is duplicated in alphabets. Consider refactoring
    opt_lang_score1.map(|(lang1, score1)| {
        let script = iquery.multi_lang_script.to_script();
        let confidence = if let Some((_, score2)) = opt_lang_score2 {
            calculate_confidence(score1, score2, trigrams_count)
        } else {
            1.0
        };
        Info::new(script, lang1, confidence)
    })
}

#[inline]
pub fn raw_detect(iquery: &InternalQuery) -> RawOutcome {
    let lang_profile_list = script_to_lang_profile_list(iquery.multi_lang_script);
    let index = script_to_index(iquery.multi_lang_script);
    calculate_scores_in_profiles(&iquery.text, iquery.filter_list, lang_profile_list, index)
}

fn script_to_lang_profile_list(script: MultiLangScript) -> LangProfileList {
    use MultiLangScript as MLS;
    match script {
        MLS::Latin => LATIN_LANGS,
        MLS::Cyrillic => CYRILLIC_LANGS,
        MLS::Arabic => ARABIC_LANGS,
        MLS::Devanagari => DEVANAGARI_LANGS,
        MLS::Hebrew => HEBREW_LANGS,
    }
}

// gazette patch: the profiles of a script inverted once (trigram -> (profile index, rank)),
// so that scoring a text costs one lookup per text trigram instead of one per profile
// trigram (about 11,000 for the Latin script). Distances are computed exactly as before.
type ProfileIndex = HashMap<u64, Vec<(u16, u16)>>;

fn build_index(list: LangProfileList) -> ProfileIndex {
    let mut index: ProfileIndex = HashMap::new();
    for (l, &(_, profile)) in list.iter().enumerate() {
        for (rank, &trigram) in profile.iter().enumerate() {
            index
                .entry(pack(trigram.0, trigram.1, trigram.2))
                .or_default()
                .push((l as u16, rank as u16));
        }
    }
    index
}

fn script_to_index(script: MultiLangScript) -> &'static ProfileIndex {
    use MultiLangScript as MLS;
    use std::sync::OnceLock;
    static INDEXES: [OnceLock<ProfileIndex>; 5] = [const { OnceLock::new() }; 5];
    let slot = match script {
        MLS::Latin => 0,
        MLS::Cyrillic => 1,
        MLS::Arabic => 2,
        MLS::Devanagari => 3,
        MLS::Hebrew => 4,
    };
    INDEXES[slot].get_or_init(|| build_index(script_to_lang_profile_list(script)))
}

/// A trigram as one integer (chars are below 2^21), ordered as `Trigram` is ordered.
#[inline]
fn pack(c1: char, c2: char, c3: char) -> u64 {
    ((c1 as u64) << 42) | ((c2 as u64) << 21) | c3 as u64
}

/// The same trigrams, counts and ranking as `get_trigrams_with_positions`: every trigram
/// of the text (stop chars read as spaces) counted, sorted by (count, trigram) descending,
/// the first TEXT_TRIGRAMS_SIZE kept; position `n` of the answer is the trigram's rank.
fn ranked_trigrams(text: &str) -> Vec<u64> {
    let capacity = text.len().min(2048);
    let mut counts: HashMap<u64, u32> = HashMap::with_capacity(capacity);
    let mut chars = text.chars().map(to_trigram_char).chain(Some(' '));
    let mut c1 = ' ';
    let mut c2 = chars.next().unwrap_or(' ');
    for c3 in chars {
        if !(c2 == ' ' && (c1 == ' ' || c3 == ' ')) {
            *counts.entry(pack(c1, c2, c3)).or_insert(0) += 1;
        }
        c1 = c2;
        c2 = c3;
    }
    let mut keyed: Vec<u128> = counts
        .into_iter()
        .map(|(key, count)| (u128::from(count) << 64) | u128::from(key))
        .collect();
    keyed.sort_unstable_by(|a, b| b.cmp(a));
    keyed.truncate(TEXT_TRIGRAMS_SIZE);
    keyed.into_iter().map(|k| k as u64).collect()
}

#[inline]
fn to_trigram_char(ch: char) -> char {
    if crate::utils::is_stop_char(ch) {
        ' '
    } else {
        ch
    }
}

#[inline]
fn calculate_scores_in_profiles(
    text: &Text,
    filter_list: &FilterList,
    lang_profile_list: LangProfileList,
    index: &ProfileIndex,
) -> RawOutcome {
    let mut lang_distances: Vec<(Lang, u32)> = vec![];

    // The text's trigrams ranked as `get_trigrams_with_positions` ranks them (count, then
    // trigram, descending; at most TEXT_TRIGRAMS_SIZE), as packed keys.
    let ranked = ranked_trigrams(&text.lowercase());
    let unique_trigrams_count = ranked.len();

    // Per profile: the sum over its trigrams found in the text of (MAX - |n - i|).
    let mut matched = vec![0i64; lang_profile_list.len()];
    for (n, key) in ranked.iter().enumerate() {
        if let Some(entries) = index.get(key) {
            for &(l, i) in entries {
                let dist = (n as i32 - i as i32).unsigned_abs();
                matched[l as usize] += MAX_TRIGRAM_DISTANCE as i64 - dist as i64;
            }
        }
    }

    for (l, &(lang, lang_trigrams)) in lang_profile_list.iter().enumerate() {
        if !filter_list.is_allowed(lang) {
            continue;
        }
        let dist = distance_from_matches(lang_trigrams.len(), matched[l], unique_trigrams_count);
        lang_distances.push(((lang), dist));
    }

    // Sort languages by distance
    lang_distances.sort_unstable_by_key(|(_, dist)| *dist);

    let max_dist = unique_trigrams_count as u32 * MAX_TRIGRAM_DISTANCE;

    let raw_scores = lang_distances
        .iter()
        .map(|&(lang, distance)| (lang, distance_to_raw_score(distance, max_dist)))
        .collect();

    RawOutcome {
        trigrams_count: unique_trigrams_count,
        scores: raw_scores,
        raw_distances: lang_distances,
    }
}

/// The same value as `calculate_distance`: every profile trigram costs MAX unless found,
/// then |n - i|; `matched` is the sum of (MAX - |n - i|) over the found ones.
#[inline]
fn distance_from_matches(profile_len: usize, matched: i64, unique_trigrams: usize) -> u32 {
    let mut total_dist = profile_len as i64 * MAX_TRIGRAM_DISTANCE as i64 - matched;

    let count = unique_trigrams as u32;

    if MAX_TRIGRAM_DISTANCE > count {
        let delta = MAX_TRIGRAM_DISTANCE - count;
        total_dist -= (delta * MAX_TRIGRAM_DISTANCE) as i64;
    }

    total_dist.clamp(0, MAX_TOTAL_DISTANCE as i64) as u32
}

#[cfg(test)]
#[inline]
fn calculate_distance(lang_trigrams: LangProfile, text_trigrams: &HashMap<Trigram, u32>) -> u32 {
    let mut total_dist = 0u32;

    for (i, &trigram) in lang_trigrams.iter().enumerate() {
        let dist = match text_trigrams.get(&trigram) {
            Some(&n) => (n as i32 - i as i32).unsigned_abs(),
            None => MAX_TRIGRAM_DISTANCE,
        };
        total_dist += dist;
    }

    let count = text_trigrams.len() as u32;

    if MAX_TRIGRAM_DISTANCE > count {
        let delta = MAX_TRIGRAM_DISTANCE - count;
        total_dist -= delta * MAX_TRIGRAM_DISTANCE;
    }

    total_dist.clamp(0, MAX_TOTAL_DISTANCE)
}

#[inline]
fn distance_to_raw_score(distance: u32, max_distance: u32) -> f64 {
    let similarity = max_distance - distance;
    similarity as f64 / max_distance as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_when_german_is_given() {
        let text = "Die Ordnung muss für immer in diesem Codebase bleiben";
        let iq = InternalQuery {
            text: Text::new(text),
            filter_list: &FilterList::default(),
            multi_lang_script: MultiLangScript::Latin,
        };
        let raw_outcome = raw_detect(&iq);

        assert_eq!(raw_outcome.trigrams_count, 50);

        let &(first_lang, first_score) = raw_outcome.scores.first().unwrap();
        let &(_last_lang, last_score) = raw_outcome.scores.last().unwrap();

        assert_eq!(first_lang, Lang::Deu);

        assert!(first_score >= 0.0);
        assert!(first_score <= 1.0);

        assert!(last_score >= 0.0);
        assert!(last_score <= 1.0);
    }

    #[test]
    fn inverted_index_gives_the_same_distances() {
        let texts = [
            "Die Ordnung muss für immer in diesem Codebase bleiben",
            "La Russie a livré des radars à l'Iran, a déclaré mardi un responsable iranien.",
            "Il ministro della Difesa ha visitato Teheran lunedì, mentre il paese si prepara.",
            "Президент России заявил во вторник, что переговоры продолжатся.",
            "",
            "a",
            "12 34, 56!",
            "The the the the the the quick brown fox jumps over the lazy dog again and again",
        ];
        let long: String = texts.concat().repeat(30);
        for script in [MultiLangScript::Latin, MultiLangScript::Cyrillic] {
            let list = script_to_lang_profile_list(script);
            let index = script_to_index(script);
            for t in texts.iter().copied().chain([long.as_str()]) {
                let lower = Text::new(t);
                let tp = get_trigrams_with_positions(&lower.lowercase()).trigram_positions;
                let ranked = ranked_trigrams(&lower.lowercase());
                assert_eq!(ranked.len(), tp.len());
                let mut matched = vec![0i64; list.len()];
                for (n, key) in ranked.iter().enumerate() {
                    let (c1, c2, c3) = (key >> 42, (key >> 21) & 0x1f_ffff, key & 0x1f_ffff);
                    let tri = Trigram(
                        char::from_u32(c1 as u32).unwrap(),
                        char::from_u32(c2 as u32).unwrap(),
                        char::from_u32(c3 as u32).unwrap(),
                    );
                    assert_eq!(tp.get(&tri), Some(&(n as u32)));
                    for &(l, i) in index.get(key).into_iter().flatten() {
                        matched[l as usize] += 300 - (n as i64 - i as i64).abs();
                    }
                }
                for (l, &(_, profile)) in list.iter().enumerate() {
                    assert_eq!(
                        calculate_distance(profile, &tp),
                        distance_from_matches(profile.len(), matched[l], ranked.len())
                    );
                }
            }
        }
    }
}
