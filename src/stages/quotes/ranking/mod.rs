//! Speaker attribution as a ranking: for each quotation, the candidates that could have
//! said it (every person and organisation named near it, the speaker the rule cascade of
//! `attribution` found, a description it kept as written, and "nobody named"), each
//! described by a feature vector (`features`), scored by weights learned from gold
//! (`weights`, trained by `gazette-dev train-speakers`). The best candidate becomes the
//! quote's speaker, its score the chance it is right.

mod features;
mod weights;

pub use features::{Candidate, CandidateKind, QuoteCandidates, FEATURE_NAMES};
pub use weights::RankerWeights;

pub(super) use features::{candidates_of, Context};
