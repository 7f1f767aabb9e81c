//! The trained entity tagger: an averaged-perceptron BIO tagger over hashed features,
//! decoded by Viterbi over the valid BIO transitions.
//!
//! | module | holds |
//! |---|---|
//! | [`tokens`] | words and punctuation of a body, as the training corpora split them |
//! | [`features`] | the feature templates, hashed into a fixed-size weight table |
//! | [`file`] | the model file: header, weights, checksum; loading and writing |
//! | [`decode`] | tags, valid transitions, Viterbi, tag sequences to spans |
//! | [`choice`] | `stages.entities.model`: the model of each language, loaded once |
//! | [`runtime`] | a loaded model tagging a body, with a per-word-type score cache |
//! | `openings` | one-word spans that are a common word opening a sentence, dropped |
//!
//! Training is a tool (`gazette-dev train ner`, in `dev/`); it uses the public
//! [`features::FeatureSet`], [`decode`] and [`file`] so that the features it learns are
//! exactly the ones the pipeline computes.

pub mod choice;
pub mod decode;
pub mod features;
pub mod file;
pub(crate) mod openings;
pub(crate) mod runtime;
pub mod tokens;
