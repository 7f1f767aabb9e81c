//! Text primitives shared by the stages: offset conversion, accent/case folding with an
//! offset map, sentence spans and word tokens. All positions are byte offsets into the
//! text they were computed on unless a name says otherwise.

pub mod fold;
pub mod offsets;
pub mod sentences;

pub use fold::{fold_char, fold_str, Folded};
pub use offsets::CharOffsets;
pub use sentences::{sentence_of, sentence_spans, word_spans};

use std::sync::LazyLock;

use crate::lexicon::builtin_union;

/// Possessive endings written with an apostrophe ("Acme's", "Reuters'"): the
/// `possessive_endings` lists of every shipped language, longest (in characters) first.
static POSSESSIVE_MARKS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut marks = builtin_union("possessive_endings");
    marks.sort_by_key(|m| std::cmp::Reverse(m.chars().count()));
    marks
});

/// The text after a possessive ending that opens `rest` (the text right after a name),
/// when one does and no letter or digit follows it: `Some(" shares")` for "'s shares",
/// `None` for "'sa" or for text with no apostrophe.
pub fn after_possessive(rest: &str) -> Option<&str> {
    POSSESSIVE_MARKS.iter().find_map(|p| {
        rest.strip_prefix(p)
            .filter(|after| !after.starts_with(char::is_alphanumeric))
    })
}

/// Lower-case hexadecimal spelling of `bytes` (hash digests, ids).
pub fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}
