//! The end-of-run summary printed on stderr.

use crate::output::Manifest;

/// Renders the manifest as a short human-readable summary.
pub fn render_summary(m: &Manifest, output: &std::path::Path) -> String {
    let c = &m.counts;
    let mut s = format!(
        "gazette {}: batch {} → {}\n  records   {:>8}\n  documents {:>8}  ({} duplicates)\n  rejects   {:>8}",
        m.version,
        m.batch,
        output.display(),
        c.input_records,
        c.documents,
        c.duplicates,
        c.rejects
    );
    if !c.rejects_by_reason.is_empty() {
        let reasons: Vec<String> = c
            .rejects_by_reason
            .iter()
            .map(|(r, n)| format!("{r} {n}"))
            .collect();
        s.push_str(&format!("  ({})", reasons.join(", ")));
    }
    s.push_str(&format!(
        "\n  entity mentions {:>6}\n  quotes          {:>6}\n  date mentions   {:>6}\n",
        c.entity_mentions, c.quotes, c.date_mentions
    ));
    if c.dedup_state_documents > 0 {
        s.push_str(&format!(
            "  dedup state     +{} documents, {} bytes ({} bytes/document)\n",
            c.dedup_state_documents,
            c.dedup_state_bytes,
            c.dedup_state_bytes / c.dedup_state_documents as u64
        ));
    }
    if c.annotation_failures > 0 {
        s.push_str(&format!(
            "  {} document(s) kept without annotations: a stage panicked (a bug; see the log)\n",
            c.annotation_failures
        ));
    }
    if c.skipped_files > 0 {
        const SHOWN: usize = 5;
        let mut names: Vec<&str> = m
            .skipped_files
            .iter()
            .take(SHOWN)
            .map(String::as_str)
            .collect();
        let more = c.skipped_files.saturating_sub(names.len());
        let more = format!("and {more} more (listed in the manifest)");
        if c.skipped_files > SHOWN {
            names.push(&more);
        }
        s.push_str(&format!(
            "  skipped {} file(s) of a format gazette does not read: {}\n",
            c.skipped_files,
            names.join(", ")
        ));
    }
    if !m.entity_models.is_empty() {
        let models: Vec<String> = m
            .entity_models
            .iter()
            .map(|(lang, l)| {
                format!(
                    "{lang} {:.1} MB in {:.0} ms",
                    l.memory_bytes as f64 / 1e6,
                    l.load_ms
                )
            })
            .collect();
        s.push_str(&format!("  entity models   {}\n", models.join(", ")));
    }
    let order = [
        "read", "parse", "dedup", "dates", "entities", "quotes", "write",
    ];
    let times: Vec<String> = order
        .iter()
        .filter_map(|k| m.stage_seconds.get(*k).map(|v| format!("{k} {v:.2}s")))
        .collect();
    s.push_str(&format!(
        "  time {:.2}s wall; per stage (thread time): {}\n",
        m.wall_seconds,
        times.join(", ")
    ));
    s
}
