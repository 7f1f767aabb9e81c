//! Resolution rules (yearless dates, weekday modifiers, year boundaries), numbers that
//! are not dates, offsets and language fallback.

use crate::model::Document;

use super::{day, expect, pairs, stamper};

#[test]
fn yearless_dates_point_back_unless_told_otherwise() {
    // Anchor 2024-01-11: "7 octobre" is last October, "3 janvier" this year.
    let p = pairs("fr", "Le 7 octobre et le 3 janvier.", "2024-01-11");
    assert_eq!(
        p,
        expect(&[
            ("Le 7 octobre", "2023-10-07"),
            ("le 3 janvier", "2024-01-03")
        ])
    );
    // Forward wording or "prochain" points to the next occurrence.
    let p = pairs(
        "fr",
        "Le sommet est prévu le 7 mars. Il reviendra le 5 janvier prochain.",
        "2024-04-17",
    );
    assert_eq!(
        p,
        expect(&[
            ("le 7 mars", "2025-03-07"),
            ("le 5 janvier prochain", "2025-01-05")
        ])
    );
    let p = pairs(
        "it",
        "Il vertice è previsto a marzo, il voto lunedì.",
        "2024-04-17",
    );
    assert_eq!(p, expect(&[("marzo", "2025-03"), ("lunedì", "2024-04-22")]));
    // "dernier" on a month is strictly before the anchor's month.
    let p = pairs("fr", "En avril dernier et en avril.", "2024-04-17");
    assert_eq!(
        p,
        expect(&[("avril dernier", "2023-04"), ("avril", "2024-04")])
    );
}

#[test]
fn weekday_modifiers_and_year_boundaries() {
    // 2024-01-03 is a Wednesday.
    let p = pairs(
        "fr",
        "Mercredi, mercredi dernier, mercredi prochain et samedi.",
        "2024-01-03",
    );
    assert_eq!(
        p,
        expect(&[
            ("Mercredi", "2024-01-03"),
            ("mercredi dernier", "2023-12-27"),
            ("mercredi prochain", "2024-01-10"),
            ("samedi", "2023-12-30"),
        ])
    );
    let p = pairs(
        "fr",
        "Le mois dernier, l'année dernière et la semaine dernière.",
        "2024-01-03",
    );
    assert_eq!(
        p,
        expect(&[
            ("Le mois dernier", "2023-12"),
            ("l'année dernière", "2023"),
            ("la semaine dernière", "2023-W52")
        ])
    );
    let p = pairs("en", "Last month and next month.", "2023-12-15");
    assert_eq!(
        p,
        expect(&[("Last month", "2023-11"), ("next month", "2024-01")])
    );
}

#[test]
fn numbers_that_are_not_dates() {
    let body =
        "Au total, 3 038 enfants sont morts et plus de 20 500 blessés ; 300 drones et des S-300. \
                Une guerre de 10 mois, 24 heures sur 24, depuis 21 jours, une fillette de 7 ans, \
                depuis les années 1970, en 12 000 points, le Su-35 et 45 avions.";
    assert_eq!(
        pairs("fr", body, "2024-08-06"),
        Vec::<(String, String)>::new()
    );
    let body = "Oltre 20 500 feriti, 3 038 bambini, nel 2.000 e il 31 aprile.";
    assert_eq!(
        pairs("it", body, "2024-08-06"),
        Vec::<(String, String)>::new()
    );
    let body = "He said 2,000 people may 3 times march in 24 hours; in 1500 cases.";
    assert_eq!(
        pairs("en", body, "2024-08-06"),
        Vec::<(String, String)>::new()
    );
}

#[test]
fn offsets_are_bytes_of_the_original_and_sorted() {
    let body = "À Téhéran, l’Iran a réagi samedi dernier et le 17 avril.";
    let doc = Document {
        body: body.into(),
        language: "fr".into(),
        published_date: Some(day("2024-04-17")),
        ..Document::default()
    };
    let m = stamper().tag(&doc);
    assert_eq!(m.len(), 2);
    assert!(m[0].start < m[1].start);
    assert_eq!(&body[m[0].start..m[0].end], "samedi dernier");
    assert_eq!(&body[m[1].start..m[1].end], "le 17 avril");
}

#[test]
fn unknown_language_uses_every_grammar_and_foreign_full_dates_are_kept() {
    let p = pairs("und", "Ieri, il 6 agosto 2024.", "2024-08-07");
    assert_eq!(
        p,
        expect(&[("Ieri", "2024-08-06"), ("il 6 agosto 2024", "2024-08-06")])
    );
    // An English caption inside a French article: only the full date is read.
    let p = pairs(
        "fr",
        "Photo prise on March 08, 2019 in Washington, may 3.",
        "2023-10-28",
    );
    assert_eq!(p, expect(&[("March 08, 2019", "2019-03-08")]));
}

#[test]
fn weekdays_with_day_numbers_and_weekday_checked_dates() {
    // Published Wednesday 2024-08-07; "venerdì 2" is last Friday, "sabato 17" the coming
    // Saturday the 17th; "sabato 14 settembre" falls on a Saturday only in 2024.
    let p = pairs(
        "it",
        "Venerdì 2 e sabato 17 il Papa sarà a Londra; sabato 14 settembre a Roma.",
        "2024-08-07",
    );
    assert_eq!(
        p,
        expect(&[
            ("Venerdì 2", "2024-08-02"),
            ("sabato 17", "2024-08-17"),
            ("sabato 14 settembre", "2024-09-14")
        ])
    );
    let p = pairs("it", "Domenica ventura, 11 agosto.", "2024-08-07");
    assert_eq!(p, expect(&[("Domenica ventura, 11 agosto", "2024-08-11")]));
}

#[test]
fn blocked_periods_are_not_relative() {
    let p = pairs(
        "en",
        "In the last week of August 2015, and again last week.",
        "2024-08-07",
    );
    assert_eq!(
        p,
        expect(&[("August 2015", "2015-08"), ("last week", "2024-W31")])
    );
}

#[test]
fn german_weekday_with_den_is_one_mention() {
    let p = pairs(
        "de",
        "Mittwoch den 6. November rückten die Truppen ein; am Freitag, dem 8. November, nicht.",
        "2024-11-20",
    );
    assert_eq!(
        p,
        expect(&[
            ("Mittwoch den 6. November", "2024-11-06"),
            ("am Freitag, dem 8. November", "2024-11-08")
        ])
    );
}

#[test]
fn language_tags_with_regions_pick_their_grammar() {
    // With the German grammar alone, the English "May 3" is not read (no year).
    assert_eq!(
        pairs("de-CH", "Gestern, May 3.", "2024-05-08"),
        expect(&[("Gestern", "2024-05-07")])
    );
    assert_eq!(
        pairs("EN", "Yesterday, May 3.", "2024-05-08"),
        expect(&[("Yesterday", "2024-05-07"), ("May 3", "2024-05-03")])
    );
}

#[test]
fn ranges_give_both_days() {
    let p = pairs(
        "fr",
        "Du 12 au 25 juin 2024, puis les 5 et 6 août.",
        "2024-08-07",
    );
    assert_eq!(
        p,
        expect(&[
            ("Du 12", "2024-06-12"),
            ("au 25 juin 2024", "2024-06-25"),
            ("les 5", "2024-08-05"),
            ("6 août", "2024-08-06")
        ])
    );
    let p = pairs(
        "it",
        "Tra il 9 e il 13 ottobre 2010 e dal 12 al 25 giugno.",
        "2024-08-07",
    );
    assert_eq!(
        p,
        expect(&[
            ("il 9", "2010-10-09"),
            ("il 13 ottobre 2010", "2010-10-13"),
            ("dal 12", "2024-06-12"),
            ("al 25 giugno", "2024-06-25"),
        ])
    );
    let p = pairs("de", "Vom 12.–17. Juni 2024.", "2024-08-07");
    assert_eq!(
        p,
        expect(&[("Vom 12.", "2024-06-12"), ("17. Juni 2024", "2024-06-17")])
    );
}

#[test]
fn an_implausible_year_after_a_date_is_a_count() {
    let p = pairs("fr", "Le 5 août 1500 soldats sont arrivés.", "2024-08-07");
    assert_eq!(p, expect(&[("Le 5 août", "2024-08-05")]));
}
