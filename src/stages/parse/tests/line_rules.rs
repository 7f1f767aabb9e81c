//! Tests of the per-line rules and the lead-head rules, on lines written for the tests in
//! French, Italian, English, German and Spanish.

use crate::lexicon::Lexicon;
use crate::stages::parse::text::cues::{Cues, PhraseKind};
use crate::stages::parse::text::lead::{LeadHead, LeadRules};
use crate::stages::parse::text::normalise::norm;
use crate::stages::parse::text::rules::LineRules;

fn cues() -> Cues {
    let lexicon = Lexicon::load(&[] as &[&str]).expect("lexicon");
    Cues::load(&lexicon, &["Mehr Nachrichten aus".to_string()])
}

fn boiler(cues: &Cues, line: &str) -> Option<PhraseKind> {
    cues.boilerplate(line, &norm(line))
}

#[test]
fn normalises_for_matching() {
    assert_eq!(norm("- Advertisement -"), "advertisement");
    assert_eq!(norm("Articles Liés"), "articles lies");
    assert_eq!(norm("  À LIRE AUSSI :  "), "a lire aussi");
}

#[test]
fn boilerplate_phrases_in_every_language() {
    let c = cues();
    for line in [
        "LEAVE A REPLY",
        "Please enter your comment!",
        "- Advertisement -",
        "Partager Cet Article",
        "Condividi su Facebook",
        "Artikel teilen",
        "Compartir en Twitter",
        "Story continues below advertisement",
    ] {
        assert!(boiler(&c, line).is_some(), "{line}");
    }
    assert_eq!(
        boiler(
            &c,
            "Lire aussi: Le Conseil de sécurité se réunit en urgence à New York"
        ),
        Some(PhraseKind::Prefix)
    );
    assert_eq!(
        boiler(
            &c,
            "Leggi anche: Teheran minaccia ritorsioni contro Israele"
        ),
        Some(PhraseKind::Prefix)
    );
    assert_eq!(
        boiler(&c, "Lesen Sie auch: Moskau liefert Radaranlagen"),
        Some(PhraseKind::Prefix)
    );
    assert_eq!(
        boiler(&c, "Lee también: El Kremlin pide calma"),
        Some(PhraseKind::Prefix)
    );
    assert_eq!(
        boiler(&c, "Mehr Nachrichten aus Berlin und Brandenburg"),
        Some(PhraseKind::Prefix)
    );
    assert_eq!(boiler(&c, "Articles liés"), Some(PhraseKind::Tail));
    assert_eq!(boiler(&c, "Lascia un commento"), Some(PhraseKind::Tail));
}

#[test]
fn prose_is_not_boilerplate() {
    let c = cues();
    for line in [
        "Partager le pouvoir avec l’opposition n’est pas à l’ordre du jour, a indiqué le ministre.",
        "Commentaires et critiques ont afflué après la décision du gouvernement de Madrid hier soir.",
        "Share prices in Tehran fell sharply after the announcement of new sanctions on Monday.",
        "Publicité mensongère : l’enseigne a été condamnée à une amende de 2 millions d’euros.",
    ] {
        assert_eq!(boiler(&c, line), None, "{line}");
    }
}

#[test]
fn teaser_labels_need_their_colon() {
    let c = cues();
    for line in [
        "Lea: El Congreso aprueba la reforma fiscal tras meses de debate",
        "MIRA: Así quedó la avenida principal después de la tormenta",
        "Watch: Firefighters battle a warehouse blaze near the harbour",
        "Leia também: Governo anuncia novo pacote para a indústria",
    ] {
        assert_eq!(boiler(&c, line), Some(PhraseKind::Prefix), "{line}");
    }
    for line in [
        "Lea Müller arbeitet seit zwölf Jahren als Pflegerin in der Klinik.",
        "Mira Nair presentó su nueva película en el festival de Venecia.",
        "Watch the ministers closely: they will not give up the budget easily.",
        "Lea: ein Name, der in diesem Jahr so oft vergeben wurde wie kein anderer, sagen die Standesämter.",
    ] {
        assert_eq!(boiler(&c, line), None, "{line}");
    }
}

#[test]
fn source_lines_give_their_value() {
    let (r, c) = (LineRules::new(), cues());
    assert_eq!(
        r.source_line("source : Le Figaro via Courrier international", &c)
            .as_deref(),
        Some("Le Figaro via Courrier international")
    );
    assert_eq!(
        r.source_line("SOURCE: REUTERS", &c).as_deref(),
        Some("REUTERS")
    );
    assert_eq!(r.source_line("Fonte: ANSA", &c).as_deref(), Some("ANSA"));
    assert_eq!(r.source_line("Quelle: dpa", &c).as_deref(), Some("dpa"));
    assert_eq!(r.source_line("(Fuente: EFE)", &c).as_deref(), Some("EFE"));
    assert_eq!(
        r.source_line("Le ministre a précisé : la source est fiable.", &c),
        None
    );
    let long = "Source : selon plusieurs diplomates européens interrogés mardi à Bruxelles par notre correspondant, la réunion est reportée";
    assert_eq!(r.source_line(long, &c), None);
}

#[test]
fn breadcrumbs_need_three_short_segments() {
    let r = LineRules::new();
    assert!(r.is_breadcrumb("Accueil / Monde / Proche-Orient / Liban"));
    assert!(r.is_breadcrumb("Home › News › World › Middle East"));
    assert!(r.is_breadcrumb("Startseite > Politik > Ausland"));
    assert!(!r.is_breadcrumb("Accueil / Monde"));
    assert!(!r.is_breadcrumb("« Oui » a-t-il dit, « non » a-t-elle répondu » plus tard"));
    assert!(!r.is_breadcrumb(
        "Le ratio dette/PIB atteint 110 % / selon l’Insee, un record / depuis 1950."
    ));
}

#[test]
fn captions_by_credit_and_position() {
    let (r, c) = (LineRules::new(), cues());
    for line in [
        "Le ministre russe de la Défense lors d’une réunion à Moscou, le 3 mars 2024. © Sputnik",
        "Iran's President speaks to the press in Tehran, August 5, 2024 (Reuters)",
        "Rescuers search the rubble in Khan Younis. (AFP photo)",
        "Il presidente iraniano (a destra) con il ministro russo a Teheran",
        "Der Außenminister (links) und sein iranischer Amtskollege in Moskau. Foto: dpa",
        "El canciller iraní (izquierda) saluda a su homólogo ruso en Moscú",
        "Foto: Ansa",
        "Von links: Der Kanzler, die Ministerin und der Botschafter",
        "Senator Omar (L) and Speaker Pelosi (R) at the Capitol",
    ] {
        assert!(r.is_caption(line, &c), "{line}");
    }
    for line in [
        "Le parti (extrême droite) a obtenu 12 % des voix, selon les résultats publiés lundi.",
        "The senator (R) said the bill would not pass the chamber this year.",
        "Le bilan s’élève à 12 morts, selon l’agence officielle, qui cite des sources médicales. Les secours poursuivent leurs recherches dans la nuit (AFP).",
        "Ha detto il ministro: la foto non è stata ritoccata dal governo di Roma.",
        "selbst war die Partei gar nicht aufgekommen. ©te hatte sich im entscheidenden",
        "of the southwest quarter of section one ( l ) township fifty-three",
    ] {
        assert!(!r.is_caption(line, &c), "{line}");
    }
}

#[test]
fn captions_with_a_credit_after_a_comma_and_in_more_languages() {
    let (r, c) = (LineRules::new(), cues());
    for line in [
        "Jan Novák, photo: Archives du ministère de la Santé",
        "Die Ministerin in Brno, Foto: Tschechischer Rundfunk",
        "(crédito: Ana Souza/Agência Estado)",
        "O ministro durante a sessão no Senado (foto: Arquivo)",
        "Abbildung: Karte der Lawinengefahr im oberen Tal",
        "Jane Roe Getty Images",
        "The governor at the state fair in Sacramento AP File Photo",
        "Bürgermeisterin Anna Berg (l.) und Stadtrat Jan Weiß bei der Eröffnung der Brücke",
    ] {
        assert!(r.is_caption(line, &c), "{line}");
    }
    for line in [
        "The minister answered, photo in hand: the document proves that the government knew it.",
        "Der Fotograf erklärte, Bild: ein Wort, das er nicht mehr hören könne, weil es seit Jahren für alles herhalten muss.",
        "The agency sold the archive to Getty Images.",
        "Shares of the stock photo company rose after it agreed to buy a rival from Getty Images and partners in a deal worth billions",
        "Die Gemeinde (s. oben) hat den Antrag abgelehnt.",
    ] {
        assert!(!r.is_caption(line, &c), "{line}");
    }
}

#[test]
fn lead_heads() {
    let (l, c) = (LeadRules::new(), cues());
    let body = "La Russie maintient des contacts étroits avec l’Iran, a déclaré le Kremlin.";
    let p = l.find(&format!("JAKARTA - {body}"), &c).expect("dateline");
    assert_eq!(
        p.head,
        LeadHead::Dateline {
            place: "JAKARTA".into(),
            agency: None
        }
    );
    assert_eq!(p.text, "JAKARTA -");
    let p = l
        .find(&format!("PARIS, 17 avril (AFP) – {body}"), &c)
        .expect("dateline with date");
    assert_eq!(
        p.head,
        LeadHead::Dateline {
            place: "PARIS".into(),
            agency: Some("AFP".into())
        }
    );
    assert_eq!(p.text, "PARIS, 17 avril (AFP) –");
    let p = l
        .find(&format!("MOSCOU (Reuters) - {body}"), &c)
        .expect("dateline with agency");
    assert_eq!(
        p.head,
        LeadHead::Dateline {
            place: "MOSCOU".into(),
            agency: Some("Reuters".into())
        }
    );
    let lead = "NotiziePress – Il presidente russo ha chiesto all’Iran una risposta misurata contro Israele.";
    let p = l.find(lead, &c).expect("source prefix");
    assert_eq!(p.head, LeadHead::Source("NotiziePress".into()));
    assert_eq!(
        &lead[p.rest..],
        "Il presidente russo ha chiesto all’Iran una risposta misurata contro Israele."
    );
    let p = l
        .find(&format!("Roma, 5 agosto (ANSA) - {body}"), &c)
        .expect("mixed-case dateline");
    assert_eq!(
        p.head,
        LeadHead::Dateline {
            place: "Roma".into(),
            agency: Some("ANSA".into())
        }
    );
    assert_eq!(
        l.find(
            "ANSA - Il ministro degli Esteri ha incontrato ieri il suo omologo iraniano.",
            &c
        )
        .map(|p| p.head),
        Some(LeadHead::Source("ANSA".into()))
    );
    for lead in [
        "Le président - qui s’exprimait depuis Téhéran - a appelé au calme dans la région.",
        "Les deux pays ont signé un accord - le premier depuis 2001 - sur la sécurité régionale.",
        "BERLIN - kurz",
    ] {
        assert_eq!(l.find(lead, &c), None, "{lead}");
    }
}

#[test]
fn post_metadata_lines_with_a_date_segment() {
    let (r, c) = (LineRules::new(), cues());
    for line in [
        "March 3, 2021 at 09:15 AM | categories: Rust, Compilers | View Comments",
        "| Por: Ana Ruiz | Actualizado el: 19 abril 2022 9:12 pm",
        "12.05.2020 08:30 | von Petra Lang",
        "Por Carlos Lima | 03/05/2022 20:36",
    ] {
        assert!(r.is_meta_line(line, &c), "{line}");
    }
    for line in [
        "Am 3. März 2021 | so begann alles, was wir heute wissen.",
        "Der Vertrag gilt seit dem 1. Januar 2020 und läuft bis 2025.",
        "Rust | Compilers | View Comments",
    ] {
        assert!(!r.is_meta_line(line, &c), "{line}");
    }
}
