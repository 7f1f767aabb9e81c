//! Input: finds the files under the input roots, decompresses and decodes them, and
//! yields one [`RawRecord`] per record, or a [`Reject`] for a record that cannot be read.
//! Nothing is dropped silently: every record becomes exactly one of the two.

mod config;
mod decode;
mod files;
mod jsonl;
mod reader;
mod warc;

pub use config::InputConfig;
pub use decode::{decode_text, DecodeError};
pub use files::{discover, Format, InputFile};
pub use reader::RecordReader;

use crate::model::{RawRecord, Reject};

/// One item from the readers: a record to parse, or a record that failed to be read.
pub type InputItem = Result<RawRecord, Reject>;
