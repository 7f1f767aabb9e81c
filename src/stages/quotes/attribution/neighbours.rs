//! What attributing one quote yields (`Attribution`), and where the quote stands among
//! the others of its document (`Neighbours`: the previous quote with its attribution, the
//! next opening mark, the paragraphs), which the cue windows and continuations read.

use crate::stages::quotes::spans::MarkPair;
use crate::stages::quotes::speakers::Speaker;

/// The result of attributing one quote.
#[derive(Debug, Clone, PartialEq)]
pub struct Attribution {
    /// The speaker, when one was found.
    pub speaker: Option<Speaker>,
    /// The cue span, when one was found.
    pub cue: Option<(usize, usize)>,
    /// Confidence in [0, 1].
    pub score: f32,
}

/// Where a quote stands among the others of its document.
pub struct Neighbours<'a> {
    /// The previous quote and its attribution.
    pub previous: Option<(&'a MarkPair, &'a Attribution)>,
    /// Opening mark of the next quote.
    pub next_open: Option<usize>,
    /// Non-blank paragraph spans of the body.
    pub paragraphs: &'a [(usize, usize)],
}
