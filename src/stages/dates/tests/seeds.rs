//! The five seed articles (raw text as the body), with their real publication dates.

use std::path::Path;

use super::tag;
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

fn has(mentions: &[(String, String, bool)], text: &str, value: &str) -> bool {
    mentions.iter().any(|(t, v, _)| t == text && v == value)
}

fn values(mentions: &[(String, String, bool)]) -> Vec<&str> {
    mentions.iter().map(|(_, v, _)| v.as_str()).collect()
}

#[test]
fn seed_000_relative_days_periods_and_weekday() {
    let Some(seeds) = shared_dir("corpus/seeds") else {
        return;
    };
    let m = seed(&seeds, 0);
    assert_eq!(
        m.iter()
            .filter(|(t, v, _)| t.eq_ignore_ascii_case("hier") && v == "2024-08-05")
            .count(),
        3
    );
    assert!(has(&m, "le mois dernier", "2024-07"));
    assert!(has(&m, "ce week-end", "2024-W31"));
    assert!(has(&m, "mardi", "2024-08-06"));
    assert!(has(&m, "avril", "2024-04"));
    // "S-300", "10 mois", "24 heures sur 24" are not dates.
    assert_eq!(m.len(), 7, "{m:?}");
}

#[test]
fn seed_001_month_years_yearless_days_and_weekdays() {
    let Some(seeds) = shared_dir("corpus/seeds") else {
        return;
    };
    let m = seed(&seeds, 1);
    assert!(has(&m, "novembre 2022", "2022-11"));
    assert!(has(&m, "juin 2023", "2023-06"));
    assert!(has(&m, "le 7 octobre", "2023-10-07"));
    assert!(has(&m, "du 3 janvier", "2024-01-03"));
    assert!(has(&m, "Mercredi", "2024-01-10"));
    assert_eq!(m.iter().filter(|(t, _, _)| t == "mercredi").count(), 2);
    assert!(has(&m, "aujourd’hui", "2024-01-11"));
    // "les années 1970" is a decade, "94 personnes" a count.
    assert!(
        !values(&m)
            .iter()
            .any(|v| v.starts_with("1970") || v.contains("94")),
        "{m:?}"
    );
}

#[test]
fn seed_002_yearless_days_and_last_saturday() {
    let Some(seeds) = shared_dir("corpus/seeds") else {
        return;
    };
    let m = seed(&seeds, 2);
    assert!(has(&m, "le 17 avril", "2024-04-17"));
    assert!(has(&m, "le 1er avril", "2024-04-01"));
    assert!(has(&m, "hier", "2024-04-16"));
    assert!(has(&m, "samedi dernier", "2024-04-13"));
    assert_eq!(m.len(), 4, "{m:?}");
}

#[test]
fn seed_003_italian_days_and_months() {
    let Some(seeds) = shared_dir("corpus/seeds") else {
        return;
    };
    let m = seed(&seeds, 3);
    assert!(has(&m, "il 6 agosto", "2024-08-06"));
    assert_eq!(
        m.iter()
            .filter(|(t, v, _)| t == "il 5 agosto" && v == "2024-08-05")
            .count(),
        2
    );
    assert!(has(&m, "il 31 luglio", "2024-07-31"));
    assert!(has(&m, "febbraio 2022", "2022-02"));
    assert!(has(&m, "febbraio", "2024-02"));
    assert!(has(&m, "ottobre 2023", "2023-10"));
    assert_eq!(m.len(), 7, "{m:?}");
}

#[test]
fn seed_004_full_and_yearless_dates_but_no_counts() {
    let Some(seeds) = shared_dir("corpus/seeds") else {
        return;
    };
    let m = seed(&seeds, 4);
    assert!(has(&m, "le 27 octobre 2023", "2023-10-27"));
    assert!(has(&m, "vendredi", "2023-10-27"));
    assert!(has(&m, "jeudi", "2023-10-26"));
    assert!(has(&m, "Le 7 octobre", "2023-10-07"));
    assert!(has(&m, "le 7 octobre", "2023-10-07"));
    // The English photo caption keeps its full date; 3 038, 7 400, 20 500, 45 are counts.
    assert!(has(&m, "March 08, 2019", "2019-03-08"));
    assert_eq!(m.len(), 6, "{m:?}");
}

/// `cargo test --lib stages::dates::tests::seeds::print -- --ignored --nocapture`
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
