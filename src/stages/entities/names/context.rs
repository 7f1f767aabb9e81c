//! What the name finder reads of one document: its body, tokens and sentences, and the
//! word lists of its language and of every language.

use std::collections::HashSet;

use super::tokens::Token;
use crate::stages::entities::lists::context_lists::LangLists;

/// What the name finder needs to know about one document.
pub(crate) struct NameContext<'a> {
    /// The body.
    pub(crate) text: &'a str,
    /// Its tokens.
    pub(crate) tokens: &'a [Token],
    /// Sentence spans of the body.
    pub(crate) sentences: &'a [(usize, usize)],
    /// Lists of the document's language.
    pub(crate) lists: &'a LangLists,
    /// Name particles of every language.
    pub(crate) particles: &'a HashSet<String>,
    /// Given names of every language.
    pub(crate) given_names: &'a HashSet<String>,
    /// Lists of every language together (head words travel across languages).
    pub(crate) all_lists: &'a LangLists,
}
