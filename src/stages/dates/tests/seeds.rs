//! The five seed articles (raw text as the body), with their real publication dates.

use std::path::Path;

use super::{expect, tag};
use crate::stages::shared_data::shared_dir;

const SEEDS: [(&str, &str, &str); 5] = [
    ("000_bc5637f2bb0699b7.txt", "fr", "2024-08-06"),
    ("001_e3005b3932ea3b15.txt", "fr", "2024-01-11"),
    ("002_33deb995d6668e48.txt", "fr", "2024-04-17"),
    ("003_f351184af11c161d.txt", "it", "2024-08-07"),
    ("004_042bb66534c8b46c.txt", "fr", "2023-10-28"),
];

fn seed(seeds: &Path, i: usize) -> Vec<(String, String, bool)> {
    let (file, lang, published) = SEEDS[i];
    let path = seeds.join(file);
    let body = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    tag(lang, &body, published)
}

/// (text as written, value) of every mention of seed `i`, in order.
fn pairs(seeds: &Path, i: usize) -> Vec<(String, String)> {
    seed(seeds, i).into_iter().map(|(t, v, _)| (t, v)).collect()
}

#[test]
fn seed_000_relative_days_periods_and_weekday() {
    let Some(seeds) = shared_dir("corpus/seeds") else {
        return;
    };
    // "S-300", "10 mois", "24 heures sur 24" are not dates; "avril" of "en avril" keeps
    // its preposition out.
    assert_eq!(
        pairs(&seeds, 0),
        expect(&[
            ("hier", "2024-08-05"),
            ("Hier", "2024-08-05"),
            ("le mois dernier", "2024-07"),
            ("ce week-end", "2024-W31"),
            ("mardi", "2024-08-06"),
            ("hier", "2024-08-05"),
            ("avril", "2024-04"),
        ])
    );
}

#[test]
fn seed_001_month_years_yearless_days_and_weekdays() {
    let Some(seeds) = shared_dir("corpus/seeds") else {
        return;
    };
    // "les années 1970" is a decade, "94 personnes" a count.
    assert_eq!(
        pairs(&seeds, 1),
        expect(&[
            ("mercredi", "2024-01-10"),
            ("novembre 2022", "2022-11"),
            ("juin 2023", "2023-06"),
            ("mercredi", "2024-01-10"),
            ("aujourd’hui", "2024-01-11"),
            ("le 7 octobre", "2023-10-07"),
            ("du 3 janvier", "2024-01-03"),
            ("Mercredi", "2024-01-10"),
        ])
    );
}

#[test]
fn seed_002_yearless_days_and_last_saturday() {
    let Some(seeds) = shared_dir("corpus/seeds") else {
        return;
    };
    assert_eq!(
        pairs(&seeds, 2),
        expect(&[
            ("le 17 avril", "2024-04-17"),
            ("hier", "2024-04-16"),
            ("le 1er avril", "2024-04-01"),
            ("samedi dernier", "2024-04-13"),
        ])
    );
}

#[test]
fn seed_003_italian_days_and_months() {
    let Some(seeds) = shared_dir("corpus/seeds") else {
        return;
    };
    // The contracted articles stay in the span ("nel", "nell’"); the bare preposition of
    // "A febbraio" does not.
    assert_eq!(
        pairs(&seeds, 3),
        expect(&[
            ("il 6 agosto", "2024-08-06"),
            ("il 5 agosto", "2024-08-05"),
            ("il 31 luglio", "2024-07-31"),
            ("il 5 agosto", "2024-08-05"),
            ("nel febbraio 2022", "2022-02"),
            ("febbraio", "2024-02"),
            ("nell’ottobre 2023", "2023-10"),
        ])
    );
}

#[test]
fn seed_004_full_and_yearless_dates_but_no_counts() {
    let Some(seeds) = shared_dir("corpus/seeds") else {
        return;
    };
    // The English photo caption keeps its full date; 3 038, 7 400, 20 500, 45 are counts.
    assert_eq!(
        pairs(&seeds, 4),
        expect(&[
            ("March 08, 2019", "2019-03-08"),
            ("le 27 octobre 2023", "2023-10-27"),
            ("vendredi", "2023-10-27"),
            ("Le 7 octobre", "2023-10-07"),
            ("jeudi", "2023-10-26"),
            ("le 7 octobre", "2023-10-07"),
        ])
    );
}

/// `cargo test --release --lib stages::dates::tests::seeds::print -- --ignored --nocapture`
#[test]
#[ignore]
fn print_seed_mentions() {
    let Some(seeds) = shared_dir("corpus/seeds") else {
        return;
    };
    for (i, (file, lang, published)) in SEEDS.iter().enumerate() {
        println!("== {file} ({lang}, published {published})");
        for (text, value, relative) in seed(&seeds, i) {
            println!(
                "  {text:<24} {value:<10} {}",
                if relative { "relative" } else { "absolute" }
            );
        }
    }
}

/// Rough speed check (debug build): `… tests::seeds::timing -- --ignored --nocapture`.
#[test]
#[ignore]
fn timing_over_the_seeds() {
    let Some(seeds) = shared_dir("corpus/seeds") else {
        return;
    };
    let start = std::time::Instant::now();
    let mut n = 0;
    for _ in 0..50 {
        for i in 0..SEEDS.len() {
            n += seed(&seeds, i).len();
        }
    }
    println!("250 documents, {n} mentions, {:?}", start.elapsed());
}
