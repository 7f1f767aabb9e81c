//! The stage's runtime itself: shareable across threads, built from the shipped data with
//! a grammar for every language, its anchor falling back to the run's reference date.

use chrono::NaiveDate;

use crate::lexicon::Lexicon;
use crate::model::Document;
use crate::stages::dates::{DateStamper, DatesConfig};

fn assert_sync<T: Sync + Send>() {}

#[test]
fn stamper_is_shareable_and_loads_shipped_data() {
    assert_sync::<DateStamper>();
    let lex = Lexicon::load(&[] as &[&str]).unwrap();
    let reference = NaiveDate::from_ymd_opt(2024, 8, 6).unwrap();
    let s = DateStamper::new(&DatesConfig::default(), &lex, reference).unwrap();
    for lang in ["fr", "it", "en", "de", "es"] {
        assert!(
            s.tagger.grammars_for(lang).0.len() == 1,
            "no date data for {lang}"
        );
    }
    let doc = Document {
        body: "Rien.".into(),
        ..Document::default()
    };
    assert_eq!(s.anchor(&doc), reference);
}
