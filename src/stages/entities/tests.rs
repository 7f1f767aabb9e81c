//! Stage tests on short multilingual sentences written for them: knowledge-base matching,
//! case rule, demonyms, configuration. Shared helpers for the other test files.

use std::sync::OnceLock;

use super::*;
use crate::model::Document;

pub(super) fn tagger() -> &'static EntityTagger {
    static T: OnceLock<EntityTagger> = OnceLock::new();
    T.get_or_init(|| {
        let lex = Lexicon::load(&[] as &[&str]).expect("lexicon");
        EntitiesConfig::default().build(&lex).expect("tagger")
    })
}

pub(super) fn doc(lang: &str, body: &str) -> Document {
    Document {
        language: lang.into(),
        body: body.into(),
        ..Document::default()
    }
}

/// (text, type, id, method) of one mention.
pub(super) type Tagged = (String, &'static str, String, &'static str);

/// Every mention as [`Tagged`].
pub(super) fn tag(lang: &str, body: &str) -> Vec<Tagged> {
    let d = doc(lang, body);
    tagger()
        .tag(&d)
        .into_iter()
        .map(|m| {
            (
                body[m.start..m.end].to_string(),
                m.entity_type.as_str(),
                m.entity_id,
                m.method,
            )
        })
        .collect()
}

pub(super) fn texts(lang: &str, body: &str) -> Vec<String> {
    tag(lang, body).into_iter().map(|m| m.0).collect()
}

pub(super) fn id_of(mentions: &[Tagged], text: &str) -> String {
    mentions
        .iter()
        .find(|m| m.0 == text)
        .map(|m| m.2.clone())
        .unwrap_or_else(|| panic!("{text} not found in {mentions:?}"))
}

#[test]
fn kb_matches_with_accents_and_elision() {
    let m = tag(
        "fr",
        "Sergueï Choïgou est arrivé à Téhéran pour soutenir l’Iran face à d'Israël.",
    );
    assert_eq!(
        m.iter()
            .map(|x| (x.0.as_str(), x.2.as_str()))
            .collect::<Vec<_>>(),
        [
            ("Sergueï Choïgou", "gz:person:sergei-shoigu"),
            ("Téhéran", "Q3616"),
            ("Iran", "Q794"),
            ("Israël", "Q801")
        ]
    );
    assert!(m.iter().all(|x| x.3 == "gazetteer"));
    let it = texts(
        "it",
        "L'alleato dell'Iran è fuggito dall’Ucraina verso Mosca.",
    );
    assert_eq!(it, ["Iran", "Ucraina", "Mosca"]);
    let ru = texts("ru", "Шойгу прибыл в Тегеран, сообщает ТАСС.");
    assert_eq!(ru, ["Шойгу", "Тегеран", "ТАСС"]);
    let es = texts("es", "Los Estados Unidos y Rusia hablaron en Teherán.");
    assert_eq!(es, ["Estados Unidos", "Rusia", "Teherán"]);
}

#[test]
fn tagger_is_shareable_across_threads() {
    fn assert_sync<T: Sync + Send>() {}
    assert_sync::<EntityTagger>();
}

#[test]
fn given_name_in_another_spelling_joins_a_known_surname() {
    let m = tag(
        "de",
        "Sergej Choïgou und Wladimir Poutine, aber nicht Karl Putin.",
    );
    let got: Vec<_> = m.iter().map(|x| (x.0.as_str(), x.2.as_str())).collect();
    assert_eq!(
        got,
        [
            ("Sergej Choïgou", "gz:person:sergei-shoigu"),
            ("Wladimir Poutine", "Q7747"),
            ("Putin", "Q7747")
        ]
    );
}

#[test]
fn offsets_are_exact_bytes_of_the_body() {
    let body = "À Téhéran, l’Égypte et Moskau.";
    let d = doc("fr", body);
    let m = tagger().tag(&d);
    let got: Vec<&str> = m.iter().map(|x| &body[x.start..x.end]).collect();
    assert_eq!(got, ["Téhéran", "Égypte", "Moskau"]);
    assert_eq!(m[1].entity_id, "Q79");
    assert_eq!(m[0].sentence, Some(0));
}

#[test]
fn case_rule_and_acronyms() {
    // Lower-case common words are not aliases; all-caps aliases need the exact case.
    assert!(texts(
        "en",
        "Tell us about the gaza of it, said the kremlin watcher."
    )
    .is_empty());
    assert_eq!(texts("en", "The US and the UN told us so."), ["US", "UN"]);
    assert_eq!(
        texts("fr", "Un diplomate de l'ONU a parlé à un journaliste."),
        ["ONU"]
    );
    assert!(texts("fr", "un homme et onu").is_empty());
    let m = tag("fr", "Selon l'agence Tass et la TASS, le G7 se réunit.");
    assert_eq!(id_of(&m, "Tass"), id_of(&m, "TASS"));
}

#[test]
fn demonyms_are_not_mentions() {
    for (lang, body) in [
        (
            "fr",
            "Les responsables iraniens et russes, et un soldat israélien.",
        ),
        ("it", "I funzionari iraniani e il governo russo."),
        ("en", "Iranian and Russian officials met an Israeli envoy."),
        (
            "de",
            "Der russische und der iranische Minister trafen sich.",
        ),
        ("es", "Los ministros iraníes y rusos se reunieron."),
    ] {
        assert!(
            texts(lang, body).is_empty(),
            "{lang}: {:?}",
            tag(lang, body)
        );
    }
}

#[test]
fn config_validation() {
    let bad = EntitiesConfig {
        min_score: 1.5,
        ..EntitiesConfig::default()
    };
    assert!(bad
        .validate()
        .unwrap_err()
        .to_string()
        .contains("stages.entities.min_score"));
    let lex = Lexicon::load(&[] as &[&str]).expect("lexicon");
    let strict = EntitiesConfig {
        min_score: 0.9,
        ..EntitiesConfig::default()
    }
    .build(&lex)
    .expect("tagger");
    let t = strict;
    let d = doc(
        "fr",
        "Le ministre Karim Haddadi a rencontré Sergei Choïgou.",
    );
    let m = t.tag(&d);
    assert_eq!(m.len(), 1);
    assert_eq!(m[0].method, "gazetteer");
}

#[test]
fn user_kb_files_add_entities() {
    let dir = std::env::temp_dir().join(format!("gazette-kb-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let path = dir.join("extra.tsv");
    std::fs::write(
        &path,
        "# extra\ngz:org:acme\tORG\tAcme Corp\tAcme|ACME Corp\n",
    )
    .expect("write");
    let lex = Lexicon::load(&[] as &[&str]).expect("lexicon");
    let s = EntitiesConfig {
        kb_files: vec![path],
        ..EntitiesConfig::default()
    }
    .build(&lex)
    .expect("tagger");
    let t = s;
    let m = t.tag(&doc("en", "Acme said acme prices rise."));
    assert_eq!(m.len(), 1);
    assert_eq!(m[0].entity_id, "gz:org:acme");
    std::fs::remove_dir_all(&dir).expect("cleanup");
}

#[test]
fn first_and_last_words_are_the_ends_of_all_words() {
    use super::context::{first_words, last_words, words};
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
