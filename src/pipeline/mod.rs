//! The run: discover inputs, pass 1 (read → parse → publication date → fingerprint, in
//! parallel chunks, documents spilled to scratch), dedup over the whole set, pass 2
//! (annotate in doc_id order, in parallel chunks) while writing every table, then
//! publish the batch atomically with its manifest.
//!
//! Memory holds one chunk of documents plus small per-document keys (id, locator, dedup
//! signature). Output order is doc_id order and never depends on thread timing.

mod annotate;
mod guard;
mod ids;
pub mod map;
mod prepare;
mod spill;
mod summary;
mod timing;

pub use guard::PANIC_AT;
pub use ids::{disambiguate, doc_id};
pub use summary::render_summary;

use std::collections::BTreeMap;
use std::time::Instant;

use sha2::{Digest, Sha256};

use crate::config::{PipelineConfig, RunSettings, Settings, StagesConfig};
use crate::error::{Error, Result};
use crate::input::{discover, RecordReader};
use crate::lexicon::Lexicon;
use crate::output::{
    dedup_state, published_ids, BatchWriter, Counts, FileMetadata, Manifest, ModelLoad,
};
use crate::progress::Progress;
use crate::stages::dates::DateStamper;
use crate::stages::dedup::Deduplicator;
use crate::stages::entities::EntityTagger;
use crate::stages::parse::Parser;
use crate::stages::quotes::QuoteTagger;
use crate::tables::{dedup_state as state_table, RejectsBuilder, Table};
use prepare::PassOne;
use timing::{StageTimes, Step};

/// Every stage's runtime, built once and shared read-only by all worker threads. A
/// disabled stage is `None`; parse always runs (its `enabled` key turns cleaning off).
pub struct Stages {
    parser: Parser,
    dedup: Option<Deduplicator>,
    dates: Option<DateStamper>,
    entities: Option<EntityTagger>,
    quotes: Option<QuoteTagger>,
    annotate_duplicates: bool,
}

impl Stages {
    /// Loads the language data and builds every enabled stage from its section; the
    /// first bad value is an error naming its key.
    pub fn build(stages: &StagesConfig, run: &RunSettings) -> Result<Self> {
        let lexicon = Lexicon::load(&run.data_dirs)?;
        Ok(Stages {
            parser: stages.parse.build(&lexicon)?,
            dedup: stages
                .dedup
                .enabled
                .then(|| stages.dedup.build())
                .transpose()?,
            dates: stages
                .dates
                .enabled
                .then(|| stages.dates.build(&lexicon, run.reference_date))
                .transpose()?,
            entities: stages
                .entities
                .enabled
                .then(|| stages.entities.build(&lexicon))
                .transpose()?,
            quotes: stages
                .quotes
                .enabled
                .then(|| stages.quotes.build(&lexicon))
                .transpose()?,
            annotate_duplicates: stages.dedup.annotate_duplicates,
        })
    }
}

impl Stages {
    /// The entity models loaded, by language, as the manifest reports them.
    fn entity_models(&self) -> BTreeMap<String, ModelLoad> {
        let Some(e) = &self.entities else {
            return BTreeMap::new();
        };
        e.models()
            .iter()
            .map(|(lang, m)| {
                let load = ModelLoad {
                    source: m.source.clone(),
                    memory_bytes: m.memory_bytes(),
                    load_ms: m.load_ms,
                };
                (lang.clone(), load)
            })
            .collect()
    }
}

/// What both passes share: the stages, the timers, the chunk size and the fail point.
pub(crate) struct Context<'a> {
    stages: &'a Stages,
    times: &'a StageTimes,
    chunk_size: usize,
    fail_point: &'a guard::FailPoint,
}

/// Options of one run that are not configuration.
#[derive(Debug, Clone, Default)]
pub struct RunOptions {
    /// Show progress bars (when stderr is a terminal).
    pub progress: bool,
    /// When another run holds the output, wait for it instead of failing at once.
    pub wait: bool,
}

/// Checks `config` (the effective configuration, overrides applied) and runs the whole
/// pipeline with it, as `gazette run` does; returns the manifest that was written.
pub fn run_config(config: &PipelineConfig, options: &RunOptions) -> Result<Manifest> {
    let settings = config.validate()?;
    run(config, &settings, options)
}

/// Runs the whole pipeline with `settings`, checked from `config` by [`run_config`]; `config` is the effective file
/// layer, recorded in the manifest. Returns the manifest that was written.
fn run(config: &PipelineConfig, settings: &Settings, options: &RunOptions) -> Result<Manifest> {
    let started = chrono::Utc::now();
    let clock = Instant::now();
    let stages = Stages::build(&config.stages, &settings.run)?;
    let (files, skipped) = discover(&settings.input.paths)?;
    let config_json = config.canonical_json();
    let config_sha256 = crate::text::hex(&Sha256::digest(config_json.as_bytes()));
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(settings.run.threads)
        .build()
        .map_err(|e| Error::config("run.threads", e.to_string()))?;
    let mut writer = BatchWriter::create(
        &settings.output,
        &FileMetadata {
            batch: settings.run.batch.clone(),
            config_sha256: config_sha256.clone(),
        },
        stages.dedup.as_ref().map(Deduplicator::params),
        options.wait,
    )?;
    let times = StageTimes::default();
    let mut counts = Counts {
        skipped_files: skipped.len(),
        ..Counts::default()
    };
    for path in &skipped {
        tracing::info!(path = %path.display(), "skipped: not a format gazette reads");
    }

    let fail_point = guard::FailPoint::from_env();
    let ctx = Context {
        stages: &stages,
        times: &times,
        chunk_size: settings.run.chunk_size,
        fail_point: &fail_point,
    };
    pool.install(|| -> Result<()> {
        let mut spill = spill::SpillWriter::create(&writer.staging_dir().join("spill.jsonl"))?;
        let progress = Progress::start("parse", None, options.progress);
        let reader = RecordReader::new(files, settings.input.max_bytes);
        let pass_one = prepare::run(&ctx, reader, &mut spill, &progress)?;
        progress.finish();
        let spill = spill.finish()?;

        let PassOne {
            slots,
            mut entries,
            rejects,
        } = pass_one;
        // Earlier batches' representatives; this batch's state is published on commit.
        let (out_dir, batch) = (&settings.output.dir, &settings.run.batch);
        let prior = match &stages.dedup {
            Some(dedup) => times.time(Step::Dedup, || {
                dedup_state::load_prior(out_dir, batch, dedup.params())
            })?,
            None => Vec::new(),
        };
        let mut doc_ids: Vec<String> = entries
            .iter_mut()
            .map(|e| std::mem::take(&mut e.doc_id))
            .collect();
        // Every id an earlier batch published, so none is reused (ids.rs has the rule).
        let mut published = published_ids::load(out_dir, batch)?;
        for e in &prior {
            published.insert(&e.doc_id);
        }
        ids::disambiguate(
            &mut doc_ids,
            |id| published.contains(id),
            batch,
            |i| spill.read(slots[i]).map(|doc| (doc.input, doc.url)),
        )?;
        drop(published);
        for (e, id) in entries.iter_mut().zip(doc_ids) {
            e.doc_id = id;
        }
        let verdicts = match &stages.dedup {
            Some(dedup) => times.time(Step::Dedup, || -> Result<_> {
                let verdicts = dedup.cluster(&entries, &prior);
                let kept = dedup.state_entries(&entries, &verdicts);
                counts.dedup_state_documents = kept.len();
                let rows = state_table::build(kept, dedup.params())?;
                counts.dedup_state_bytes = writer.write_state(&rows)?;
                tracing::info!(
                    documents = counts.dedup_state_documents,
                    bytes = counts.dedup_state_bytes,
                    "dedup state staged"
                );
                Ok(verdicts)
            })?,
            None => vec![None; entries.len()],
        };

        // Pass 2 needs only the ids: signatures and dedup keys are freed here.
        let doc_ids: Vec<String> = entries.into_iter().map(|e| e.doc_id).collect();
        let work = annotate::plan(&slots, &doc_ids, &verdicts);
        let progress = Progress::start("annotate", Some(work.len() as u64), options.progress);
        annotate::run(&ctx, &spill, &work, &mut writer, &mut counts, &progress)?;
        progress.finish();
        spill.remove();

        times.time(Step::Write, || {
            writer.write(Table::Rejects, &RejectsBuilder::build(&rejects)?)
        })?;
        counts.rejects = rejects.len();
        for r in &rejects {
            *counts
                .rejects_by_reason
                .entry(r.reason.as_str().to_string())
                .or_default() += 1;
        }
        counts.input_records = counts.documents + counts.rejects;
        Ok(())
    })?;

    let manifest = Manifest {
        batch: settings.run.batch.clone(),
        started: started.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        finished: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        version: env!("CARGO_PKG_VERSION").to_string(),
        schema_version: crate::tables::schema::SCHEMA_VERSION.to_string(),
        config: serde_json::from_str(&config_json).expect("canonical JSON parses"),
        config_sha256,
        counts,
        skipped_files: skipped.iter().map(|p| p.display().to_string()).collect(),
        stage_seconds: times.seconds(),
        wall_seconds: clock.elapsed().as_secs_f64(),
        entity_models: stages.entity_models(),
    };
    writer.commit(&manifest)?;
    Ok(manifest)
}
