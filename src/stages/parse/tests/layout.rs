//! Document-level tests: title, lead heads, captions in another language, end blocks,
//! rejects, disabled mode, HTML.

use super::{parser, parser_with, text_record};
use crate::model::{Document, Payload, RawRecord, RecordMeta, RejectReason, RemovalReason};
use crate::stages::parse::{ParseConfig, Parser};

fn parse(text: &str) -> Document {
    parser().parse(text_record(text)).expect("document")
}

fn reasons(doc: &Document) -> Vec<(RemovalReason, &str)> {
    doc.removed
        .iter()
        .map(|r| (r.reason, r.text.as_str()))
        .collect()
}

const FR_BODY: &str = "Le ministre iranien des Affaires étrangères a rencontré mardi son homologue russe à Moscou pour discuter de la situation régionale.\n\
Les deux hommes ont appelé à un cessez-le-feu immédiat, selon un communiqué publié à l’issue de la réunion.\n\
« Nous partageons la même analyse de la crise », a déclaré le chef de la diplomatie russe devant la presse.";

#[test]
fn title_fragments_and_breadcrumb_at_the_top() {
    let text = format!("Menu\nAccueil / Monde / Proche-Orient / Iran\n\nMoscou et Téhéran appellent à un cessez-le-feu\n\npub\n\n{FR_BODY}\n");
    let doc = parse(&text);
    assert_eq!(
        doc.title.as_deref(),
        Some("Moscou et Téhéran appellent à un cessez-le-feu")
    );
    assert_eq!(
        reasons(&doc),
        [
            (RemovalReason::Fragment, "Menu"),
            (
                RemovalReason::Breadcrumb,
                "Accueil / Monde / Proche-Orient / Iran"
            ),
            (
                RemovalReason::Title,
                "Moscou et Téhéran appellent à un cessez-le-feu"
            ),
            (RemovalReason::Fragment, "pub"),
        ]
    );
    assert_eq!(doc.body, FR_BODY);
    assert_eq!(doc.language, "fr");
}

#[test]
fn no_title_when_the_first_line_is_a_sentence_or_wraps() {
    let doc = parse(FR_BODY);
    assert_eq!(doc.title, None);
    assert!(doc.removed.is_empty());
    let wrapped = format!("Le ministre iranien des Affaires étrangères a rencontré\nmardi son homologue russe à Moscou.\n{FR_BODY}");
    let doc = parse(&wrapped);
    assert_eq!(doc.title, None);
    assert!(doc
        .body
        .starts_with("Le ministre iranien des Affaires étrangères a rencontré\nmardi"));
}

#[test]
fn metadata_title_wins_and_its_line_goes() {
    let mut record = text_record(&format!("Iran : la Russie promet son soutien.\n{FR_BODY}"));
    record.meta.title = Some("Iran : la Russie promet son soutien.".into());
    record.meta.language = Some("fr-FR".into());
    record.meta.url = Some("https://example.org/a".into());
    let doc = parser().parse(record).expect("document");
    assert_eq!(
        doc.title.as_deref(),
        Some("Iran : la Russie promet son soutien.")
    );
    assert_eq!(
        reasons(&doc),
        [(RemovalReason::Title, "Iran : la Russie promet son soutien.")]
    );
    assert_eq!((doc.language.as_str(), doc.language_score), ("fr", 1.0));
    assert_eq!(doc.url.as_deref(), Some("https://example.org/a"));
}

#[test]
fn italian_source_prefix_and_spanish_dateline() {
    let it = "NotiziePress – Il ministro degli Esteri iraniano ha incontrato ieri a Mosca il suo omologo russo.\nI due hanno discusso della crisi in Medio Oriente e delle sanzioni occidentali contro i due paesi.";
    let doc = parse(it);
    assert_eq!(doc.source_name.as_deref(), Some("NotiziePress"));
    assert_eq!(reasons(&doc), [(RemovalReason::Source, "NotiziePress –")]);
    assert!(doc.body.starts_with("Il ministro degli Esteri"));
    assert_eq!(doc.language, "it");
    let es = "Rusia e Irán estrechan lazos\nMOSCÚ, 17 abr (EFE) - El portavoz del Kremlin afirmó este miércoles que Rusia mantiene contactos estrechos con Irán.\nTambién dijo que Moscú habla con Israel y pidió a todas las partes evitar una escalada en la región.";
    let doc = parse(es);
    assert_eq!(doc.title.as_deref(), Some("Rusia e Irán estrechan lazos"));
    assert_eq!(doc.dateline.as_deref(), Some("MOSCÚ"));
    assert_eq!(doc.source_name.as_deref(), Some("EFE"));
    assert!(doc.body.starts_with("El portavoz del Kremlin"));
    assert_eq!(doc.language, "es");
}

#[test]
fn english_caption_in_a_french_article() {
    let text = format!(
        "L’Iran et la Russie renforcent leur coopération\n\
         Foreign ministers of Iran and Russia shake hands before their meeting in Moscow on Tuesday, October 24, 2023\n\
         {FR_BODY}"
    );
    let doc = parse(&text);
    assert_eq!(doc.removed.len(), 2);
    assert_eq!(doc.removed[1].reason, RemovalReason::Caption);
    assert!(doc.removed[1].text.starts_with("Foreign ministers"));
    assert_eq!(doc.body, FR_BODY);
}

#[test]
fn german_caption_split_over_two_lines() {
    let de = "Der iranische Außenminister (links) und sein russischer Amtskollege\n\
              bei ihrem Treffen in Moskau am Dienstag\n\
              Der iranische Außenminister hat am Dienstag in Moskau seinen russischen Amtskollegen getroffen.\n\
              Beide Seiten forderten eine sofortige Waffenruhe im Gazastreifen, wie es in einer Mitteilung hieß.";
    let doc = parse(de);
    assert_eq!(
        doc.removed
            .iter()
            .filter(|r| r.reason == RemovalReason::Caption)
            .count(),
        2
    );
    assert!(doc
        .body
        .starts_with("Der iranische Außenminister hat am Dienstag"));
    assert_eq!(doc.language, "de");
}

#[test]
fn comment_block_and_source_line_at_the_end() {
    let en = "The Kremlin said on Tuesday that Russia keeps close contacts with both Iran and Israel.\n\
              Its spokesman called on all countries in the region to show restraint and avoid escalation.\n\
              \n\
              Related Articles\n\
              Iran vows response after strike on consulate\n\
              Leave a Reply\n\
              Great article, thanks for sharing this with us all, I really enjoyed it!\n\
              Source: Wire services";
    let doc = parse(en);
    assert_eq!(doc.body.lines().count(), 2, "{doc:#?}");
    assert_eq!(doc.source_name.as_deref(), Some("Wire services"));
    let tail: Vec<RemovalReason> = doc.removed.iter().map(|r| r.reason).collect();
    use RemovalReason::{Boilerplate, Source};
    assert_eq!(
        tail,
        [Boilerplate, Boilerplate, Boilerplate, Boilerplate, Source]
    );
}

#[test]
fn end_marker_near_the_top_does_not_cut_the_article() {
    let text = format!("Commentaires\n{FR_BODY}");
    let doc = parse(&text);
    assert_eq!(doc.body, FR_BODY);
}

#[test]
fn rejects_empty_and_too_short() {
    let err = parser().parse(text_record(" \n\t\n ")).expect_err("empty");
    assert_eq!((err.reason, err.stage), (RejectReason::Empty, "parse"));
    let err = parser()
        .parse(text_record("Partager cet article\nUn texte trop court."))
        .expect_err("short");
    assert_eq!(err.reason, RejectReason::TooShort);
    assert_eq!(
        err.detail,
        "body has 20 characters after cleaning (min_body_chars = 80)"
    );
    assert_eq!(err.input, "test.txt");
}

#[test]
fn disabled_mode_only_normalises_whitespace() {
    let config = ParseConfig {
        enabled: false,
        ..ParseConfig::default()
    };
    let text = format!("TV\n\n  Partager   cet article \n{FR_BODY}\nsource : AFP\n");
    let doc = parser_with(config)
        .parse(text_record(&text))
        .expect("document");
    assert_eq!(
        doc.body,
        format!("TV\nPartager cet article\n{FR_BODY}\nsource : AFP")
    );
    assert!(doc.removed.is_empty());
    assert_eq!(doc.title, None);
    assert_eq!(doc.language, "fr");
}

#[test]
fn extra_boilerplate_from_settings() {
    let config = ParseConfig {
        extra_boilerplate: vec!["Abonnez-vous à La Gazette".into()],
        ..ParseConfig::default()
    };
    let text = format!("{FR_BODY}\nAbonnez-vous à La Gazette pour 1 € le premier mois");
    let doc = parser_with(config)
        .parse(text_record(&text))
        .expect("document");
    assert_eq!(doc.body, FR_BODY);
}

#[test]
fn short_body_gives_undetermined_language() {
    let config = ParseConfig {
        min_body_chars: 5,
        ..ParseConfig::default()
    };
    let doc = parser_with(config)
        .parse(text_record("Oui, merci."))
        .expect("document");
    assert_eq!((doc.language.as_str(), doc.language_score), ("und", 0.0));
}

#[test]
fn html_payload_v1() {
    let html = r#"<html><head><title>Moscou et Téhéran appellent au calme | La Gazette</title>
        <meta property="og:site_name" content="La Gazette"><link rel="canonical" href="https://example.org/x">
        <script>var x = "<p>not text</p>";</script><style>p { color: red }</style></head>
        <body><nav><a href="/">Accueil</a> <a href="/monde">Monde</a></nav>
        <h1>Moscou et Téhéran appellent au calme</h1>
        <figure><img src="a.jpg"><figcaption>Les deux ministres à Moscou</figcaption></figure>
        <p>Le ministre iranien des Affaires étrangères a rencontré mardi son homologue russe à Moscou &amp; a évoqué la crise.</p>
        <p>Les deux hommes ont appelé à un cessez-le-feu immédiat, selon un communiqué publié à l&#39;issue de la réunion.<br>« Nous partageons la même analyse&nbsp;», a-t-il dit.</p>
        <footer>© 2024 La Gazette</footer></body></html>"#;
    let record = RawRecord {
        input: "a.html".into(),
        payload: Payload::Html(html.into()),
        meta: RecordMeta::default(),
    };
    let doc = parser().parse(record).expect("document");
    assert_eq!(
        doc.title.as_deref(),
        Some("Moscou et Téhéran appellent au calme")
    );
    assert_eq!(doc.source_name.as_deref(), Some("La Gazette"));
    assert_eq!(doc.url.as_deref(), Some("https://example.org/x"));
    assert_eq!(
        reasons(&doc),
        [
            (RemovalReason::Title, "Moscou et Téhéran appellent au calme"),
            (RemovalReason::Caption, "Les deux ministres à Moscou")
        ]
    );
    assert_eq!(doc.body.lines().count(), 3);
    assert!(doc.body.contains("à Moscou & a évoqué"));
    assert!(doc.body.contains("à l'issue de la réunion."));
    assert!(doc
        .body
        .ends_with("« Nous partageons la même analyse », a-t-il dit."));
}

#[test]
fn hard_wrapped_text_keeps_every_line() {
    let de = "Die Regierung hat am Montag in Berlin\n\
              neue Maßnahmen beschlossen, wie ein Sprecher\n\
              mitteilte. Die Opposition im Bundestag kritisierte\n\
              die Pläne scharf und forderte Neuwahlen wie\n\
              in Polen";
    let doc = parse(de);
    assert_eq!(doc.title, None);
    assert!(doc.removed.is_empty(), "{:?}", doc.removed);
    assert_eq!(doc.body, de.replace("  ", ""));
}

#[test]
fn html_with_unterminated_script_close_tag() {
    let html = "<html><body><script>var a = 1;</script\n<div>x</div>\n<p>Le ministre iranien des Affaires étrangères a rencontré mardi son homologue russe à Moscou.</p><script>b()</script><p>Les deux hommes ont appelé à un cessez-le-feu immédiat, selon un communiqué.</p></body></html>";
    let record = RawRecord {
        input: "b.html".into(),
        payload: Payload::Html(html.into()),
        meta: RecordMeta::default(),
    };
    let doc = parser().parse(record).expect("document");
    assert_eq!(doc.body.lines().count(), 2);
    assert!(doc.body.starts_with("Le ministre iranien"));
}

#[test]
fn parser_is_sync() {
    fn assert_sync<T: Sync + Send>() {}
    assert_sync::<Parser>();
}
