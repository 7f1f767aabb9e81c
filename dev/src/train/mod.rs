//! Training of the pipeline's statistical models: `gazette-dev train ner` ([`ner`]).

pub mod corpus;
pub mod ner;
