//! The in-memory records that flow between stages.
//!
//! A [`RawRecord`] comes out of the input readers, the parse stage turns it into a
//! [`Document`] (or a [`Reject`]), and the annotation stages add [`EntityMention`]s,
//! [`Quote`]s and [`DateMention`]s. Offsets stored here are **byte** offsets into
//! `Document::body`; the table builders convert them to code points, as the contract asks.

mod annotations;
mod dedup;
mod document;
mod record;

pub use annotations::{
    Annotations, DateMention, EntityMention, EntityType, Granularity, Quote, QuoteKind,
};
pub use dedup::{DedupEntry, Fingerprint, SignatureParams};
pub use document::{DateSource, Document, RemovalReason, RemovedLine};
pub use record::{Payload, RawRecord, RecordMeta, Reject, RejectReason};
