//! The stage's configuration and runtime: `min_score` checked and applied, the tagger
//! shared across threads.

use super::doc;
use crate::lexicon::Lexicon;
use crate::stages::entities::{EntitiesConfig, EntityTagger};

#[test]
fn tagger_is_shareable_across_threads() {
    fn assert_sync<T: Sync + Send>() {}
    assert_sync::<EntityTagger>();
}

#[test]
fn config_validation() {
    let bad = EntitiesConfig {
        min_score: 1.5,
        ..EntitiesConfig::default()
    };
    assert!(bad
        .validate()
        .unwrap_err()
        .to_string()
        .contains("stages.entities.min_score"));
    let lex = Lexicon::load(&[] as &[&str]).expect("lexicon");
    let strict = EntitiesConfig {
        min_score: 0.9,
        ..super::rules_config()
    }
    .build(&lex)
    .expect("tagger");
    let t = strict;
    let d = doc(
        "fr",
        "Le ministre Karim Haddadi a rencontré Sergei Choïgou.",
    );
    let m = t.tag(&d);
    assert_eq!(m.len(), 1);
    assert_eq!(m[0].method, "gazetteer");
}
