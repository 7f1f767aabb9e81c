//! Context cues around a capitalised sequence: a title before it, an apposition or a
//! speech verb after it, a speech verb or a place preposition right before it, a regnal
//! number after it.

use super::context::NameContext;
use super::tokens::joined;
use crate::stages::entities::words::{first_words, last_words, opens_sentence};
use crate::text::sentence_of;

/// Words before a name searched for a title.
const TITLE_WINDOW: usize = 6;

/// Where a person title stands before a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Title {
    /// Right before it ("le général Karim Haddadi").
    Adjacent,
    /// Followed only by function words ("il ministro del Lavoro Poletti").
    Linked,
    /// A few words before ("le président iranien, Masoud Pezeshkian").
    Near,
}

impl NameContext<'_> {
    /// Where a title stands among the few words before `start` in its sentence.
    pub(super) fn title_before(&self, start: usize) -> Option<Title> {
        // Only the words a title ending in the window can reach are folded.
        let reach = TITLE_WINDOW + self.lists.title_words();
        let before = last_words(self.sentence_before(start), reach);
        let k = (0..TITLE_WINDOW.min(before.len())).find(|&k| {
            self.lists
                .title_ending_at(&before, before.len() - k)
                .is_some()
        })?;
        let gap = &before[before.len() - k..];
        let function_word = |w: &String| {
            self.particles.contains(w)
                || self.lists.org_connectors.contains(w)
                || self.lists.stopwords.contains(w)
        };
        Some(match k {
            0 => Title::Adjacent,
            _ if gap.iter().all(function_word) => Title::Linked,
            _ => Title::Near,
        })
    }

    /// Number of tokens from `a` (at most to `b`) that spell a title ("Primo Ministro").
    pub(super) fn leading_title(&self, a: usize, b: usize) -> usize {
        let n = (b + 1 - a).min(4);
        let w: Vec<String> = self.tokens[a..a + n]
            .iter()
            .map(|t| t.folded.clone())
            .collect();
        (1..=n)
            .rev()
            .find(|&k| self.lists.title_ending_at(&w[..k], k) == Some(k))
            .unwrap_or(0)
    }

    /// The text of `start`'s sentence before `start`.
    fn sentence_before(&self, start: usize) -> &str {
        let sent_start =
            sentence_of(self.sentences, start).map_or(0, |i| self.sentences[i].0.min(start));
        &self.text[sent_start..start]
    }

    /// The (at most 80) bytes of the body after `end`.
    fn after(&self, end: usize) -> &str {
        let e = self.text.floor_char_boundary(end + 80);
        &self.text[end..e]
    }

    /// "X, secrétaire du …", "X, the minister of …": a comma then a title (an article or
    /// function word may stand before it) right after `end`.
    pub(super) fn apposition_after(&self, end: usize) -> bool {
        let Some(rest) = self
            .after(end)
            .trim_start_matches([' ', '\u{a0}'])
            .strip_prefix(',')
        else {
            return false;
        };
        let w = first_words(rest, 1 + self.lists.title_words());
        let skip = usize::from(w.first().is_some_and(|x| self.lists.stopwords.contains(x)));
        w.len() > skip && self.lists.starts_with_title(&w[skip..])
    }

    /// "X a déclaré", "X said": a speech verb right after `end`, past one space.
    pub(super) fn speech_verb_after(&self, end: usize) -> bool {
        let rest = self.after(end);
        rest.starts_with([' ', '\u{a0}'])
            && self
                .lists
                .starts_with_speech_verb(&first_words(rest, self.lists.speech_verb_words()))
    }

    /// "… ha detto Mario Rossi", "said John Smith": a speech verb right before.
    pub(super) fn speech_verb_before(&self, start: usize) -> bool {
        let before = self.sentence_before(start);
        before.ends_with([' ', '\u{a0}'])
            && self
                .lists
                .ends_with_speech_verb(&last_words(before, self.lists.speech_verb_words()))
    }

    /// "à X", "in X": a lower-case place cue (loc_cues) joined to token `a` right before it.
    pub(super) fn place_cue_before(&self, a: usize) -> bool {
        a > 0 && {
            let prev = &self.tokens[a - 1];
            !prev.cap
                && self.lists.loc_cues.contains(&prev.folded)
                && joined(self.text, prev, &self.tokens[a])
        }
    }

    /// A one-word name is taken for a person by its speech verb unless it opens the
    /// sentence (an ordinary word as likely) or is an organisation head ("Il Senato ha
    /// dichiarato").
    pub(super) fn lone_word_unlike_a_name(&self, a: usize) -> bool {
        let t = &self.tokens[a];
        opens_sentence(self.text, self.sentences, t.start)
            || self.lists.org_heads.contains(&t.folded)
    }
}

/// True for a regnal number of two or more letters ("II", "XVI", "XXIII").
pub(crate) fn is_roman_numeral(word: &str) -> bool {
    let n = word.chars().count();
    (2..=6).contains(&n) && word.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
}
