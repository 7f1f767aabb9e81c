//! Quote-span tests: every mark convention, nesting, unbalanced marks, paragraphs,
//! full vs partial, names in quotes; hand-written sentences in fr, it, en, de, es.

use super::{doc, mentions, run, tagger, P};
use crate::model::{EntityType, QuoteKind};
use crate::stages::quotes::speakers::score;

#[test]
fn french_guillemets_with_and_without_inner_spaces() {
    let body = "Il a parlé de «moments difficiles».\n«\u{202F}Nous sommes prêts.\u{202F}», a déclaré Peskov.\n«\u{a0}Rien ne change\u{a0}», a-t-il ajouté.";
    let q = run("fr", body, &[("Peskov", "Dmitri_Peskov", P)]);
    let texts: Vec<&str> = q.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(
        texts,
        ["moments difficiles", "Nous sommes prêts.", "Rien ne change"]
    );
    assert_eq!(q[0].1.kind, QuoteKind::Partial);
    assert_eq!(q[1].1.kind, QuoteKind::Full);
    assert_eq!(q[2].1.kind, QuoteKind::Full);
    assert_eq!(q[1].1.speaker.as_deref(), Some("Peskov"));
    assert_eq!(q[1].1.cue.as_deref(), Some("a déclaré"));
    assert_eq!(q[2].1.speaker_id.as_deref(), Some("Dmitri_Peskov"));
    assert_eq!(q[2].1.cue.as_deref(), Some("a-t-il ajouté"));
    // Named next to the cue vs a pronoun whose referent's gender the text never shows.
    assert!(
        q[1].1.score == score::NAME_ADJACENT && q[2].1.score == score::PRONOUN,
        "{q:?}"
    );
}

#[test]
fn english_curly_and_single_quotes_skip_apostrophes() {
    let body = "“We don’t want a wider war,” Blinken said on Monday. Officials’ views differ.\n‘It’s a message to Tehran,’ he told reporters.";
    let q = run("en", body, &[("Blinken", "Antony_Blinken", P)]);
    let texts: Vec<&str> = q.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(
        texts,
        ["We don’t want a wider war,", "It’s a message to Tehran,"]
    );
    assert_eq!(q[0].1.speaker.as_deref(), Some("Blinken"));
    assert_eq!(q[0].1.cue.as_deref(), Some("said"));
    assert_eq!(q[1].1.speaker.as_deref(), Some("Blinken"));
    assert_eq!(q[1].1.cue.as_deref(), Some("told"));
    assert!(q[1].1.score < q[0].1.score);
}

#[test]
fn german_low_quotes_reversed_guillemets_and_laut() {
    let body = "„Wir sind zur Zusammenarbeit bereit“, sagte Schoigu in Teheran.\n»Die Lage ist ernst«, betonte er.\nDie Gespräche seien „sehr konstruktiv“ gewesen, laut Peskow.";
    let q = run(
        "de",
        body,
        &[
            ("Schoigu", "Sergei_Shoigu", P),
            ("Peskow", "Dmitri_Peskov", P),
        ],
    );
    let texts: Vec<&str> = q.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Wir sind zur Zusammenarbeit bereit",
            "Die Lage ist ernst",
            "sehr konstruktiv"
        ]
    );
    assert_eq!(q[0].1.speaker_id.as_deref(), Some("Sergei_Shoigu"));
    assert_eq!(q[0].1.cue.as_deref(), Some("sagte"));
    assert_eq!(q[1].1.speaker_id.as_deref(), Some("Sergei_Shoigu"));
    assert_eq!(q[2].1.kind, QuoteKind::Partial);
    assert_eq!(q[2].1.speaker_id.as_deref(), Some("Dmitri_Peskov"));
    assert_eq!(q[2].1.cue.as_deref(), Some("laut"));
}

#[test]
fn italian_same_mark_and_spanish_straight_quotes() {
    let body = "Teheran ha inviato ” un gran numero di missili ” alla Russia.\n“Siamo pronti a cooperare”, avrebbe affermato Shoigu.";
    let q = run("it", body, &[("Shoigu", "Sergei_Shoigu", P)]);
    assert_eq!(q[0].0, "un gran numero di missili");
    assert_eq!(q[0].1.kind, QuoteKind::Partial);
    assert_eq!(q[1].0, "Siamo pronti a cooperare");
    assert_eq!(q[1].1.cue.as_deref(), Some("avrebbe affermato"));
    assert_eq!(q[1].1.speaker.as_deref(), Some("Shoigu"));
    let body = "\"No habrá escalada\", dijo Sánchez ante la prensa. Según Albares, la situación es \"muy grave\".";
    let q = run(
        "es",
        body,
        &[
            ("Sánchez", "Pedro_Sánchez", P),
            ("Albares", "José_Manuel_Albares", P),
        ],
    );
    assert_eq!(q.len(), 2);
    assert_eq!(q[0].1.speaker.as_deref(), Some("Sánchez"));
    assert_eq!(q[0].1.cue.as_deref(), Some("dijo"));
    assert_eq!(q[1].1.speaker.as_deref(), Some("Albares"));
    assert_eq!(q[1].1.cue.as_deref(), Some("Según"));
}

#[test]
fn single_guillemets_and_nested_quotes_make_one_quotation() {
    let body = "Abou Marzouk a déclaré : « L'opération « Tempête d'al-Aqsa » et ce qui a suivi étaient un ‹ miracle ›. »";
    let q = run("fr", body, &[("Abou Marzouk", "Moussa_Abou_Marzouk", P)]);
    assert_eq!(q.len(), 1, "{q:?}");
    assert!(q[0].0.starts_with("L'opération « Tempête") && q[0].0.ends_with("un ‹ miracle ›."));
    assert_eq!(q[0].1.speaker.as_deref(), Some("Abou Marzouk"));
    assert_eq!(q[0].1.cue.as_deref(), Some("a déclaré"));
    let q = run(
        "fr",
        "Il parle d’un ‹ tournant historique › pour la région.",
        &[],
    );
    assert_eq!(q[0].0, "tournant historique");
}

#[test]
fn unbalanced_marks_never_swallow_the_document() {
    let body = "Le ministre a parlé d’une « trêve fragile, sans plus.\nLe lendemain, l’armée a dit que « rien n’a changé », selon Tass.\nUn » égaré ici.";
    let q = run("fr", body, &[("Tass", "TASS", EntityType::Org)]);
    let texts: Vec<&str> = q.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(texts, ["rien n’a changé"]);
    let body = "He called it “a disaster and left.\nNothing else happened here.";
    assert!(run("en", body, &[]).is_empty());
}

#[test]
fn multi_paragraph_quote_reopened_with_guillemets() {
    let body = "Lavrov a déclaré : « Nous ne céderons pas.\n« Nos partenaires le savent. »\nLa réunion s’est achevée.";
    let q = run("fr", body, &[("Lavrov", "Sergei_Lavrov", P)]);
    assert_eq!(q.len(), 1, "{q:?}");
    assert!(
        q[0].0.starts_with("Nous ne céderons pas.")
            && q[0].0.ends_with("Nos partenaires le savent.")
    );
    assert_eq!(q[0].1.speaker.as_deref(), Some("Lavrov"));
}

#[test]
fn names_and_titles_in_quotes_are_not_quotations() {
    let body = "Les alliés de l’Iran, l’«Axe de la Résistance», se sont mobilisés, a rapporté le “New York Times”.";
    let q = run("fr", body, &[]);
    assert!(q.is_empty(), "{q:?}");
    let body = "She called the deal “bad” and “Unacceptable.”";
    let q = run("en", body, &[]);
    assert_eq!(q.len(), 2);
    assert_eq!(q[0].1.kind, QuoteKind::Partial);
    assert!(
        q[0].1.score < 0.2,
        "short partial without cue scores low: {}",
        q[0].1.score
    );
}

#[test]
fn quotes_are_sorted_and_offsets_point_at_words() {
    let body = "«Uno», dijo él. «Dos», añadió ella. \"Tres\", declaró Pedro.";
    let d = doc("es", body);
    let q = tagger().tag(&d, &[]);
    assert!(q.windows(2).all(|w| w[0].start < w[1].start));
    assert!(q
        .iter()
        .all(|x| !body[x.start..x.end].starts_with(['«', '"'])
            && !body[x.start..x.end].ends_with(['»', '"'])));
    assert_eq!(
        q.iter().map(|x| &body[x.start..x.end]).collect::<Vec<_>>(),
        ["Uno", "Dos", "Tres"]
    );
}

#[test]
fn random_marks_and_multibyte_text_never_panic() {
    const PIECES: &[&str] = &[
        "«",
        "»",
        "“",
        "”",
        "„",
        "‘",
        "’",
        "\"",
        "‹",
        "›",
        "‚",
        " ",
        "\u{202F}",
        "\n",
        ", ",
        ". ",
        ": ",
        "é",
        "Choïgou ",
        "a déclaré ",
        "a-t-il ajouté",
        "selon ",
        "le porte-parole ",
        "said ",
        "he ",
        "sagte er",
        "l’",
        "Ü",
        "数",
        "—",
    ];
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let t = tagger();
    for _ in 0..300 {
        let mut body = String::new();
        for _ in 0..60 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            body.push_str(PIECES[(seed % PIECES.len() as u64) as usize]);
        }
        let ents = mentions(
            &body,
            &[
                ("Choïgou", "Sergei_Shoigu", P),
                ("porte-parole", "x", EntityType::Org),
            ],
        );
        for lang in ["fr", "en", "und"] {
            let q = t.tag(&doc(lang, &body), &ents);
            assert!(q.windows(2).all(|w| w[0].start < w[1].start), "{body:?}");
            assert!(q
                .iter()
                .all(|x| x.start < x.end && x.end <= body.len() && (0.0..=1.0).contains(&x.score)));
        }
    }
}

#[test]
fn mixed_and_doubled_apostrophe_closers() {
    let body = "“The path is far from clear,\" said Goodwin. \"Nothing was asked for,” Dodds said.\nIt was “not enough’’ for his release.";
    let q = run("en", body, &[]);
    let texts: Vec<&str> = q.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(
        texts,
        [
            "The path is far from clear,",
            "Nothing was asked for,",
            "not enough"
        ]
    );
    assert_eq!(q[0].1.speaker.as_deref(), Some("Goodwin"));
    assert_eq!(q[2].1.kind, QuoteKind::Partial);
}

#[test]
fn a_name_cue_before_the_marks_makes_a_label_not_a_quote() {
    let body = "Wells hold the so-called “forever chemicals,” and the mayor called the plan “reckless.” The paper, titled “Ambient Growth of Perovskite Films and Their Uses,” is out.";
    let q = run("en", body, &[]);
    let texts: Vec<&str> = q.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(texts, ["reckless."]);
    let body = "Der sogenannte „Doppelwumms“ kam spät. „Wir sind bereit“, sagte Lena Vogt.";
    let q = run("de", body, &[("Lena Vogt", "Lena_Vogt", P)]);
    let texts: Vec<&str> = q.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(texts, ["Wir sind bereit"]);
}
