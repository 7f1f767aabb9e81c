//! Measuring the dedup stage on the synthetic corpus ([`crate::synth`]): the S-curve of
//! the banding, pairwise precision and recall of duplicate detection against the known
//! truth, throughput and the size of the cross-batch state. `gazette-dev synth --score`
//! prints the [`Report`].

mod scurve;

use std::collections::HashMap;
use std::fmt;
use std::time::{Duration, Instant};

use gazette::config::PipelineConfig;
use gazette::lexicon::Lexicon;
use gazette::model::{Payload, RawRecord, RecordMeta, SignatureParams};
use gazette::stages::dedup::DedupEntry;
use rayon::prelude::*;

use crate::error::{Error, Result};
use crate::synth::{shingle_jaccard, Generator, SynthDoc, Variant};
pub use scurve::{s_curve, SCurvePoint};

/// Precision, recall and cost of the stage on a generated corpus.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Documents scored.
    pub docs: usize,
    /// Bytes of cleaned bodies.
    pub body_bytes: usize,
    /// Pairs put in one cluster by the stage.
    pub predicted_pairs: u64,
    /// Pairs of copies of one story (the truth).
    pub true_pairs: u64,
    /// Pairs both predicted and true.
    pub correct_pairs: u64,
    /// True pairs whose exact Jaccard is ≥ 0.8, and how many of them were found.
    pub high_pairs: (u64, u64),
    /// Per variant: documents, and how many share a cluster with their story's original
    /// (for copies) or with the story they relate to (for same-topic and translations).
    pub by_variant: Vec<(Variant, usize, usize)>,
    /// CPU time of fingerprinting (summed over threads).
    pub fingerprint_time: Duration,
    /// Wall time of clustering.
    pub cluster_time: Duration,
    /// Size of the cross-batch state written for this corpus, and its record count.
    pub state: (usize, usize),
    /// The S-curve at the settings.
    pub s_curve: Vec<SCurvePoint>,
}

impl Report {
    /// Pairwise precision.
    pub fn precision(&self) -> f64 {
        self.correct_pairs as f64 / self.predicted_pairs.max(1) as f64
    }
    /// Pairwise recall over every true pair.
    pub fn recall(&self) -> f64 {
        self.correct_pairs as f64 / self.true_pairs.max(1) as f64
    }
    /// Pairwise recall over true pairs with exact Jaccard ≥ 0.8.
    pub fn recall_high(&self) -> f64 {
        self.high_pairs.1 as f64 / self.high_pairs.0.max(1) as f64
    }
}

fn pairs(n: usize) -> u64 {
    (n * n.saturating_sub(1) / 2) as u64
}

/// A group's scored documents, its true pairs (with their Jaccard) and fingerprint time.
type GroupScore = (Vec<Scored>, Vec<(usize, usize, f64)>, u128);

/// What scoring keeps of one document after fingerprinting.
struct Scored {
    entry: DedupEntry,
    story: u64,
    related: u64,
    variant: Variant,
    bytes: usize,
}

fn record(doc: &SynthDoc, i: usize) -> RawRecord {
    RawRecord {
        input: format!("synth.jsonl#{}", i + 1),
        payload: Payload::Text(doc.text.clone()),
        meta: RecordMeta {
            url: Some(doc.url.clone()),
            title: Some(doc.title.clone()),
            published: Some(doc.published),
            source_name: Some(doc.source_name.clone()),
            ..RecordMeta::default()
        },
    }
}

/// Generates `docs` documents from `seed`, runs them through the parse stage and this
/// stage with `config`, and scores the clusters against the truth.
pub fn benchmark(config: &PipelineConfig, docs: usize, seed: u64) -> Result<Report> {
    let parser = config
        .stages
        .parse
        .build(&Lexicon::load(&config.run.data_dirs)?)?;
    let dd = config.stages.dedup.build()?;
    let k = config.stages.dedup.shingle_size;
    let mut scored: Vec<Scored> = Vec::with_capacity(docs);
    let mut truth: Vec<(usize, usize, f64)> = Vec::new();
    let mut fp_nanos = 0u128;
    let mut groups = Generator::new(docs, seed)?.peekable();
    while groups.peek().is_some() {
        let batch: Vec<Vec<SynthDoc>> = groups.by_ref().take(512).collect();
        let base = scored.len();
        let offsets: Vec<usize> = batch
            .iter()
            .scan(base, |at, g| {
                let o = *at;
                *at += g.len();
                Some(o)
            })
            .collect();
        let done: Vec<GroupScore> = batch
            .par_iter()
            .zip(offsets)
            .map(|(group, at)| {
                let mut out = Vec::with_capacity(group.len());
                let mut nanos = 0;
                let mut kept: Vec<&SynthDoc> = Vec::with_capacity(group.len());
                for (j, d) in group.iter().enumerate() {
                    // Records the parse stage rejects never reach dedup.
                    let Ok(parsed) = parser.parse(record(d, at + j)) else {
                        continue;
                    };
                    kept.push(d);
                    let body = parsed.body;
                    let clock = Instant::now();
                    let fingerprint = dd.fingerprint(&body);
                    nanos += clock.elapsed().as_nanos();
                    let agency = dd.is_agency(Some(&d.source_name));
                    out.push(Scored {
                        entry: DedupEntry {
                            doc_id: format!("d{:08}", at + j),
                            fingerprint,
                            published: Some(d.published),
                            agency,
                            has_url: true,
                            chars: body.chars().count(),
                        },
                        story: d.story,
                        related: d.related,
                        variant: d.variant,
                        bytes: body.len(),
                    });
                }
                // True pairs, indexed within the group's kept documents.
                let mut pairs = Vec::new();
                for a in 0..kept.len() {
                    for b in a + 1..kept.len() {
                        if kept[a].story == kept[b].story {
                            let j = shingle_jaccard(&kept[a].body, &kept[b].body, k);
                            pairs.push((a, b, j));
                        }
                    }
                }
                (out, pairs, nanos)
            })
            .collect();
        for (s, p, n) in done {
            let base = scored.len();
            scored.extend(s);
            truth.extend(p.into_iter().map(|(a, b, j)| (base + a, base + b, j)));
            fp_nanos += n;
        }
    }
    let entries: Vec<DedupEntry> = scored.iter().map(|s| s.entry.clone()).collect();
    let clock = Instant::now();
    let verdicts = dd.cluster(&entries, &[]);
    let cluster_time = clock.elapsed();

    let index: HashMap<&str, usize> = entries
        .iter()
        .enumerate()
        .map(|(i, e)| (e.doc_id.as_str(), i))
        .collect();
    let cluster_of: Vec<usize> = verdicts
        .iter()
        .enumerate()
        .map(|(i, v)| {
            v.as_ref()
                .and_then(|d| index.get(d.representative.as_str()).copied())
                .unwrap_or(i)
        })
        .collect();
    let mut sizes: HashMap<usize, usize> = HashMap::new();
    let mut cell: HashMap<(usize, u64), usize> = HashMap::new();
    let mut stories: HashMap<u64, usize> = HashMap::new();
    let mut original: HashMap<u64, usize> = HashMap::new();
    for (i, s) in scored.iter().enumerate() {
        *sizes.entry(cluster_of[i]).or_default() += 1;
        *cell.entry((cluster_of[i], s.story)).or_default() += 1;
        *stories.entry(s.story).or_default() += 1;
        original.entry(s.story).or_insert(i);
    }
    let mut by_variant: HashMap<Variant, (usize, usize)> = HashMap::new();
    for (i, s) in scored.iter().enumerate() {
        let anchor = original.get(&s.related).copied().unwrap_or(i);
        let slot = by_variant.entry(s.variant).or_default();
        slot.0 += 1;
        slot.1 += usize::from(anchor != i && cluster_of[anchor] == cluster_of[i]);
    }
    let mut by_variant: Vec<(Variant, usize, usize)> = by_variant
        .into_iter()
        .map(|(v, (n, m))| (v, n, m))
        .collect();
    by_variant.sort_by_key(|(v, _, _)| v.as_str());
    let high: Vec<&(usize, usize, f64)> = truth.iter().filter(|t| t.2 >= 0.8).collect();
    let kept: Vec<&DedupEntry> = entries
        .iter()
        .zip(&verdicts)
        .filter(|(_, v)| v.is_none())
        .map(|(e, _)| e)
        .collect();
    let state_len = state_size(&kept, dd.params())?;
    Ok(Report {
        docs: scored.len(),
        body_bytes: scored.iter().map(|s| s.bytes).sum(),
        predicted_pairs: sizes.values().map(|&n| pairs(n)).sum(),
        true_pairs: stories.values().map(|&n| pairs(n)).sum(),
        correct_pairs: cell.values().map(|&n| pairs(n)).sum(),
        high_pairs: (
            high.len() as u64,
            high.iter()
                .filter(|t| cluster_of[t.0] == cluster_of[t.1])
                .count() as u64,
        ),
        by_variant,
        fingerprint_time: Duration::from_nanos(fp_nanos.min(u64::MAX as u128) as u64),
        cluster_time,
        state: (state_len, kept.len()),
        s_curve: s_curve(&config.stages.dedup, 200, seed)?,
    })
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mb = self.body_bytes as f64 / 1e6;
        writeln!(
            f,
            "dedup on {} synthetic documents ({mb:.1} MB of cleaned bodies)",
            self.docs
        )?;
        writeln!(
            f,
            "pairwise precision {:.4} ({}/{}), recall {:.4} ({}/{}), recall at Jaccard ≥ 0.8 {:.4} ({}/{})",
            self.precision(), self.correct_pairs, self.predicted_pairs,
            self.recall(), self.correct_pairs, self.true_pairs,
            self.recall_high(), self.high_pairs.1, self.high_pairs.0
        )?;
        writeln!(
            f,
            "\nvariant          docs  clustered with original/related"
        )?;
        for (v, n, m) in &self.by_variant {
            writeln!(
                f,
                "{:<15} {n:>6}  {m:>6} ({:.3})",
                v.as_str(),
                *m as f64 / (*n).max(1) as f64
            )?;
        }
        let fp = self.fingerprint_time.as_secs_f64();
        writeln!(
            f,
            "\nfingerprint: {fp:.2} s CPU, {:.0} docs/s, {:.1} MB/s per thread; cluster: {:.2} s ({:.0} docs/s)",
            self.docs as f64 / fp.max(1e-9),
            mb / fp.max(1e-9),
            self.cluster_time.as_secs_f64(),
            self.docs as f64 / self.cluster_time.as_secs_f64().max(1e-9)
        )?;
        writeln!(
            f,
            "state: {} bytes for {} representatives = {:.0} bytes per document",
            self.state.0,
            self.state.1,
            self.state.0 as f64 / self.state.1.max(1) as f64
        )?;
        writeln!(
            f,
            "\nS-curve (200 pairs per row)\n jaccard  candidate  1-(1-s^r)^b  duplicate"
        )?;
        for p in &self.s_curve {
            writeln!(
                f,
                "  {:.3}    {:.3}      {:.4}       {:.3}",
                p.jaccard, p.candidate, p.theory, p.duplicate
            )?;
        }
        Ok(())
    }
}

/// Bytes of the dedup state table (zstd Parquet, as a run writes it) for `kept`.
fn state_size(kept: &[&DedupEntry], params: SignatureParams) -> Result<usize> {
    use parquet::basic::{Compression, ZstdLevel};
    let rows = gazette::tables::dedup_state::build(kept.iter().copied(), params)?;
    let props = parquet::file::properties::WriterProperties::builder()
        .set_compression(Compression::ZSTD(ZstdLevel::default()))
        .build();
    let err =
        |e: parquet::errors::ParquetError| Error::Synth(format!("encoding the dedup state: {e}"));
    let mut buf = Vec::new();
    let mut w =
        parquet::arrow::ArrowWriter::try_new(&mut buf, rows.schema(), Some(props)).map_err(err)?;
    w.write(&rows).map_err(err)?;
    w.close().map_err(err)?;
    Ok(buf.len())
}
