//! The human-readable form of an [`EvalReport`]: one plain-text block, one line per figure,
//! each with the counts it is computed on.

use std::collections::BTreeMap;
use std::fmt::{self, Display, Formatter};

use super::metrics::{Prf, Ratio};
use super::EvalReport;

fn ratio(r: &Ratio) -> String {
    format!("{:.3}  ({}/{})", r.value, r.hits, r.total)
}

fn prf(p: &Prf) -> String {
    format!(
        "P {:.3}  R {:.3}  F1 {:.3}  (tp {}, fp {}, fn {})",
        p.precision, p.recall, p.f1, p.tp, p.fp, p.fn_
    )
}

fn counts(map: &BTreeMap<String, usize>) -> String {
    let items: Vec<String> = map.iter().map(|(k, v)| format!("{k} {v}")).collect();
    items.join(", ")
}

impl Display for EvalReport {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let c = &self.coverage;
        writeln!(
            f,
            "eval set: {} batch {} ({} gold documents, {} found, {} rejected, {} missing, {} duplicates)",
            self.set, self.batch, c.gold_documents, c.found, c.rejected, c.missing, c.duplicates
        )?;
        if !c.rejected_by_reason.is_empty() {
            writeln!(
                f,
                "  rejected by reason       {}",
                counts(&c.rejected_by_reason)
            )?;
        }
        if let Some(r) = &self.language {
            writeln!(f, "  language accuracy        {}", ratio(r))?;
        }
        if let Some(t) = &self.title {
            writeln!(
                f,
                "  title exact match        {}   normalised {}",
                ratio(&t.exact),
                ratio(&t.normalised)
            )?;
        }
        if let Some(d) = &self.dates {
            writeln!(
                f,
                "  date accuracy (day)      {}   date_source: {}",
                ratio(&d.accuracy),
                counts(&d.by_source)
            )?;
            writeln!(
                f,
                "    over every gold page   {}   (a rejected page counts as a miss)",
                ratio(&d.every_page)
            )?;
        }
        if let Some(s) = &self.snippets {
            writeln!(
                f,
                "  main-text snippets       {}   tn {}   accuracy {}   ({} docs, {} not found)",
                prf(&s.prf),
                s.tn,
                ratio(&s.accuracy),
                s.docs,
                s.docs_missing
            )?;
        }
        if let Some(e) = &self.expected_text {
            writeln!(
                f,
                "  expected text token F1   {:.3}  ({} docs, {} not found; {} expected files missing from the set)",
                e.mean_f1, e.docs, e.docs_missing, e.files_missing
            )?;
        }
        if let Some(e) = &self.entities {
            writeln!(
                f,
                "  entities: {} docs ({} not found), {} gold mentions, {} predicted ({} unalignable), body alignment {:.3}",
                e.docs, e.docs_not_found, e.gold_mentions, e.predicted, e.unmappable, e.mean_alignment
            )?;
            writeln!(f, "    exact span, untyped    {}", prf(&e.untyped))?;
            writeln!(
                f,
                "    exact span + type      {}   (PER/ORG/LOC only)",
                prf(&e.typed)
            )?;
            for (class, p) in &e.per_type {
                writeln!(f, "      {class:<20} {}", prf(p))?;
            }
            if !e.excluded.is_empty() {
                writeln!(
                    f,
                    "    excluded gold types    {} (not scored; {} predictions on their spans ignored)",
                    counts(&e.excluded),
                    e.ignored
                )?;
            }
            if e.by_language.len() > 1 {
                for (lang, l) in &e.by_language {
                    writeln!(
                        f,
                        "    [{lang}] {} docs  untyped F1 {:.3} ({}/{}/{})  typed F1 {:.3} ({}/{}/{})",
                        l.docs,
                        l.untyped.f1,
                        l.untyped.tp,
                        l.untyped.fp,
                        l.untyped.fn_,
                        l.typed.f1,
                        l.typed.tp,
                        l.typed.fp,
                        l.typed.fn_
                    )?;
                }
            }
        }
        if let Some(i) = &self.identity {
            let b = &i.b_cubed;
            writeln!(
                f,
                "  entity identity B-cubed  P {:.3}  R {:.3}  F1 {:.3}  ({} linked mentions found, {} gold QIDs, {} predicted ids)   entity_id = QID {}",
                b.precision, b.recall, b.f1, b.items, i.gold_clusters, i.predicted_clusters, ratio(&i.qid_match)
            )?;
        }
        if let Some(q) = &self.quotes {
            writeln!(
                f,
                "  quotes: direct recall    {}   speaker accuracy {}   precision {}",
                ratio(&q.direct_recall),
                ratio(&q.speaker_accuracy),
                ratio(&q.precision)
            )?;
            writeln!(
                f,
                "    {} docs ({} not found), {} gold quotes, {} direct scored, {} direct without offsets, {} predicted ({} unalignable, {} on indirect speech)",
                q.docs,
                q.docs_not_found,
                q.counts.gold_quotes,
                q.counts.gold_direct,
                q.counts.gold_direct_unanchored,
                q.counts.predicted,
                q.counts.unmappable,
                q.counts.predicted_on_indirect
            )?;
        }
        Ok(())
    }
}
