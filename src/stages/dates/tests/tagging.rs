//! Tagging tests on sentences written for them, one group per language (the resolution
//! rules and the numbers that are not dates are in `resolution.rs`).

use crate::model::{Document, Granularity};

use super::{day, expect, pairs, stamper, tag};

#[test]
fn french_full_partial_and_relative_dates() {
    let body = "Publié le 17/04/2024. Le 17 avril 2024, à Paris, le ministre a rappelé le 1er avril \
                et la réunion de mercredi. Samedi dernier, hier et avant-hier, rien ; le mois dernier \
                non plus, ni la semaine dernière, ni l’an dernier. En novembre 2022 puis en avril.";
    assert_eq!(
        pairs("fr", body, "2024-04-17"),
        expect(&[
            ("17/04/2024", "2024-04-17"),
            ("Le 17 avril 2024", "2024-04-17"),
            ("le 1er avril", "2024-04-01"),
            ("mercredi", "2024-04-17"),
            ("Samedi dernier", "2024-04-13"),
            ("hier", "2024-04-16"),
            ("avant-hier", "2024-04-15"),
            ("le mois dernier", "2024-03"),
            ("la semaine dernière", "2024-W15"),
            ("l’an dernier", "2023"),
            ("novembre 2022", "2022-11"),
            ("avril", "2024-04"),
        ])
    );
    let flags: Vec<bool> = tag("fr", body, "2024-04-17")
        .into_iter()
        .map(|(_, _, r)| r)
        .collect();
    assert_eq!(
        flags,
        [false, false, true, true, true, true, true, true, true, true, false, true]
    );
}

#[test]
fn french_relative_mentions_record_their_anchor_and_granularity() {
    let doc = Document {
        body: "Il est arrivé hier, ce week-end, en 2022.".into(),
        language: "fr".into(),
        crawled: Some(day("2024-08-06")),
        ..Document::default()
    };
    let m = stamper().tag(&doc);
    assert_eq!(m.len(), 3);
    assert_eq!(
        (m[0].anchor, m[0].granularity),
        (Some(day("2024-08-06")), Some(Granularity::Day))
    );
    assert_eq!(m[1].value.as_deref(), Some("2024-W31"));
    assert_eq!(
        (m[1].date, m[1].granularity),
        (Some(day("2024-07-29")), Some(Granularity::Week))
    );
    assert_eq!(
        (m[2].anchor, m[2].granularity, m[2].relative),
        (None, Some(Granularity::Year), false)
    );
    assert_eq!(&doc.body[m[2].start..m[2].end], "2022");
}

#[test]
fn italian_dates() {
    let body = "Lo ha riferito l’agenzia il 6 agosto. Il ministro è arrivato ieri, sabato scorso era a Roma \
                e il mese scorso a Milano. Nel febbraio 2022, poi nell’ottobre 2023, e a febbraio; \
                dal 2019 la settimana scorsa non conta. Oggi, l'8 agosto 2024, domani e lunedì prossimo.";
    assert_eq!(
        pairs("it", body, "2024-08-07"),
        expect(&[
            ("il 6 agosto", "2024-08-06"),
            ("ieri", "2024-08-06"),
            ("sabato scorso", "2024-08-03"),
            ("il mese scorso", "2024-07"),
            ("Nel febbraio 2022", "2022-02"),
            ("nell’ottobre 2023", "2023-10"),
            ("febbraio", "2024-02"),
            ("dal 2019", "2019"),
            ("la settimana scorsa", "2024-W31"),
            ("Oggi", "2024-08-07"),
            ("l'8 agosto 2024", "2024-08-08"),
            ("domani", "2024-08-08"),
            ("lunedì prossimo", "2024-08-12"),
        ])
    );
}

#[test]
fn english_dates() {
    let body = "On April 17th, 2024, the minister spoke; on the 2nd of May he left. Yesterday and \
                last Saturday, in March 2023 and in 2021, last week, last month and last year, Friday \
                and next Tuesday. Sept. 3, 2024 and 04/17/2024.";
    assert_eq!(
        pairs("en", body, "2024-05-10"),
        expect(&[
            ("April 17th, 2024", "2024-04-17"),
            ("the 2nd of May", "2024-05-02"),
            ("Yesterday", "2024-05-09"),
            ("last Saturday", "2024-05-04"),
            ("March 2023", "2023-03"),
            ("2021", "2021"),
            ("last week", "2024-W18"),
            ("last month", "2024-04"),
            ("last year", "2023"),
            ("Friday", "2024-05-10"),
            ("next Tuesday", "2024-05-14"),
            ("Sept. 3, 2024", "2024-09-03"),
            ("04/17/2024", "2024-04-17"),
        ])
    );
}

#[test]
fn german_dates() {
    let body = "Am 17. April 2024 sprach der Minister. Gestern und am vergangenen Samstag war er in Berlin, \
                im Oktober 2023 in Wien, letzte Woche in Rom. Heute Morgen sagte er, morgen komme er. \
                Seit 2019 am 3. Mai und am 17.04.2024.";
    assert_eq!(
        pairs("de", body, "2024-05-08"),
        expect(&[
            ("Am 17. April 2024", "2024-04-17"),
            ("Gestern", "2024-05-07"),
            ("vergangenen Samstag", "2024-05-04"),
            ("im Oktober 2023", "2023-10"),
            ("letzte Woche", "2024-W18"),
            ("Heute Morgen", "2024-05-08"),
            ("morgen", "2024-05-09"),
            ("2019", "2019"),
            ("am 3. Mai", "2024-05-03"),
            ("17.04.2024", "2024-04-17"),
        ])
    );
    // Capitalised "Morgen" alone is the morning, not tomorrow.
    assert!(pairs("de", "Am Morgen regnete es.", "2024-05-08").is_empty());
}

#[test]
fn spanish_dates() {
    let body = "El 6 de agosto de 2024 llegó el ministro. Ayer, el sábado pasado y el mes pasado estuvo en \
                Madrid; en marzo de 2023 en Lima. Esta mañana habló, por la mañana también, y mañana viaja. \
                Desde 2020, el 1º de mayo y la semana pasada.";
    assert_eq!(
        pairs("es", body, "2024-08-07"),
        expect(&[
            ("El 6 de agosto de 2024", "2024-08-06"),
            ("Ayer", "2024-08-06"),
            ("sábado pasado", "2024-08-03"),
            ("el mes pasado", "2024-07"),
            ("marzo de 2023", "2023-03"),
            ("Esta mañana", "2024-08-07"),
            ("mañana", "2024-08-08"),
            ("2020", "2020"),
            ("el 1º de mayo", "2024-05-01"),
            ("la semana pasada", "2024-W31"),
        ])
    );
}
