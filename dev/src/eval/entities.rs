//! Entity-mention scores: exact-span P/R/F1 (untyped and typed) after aligning our body
//! offsets to the raw file, and B-cubed entity identity over the gold Wikidata links.
//!
//! Rules:
//! - gold types map to PER (PER, PERS, PERSON), ORG, LOC (LOC, GPE) and MISC; any other gold
//!   type (PROD, TIME, HumanProd, …) is excluded and reported per type; a prediction whose
//!   span is exactly an excluded gold span is ignored (neither right nor wrong);
//! - untyped: gold PER/ORG/LOC/MISC spans vs all our mappable spans; our mentions that cannot
//!   be aligned to the raw text are false positives;
//! - typed: (span, type) over PER/ORG/LOC only on both sides (our MISC is not scored typed);
//! - identity: items are gold mentions with a non-NIL link whose exact span we found;
//!   gold cluster = QID, predicted cluster = our `entity_id`.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::Serialize;

use super::gold::GoldEntity;
use super::metrics::{b_cubed, prf1, BCubed, Prf, Ratio};

/// The types scored with type.
pub const TYPED: [&str; 3] = ["PER", "ORG", "LOC"];

/// A gold type mapped to the scored classes; None for types we never produce.
pub fn gold_class(kind: &str) -> Option<&'static str> {
    match kind.to_ascii_uppercase().as_str() {
        "PER" | "PERS" | "PERSON" => Some("PER"),
        "ORG" => Some("ORG"),
        "LOC" | "GPE" => Some("LOC"),
        "MISC" => Some("MISC"),
        _ => None,
    }
}

/// Our `entity_type` mapped to the same classes.
pub fn pred_class(kind: &str) -> Option<&'static str> {
    match kind {
        "PERSON" => Some("PER"),
        "ORG" => Some("ORG"),
        "LOC" => Some("LOC"),
        "MISC" => Some("MISC"),
        _ => None,
    }
}

/// One predicted mention, its span already mapped to raw offsets (None: unalignable).
#[derive(Debug, Clone, PartialEq)]
pub struct PredMention {
    /// Raw-text span, when the body span could be aligned.
    pub span: Option<(usize, usize)>,
    /// Our entity type (`PERSON`, `ORG`, `LOC`, `MISC`).
    pub entity_type: String,
    /// Our canonical entity id.
    pub entity_id: String,
}

/// Counts summed over documents.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EntityCounts {
    /// Untyped (tp, fp, fn).
    pub untyped: (usize, usize, usize),
    /// Typed (tp, fp, fn) over PER/ORG/LOC.
    pub typed: (usize, usize, usize),
    /// Per class (tp, fp, fn).
    pub per_type: BTreeMap<String, (usize, usize, usize)>,
    /// Gold mentions scored (PER/ORG/LOC/MISC).
    pub gold: usize,
    /// Gold mentions excluded, per original type.
    pub excluded: BTreeMap<String, usize>,
    /// Our mentions.
    pub predicted: usize,
    /// Our mentions that could not be aligned.
    pub unmappable: usize,
    /// Our mentions ignored because they sit exactly on an excluded gold span.
    pub ignored: usize,
    /// Identity items: (gold QID, our entity_id).
    pub identity: Vec<(String, String)>,
}

fn add3(a: &mut (usize, usize, usize), b: (usize, usize, usize)) {
    a.0 += b.0;
    a.1 += b.1;
    a.2 += b.2;
}

impl EntityCounts {
    /// Adds another document's (or language's) counts.
    pub fn add(&mut self, o: &EntityCounts) {
        add3(&mut self.untyped, o.untyped);
        add3(&mut self.typed, o.typed);
        for (k, v) in &o.per_type {
            add3(self.per_type.entry(k.clone()).or_default(), *v);
        }
        for (k, v) in &o.excluded {
            *self.excluded.entry(k.clone()).or_default() += v;
        }
        self.gold += o.gold;
        self.predicted += o.predicted;
        self.unmappable += o.unmappable;
        self.ignored += o.ignored;
        self.identity.extend(o.identity.iter().cloned());
    }
}

type Span = (usize, usize);

fn set_prf<T: Eq + std::hash::Hash>(pred: &HashSet<T>, gold: &HashSet<T>) -> (usize, usize, usize) {
    let tp = pred.intersection(gold).count();
    (tp, pred.len() - tp, gold.len() - tp)
}

/// Scores one document's predicted mentions against its gold mentions.
pub fn score_doc(gold: &[GoldEntity], pred: &[PredMention]) -> EntityCounts {
    let mut c = EntityCounts {
        predicted: pred.len(),
        ..EntityCounts::default()
    };
    let mut gold_spans: HashSet<Span> = HashSet::new();
    let mut gold_typed: HashSet<(Span, &str)> = HashSet::new();
    let mut excluded_spans: HashSet<Span> = HashSet::new();
    for g in gold {
        match gold_class(&g.kind) {
            Some(class) => {
                c.gold += 1;
                gold_spans.insert((g.start, g.end));
                if TYPED.contains(&class) {
                    gold_typed.insert(((g.start, g.end), class));
                }
            }
            None => {
                *c.excluded.entry(g.kind.clone()).or_default() += 1;
                excluded_spans.insert((g.start, g.end));
            }
        }
    }
    let mut pred_spans: HashSet<Span> = HashSet::new();
    let mut pred_typed: HashSet<(Span, &str)> = HashSet::new();
    let mut ids: HashMap<Span, &str> = HashMap::new();
    let (mut lost, mut lost_typed) = (0, BTreeMap::<&str, usize>::new());
    for p in pred {
        let class = pred_class(&p.entity_type).filter(|c| TYPED.contains(c));
        let Some(span) = p.span else {
            lost += 1;
            if let Some(class) = class {
                *lost_typed.entry(class).or_default() += 1;
            }
            continue;
        };
        ids.entry(span).or_insert(&p.entity_id);
        if excluded_spans.contains(&span) && !gold_spans.contains(&span) {
            c.ignored += 1;
            continue;
        }
        pred_spans.insert(span);
        if let Some(class) = class {
            pred_typed.insert((span, class));
        }
    }
    c.unmappable = lost;
    c.untyped = set_prf(&pred_spans, &gold_spans);
    c.untyped.1 += lost;
    c.typed = set_prf(&pred_typed, &gold_typed);
    c.typed.1 += lost_typed.values().sum::<usize>();
    for class in TYPED {
        let p: HashSet<_> = pred_typed.iter().filter(|x| x.1 == class).collect();
        let g: HashSet<_> = gold_typed.iter().filter(|x| x.1 == class).collect();
        let mut counts = set_prf(&p, &g);
        counts.1 += lost_typed.get(class).copied().unwrap_or(0);
        c.per_type.insert(class.to_string(), counts);
    }
    for g in gold {
        let link = g.link.as_deref().unwrap_or("").trim();
        if link.is_empty() || link.eq_ignore_ascii_case("NIL") {
            continue;
        }
        if let Some(id) = ids.get(&(g.start, g.end)) {
            c.identity.push((link.to_string(), id.to_string()));
        }
    }
    c
}

/// Prints a document's typed misses to stderr (`GAZETTE_EVAL_MISSES=1`; read them on the
/// tune half only): `FN` gold not predicted with its type, `FP` predicted not gold, `ID`
/// a linked gold mention found with its exact span (gold link, predicted id, type, text:
/// the items of B-cubed, to read where one entity got several ids).
pub fn print_misses(doc_id: &str, raw: &[char], gold: &[GoldEntity], pred: &[PredMention]) {
    let text = |s: usize, e: usize| {
        raw[s.min(raw.len())..e.min(raw.len())]
            .iter()
            .collect::<String>()
    };
    let typed: HashSet<(Span, &str)> = pred
        .iter()
        .filter_map(|p| Some((p.span?, pred_class(&p.entity_type)?)))
        .collect();
    let gold_typed: HashSet<(Span, &str)> = gold
        .iter()
        .filter_map(|g| Some(((g.start, g.end), gold_class(&g.kind)?)))
        .collect();
    for &((s, e), c) in &gold_typed {
        if !typed.contains(&((s, e), c)) {
            let got = typed.iter().find(|x| x.0 == (s, e)).map_or("-", |x| x.1);
            eprintln!("{doc_id}\tFN\t{c}\t{}\tgot {got}", text(s, e));
        }
    }
    for &((s, e), c) in &typed {
        if !gold_typed.contains(&((s, e), c)) && !gold_typed.iter().any(|x| x.0 == (s, e)) {
            eprintln!("{doc_id}\tFP\t{c}\t{}", text(s, e));
        }
    }
    for g in gold {
        let link = g.link.as_deref().unwrap_or("").trim();
        if link.is_empty() || link.eq_ignore_ascii_case("NIL") {
            continue;
        }
        if let Some(p) = pred.iter().find(|p| p.span == Some((g.start, g.end))) {
            eprintln!(
                "{doc_id}\tID\t{link}\t{}\t{}\t{}",
                p.entity_id,
                p.entity_type,
                text(g.start, g.end)
            );
        }
    }
}

/// Entity identity scores over the linked gold mentions we found.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct IdentityScores {
    /// B-cubed precision/recall/F1 (items = linked gold mentions found with exact span).
    pub b_cubed: BCubed,
    /// Distinct gold QIDs among the items.
    pub gold_clusters: usize,
    /// Distinct predicted entity ids among the items.
    pub predicted_clusters: usize,
    /// Items whose `entity_id` is exactly the gold QID.
    pub qid_match: Ratio,
}

/// B-cubed and QID agreement over identity items; None when there are none.
pub fn identity(items: &[(String, String)]) -> Option<IdentityScores> {
    if items.is_empty() {
        return None;
    }
    let gold: HashSet<_> = items.iter().map(|x| &x.0).collect();
    let pred: HashSet<_> = items.iter().map(|x| &x.1).collect();
    Some(IdentityScores {
        b_cubed: b_cubed(items),
        gold_clusters: gold.len(),
        predicted_clusters: pred.len(),
        qid_match: Ratio::new(items.iter().filter(|(g, p)| g == p).count(), items.len()),
    })
}

/// P/R/F1 from a (tp, fp, fn) triple.
pub fn prf(t: (usize, usize, usize)) -> Prf {
    prf1(t.0, t.1, t.2)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gold(start: usize, end: usize, kind: &str, link: &str) -> GoldEntity {
        GoldEntity {
            start,
            end,
            kind: kind.into(),
            text: String::new(),
            link: Some(link.into()),
        }
    }

    fn pred(span: Option<Span>, kind: &str, id: &str) -> PredMention {
        PredMention {
            span,
            entity_type: kind.into(),
            entity_id: id.into(),
        }
    }

    #[test]
    fn type_mapping() {
        assert_eq!(gold_class("pers"), Some("PER"));
        assert_eq!(gold_class("GPE"), Some("LOC"));
        assert_eq!(gold_class("PROD"), None);
        assert_eq!(gold_class("HumanProd"), None);
        assert_eq!(pred_class("PERSON"), Some("PER"));
        assert_eq!(pred_class("PER"), None);
    }

    #[test]
    fn exact_span_typed_and_untyped_by_hand() {
        // Gold: Merkel PER [0,6), Berlin LOC [10,16), UNO ORG [20,23), Golf TIME [30,34).
        let g = [
            gold(0, 6, "PER", "Q567"),
            gold(10, 16, "LOC", "Q64"),
            gold(20, 23, "ORG", "NIL"),
            gold(30, 34, "TIME", "NIL"),
        ];
        // Ours: Merkel right, Berlin with type ORG, "UN" wrong span, a MISC on the TIME span
        // (ignored), one unalignable PERSON.
        let p = [
            pred(Some((0, 6)), "PERSON", "Q567"),
            pred(Some((10, 16)), "ORG", "k-berlin"),
            pred(Some((20, 22)), "ORG", "k-un"),
            pred(Some((30, 34)), "MISC", "k-golf"),
            pred(None, "PERSON", "k-x"),
        ];
        let c = score_doc(&g, &p);
        // Untyped: spans {0-6, 10-16, 20-22} vs {0-6, 10-16, 20-23}: TP 2, FP 1 + 1 lost, FN 1.
        assert_eq!(c.untyped, (2, 2, 1));
        // Typed: {(0-6,PER), (10-16,ORG), (20-22,ORG)} vs {(0-6,PER), (10-16,LOC), (20-23,ORG)}
        // TP 1, FP 2 + 1 lost PERSON, FN 2.
        assert_eq!(c.typed, (1, 3, 2));
        assert_eq!(c.per_type["PER"], (1, 1, 0));
        assert_eq!(c.per_type["LOC"], (0, 0, 1));
        assert_eq!(c.per_type["ORG"], (0, 2, 1));
        assert_eq!((c.gold, c.predicted, c.unmappable, c.ignored), (3, 5, 1, 1));
        assert_eq!(c.excluded.get("TIME"), Some(&1));
        // Identity items: linked gold found with exact span: Merkel (Q567) and Berlin (Q64).
        assert_eq!(
            c.identity,
            vec![
                ("Q567".to_string(), "Q567".to_string()),
                ("Q64".to_string(), "k-berlin".to_string())
            ]
        );
        let id = identity(&c.identity).expect("items");
        assert_eq!((id.qid_match.hits, id.gold_clusters), (1, 2));
        assert!(identity(&[]).is_none());
    }

    #[test]
    fn no_predictions_means_all_gold_missed() {
        let c = score_doc(&[gold(0, 4, "LOC", "Q90")], &[]);
        assert_eq!((c.untyped, c.typed), ((0, 0, 1), (0, 0, 1)));
        assert!(c.identity.is_empty());
    }
}
