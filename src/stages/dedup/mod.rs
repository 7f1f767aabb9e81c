//! Deduplicate stage (whole-set): exact duplicates by the hash of the normalised body,
//! near duplicates by MinHash over word shingles with LSH banding, verified against the
//! Jaccard threshold. Unlike the per-document stages it sees every document's
//! [`Fingerprint`] at once; documents themselves stay out of memory.

mod cluster;
mod config;
mod fingerprint;

pub use cluster::{DedupEntry, Duplicate};
pub use config::{DedupConfig, DedupSettings};
pub use fingerprint::{estimated_jaccard, normalise, Fingerprint};

/// Runtime of the stage.
#[derive(Debug, Clone)]
pub struct Deduplicator {
    settings: DedupSettings,
}

impl Deduplicator {
    /// Builds the stage from its settings.
    pub fn new(settings: &DedupSettings) -> Self {
        Deduplicator {
            settings: settings.clone(),
        }
    }

    /// The fingerprint of one body (per document, run in parallel before clustering).
    pub fn fingerprint(&self, body: &str) -> Fingerprint {
        let s = &self.settings;
        let min_words = if s.enabled { s.min_words } else { usize::MAX };
        fingerprint::fingerprint(body, s.shingle_size, s.num_hashes(), min_words)
    }

    /// Clusters the whole set; one slot per entry, `Some` for duplicates. With the stage
    /// disabled every document is unique.
    pub fn cluster(&self, entries: &[DedupEntry]) -> Vec<Option<Duplicate>> {
        if !self.settings.enabled {
            return vec![None; entries.len()];
        }
        cluster::cluster(entries, &self.settings)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

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

    #[test]
    fn exact_near_and_distinct_documents() {
        let dd = Deduplicator::new(&DedupConfig::default().validate().unwrap());
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
        let v = dd.cluster(&entries);
        assert_eq!(v[2], None, "the earliest is the representative");
        assert_eq!(v[3], None, "a different article stays unique");
        assert_eq!(
            v[1],
            Some(Duplicate {
                representative: 2,
                similarity: 1.0
            })
        );
        let near_dup = v[0].expect("near duplicate found");
        assert_eq!(near_dup.representative, 2);
        assert!(near_dup.similarity >= 0.8 && near_dup.similarity < 1.0);
    }

    #[test]
    fn result_does_not_depend_on_order() {
        let dd = Deduplicator::new(&DedupConfig::default().validate().unwrap());
        let body = article(3, 200).join(" ");
        let a = entry(&dd, "x1", &body, None);
        let b = entry(&dd, "x0", &body, None);
        let ab = dd.cluster(&[a.clone(), b.clone()]);
        let ba = dd.cluster(&[b, a]);
        assert_eq!(
            ab[0].map(|d| d.representative),
            Some(1),
            "x0 wins the doc_id tie"
        );
        assert_eq!(ba[1].map(|d| d.representative), Some(0));
    }

    #[test]
    fn disabled_stage_flags_nothing() {
        let cfg = DedupConfig {
            enabled: false,
            ..Default::default()
        };
        let dd = Deduplicator::new(&cfg.validate().unwrap());
        let body = article(4, 100).join(" ");
        let v = dd.cluster(&[entry(&dd, "a", &body, None), entry(&dd, "b", &body, None)]);
        assert_eq!(v, vec![None, None]);
    }
}
