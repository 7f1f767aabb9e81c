//! Where the quotations of a body are: quotation marks (`marks`) paired over the body's
//! paragraphs (`pairing`), dialogue dashes (`dashes`), and what each quoted span is: a
//! full or partial quotation, or a name in quotes (`kind`).

mod dashes;
mod kind;
mod marks;
mod pairing;

pub(super) use dashes::dash_pairs;
pub(super) use kind::{is_name_like, kind_of, word_count};
pub(super) use pairing::{find_pairs, paragraphs, MarkPair};
