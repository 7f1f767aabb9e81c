//! Line rules for page furniture in the text: publication-date lines (a date with at
//! most a label), and end-of-page markers in several languages that cut the tail (author
//! boxes, "you may also like", comment prompts).

use super::{parser, text_record};
use crate::model::{Document, RemovalReason};

fn parse(text: &str) -> Document {
    parser().parse(text_record(text)).expect("document")
}

fn removed_as(doc: &Document, reason: RemovalReason, text: &str) -> bool {
    doc.removed
        .iter()
        .any(|r| r.reason == reason && r.text == text)
}

const DE_BODY: &str = "Die Stadtwerke haben am Montag angekündigt, die Preise für Fernwärme im kommenden Jahr um knapp zehn Prozent zu senken.\n\
Grund seien die gefallenen Einkaufspreise für Gas, sagte ein Sprecher bei der Vorstellung der neuen Tarife im Rathaus.\n\
Verbraucherschützer begrüßten den Schritt, forderten aber zugleich eine transparentere Berechnung der Grundgebühr.";

#[test]
fn date_lines_with_a_label_at_most_are_removed() {
    let text = format!(
        "Donnerstag, 31. Mai 2012\n\n{DE_BODY}\n\nAktualisiert am 17.01.2021, 10:27\nPublished: 2021-04-29 17:13\n"
    );
    let doc = parse(&text);
    for line in [
        "Donnerstag, 31. Mai 2012",
        "Aktualisiert am 17.01.2021, 10:27",
        "Published: 2021-04-29 17:13",
    ] {
        assert!(
            removed_as(&doc, RemovalReason::Boilerplate, line),
            "{line}: {:?}",
            doc.removed
        );
    }
    assert_eq!(doc.body, DE_BODY);
}

#[test]
fn event_dates_and_sentences_with_dates_stay() {
    let text = format!(
        "{DE_BODY}\nTermin: 29.02.2020, 19 Uhr im Rathaus\nAm 31. Mai 2012 wurde der Vertrag unterzeichnet.\n"
    );
    let doc = parse(&text);
    assert!(doc.body.contains("Termin: 29.02.2020, 19 Uhr im Rathaus"));
    assert!(doc.body.contains("Am 31. Mai 2012 wurde der Vertrag"));
}

#[test]
fn end_markers_cut_the_tail_in_several_languages() {
    let tails = [
        "Das könnte dich auch interessieren",
        "Über den Autor",
        "Weitere Artikel zum Thema",
        "You may also like",
        "About the author",
        "Vous aimerez aussi",
        "Potrebbe interessarti anche",
    ];
    for marker in tails {
        let text = format!(
            "{DE_BODY}\n{marker}\nFernwärme: So sparen Sie im Winter bares Geld beim Heizen.\nMax Muster schreibt seit 2010 über Energie und Verbraucherthemen.\n"
        );
        let doc = parse(&text);
        assert_eq!(doc.body, DE_BODY, "{marker}");
        assert!(
            removed_as(&doc, RemovalReason::Boilerplate, marker),
            "{marker}"
        );
    }
}

#[test]
fn polish_and_portuguese_read_also_lines_are_removed() {
    for line in [
        "Czytaj także: Rząd przyjął projekt ustawy o cenach energii",
        "Leia também: Governo anuncia novas medidas para a energia",
    ] {
        let doc = parse(&format!("{DE_BODY}\n{line}\n"));
        assert!(removed_as(&doc, RemovalReason::Boilerplate, line), "{line}");
    }
}

#[test]
fn long_end_markers_allow_a_site_name_but_not_a_sentence() {
    let marker = "Die meistgelesenen Artikel bei Stadtblatt.de/Wirtschaft";
    let doc = parse(&format!(
        "{DE_BODY}\n{marker}\nFernwärme: So sparen Sie im Winter bares Geld beim Heizen.\n"
    ));
    assert_eq!(doc.body, DE_BODY);
    let sentence = "Über den Autor des Gutachtens ist bisher wenig bekannt geworden.";
    let doc = parse(&format!("{DE_BODY}\n{sentence}\n"));
    assert!(doc.body.ends_with(sentence), "{}", doc.body);
}
