//! The speaker ranker: its weights file, and what it changes over the rule cascade.

use super::*;
use crate::stages::quotes::ranking::FEATURE_NAMES;

#[test]
fn shipped_weights_name_every_feature_and_bad_files_are_refused() {
    let w = RankerWeights::shipped().expect("shipped weights");
    let text = w.to_tsv(&["header".into()]);
    assert_eq!(RankerWeights::parse(&text).unwrap(), w);
    // A file without one of the features, or with an unknown one, is an error naming it.
    let missing: String = text
        .lines()
        .filter(|l| !l.starts_with(FEATURE_NAMES[3]))
        .map(|l| format!("{l}\n"))
        .collect();
    let err = RankerWeights::parse(&missing).unwrap_err().to_string();
    assert!(err.contains(FEATURE_NAMES[3]), "{err}");
    let unknown = format!("{text}loudness\t1.0\n");
    assert!(RankerWeights::parse(&unknown)
        .unwrap_err()
        .to_string()
        .contains("loudness"));
}

#[test]
fn a_description_is_joined_to_the_person_it_describes() {
    let body = "Der Dirigent Marco Feller lobte das Orchester als „außergewöhnlich“. \
                „Sie haben uns alle überrascht“, sagte der Musiker.";
    let names = [("Marco Feller", "Marco_Feller", P)];
    let d = doc("de", body);
    let ents = mentions(body, &names);
    let ranked = stage().tag(&d, &ents);
    let ruled = tagger().tag(&d, &ents);
    assert_eq!(ranked.len(), 2);
    // The cascade keeps the description as written; the ranker joins it to the person.
    assert_eq!(ruled[1].speaker_name, None);
    assert_eq!(ranked[1].speaker_name.as_deref(), Some("Marco Feller"));
    assert_eq!(ranked[1].speaker_id.as_deref(), Some("Marco_Feller"));
}

#[test]
fn a_spokesperson_of_a_named_body_stays_an_unnamed_source() {
    let body = "Der Minister Marco Feller hat den Plan am Montag vorgestellt.\n\n\
                „Wir prüfen jeden Antrag“, sagte ein Sprecher des Ministeriums in Berlin.";
    let names = [("Marco Feller", "Marco_Feller", P), ("Berlin", "Berlin", L)];
    let d = doc("de", body);
    let q = stage().tag(&d, &mentions(body, &names));
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].speaker_id, None, "{q:?}");
    assert!(q[0]
        .speaker
        .as_deref()
        .is_some_and(|s| s.starts_with("ein Sprecher")));
}

#[test]
fn every_quote_has_candidates_with_the_cascade_choice_first() {
    let body =
        "Le maire, Paul Martin, a parlé lundi.\n\n« Nous tiendrons », a déclaré Paul Martin.";
    let names = [("Paul Martin", "Paul_Martin", P)];
    let d = doc("fr", body);
    let ents = mentions(body, &names);
    let found = stage().speaker_candidates(&d, &ents);
    assert_eq!(found.len(), 1);
    let c = &found[0].candidates;
    assert_eq!(c[0].name.as_deref(), Some("Paul Martin"));
    assert_eq!(c[0].features[3], 1.0, "cascade_pick");
    // Nobody is always a candidate.
    assert!(c.iter().any(|c| c.kind == CandidateKind::Nobody));
}
