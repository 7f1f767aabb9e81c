//! Knowledge-base matching on short multilingual sentences written for it: accents and
//! elision, the case rule and acronyms, given names joining known surnames, exact byte
//! offsets, demonyms, user knowledge-base files.

use super::{doc, id_of, tag, tagger, texts};
use crate::lexicon::Lexicon;
use crate::stages::entities::EntitiesConfig;

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
fn a_model_span_takes_the_one_entry_of_its_skeleton_whatever_its_type() {
    use crate::model::EntityType::{Loc, Org, Person};
    use crate::stages::entities::draft::Candidate;
    use crate::stages::entities::kb::identity::SkeletonMemo;
    use crate::stages::entities::kb::knowledge_base::KnowledgeBase;
    use crate::stages::entities::kb::linker::Linker;

    let linker = Linker::new(KnowledgeBase::load(&[]).expect("kb"));
    let text = "Iran, Maison-Blanche, Oleg Ivanovic, Shoigu";
    let span = |w: &str| {
        let start = text.find(w).unwrap();
        Candidate {
            start,
            end: start + w.len(),
            entity_type: None,
            score: 0.8,
            cap_words: w.split_whitespace().count(),
        }
    };
    let mut memo = SkeletonMemo::default();
    let mut link = |w: &str, ty| {
        let d = linker.model_draft(text, &span(w), ty, &mut memo);
        (d.id, d.entity_type, d.method)
    };
    assert_eq!(link("Iran", Org), ("Q794".into(), Org, "model"));
    assert_eq!(link("Iran", Loc), ("Q794".into(), Loc, "model"));
    assert_eq!(
        link("Maison-Blanche", Loc),
        ("gz:org:white-house".into(), Loc, "model")
    );
    // A person is no metonymy of a place: the knowledge base's type wins there.
    assert_eq!(
        link("Shoigu", Loc),
        ("gz:person:sergei-shoigu".into(), Person, "model")
    );
    assert_eq!(
        link("Oleg Ivanovic", Person),
        ("gz:oleg-ivanovic".into(), Person, "model")
    );
}
