//! Training the quotes stage's speaker ranker (`gazette-dev train-speakers`): each gold
//! quote the stage finds becomes one training example, its candidates (features from
//! `QuoteTagger::speaker_candidates`) labelled right or wrong against the gold speaker
//! (`examples`); a logistic regression is fitted on them with the L2 strength chosen by
//! cross-validation over documents (`fit`), and written as the weights file the stage
//! ships (`data/quotes/speaker_ranker.tsv`).
//!
//! Training data, and nothing else: the *tune* half of ggt-quotes-en (dev/src/eval/split.rs)
//! and the *tune* half of the project's own fr/it/de/es gold (tests/data/quotes_gold*.jsonl,
//! same rule on the document id). The check halves only report.

pub mod examples;
pub mod fit;

pub use examples::{ggt_examples, project_examples, Example};
pub use fit::{cross_validate, train, CvReport};
