use super::*;

#[test]
fn same_seed_same_corpus_other_seed_other_corpus() {
    let a = generate(300, 42).unwrap();
    assert_eq!(a.len(), 300);
    assert_eq!(a, generate(300, 42).unwrap());
    assert_ne!(a[0].body, generate(300, 43).unwrap()[0].body);
    let urls: HashSet<&str> = a.iter().map(|d| d.url.as_str()).collect();
    assert_eq!(urls.len(), a.len(), "urls are unique");
}

#[test]
fn corpus_mixes_languages_sizes_and_every_variant() {
    let docs = generate(3000, 7).unwrap();
    let langs: HashSet<&str> = docs.iter().map(|d| d.language.as_str()).collect();
    assert!(langs.len() >= 5, "{langs:?}");
    let variants: HashSet<Variant> = docs.iter().map(|d| d.variant).collect();
    assert_eq!(variants.len(), 10, "{variants:?}");
    let words: Vec<usize> = docs.iter().map(|d| d.body.split(' ').count()).collect();
    let mean = words.iter().sum::<usize>() / words.len();
    assert!((150..700).contains(&mean), "mean words {mean}");
    assert!(words.iter().any(|&w| w < 30), "some briefs");
    assert!(
        docs.iter().any(|d| d.text != d.body),
        "boilerplate around bodies"
    );
}

#[test]
fn truth_similarities_match_the_variants() {
    let mut by_kind: std::collections::HashMap<Variant, Vec<f64>> = Default::default();
    for group in Generator::new(4000, 11).unwrap() {
        let original = &group[0];
        for d in &group[1..] {
            let j = shingle_jaccard(&original.body, &d.body, 5);
            by_kind.entry(d.variant).or_default().push(j);
            if d.variant == Variant::Exact {
                assert_eq!(d.text, original.text);
            }
            let same_story = d.story == original.story;
            let negative = matches!(d.variant, Variant::SameTopic | Variant::Translation);
            assert_eq!(same_story, !negative, "{:?}", d.variant);
        }
    }
    let mean = |v: Variant| {
        let xs = &by_kind[&v];
        xs.iter().sum::<f64>() / xs.len() as f64
    };
    for v in [Variant::Exact, Variant::Boilerplate, Variant::Headline] {
        assert_eq!(mean(v), 1.0, "{v:?}");
    }
    for v in [Variant::Trimmed, Variant::Reordered, Variant::Edited] {
        assert!((0.7..1.0).contains(&mean(v)), "{v:?} {}", mean(v));
    }
    assert!(
        mean(Variant::SameTopic) < 0.2,
        "{}",
        mean(Variant::SameTopic)
    );
    assert!(mean(Variant::Translation) < 0.05);
}

#[test]
fn jsonl_records_carry_the_metadata() {
    let d = &generate(1, 5).unwrap()[0];
    let v: serde_json::Value = serde_json::from_str(&d.jsonl()).unwrap();
    assert_eq!(v["url"], d.url.as_str());
    assert_eq!(v["published"], d.published.to_string());
    assert_eq!(v["source_name"], d.source_name.as_str());
    assert_eq!(v["text"], d.text.as_str());
}
