//! The `gazette` command: parses the command line, calls the library, maps errors to
//! exit codes (0 ok, 1 run failure, 2 configuration or usage error).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use gazette::config::{Overrides, PipelineConfig};

/// Turns raw scraped news articles, in many languages, into Parquet tables: documents,
/// entity_mentions, quotes, date_mentions and rejects. Every input record ends in
/// documents or rejects.
///
/// Inputs, by file name (each may also be .gz or .zst): text (*.txt, *.text), JSON lines
/// (*.jsonl, *.ndjson), HTML (*.html, *.htm), WARC (*.warc). Directories are walked.
///
/// Typical use:
///   gazette run                              # examples/ → output/ as batch "examples"
///   gazette run --input /data/2026-11-21 --output /data/tables --batch 2026-11-21
///   gazette schema                           # the columns of every table
///   gazette run --help                       # formats, defaults, batches, exit codes
///
/// Exit codes: 0 ok, 1 the run failed, 2 bad configuration or usage.
/// Evaluation and the synthetic corpus are in the development tool, `gazette-dev`.
#[derive(Parser)]
#[command(name = "gazette", version, verbatim_doc_comment)]
struct Cli {
    /// More logging on stderr (-v info, -vv debug).
    #[arg(short, long, action = clap::ArgAction::Count, global = true)]
    verbose: u8,
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Args)]
struct RunArgs {
    /// Configuration file (default: ./pipeline.toml when it exists, else built-in defaults).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Input files or directories; replaces `input.paths`. Repeatable.
    #[arg(long, value_name = "PATH")]
    input: Vec<PathBuf>,
    /// Output directory; replaces `output.dir`.
    #[arg(long, value_name = "DIR")]
    output: Option<PathBuf>,
    /// Batch id, e.g. the scheduled date; re-running a batch replaces its partitions.
    #[arg(long, value_name = "ID")]
    batch: Option<String>,
    /// Date for resolving relative dates in documents with no date of their own.
    #[arg(long, value_name = "YYYY-MM-DD")]
    reference_date: Option<String>,
    /// Worker threads (0 = one per core). Output is identical for any value.
    #[arg(long, value_name = "N")]
    threads: Option<usize>,
    /// When another gazette run is writing to the same output, wait for it to finish
    /// (default: fail at once, naming the other run).
    #[arg(long)]
    wait: bool,
}

#[derive(Subcommand)]
enum Command {
    /// Run the pipeline: read inputs, write the five tables, the batch's dedup state and the
    /// run manifest.
    ///
    /// Inputs: files or directories, walked recursively in sorted order (hidden files
    /// skipped), read by file name, each also .gz or .zst:
    ///   *.txt *.text     one article per file
    ///   *.jsonl *.ndjson one article per line: `text` or `html`, optional `id`, `url`,
    ///                    `title`, `published`, `source_name`, `language`, `crawled`
    ///   *.html *.htm     one page per file
    ///   *.warc           the HTML responses of a WARC file
    /// Other files are skipped and named in the summary.
    ///
    /// Output: <output>/<table>/batch=<id>/part-*.parquet for each table, the dedup state in
    /// <output>/_dedup/, the manifest <output>/_runs/<id>.json. Default: `output.dir` of the
    /// config (./output with the shipped pipeline.toml).
    ///
    /// Batch: --batch, else `run.batch` of the config ("examples" in the shipped
    /// pipeline.toml), else run-<UTC date>. Re-running a batch replaces it as one unit; a
    /// new batch is deduplicated against every earlier batch of the output.
    ///
    /// Exit codes: 0 ok (bad records become rows of rejects, not failures); 1 the run failed
    /// (an input root is missing, the output cannot be written, another run holds it);
    /// 2 bad configuration (the message names the key) or bad usage.
    ///
    /// Examples:
    ///   gazette run
    ///   gazette run --input /data/2026-11-21 --output /data/tables --batch 2026-11-21 \
    ///       --threads 8 --wait
    #[command(verbatim_doc_comment)]
    Run(RunArgs),
    /// Print every table's schema (from the code that writes the tables).
    ///
    /// Examples:
    ///   gazette schema
    ///   gazette schema | grep -A20 '^quotes'
    #[command(verbatim_doc_comment)]
    Schema,
    /// Finish the commit of a run that was killed while publishing its batch, so every
    /// table, the dedup state and the manifest are of one run again (any `run` on the
    /// output does this first too), and remove what killed runs left behind.
    ///
    /// Exit codes: 0 ok (also when there was nothing to do), 1 the output could not be
    /// repaired or is locked by a running run, 2 bad configuration.
    ///
    /// Examples:
    ///   gazette repair --output /data/tables
    ///   gazette repair --wait                    # output.dir of ./pipeline.toml
    #[command(verbatim_doc_comment)]
    Repair {
        /// Output directory (default: `output.dir` of the config).
        #[arg(long, value_name = "DIR")]
        output: Option<PathBuf>,
        /// Configuration file (default as for `run`).
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
        /// When a run is writing to the output, wait for it (default: fail at once).
        #[arg(long)]
        wait: bool,
    },
}

/// Runs the pipeline with progress bars and prints the summary of the run on stderr.
fn run_pipeline(config: &PipelineConfig, wait: bool) -> anyhow::Result<()> {
    let options = gazette::pipeline::RunOptions {
        progress: true,
        wait,
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
        Command::Schema => print!("{}", gazette::tables::schema::describe()),
        Command::Repair {
            output,
            config,
            wait,
        } => {
            let dir = match output {
                Some(dir) => dir,
                None => PipelineConfig::find(config.as_deref())?.output.dir,
            };
            let done = gazette::output::commit::repair(&dir, wait)?;
            if done.rolled_forward.is_empty() {
                eprintln!("{}: no interrupted commit", dir.display());
            }
            for batch in done.rolled_forward {
                eprintln!("{}: finished the commit of batch {batch}", dir.display());
            }
            for path in done.removed {
                eprintln!("{}: removed {}", dir.display(), path.display());
            }
        }
        Command::Run(a) => {
            let mut config = PipelineConfig::find(a.config.as_deref())?;
            config.apply(&Overrides {
                inputs: a.input,
                output: a.output,
                batch: a.batch,
                reference_date: a.reference_date,
                threads: a.threads,
            });
            run_pipeline(&config, a.wait)?;
        }
    }
    Ok(())
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    gazette::progress::init_logging(cli.verbose);
    match execute(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(
                e.downcast_ref::<gazette::Error>()
                    .map_or(1, gazette::Error::exit_code),
            )
        }
    }
}
