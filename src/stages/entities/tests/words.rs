//! Words of a body: the first and last words of a text are the ends of all its words, and
//! the word before a name keeps its elided article.

use crate::stages::entities::words::{first_words, last_words, word_before, words};

#[test]
fn first_and_last_words_are_the_ends_of_all_words() {
    let texts = [
        "le président de la République française, M. Emmanuel Macron, a dit",
        "Il ministro  degli\u{a0}Esteri,\ne\u{301}lu l’ex-président d'Iran -- ok",
        "— « » ... ,",
        "",
    ];
    for t in texts {
        let all = words(t);
        for n in 1..8 {
            let last = last_words(t, n);
            assert!(last.len() >= n.min(all.len()), "{t:?} {n}");
            assert_eq!(last[..], all[all.len() - last.len()..], "{t:?} {n}");
            let first = first_words(t, n);
            assert!(first.len() >= n.min(all.len()), "{t:?} {n}");
            assert_eq!(first[..], all[..first.len()], "{t:?} {n}");
        }
    }
    let t = texts[0];
    assert_eq!(last_words(t, 2), ["a", "dit"]);
    assert_eq!(first_words(t, 2), ["le", "president"]);
}

#[test]
fn word_before_keeps_elided_articles() {
    let text = "i dipendenti dell'Alitalia e della Innocenti";
    assert_eq!(word_before(text, text.find("Alitalia").unwrap()), "dell'");
    assert_eq!(word_before(text, text.find("Innocenti").unwrap()), "della");
    assert_eq!(word_before(text, 0), "");
}
