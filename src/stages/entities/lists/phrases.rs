//! Word sequences looked up by their first or last word (person titles, speech verb
//! phrases), so that matching at one position compares only the phrases that can match.

use rustc_hash::FxHashMap as HashMap;

/// A set of folded word sequences, indexed by first and by last word.
#[derive(Debug, Clone, Default)]
pub(crate) struct Phrases {
    list: Vec<Vec<String>>,
    by_first: HashMap<String, Vec<usize>>,
    by_last: HashMap<String, Vec<usize>>,
    max_words: usize,
}

impl Phrases {
    /// Adds `phrases`; empty ones are ignored.
    pub(super) fn extend(&mut self, phrases: impl IntoIterator<Item = Vec<String>>) {
        for p in phrases {
            let (Some(first), Some(last)) = (p.first(), p.last()) else {
                continue;
            };
            let i = self.list.len();
            self.by_first.entry(first.clone()).or_default().push(i);
            self.by_last.entry(last.clone()).or_default().push(i);
            self.max_words = self.max_words.max(p.len());
            self.list.push(p);
        }
    }

    /// Words in the longest phrase (0 when there is none).
    pub(crate) fn max_words(&self) -> usize {
        self.max_words
    }

    /// Length in words of the longest phrase that ends exactly at `words[end - 1]`
    /// (`end` at most `words.len()`).
    pub(crate) fn longest_ending_at(&self, words: &[String], end: usize) -> Option<usize> {
        let last = words.get(end.checked_sub(1)?)?;
        self.by_last
            .get(last)?
            .iter()
            .map(|&i| &self.list[i])
            .filter(|p| p.len() <= end && words[end - p.len()..end] == p[..])
            .map(Vec::len)
            .max()
    }

    /// True when `words` (from the first) start with one of the phrases.
    pub(crate) fn starts(&self, words: &[String]) -> bool {
        let Some(ids) = words.first().and_then(|w| self.by_first.get(w)) else {
            return false;
        };
        ids.iter()
            .map(|&i| &self.list[i])
            .any(|p| words.len() >= p.len() && words[..p.len()] == p[..])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> Vec<String> {
        s.split(' ').map(String::from).collect()
    }

    #[test]
    fn finds_the_longest_phrase_ending_at_a_word_and_phrases_at_the_start() {
        let mut p = Phrases::default();
        p.extend([w("ministro"), w("primo ministro"), w("ha detto"), vec![]]);
        assert_eq!(p.max_words(), 2);
        let text = w("il primo ministro ha detto");
        assert_eq!(p.longest_ending_at(&text, 3), Some(2));
        assert_eq!(p.longest_ending_at(&text, 5), Some(2));
        assert_eq!(p.longest_ending_at(&text, 2), None);
        assert_eq!(p.longest_ending_at(&text, 0), None);
        assert!(p.starts(&text[3..]));
        assert!(!p.starts(&text));
        assert!(!p.starts(&[]));
    }
}
