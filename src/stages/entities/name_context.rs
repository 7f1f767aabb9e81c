//! What the name finder reads of one document: its body, tokens and sentences, and the
//! word lists of its language and of every language.

use std::collections::HashSet;

use super::context::LangLists;
use super::tokens::Token;

/// What the name finder needs to know about one document.
pub struct NameContext<'a> {
    /// The body.
    pub text: &'a str,
    /// Its tokens.
    pub tokens: &'a [Token],
    /// Sentence spans of the body.
    pub sentences: &'a [(usize, usize)],
    /// Lists of the document's language.
    pub lists: &'a LangLists,
    /// Name particles of every language.
    pub particles: &'a HashSet<String>,
    /// Given names of every language.
    pub given_names: &'a HashSet<String>,
    /// Lists of every language together (head words travel across languages).
    pub all_lists: &'a LangLists,
}
