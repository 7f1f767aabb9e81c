//! The `gazette-dev` command, the development tool: scores a run against a gold set
//! (`eval`) and generates or measures the synthetic corpus (`synth`). It parses the command
//! line, calls the tooling and the pipeline library, maps errors to exit codes (0 ok,
//! 1 failure, 2 configuration or usage error), as `gazette` does.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand};
use gazette::config::{Overrides, PipelineConfig};

/// Development tooling of gazette: evaluation against gold sets and the synthetic corpus.
///
/// Typical use:
///   gazette-dev eval --set ../shared/eval/ggt-quotes-en --output /tmp/eval
///   gazette-dev synth --docs 10000 --seed 1 --score
#[derive(Parser)]
#[command(name = "gazette-dev", version, verbatim_doc_comment)]
struct Cli {
    /// More logging on stderr (-v info, -vv debug).
    #[arg(short, long, action = clap::ArgAction::Count, global = true)]
    verbose: u8,
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Args)]
struct SynthArgs {
    /// Number of documents to generate.
    #[arg(long, value_name = "N", default_value_t = 10_000)]
    docs: usize,
    /// Seed: the same seed always gives the same corpus.
    #[arg(long, value_name = "S", default_value_t = 1)]
    seed: u64,
    /// Write the corpus as JSON lines to this file.
    #[arg(long, value_name = "FILE.jsonl")]
    out: Option<PathBuf>,
    /// Also write the duplicate ground truth (TSV) to this file.
    #[arg(long, value_name = "FILE.tsv")]
    truth: Option<PathBuf>,
    /// Run parse + dedup on the corpus in memory and print precision, recall, the
    /// S-curve, throughput and state size.
    #[arg(long)]
    score: bool,
    /// Configuration file for --score (default as for `gazette run`).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
}

#[derive(clap::Args)]
struct TrainNerArgs {
    /// Language of the model (its language lists give the features).
    #[arg(long)]
    lang: String,
    /// A training file (../shared/train/<corpus>/<lang>.<split>.tsv), with an optional
    /// update weight after `=` (default 1; silver corpora less). Repeat in a fixed order.
    #[arg(long = "data", value_name = "FILE[=WEIGHT]", required = true)]
    data: Vec<String>,
    /// Passes over the training sentences.
    #[arg(long, default_value_t = 8)]
    epochs: usize,
    /// Size of the hashed feature table (memory: buckets × 7 × 2 bytes).
    #[arg(long, default_value_t = 1 << 18)]
    buckets: u32,
    /// Seed of the per-epoch sentence order.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Where to write the model file.
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
}

#[derive(Subcommand)]
enum TrainCommand {
    /// The entity tagger (averaged perceptron, BIO); prints per-type P/R/F1 on each
    /// file's held-out check split (every tenth sentence).
    Ner(TrainNerArgs),
    /// The entity stage's list of a language's lower-case words that are not names
    /// (data/lang/<lang>/entity_common_words.txt), counted in the training corpora.
    CommonWords(CommonWordsArgs),
}

#[derive(clap::Args)]
struct CommonWordsArgs {
    /// Language of the list.
    #[arg(long)]
    lang: String,
    /// A training file (../shared/train/<corpus>/<lang>.<split>.tsv). Repeat.
    #[arg(long = "data", value_name = "FILE", required = true)]
    data: Vec<PathBuf>,
    /// Fewest occurrences of a listed word.
    #[arg(long, default_value_t = 5)]
    min_count: usize,
    /// Least share of lower-case spellings where the word does not open its sentence.
    #[arg(long, default_value_t = 0.9)]
    min_lower: f64,
    /// Largest share of the word's occurrences inside an annotated entity.
    #[arg(long, default_value_t = 0.05)]
    max_entity: f64,
    /// Where to write the list.
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
}

#[derive(Subcommand)]
enum Command {
    /// Train a statistical model of the pipeline from ../shared/train files.
    #[command(subcommand)]
    Train(TrainCommand),
    /// Generate a synthetic multilingual news corpus with known duplicates (benchmarks).
    Synth(SynthArgs),
    /// Run the pipeline on a gold set's docs/ and score the result against its meta.jsonl.
    Eval {
        /// The gold set directory (meta.jsonl + docs/), as in ../shared/eval.
        #[arg(long, value_name = "DIR")]
        set: PathBuf,
        /// Where to write the tables of the evaluation run.
        #[arg(long, value_name = "DIR")]
        output: PathBuf,
        /// Configuration file (default as for `gazette run`).
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
        /// Score the tables already in --output instead of running the pipeline.
        #[arg(long)]
        no_run: bool,
        /// Also write the report as JSON to this file.
        #[arg(long, value_name = "FILE")]
        json: Option<PathBuf>,
        /// Score only this half of the set (fixed rule on the document id: tune is for
        /// development, check only reports; see dev/src/eval/split.rs).
        #[arg(long, value_enum)]
        half: Option<gazette_dev::eval::split::Half>,
    },
    /// Train the quotes stage's speaker ranker on the tune halves of ggt-quotes-en and of
    /// the project's quote gold; choose the L2 strength by cross-validation; print the
    /// cross-validated accuracy (and the cascade's), the calibration table and the check
    /// halves (report only); write the weights file.
    TrainSpeakers {
        /// The ggt-quotes-en set directory (meta.jsonl + docs/).
        #[arg(long, value_name = "DIR")]
        ggt_set: PathBuf,
        /// An evaluation run of it (`gazette-dev eval --set … --output DIR`), whose
        /// documents are read.
        #[arg(long, value_name = "DIR")]
        ggt_output: PathBuf,
        /// The project's quote gold files (JSON lines).
        #[arg(long, value_name = "FILE", num_args = 1..)]
        gold: Vec<PathBuf>,
        /// Folds of the cross-validation.
        #[arg(long, default_value_t = 5)]
        folds: usize,
        /// Write the weights here (data/quotes/speaker_ranker.tsv ships them).
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
}

/// Runs the pipeline with progress on stderr and prints its summary, as `gazette run`.
fn run_pipeline(config: &PipelineConfig) -> anyhow::Result<()> {
    let options = gazette::pipeline::RunOptions {
        progress: true,
        wait: false,
    };
    let manifest = gazette::pipeline::run_config(config, &options)?;
    eprint!(
        "{}",
        gazette::pipeline::render_summary(&manifest, &config.output.dir)
    );
    Ok(())
}

fn execute(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Train(TrainCommand::Ner(a)) => {
            let mut data = Vec::new();
            for d in &a.data {
                let (path, weight) = match d.rsplit_once('=') {
                    Some((p, w)) => (
                        p,
                        w.parse::<f32>().context("--data FILE=WEIGHT: bad weight")?,
                    ),
                    None => (d.as_str(), 1.0),
                };
                data.push(gazette_dev::train::ner::DataFile {
                    path: PathBuf::from(path),
                    weight,
                });
            }
            let opts = gazette_dev::train::ner::TrainOptions {
                lang: a.lang,
                data,
                epochs: a.epochs,
                buckets: a.buckets,
                seed: a.seed,
            };
            let lexicon = gazette::lexicon::Lexicon::load(&[] as &[PathBuf])?;
            let trained = gazette_dev::train::ner::train(&lexicon, &opts)?;
            let bytes = trained.model.to_bytes();
            std::fs::write(&a.out, &bytes)
                .with_context(|| format!("writing {}", a.out.display()))?;
            print!("{}", trained.report);
            println!("wrote {} ({} bytes)", a.out.display(), bytes.len());
        }
        Command::Train(TrainCommand::CommonWords(a)) => {
            let opts = gazette_dev::train::common_words::CommonWordOptions {
                lang: a.lang,
                data: a.data,
                min_count: a.min_count,
                min_lower: a.min_lower,
                max_entity: a.max_entity,
            };
            let text = gazette_dev::train::common_words::common_words(&opts)?;
            std::fs::write(&a.out, &text)
                .with_context(|| format!("writing {}", a.out.display()))?;
            let n = text.lines().filter(|l| !l.starts_with('#')).count();
            println!("wrote {} ({n} words)", a.out.display());
        }
        Command::Synth(a) => {
            if let Some(out) = &a.out {
                let n = gazette_dev::synth::write_corpus(a.docs, a.seed, out, a.truth.as_deref())?;
                eprintln!("wrote {n} documents to {}", out.display());
            }
            if a.score {
                let config = PipelineConfig::find(a.config.as_deref())?;
                let report = gazette_dev::dedup_measure::benchmark(&config, a.docs, a.seed)?;
                print!("{report}");
            }
        }
        Command::Eval {
            set,
            output,
            config,
            no_run,
            json,
            half,
        } => {
            const BATCH: &str = "eval";
            if !no_run {
                let mut cfg = PipelineConfig::find(config.as_deref())?;
                cfg.apply(&Overrides {
                    inputs: vec![set.join("docs")],
                    output: Some(output.clone()),
                    batch: Some(BATCH.into()),
                    ..Overrides::default()
                });
                run_pipeline(&cfg)?;
            }
            let report = gazette_dev::eval::evaluate(&set, &output, BATCH, half)?;
            println!("{report}");
            if let Some(path) = json {
                let text = serde_json::to_string_pretty(&report)?;
                std::fs::write(&path, text)
                    .with_context(|| format!("writing {}", path.display()))?;
            }
        }
        Command::TrainSpeakers {
            ggt_set,
            ggt_output,
            gold,
            folds,
            out,
        } => train_speakers(&ggt_set, &ggt_output, &gold, folds, out.as_deref())?,
    }
    Ok(())
}

/// `gazette-dev train-speakers`: see the command's help.
fn train_speakers(
    ggt_set: &std::path::Path,
    ggt_output: &std::path::Path,
    gold: &[PathBuf],
    folds: usize,
    out: Option<&std::path::Path>,
) -> anyhow::Result<()> {
    use gazette_dev::eval::split::Half;
    use gazette_dev::ranker::{cross_validate, ggt_examples, project_examples, train, Example};
    let files: Vec<&std::path::Path> = gold.iter().map(PathBuf::as_path).collect();
    let examples = |half: Half| -> anyhow::Result<Vec<Example>> {
        let mut e = ggt_examples(ggt_set, ggt_output, half)?;
        e.extend(project_examples(&files, half)?);
        Ok(e)
    };
    let tune = examples(Half::Tune)?;
    let check = examples(Half::Check)?;
    let l2s = [0.0, 0.0003, 0.001, 0.003, 0.01, 0.03];
    let reports = cross_validate(&tune, folds.max(2), &l2s);
    println!(
        "training: {} quotes ({} ggt tune, {} project gold tune), {} candidates",
        tune.len(),
        tune.iter().filter(|e| e.set == "ggt").count(),
        tune.iter().filter(|e| e.set != "ggt").count(),
        tune.iter().map(|e| e.candidates.len()).sum::<usize>()
    );
    for r in &reports {
        println!(
            "cv l2 {:<7} ranker {:.3} ({}/{})  cascade {:.3}",
            r.l2,
            r.right as f64 / r.total.max(1) as f64,
            r.right,
            r.total,
            r.cascade_right as f64 / r.total.max(1) as f64
        );
    }
    // The first of the best (smallest L2 among equals).
    let best = reports
        .iter()
        .fold(None::<&gazette_dev::ranker::CvReport>, |b, r| match b {
            Some(b) if b.right >= r.right => Some(b),
            _ => Some(r),
        })
        .expect("at least one L2 strength");
    println!("chosen l2 {}", best.l2);
    let mut bands = [(0usize, 0usize, 0f64); 10];
    for &(s, ok) in &best.scored {
        let b = &mut bands[((s * 10.0) as usize).min(9)];
        b.0 += 1;
        b.1 += usize::from(ok);
        b.2 += f64::from(s);
    }
    let mut gap = 0.0;
    for (i, (n, ok, sum)) in bands.iter().enumerate() {
        gap += (*ok as f64 - sum).abs();
        println!(
            "cv score {:.1}-{:.1}: {n} quotes, right {ok} ({:.3}), mean score {:.3}",
            i as f64 / 10.0,
            (i + 1) as f64 / 10.0,
            *ok as f64 / (*n).max(1) as f64,
            sum / (*n).max(1) as f64
        );
    }
    println!(
        "cv expected calibration error {:.3}",
        gap / best.scored.len().max(1) as f64
    );
    let w = train(&tune, best.l2);
    let mut sets: Vec<&str> = check.iter().map(|e| e.set.as_str()).collect();
    sets.sort();
    sets.dedup();
    for set in sets {
        let part: Vec<Example> = check.iter().filter(|e| e.set == set).cloned().collect();
        let (right, total) = gazette_dev::ranker::fit::accuracy(&w, &part);
        let cascade = part.iter().filter(|e| e.cascade_right()).count();
        println!(
            "check {set}: ranker {:.3} ({right}/{total}), cascade {:.3} ({cascade}/{total})",
            right as f64 / total.max(1) as f64,
            cascade as f64 / total.max(1) as f64
        );
    }
    if let Some(path) = out {
        let header = vec![
            "Speaker ranker weights of the quotes stage (src/stages/quotes/ranking): a logistic".to_string(),
            "regression over each candidate's features; the best candidate is the speaker.".to_string(),
            "Written by `gazette-dev train-speakers` on the tune halves of ggt-quotes-en and of".to_string(),
            "tests/data/quotes_gold*.jsonl (fixed rule on the document id, dev/src/eval/split.rs).".to_string(),
            format!(
                "{} quotes; L2 {} chosen by {}-fold cross-validation over documents: accuracy {:.3} (cascade {:.3}).",
                tune.len(),
                best.l2,
                folds.max(2),
                best.right as f64 / best.total.max(1) as f64,
                best.cascade_right as f64 / best.total.max(1) as f64
            ),
        ];
        std::fs::write(path, w.to_tsv(&header))
            .with_context(|| format!("writing {}", path.display()))?;
        println!("wrote {}", path.display());
    }
    Ok(())
}

/// Exit code 2 for a configuration error of the pipeline library (as `gazette` does), 1
/// for anything else.
fn exit_code(e: &anyhow::Error) -> ExitCode {
    let pipeline = e.downcast_ref::<gazette::Error>().or_else(|| {
        match e.downcast_ref::<gazette_dev::Error>() {
            Some(gazette_dev::Error::Pipeline(p)) => Some(p),
            _ => None,
        }
    });
    ExitCode::from(pipeline.map_or(1, gazette::Error::exit_code))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    gazette::progress::init_logging(cli.verbose);
    match execute(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            exit_code(&e)
        }
    }
}
