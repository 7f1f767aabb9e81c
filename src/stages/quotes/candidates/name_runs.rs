//! The one walker over capitalised words that both finders of untagged names use: the
//! cue names (`cue_names`, "Lonechild said", "said Mickelson") and the bare speaker
//! names next to a cue (`speakers::nearby`, "», a déclaré Jean Dupont").

use crate::stages::quotes::cues::LangCues;
use crate::text::word_spans;

/// Most words a name run may hold (particles included).
const MAX_RUN_WORDS: usize = 5;

/// True when `word` can be part of a name: capitalised, at least two characters, not a
/// stopword ("The", "November"), a pronoun or a possessive ("Campbell’s").
pub fn is_name_word(word: &str, cues: &LangCues) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().count() >= 2
        && !cues.words.is_stopword(word)
        && !cues.words.is_pronoun(word)
        && !word.ends_with("’s")
        && !word.ends_with("'s")
}

/// A word that may sit inside a name, never at its edges: a listed particle ("von der
/// Leyen", "da Silva") or a short capitalised one ("Jean-Yves Le Drian", "Al Hashish");
/// "à" in "Peskov à Moscou" is neither.
fn is_particle(word: &str, cues: &LangCues) -> bool {
    cues.words.is_name_particle(word)
        || (word.chars().count() <= 3 && word.chars().next().is_some_and(char::is_uppercase))
}

/// A run of up to five name words (particles allowed inside, only spaces between them)
/// at the start (`leading`) or the end of `text`, with nothing but spaces between it and
/// that edge: its byte span. None for an abbreviation ("Dr.", "Aug.") at the run's end,
/// or a lone word of two letters.
pub fn name_run(text: &str, cues: &LangCues, leading: bool) -> Option<(usize, usize)> {
    let mut words = word_spans(text);
    if !leading {
        words.reverse();
    }
    let word = |&(s, e): &(usize, usize)| &text[s..e];
    let first = *words.first()?;
    let edge_gap = if leading {
        &text[..first.0]
    } else {
        &text[first.1..]
    };
    if !edge_gap.trim().is_empty() || !is_name_word(word(&first), cues) {
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
        let fits = is_name_word(word(w), cues) || is_particle(word(w), cues);
        if !gap.trim().is_empty() || gap.contains('\n') || !fits || run.len() == MAX_RUN_WORDS {
            break;
        }
        run.push(*w);
    }
    while run.len() > 1 && !is_name_word(word(&run[run.len() - 1]), cues) {
        run.pop();
    }
    let (a, b) = (run[0], run[run.len() - 1]);
    let (s, e) = if leading { (a.0, b.1) } else { (b.0, a.1) };
    let abbreviation = text[e..].starts_with('.') && e - s <= 4;
    let lone_short = run.len() == 1 && text[s..e].chars().count() <= 2;
    (!abbreviation && !lone_short).then_some((s, e))
}
