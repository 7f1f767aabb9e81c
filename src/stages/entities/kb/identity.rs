//! Identity keys for names the knowledge base does not know, so that the spellings of one
//! name in French, Italian, German and English meet on one id.
//!
//! The key is a skeleton of the folded name (lower-case, accents stripped), built word by
//! word (words split on spaces, hyphens, apostrophes and dots, joined with `-`; a hyphen
//! between two lower-case letters, as where a word is broken across lines, "Lon-don", is
//! dropped first):
//!
//! 1. the spelling rules of `data/identity/spelling.tsv`, in file order: `tsch`/`tch` →
//!    `ch`, then `sch` → `s`, `dzh`/`dj`/`zh` → `j`, `kh` → `h`, `sh`/`ch` → `s`, `ph` → `f`,
//!    `ou` → `u`, `gue`/`gui` → `ge`/`gi`, `w` → `v`, `y` → `i`, `ck` → `k`, and a
//!    word-final `j` after a vowel → `i` (Choïgou/Shoigu/Schoigu → `soigu`,
//!    Patrouchev/Patrushev/Patruschew → `patrusev`, Sergueï/Sergey/Sergej → `sergei`);
//! 2. doubled letters are written once (Moussa/Mousa → `musa`).
//!
//! Vowels are kept and every word counts, so different first names or surnames stay apart
//! (Mohammad Bagheri ≠ Ali Bagheri Kani, Ali Khamenei ≠ Ali Shamkhani).
//!
//! The derived id is `gz:<skeleton>`, without the type: a name typed as a place in one
//! document and as a person in another (types of unconfirmed names are guesses) keeps
//! one id. The price is that a person and a place of the same unknown name share it.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::text::fold_str;

/// The shipped spelling rules (see the module docs and the file's header).
const SPELLING_FILE: &str = "identity/spelling.tsv";

/// One spelling rule: `from` written `to` in a folded word.
#[derive(Debug, Clone, PartialEq)]
struct Rule {
    from: String,
    to: String,
    /// Only where `from` ends the word (`$` after it in the file).
    word_end: bool,
}

/// The rules of a spelling file (`from<TAB>to` lines; `#` comments and blank lines
/// skipped, as are lines without a tab).
fn parse_rules(text: &str) -> Vec<Rule> {
    text.lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .filter_map(|l| {
            let (from, to) = l.split_once('\t')?;
            let (from, word_end) = match from.trim().strip_suffix('$') {
                Some(f) => (f, true),
                None => (from.trim(), false),
            };
            (!from.is_empty()).then(|| Rule {
                from: from.to_string(),
                to: to.trim().to_string(),
                word_end,
            })
        })
        .collect()
}

/// The shipped spelling rules, read once.
fn rules() -> &'static [Rule] {
    static RULES: OnceLock<Vec<Rule>> = OnceLock::new();
    RULES.get_or_init(|| parse_rules(crate::lexicon::embedded_file(SPELLING_FILE).unwrap_or("")))
}

/// True when `word` holds `pat` (both short; no searcher set up, unlike `str::contains`).
fn holds(word: &str, pat: &str) -> bool {
    word.as_bytes()
        .windows(pat.len())
        .any(|w| w[0] == pat.as_bytes()[0] && w == pat.as_bytes())
}

/// Appends the skeleton of one folded word to `out`.
fn push_skeleton_word(word: &str, out: &mut String) {
    let mut w = word.to_string();
    for rule in rules() {
        if rule.word_end {
            if w.ends_with(rule.from.as_str()) {
                w.truncate(w.len() - rule.from.len());
                w.push_str(&rule.to);
            }
        // `replace` allocates even when nothing matches; most rules match nothing.
        } else if holds(&w, &rule.from) {
            w = w.replace(rule.from.as_str(), &rule.to);
        }
    }
    let mut last = None;
    for c in w.chars() {
        if last != Some(c) {
            out.push(c);
            last = Some(c);
        }
    }
}

/// The transliteration-aware skeleton of a name (see the module docs); empty when the
/// name holds no letter or digit.
pub(crate) fn skeleton(name: &str) -> String {
    let joined;
    let name = if name.contains(['-', '¬']) {
        joined = join_broken_words(name);
        joined.as_str()
    } else {
        name
    };
    let folded = fold_str(name);
    let mut out = String::with_capacity(folded.len());
    for word in folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push('-');
        }
        push_skeleton_word(word, &mut out);
    }
    out
}

/// Skeletons of the names of one document, each written form computed once.
#[derive(Debug, Default)]
pub(crate) struct SkeletonMemo<'a> {
    keys: HashMap<&'a str, String>,
}

impl<'a> SkeletonMemo<'a> {
    /// The [`skeleton`] of `name`.
    pub(crate) fn get(&mut self, name: &'a str) -> &str {
        self.keys.entry(name).or_insert_with(|| skeleton(name))
    }
}

/// `name` without the hyphens (and the line break after one) that join two lower-case
/// letters: "Lon-don" → "London", "Ashton-under-Lyne" keeps the hyphen before "Lyne".
fn join_broken_words(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::with_capacity(name.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if matches!(c, '-' | '¬') && i > 0 && chars[i - 1].is_lowercase() {
            let mut j = i + 1;
            while j < chars.len() && chars[j].is_whitespace() {
                j += 1;
            }
            if chars.get(j).is_some_and(|n| n.is_lowercase()) {
                i = j;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    out
}

/// The derived id of a name missing from the knowledge base whose [`skeleton`] is `key`:
/// `gz:<key>` (the type is not part of it; see the module docs).
pub(super) fn id_of_skeleton(key: &str) -> String {
    format!("gz:{key}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_of_the_spelling_file_is_a_rule() {
        let text = crate::lexicon::embedded_file(SPELLING_FILE).expect("spelling file");
        let lines = text
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .count();
        assert_eq!(rules().len(), lines);
        assert_eq!(
            parse_rules("# c\nsch\ts\n\naj$\tai\nbad\n"),
            [
                Rule {
                    from: "sch".into(),
                    to: "s".into(),
                    word_end: false
                },
                Rule {
                    from: "aj".into(),
                    to: "ai".into(),
                    word_end: true
                }
            ]
        );
    }

    #[test]
    fn spellings_of_one_name_merge() {
        let k = skeleton("Sergei Shoigu");
        for v in [
            "Sergueï Choïgou",
            "Sergej Schoigu",
            "Sergey Choigu",
            "SERGEI SHOIGU",
        ] {
            assert_eq!(skeleton(v), k, "{v}");
        }
        let k = skeleton("Nikolai Patrushev");
        for v in [
            "Nikolaï Patrouchev",
            "Nikolaj Patruschew",
            "Nikolay Patrushev",
        ] {
            assert_eq!(skeleton(v), k, "{v}");
        }
        assert_eq!(skeleton("Dmitri Peskow"), skeleton("Dmitry Peskov"));
        assert_eq!(
            skeleton("Moussa Abou Marzouk"),
            skeleton("Mousa Abu Marzouk")
        );
        assert_eq!(skeleton("Amir-Abdollahian"), skeleton("Amir Abdollahian"));
        assert_eq!(skeleton("Choïgou"), "soigu");
    }

    #[test]
    fn different_people_stay_apart() {
        assert_ne!(skeleton("Mohammad Bagheri"), skeleton("Ali Bagheri Kani"));
        assert_ne!(skeleton("Ali Khamenei"), skeleton("Ali Shamkhani"));
        assert_ne!(skeleton("Sergei Shoigu"), skeleton("Sergei Lavrov"));
        assert_ne!(skeleton("Jean Dupont"), skeleton("Jeanne Dupont"));
        assert_ne!(skeleton("Marco Rossi"), skeleton("Mario Rossi"));
        assert_ne!(skeleton("Nikolai Patrushev"), skeleton("Dmitry Patrushev"));
    }

    #[test]
    fn derived_ids_are_the_skeleton() {
        let derived_id = |name: &str| id_of_skeleton(&skeleton(name));
        assert_eq!(derived_id("Sergueï Choïgou"), "gz:sergei-soigu");
        assert_eq!(
            derived_id("Ministère des Affaires"),
            "gz:ministere-des-afaires"
        );
        assert_eq!(skeleton("« »"), "");
    }

    #[test]
    fn words_broken_across_lines_meet_their_whole_form() {
        assert_eq!(skeleton("Lon-don"), skeleton("London"));
        assert_eq!(skeleton("Konstan- tinopel"), skeleton("Konstantinopel"));
        assert_eq!(skeleton("Hel-\nsingfors"), skeleton("Helsingfors"));
        assert_ne!(skeleton("Amir-Abdollahian"), skeleton("Amirabdollahian"));
        assert_eq!(skeleton("Radio-Cité"), "radio-cite");
    }
}
