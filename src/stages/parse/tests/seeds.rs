//! The parser on the real seed articles of ../shared/corpus/seeds: no panic, known body
//! sentences kept, known boilerplate gone. Only short distinctive snippets appear here.

use std::path::Path;

use super::{parser, text_record};
use crate::model::{Document, RemovalReason};
use crate::stages::shared_data::shared_dir;

fn seed(seeds: &Path, prefix: &str) -> Document {
    let dir = std::fs::read_dir(seeds).expect("seed directory");
    let path = dir
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
        })
        .expect("seed file");
    let text = std::fs::read_to_string(&path).expect("seed text");
    parser().parse(text_record(&text)).expect("seed parses")
}

fn removed_with(doc: &Document, reason: RemovalReason, snippet: &str) -> bool {
    doc.removed
        .iter()
        .any(|r| r.reason == reason && r.text.contains(snippet))
}

#[test]
fn every_seed_parses_in_its_language() {
    let Some(seeds) = shared_dir("corpus/seeds") else {
        return;
    };
    let mut count = 0;
    for entry in std::fs::read_dir(&seeds).expect("seed directory") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("seed text");
        let doc = parser().parse(text_record(&text)).expect("seed parses");
        assert!(
            ["fr", "it"].contains(&doc.language.as_str()),
            "{}",
            path.display()
        );
        assert!(doc.language_score > 0.9);
        assert!(doc.chars() > 1000, "{}: {}", path.display(), doc.chars());
        count += 1;
    }
    assert_eq!(count, 5);
}

#[test]
fn seed_000_drops_split_caption_and_source_line() {
    let Some(seeds) = shared_dir("corpus/seeds") else {
        return;
    };
    let doc = seed(&seeds, "000_");
    assert_eq!(doc.title, None);
    assert_eq!(
        doc.source_name.as_deref(),
        Some("Daily Mail via La cause du Peuple")
    );
    assert!(doc.body.starts_with("La Russie livre des systèmes"));
    assert!(doc
        .body
        .contains("d’extermination contre les Palestiniens."));
    assert!(!doc.body.contains("(à droite)"));
    assert!(!doc.body.contains("(à gauche)"));
    assert!(removed_with(&doc, RemovalReason::Caption, "(à gauche)"));
    assert!(removed_with(&doc, RemovalReason::Source, "Daily Mail"));
    assert_eq!(doc.body.lines().count(), 14);
}

#[test]
fn seed_001_drops_ad_and_comment_block() {
    let Some(seeds) = shared_dir("corpus/seeds") else {
        return;
    };
    let doc = seed(&seeds, "001_");
    assert_eq!(
        doc.title.as_deref(),
        Some("L’Iran et la Russie renforcent leur partenariat contre l’Occident")
    );
    assert!(removed_with(&doc, RemovalReason::Fragment, "ad"));
    assert!(doc.body.starts_with("Moscou et Téhéran renforceront"));
    assert!(doc.body.ends_with("selon Tass."));
    for junk in [
        "LEAVE A REPLY",
        "Please enter",
        "Advertisement",
        "Articles Liés",
        "Derniers articles",
    ] {
        assert!(!doc.body.contains(junk), "{junk}");
        assert!(
            removed_with(&doc, RemovalReason::Boilerplate, junk),
            "{junk}"
        );
    }
    assert_eq!(doc.body.lines().count(), 15);
}

#[test]
fn seed_002_finds_title_and_dateline() {
    let Some(seeds) = shared_dir("corpus/seeds") else {
        return;
    };
    let doc = seed(&seeds, "002_");
    assert!(doc
        .title
        .as_deref()
        .is_some_and(|t| t.ends_with("entre les deux pays")));
    assert_eq!(doc.dateline.as_deref(), Some("JAKARTA"));
    assert!(doc
        .body
        .starts_with("La Russie maintient des communications"));
    assert!(removed_with(&doc, RemovalReason::Source, "JAKARTA -"));
    assert!(doc.body.contains("cité par TASS."));
    assert_eq!(doc.body.lines().count(), 10);
}

#[test]
fn seed_003_takes_source_prefix() {
    let Some(seeds) = shared_dir("corpus/seeds") else {
        return;
    };
    let doc = seed(&seeds, "003_");
    assert_eq!(doc.language, "it");
    assert_eq!(doc.source_name.as_deref(), Some("AgenPress"));
    assert_eq!(doc.title, None);
    assert!(doc.body.starts_with("Vladimir Putin ha chiesto"));
    assert!(doc.body.ends_with("nell’ottobre 2023."));
    assert_eq!(doc.body.lines().count(), 10);
}

#[test]
fn seed_004_drops_navigation_captions_and_tail() {
    let Some(seeds) = shared_dir("corpus/seeds") else {
        return;
    };
    let doc = seed(&seeds, "004_");
    assert!(doc
        .title
        .as_deref()
        .is_some_and(|t| t.starts_with("L’Iran et la Russie insistent")));
    assert_eq!(doc.source_name.as_deref(), Some("FRENCH PRESS TV"));
    assert!(removed_with(&doc, RemovalReason::Fragment, "TV"));
    assert!(removed_with(&doc, RemovalReason::Breadcrumb, "A La Une"));
    assert!(removed_with(&doc, RemovalReason::Caption, "(AFP photo)"));
    assert!(removed_with(&doc, RemovalReason::Caption, "© Irna"));
    assert!(removed_with(&doc, RemovalReason::Boilerplate, "Lire aussi"));
    assert!(removed_with(
        &doc,
        RemovalReason::Boilerplate,
        "Partager Cet Article"
    ));
    assert!(doc.body.starts_with("« L'Iran et la Russie doivent"));
    assert!(doc
        .body
        .contains("Il s'est entretenu à Moscou avec Moussa Abou Marzouk, membre du bureau"));
    assert!(!doc.body.contains("Ilhan Omar"));
    assert_eq!(doc.body.lines().count(), 13);
}

/// Prints what the parser makes of each seed: `cargo test --lib stages::parse::tests::seeds
/// -- --ignored --nocapture`.
#[test]
#[ignore]
fn print_seed_report() {
    let Some(seeds) = shared_dir("corpus/seeds") else {
        return;
    };
    let mut paths: Vec<_> = std::fs::read_dir(&seeds)
        .expect("seeds")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    paths.sort();
    for path in paths {
        let text = std::fs::read_to_string(&path).expect("seed text");
        let doc = parser().parse(text_record(&text)).expect("seed parses");
        println!(
            "== {}",
            path.file_name()
                .map(|n| n.to_string_lossy())
                .unwrap_or_default()
        );
        println!(
            "title: {:?}\nsource_name: {:?}\ndateline: {:?}",
            doc.title, doc.source_name, doc.dateline
        );
        println!(
            "language: {} ({:.2}), {} chars, {} paragraphs",
            doc.language,
            doc.language_score,
            doc.chars(),
            doc.body.lines().count()
        );
        for r in &doc.removed {
            let short: String = r.text.chars().take(90).collect();
            println!("  removed [{}] {}", r.reason.as_str(), short);
        }
    }
}
