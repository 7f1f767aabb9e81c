use super::*;
use chrono::NaiveDate;

fn dedup() -> Deduplicator {
    DedupConfig::default().build().unwrap()
}

fn article(seed: usize, n: usize) -> Vec<String> {
    (0..n)
        .map(|i| format!("w{}", (i * 7919 + seed * 104_729) % 5003))
        .collect()
}

fn entry(
    dd: &Deduplicator,
    id: &str,
    body: &str,
    published: Option<(i32, u32, u32)>,
) -> DedupEntry {
    DedupEntry {
        doc_id: id.into(),
        fingerprint: dd.fingerprint(body),
        published: published.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)),
        agency: false,
        has_url: true,
        chars: body.chars().count(),
    }
}

fn rep(v: &Option<Duplicate>) -> Option<&str> {
    v.as_ref().map(|d| d.representative.as_str())
}

#[test]
fn exact_near_and_distinct_documents() {
    let dd = dedup();
    let words = article(1, 300);
    let original = words.join(" ");
    let exact = format!("{}!", original.to_uppercase());
    let mut edited = words.clone();
    edited[10] = "changed".into();
    edited.truncate(285);
    let near = edited.join(" ");
    let other = article(2, 300).join(" ");
    let entries = vec![
        entry(&dd, "d", &near, Some((2024, 4, 18))),
        entry(&dd, "c", &exact, Some((2024, 4, 17))),
        entry(&dd, "b", &original, Some((2024, 4, 16))),
        entry(&dd, "a", &other, Some((2024, 4, 16))),
    ];
    let v = dd.cluster(&entries, &[]);
    assert_eq!(v[2], None, "the earliest is the representative");
    assert_eq!(v[3], None, "a different article stays unique");
    assert_eq!(
        v[1],
        Some(Duplicate {
            representative: "b".into(),
            similarity: 1.0
        })
    );
    let near_dup = v[0].clone().expect("near duplicate found");
    assert_eq!(near_dup.representative, "b");
    assert!(near_dup.similarity >= 0.8 && near_dup.similarity < 1.0);
}

#[test]
fn result_does_not_depend_on_order() {
    let dd = dedup();
    let body = article(3, 200).join(" ");
    let a = entry(&dd, "x1", &body, None);
    let b = entry(&dd, "x0", &body, None);
    let ab = dd.cluster(&[a.clone(), b.clone()], &[]);
    let ba = dd.cluster(&[b, a], &[]);
    assert_eq!(rep(&ab[0]), Some("x0"), "x0 wins the doc_id tie");
    assert_eq!(ab[1], None);
    assert_eq!(rep(&ba[1]), Some("x0"));
}

#[test]
fn chains_form_one_cluster_and_short_bodies_are_exact_only() {
    let dd = dedup();
    // A ≈ B ≈ C (Jaccard ≈ 0.86 per step) with A and C further apart (≈ 0.74): each
    // step replaces 6 of 400 words.
    let a = article(5, 400);
    let mut b = a.clone();
    let mut c = a.clone();
    for i in 0..6 {
        b[i * 60] = format!("b{i}");
        c[i * 60] = format!("b{i}");
        c[i * 60 + 30] = format!("c{i}");
    }
    let (a, b, c) = (a.join(" "), b.join(" "), c.join(" "));
    let ea = entry(&dd, "a", &a, Some((2025, 1, 1)));
    let ec = entry(&dd, "c", &c, Some((2025, 1, 3)));
    let sim = estimated_jaccard(&ea.fingerprint.signature, &ec.fingerprint.signature);
    assert!(sim < 0.8, "A and C alone are not duplicates ({sim})");
    let v = dd.cluster(&[ec, entry(&dd, "b", &b, Some((2025, 1, 2))), ea], &[]);
    assert_eq!(
        (rep(&v[0]), rep(&v[1]), rep(&v[2])),
        (Some("a"), Some("a"), None)
    );

    let short = "Le conseil municipal se réunit jeudi soir à la mairie.";
    let almost = "Le conseil municipal se réunit jeudi soir à la mairie annexe.";
    let v = dd.cluster(
        &[
            entry(&dd, "s1", short, None),
            entry(&dd, "s2", almost, None),
            entry(&dd, "s3", &short.to_uppercase(), None),
        ],
        &[],
    );
    assert_eq!(
        (rep(&v[0]), rep(&v[1]), rep(&v[2])),
        (None, None, Some("s1"))
    );
}

const STORY_FR: &str = "Le conseil régional a adopté jeudi soir un plan de dix millions d'euros pour \
    rénover les lignes de train entre Grenoble et Chambéry, après deux ans de retards et de pannes. \
    La présidente de la région a expliqué que les travaux commenceraient au printemps et dureraient \
    dix-huit mois, avec des bus de remplacement les week-ends.\nLes associations d'usagers saluent \
    une bonne nouvelle mais demandent des garanties sur les horaires du matin.";
const STORY_IT: &str =
    "Il consiglio regionale ha approvato giovedì sera un piano da dieci milioni di \
    euro per rinnovare le linee ferroviarie tra Grenoble e Chambéry, dopo due anni di ritardi e \
    guasti. La presidente della regione ha spiegato che i lavori inizieranno in primavera e \
    dureranno diciotto mesi, con autobus sostitutivi nei fine settimana.\nLe associazioni di \
    utenti parlano di una buona notizia ma chiedono garanzie sugli orari del mattino.";
const OTHER_FR: &str =
    "Sur le quai de la gare de Chambéry, jeudi soir, les voyageurs accueillaient \
    avec prudence l'annonce du conseil régional. La présidente de la région a expliqué que les \
    travaux commenceraient au printemps et dureraient dix-huit mois. Une infirmière qui prend le \
    train de six heures raconte les annulations à répétition de l'hiver dernier et les nuits \
    passées chez une collègue.\nUn étudiant craint surtout les bus de remplacement du week-end.";

#[test]
fn same_story_in_two_languages_is_not_a_duplicate() {
    let dd = dedup();
    let v = dd.cluster(
        &[
            entry(&dd, "fr", STORY_FR, Some((2026, 3, 5))),
            entry(&dd, "it", STORY_IT, Some((2026, 3, 5))),
        ],
        &[],
    );
    assert_eq!(v, vec![None, None]);
}

#[test]
fn two_stories_on_one_event_by_one_outlet_are_not_duplicates() {
    let dd = dedup();
    // Same outlet, same day, same event, one shared sentence.
    let mut a = entry(&dd, "news1", STORY_FR, Some((2026, 3, 5)));
    let mut b = entry(&dd, "news2", OTHER_FR, Some((2026, 3, 5)));
    a.agency = false;
    b.agency = false;
    assert_eq!(dd.cluster(&[a.clone(), b.clone()], &[]), vec![None, None]);
    // The same article reposted by that outlet is one.
    let repost = entry(&dd, "news3", &format!("{STORY_FR}\n"), Some((2026, 3, 6)));
    let v = dd.cluster(&[a, b, repost], &[]);
    assert_eq!(rep(&v[2]), Some("news1"));
}

#[test]
fn earlier_batches_win() {
    let dd = dedup();
    let body = article(8, 250);
    let prior = vec![entry(&dd, "old", &body.join(" "), Some((2026, 5, 2)))];
    // An earlier-dated copy arriving later still points at the published representative.
    let mut edited = body.clone();
    edited[3] = "edit".into();
    let new = entry(&dd, "new", &edited.join(" "), Some((2026, 5, 1)));
    let fresh = entry(&dd, "fresh", &article(9, 250).join(" "), None);
    let v = dd.cluster(&[new, fresh], &prior);
    assert_eq!((rep(&v[0]), rep(&v[1])), (Some("old"), None));
}

#[test]
fn exact_fingerprint_has_the_content_hash_and_no_signature() {
    let body = article(4, 100).join(" ");
    let exact = exact_fingerprint(&body);
    assert!(exact.signature.is_empty());
    assert_eq!(exact.content_hash, dedup().fingerprint(&body).content_hash);
}

#[test]
fn a_group_of_buckets_links_only_pairs_sharing_a_band() {
    let dd = dedup();
    let (bands, rows) = dd.banding();
    let a: Vec<u32> = (0..(bands * rows) as u32).collect();
    // One value changed in every band: 3/4 of the values agree (the default threshold)
    // but no band is shared, so the CLI never compares the two.
    let no_band: Vec<u32> = a
        .iter()
        .enumerate()
        .map(|(i, &v)| if i % rows == 0 { v + 2000 } else { v })
        .collect();
    // The same, except band 0 kept whole: a candidate, and verified.
    let one_band: Vec<u32> = a
        .iter()
        .enumerate()
        .map(|(i, &v)| {
            if i % rows == 0 && i >= rows {
                v + 1000
            } else {
                v
            }
        })
        .collect();
    assert!(estimated_jaccard(&a, &no_band) >= 0.75);
    assert_eq!(dd.verify_bucket(&[&a, &no_band]), vec![]);
    assert_eq!(dd.verify_bucket(&[&no_band, &a, &one_band]), vec![(1, 2)]);
    // A signature of another length (exact-matched only) is never a candidate.
    assert_eq!(dd.verify_bucket(&[&a, &a[..rows]]), vec![]);
}
