//! Parse stage: one raw record in, one clean article (or a reject) out.

mod config;

pub use config::{ParseConfig, ParseSettings};
