//! Input: finds the files under the input roots, decompresses and decodes them, and
//! yields one [`RawRecord`] per record, or a [`Reject`] for a record that cannot be read.
//! Nothing is dropped silently: every record becomes exactly one of the two, and a
//! directory that cannot be listed is one `io` reject.
//!
//! No input can make a reader hold more than one record of `input.max_bytes` (plus
//! fixed-size buffers) or decompress without bound: see `reader.rs` and
//! `decompress.rs`. File names become `input` locators by the rule in `locator.rs`
//! (non-UTF-8 bytes written `\xNN`, `\` written `\\`: distinct names, distinct values).

mod config;
mod decode;
mod decompress;
mod files;
mod jsonl;
mod lines;
mod locator;
mod reader;
mod split;
mod warc;

pub use config::InputConfig;
pub use decode::{decode_text, DecodeError};
pub use files::{classify, discover, Compression, Format, InputFile, InputSource};
pub use reader::RecordReader;
pub use split::{line_ranges, LineRange};

use crate::model::{RawRecord, Reject};

/// One item from the readers: a record to parse, or a record that failed to be read.
pub type InputItem = Result<RawRecord, Reject>;
