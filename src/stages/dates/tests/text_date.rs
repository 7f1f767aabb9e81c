//! Publication dates written in the text: datelines and "Publié le …" lines in every
//! language, date stamps, update dates and dates in prose skipped, removed lines.

use crate::model::{DateSource, RemovalReason, RemovedLine};

use super::{day, some, stamp, text_doc};

#[test]
fn datelines_and_publication_lines_in_every_language() {
    let cases = [
        (
            "fr",
            "JAKARTA - 17 avril 2024 - La Russie maintient des contacts.",
            "2024-04-17",
        ),
        (
            "fr",
            "Publié le 17/04/2024 à 10h32, mis à jour le 18/04/2024 à 12h00\nLe texte.",
            "2024-04-17",
        ),
        (
            "fr",
            "Mis à jour le 18/04/2024 | Publié le 17/04/2024\nLe texte.",
            "2024-04-17",
        ),
        (
            "it",
            "Pubblicato il 6 agosto 2024 alle 10:00\nIl testo dell’articolo.",
            "2024-08-06",
        ),
        (
            "en",
            "Updated: April 18, 2024 | Published: April 17, 2024\nThe text.",
            "2024-04-17",
        ),
        (
            "de",
            "Veröffentlicht am 17.04.2024\nDer Text.",
            "2024-04-17",
        ),
        (
            "es",
            "Publicado el 17 de abril de 2024\nEl texto.",
            "2024-04-17",
        ),
        (
            "fr",
            "Titre\nMercredi 17 avril 2024\nLe texte.",
            "2024-04-17",
        ),
    ];
    for (lang, body, want) in cases {
        assert_eq!(
            stamp(text_doc(lang, body)),
            some(want, DateSource::Text),
            "{body}"
        );
    }
}

#[test]
fn update_dates_and_dates_in_prose_are_not_publication_dates() {
    let none = (None, None);
    assert_eq!(
        stamp(text_doc("fr", "Mis à jour le 18/04/2024 à 10h\nLe texte.")),
        none
    );
    let prose = "Le 7 octobre 2023, le Hamas a lancé sa plus grande opération contre Israël depuis des années.";
    assert_eq!(stamp(text_doc("fr", prose)), none);
    // Beyond the lead lines, a cue counts only at the start of a line, and prose does not.
    let late = "a\nb\nc\nd\ne\nf\nPublié le 17/04/2024";
    assert_eq!(
        stamp(text_doc("fr", late)),
        some("2024-04-17", DateSource::Text)
    );
    let late = format!("a\nb\nc\nd\ne\nf\nLire aussi : le rapport publié le 17/04/2024\n{prose}");
    assert_eq!(stamp(text_doc("fr", &late)), none);
    let late = "a\nb\nc\nd\ne\nf\nMis à jour le 18/04/2024 à 10h";
    assert_eq!(stamp(text_doc("fr", late)), none);
}

#[test]
fn date_stamps_anywhere_in_the_body() {
    let lead = "Un titre\nUn chapeau\nUn paragraphe.\nUn autre.\nEncore un.\n";
    let cases = [
        ("de", "Jana Schulz / 07.11.2023 / 09:30", "2023-11-07"),
        ("de", "Stand: 25.01.2022 10:00 Uhr", "2023-01-25"),
        ("en", "Blog entry by Ann Lee | 28 April, 2017", "2017-04-28"),
        ("de", "Veröffentlicht am: 06.10.2023", "2023-10-06"),
    ];
    for (lang, line, want) in cases {
        let body = format!("{lead}{line}\nDer Text geht weiter.");
        let want = if want == "2023-01-25" {
            "2022-01-25"
        } else {
            want
        };
        assert_eq!(
            stamp(text_doc(lang, &body)),
            some(want, DateSource::Text),
            "{line}"
        );
    }
    // Two different dates, a long sentence, a date after an update cue: not stamps.
    for line in [
        "Wochenende in Wien 12.10.2023 - 15.10.2023",
        "Die Regierung hat am 26. Januar 2022 beschlossen, die Regeln für alle Bürger zu lockern, sagte ein Sprecher am Abend in Berlin.",
        "Aktualisiert: 30.12.2016",
    ] {
        let body = format!("{lead}{line}");
        assert_eq!(stamp(text_doc("de", &body)), (None, None), "{line}");
    }
    // A removed line counts only when it starts with its date.
    let mut doc = text_doc("fr", lead);
    let line = |t: &str| RemovedLine {
        text: t.into(),
        reason: RemovalReason::Fragment,
    };
    doc.removed = vec![
        line("Jean Dupont / 05/11/2023"),
        line("07/11/2023 09:30 | Monde"),
    ];
    assert_eq!(stamp(doc), some("2023-11-07", DateSource::Text));
}

#[test]
fn yearless_dateline_takes_the_crawl_or_reference_year() {
    // The parse stage moves "NEW YORK, April 17 (Reuters) -" to the removed lines.
    let mut doc = text_doc("en", "Stocks fell on Wednesday as investors weighed rates.");
    doc.removed = vec![RemovedLine {
        text: "NEW YORK, April 17 (Reuters) -".into(),
        reason: RemovalReason::Source,
    }];
    doc.crawled = Some(day("2024-05-02"));
    assert_eq!(stamp(doc.clone()), some("2024-04-17", DateSource::Text));
    // Without a crawl date: the reference date of the test stamper (2030-01-01).
    doc.crawled = None;
    assert_eq!(stamp(doc), some("2029-04-17", DateSource::Text));
    // In the body's first line too; a yearless date alone on a line is not enough.
    let doc = text_doc("en", "LONDON, Aug. 5 (Reuters) - Shares rose.");
    assert_eq!(stamp(doc), some("2029-08-05", DateSource::Text));
    assert_eq!(
        stamp(text_doc("en", "August 5\nShares rose.")),
        (None, None)
    );
}

#[test]
fn removed_lines_count_only_when_they_start_with_a_cue() {
    let mut doc = text_doc("fr", "Le texte de l’article, sans date.");
    let line = |t: &str| RemovedLine {
        text: t.into(),
        reason: RemovalReason::Boilerplate,
    };
    doc.removed = vec![
        line("Lire aussi : publié le 3 mai 2021"),
        line("Publié le 17 avril 2024 à 10h"),
    ];
    assert_eq!(stamp(doc.clone()), some("2024-04-17", DateSource::Text));
    doc.removed.pop();
    assert_eq!(stamp(doc), (None, None));
}
