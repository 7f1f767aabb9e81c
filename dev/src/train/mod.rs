//! Training of the pipeline's statistical models and learned lists: `gazette-dev train ner`
//! ([`ner`]), `gazette-dev train common-words` ([`common_words`]).

pub mod common_words;
pub mod corpus;
pub mod ner;
