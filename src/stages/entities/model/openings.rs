//! Capitalised common words opening a sentence, taken by the model as names.
//!
//! A word the training corpora write lower-case and never as a name
//! (`entity_common_words`) is capitalised at the opening of a sentence ("Todavía tiene
//! mucho margen…"). There the capital says nothing, and the model, which learned that
//! capitals open names, may take the word for one. A one-word span so placed that the
//! knowledge base does not confirm is dropped. Longer spans keep such words: names open
//! and close with common words too ("Stazione Vecchia", "Aldo Giuseppe Ricotta"; cutting
//! them lost more than it mended on the tune half).

use crate::model::EntityType;
use crate::stages::entities::lists::context_lists::LangLists;
use crate::stages::entities::words::opens_sentence;
use crate::text::fold_str;

/// The model's spans less the one-word spans that are a common word opening its
/// sentence; spans that `known` (the knowledge base's matches) gives exactly are kept.
pub(crate) fn drop_common_openings(
    text: &str,
    sentences: &[(usize, usize)],
    lists: &LangLists,
    known: &[(usize, usize, EntityType)],
    found: Vec<(usize, usize, EntityType)>,
) -> Vec<(usize, usize, EntityType)> {
    if lists.common_words.is_empty() {
        return found;
    }
    let common =
        |w: &str| w.starts_with(char::is_uppercase) && lists.common_words.contains(&fold_str(w));
    let mut out = Vec::with_capacity(found.len());
    for (start, end, ty) in found {
        if known.iter().any(|&(s, e, _)| s == start && e == end) {
            out.push((start, end, ty));
            continue;
        }
        let one_word = !text[start..end].contains(char::is_whitespace);
        if one_word && common(&text[start..end]) && opens_sentence(text, sentences, start) {
            continue;
        }
        out.push((start, end, ty));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;
    use crate::stages::entities::lists::context_lists::ContextLists;
    use crate::text::sentence_spans;

    fn trimmed(lang: &str, text: &str, spans: &[(&str, EntityType)]) -> Vec<String> {
        let lexicon = Lexicon::load(&[] as &[&str]).expect("lexicon");
        let lists = ContextLists::new(&lexicon);
        let sentences = sentence_spans(text);
        let found = spans
            .iter()
            .map(|&(s, ty)| {
                let at = text.find(s).expect("span in text");
                (at, at + s.len(), ty)
            })
            .collect();
        drop_common_openings(text, &sentences, lists.for_lang(lang), &[], found)
            .into_iter()
            .map(|(s, e, _)| text[s..e].to_string())
            .collect()
    }

    #[test]
    fn a_sentence_opening_adverb_is_no_name() {
        let text = "Ganó el partido. Todavía tiene mucho margen, dijo Ferrero.";
        let got = trimmed(
            "es",
            text,
            &[
                ("Todavía", EntityType::Loc),
                ("Ferrero", EntityType::Person),
            ],
        );
        assert_eq!(got, ["Ferrero"]);
    }

    #[test]
    fn names_and_lower_case_words_inside_names_are_kept() {
        let text = "Oggi la Corte dei conti ha parlato. Stazione Vecchia è chiusa. Oggi Meloni ha risposto.";
        let got = trimmed(
            "it",
            text,
            &[
                ("Corte dei conti", EntityType::Org),
                ("Stazione Vecchia", EntityType::Loc),
                ("Meloni", EntityType::Person),
            ],
        );
        assert_eq!(got, ["Corte dei conti", "Stazione Vecchia", "Meloni"]);
    }
}
