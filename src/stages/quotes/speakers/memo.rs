//! Per-document memo of mention salience: whether a mention speaks and whether it opens
//! its clause are asked for every earlier person by every pronoun; each is computed once.

use std::cell::OnceCell;

use crate::model::EntityMention;

/// Memoised salience of one mention (per document).
#[derive(Debug, Default)]
pub struct MemoSlot {
    /// Whether it speaks (see `Resolver::speaks`).
    pub speaks: OnceCell<Speech>,
    /// Whether it opens its clause (see `Resolver::is_subject`).
    pub subject: OnceCell<bool>,
}

/// Whether a mention speaks, independent of the quote asking.
#[derive(Debug, Default, Clone, Copy)]
pub struct Speech {
    /// An object or a possessive: never speaks.
    pub blocked: bool,
    /// End of the first speech verb after it in its sentence (within 150 bytes).
    pub first_cue_end: Option<usize>,
    /// That verb has it as its subject.
    pub cue_ok: bool,
    /// It stands right after an inverted or source cue.
    pub inverted: bool,
}

/// The memo of one document: one slot per mention of the list it was made for.
#[derive(Debug)]
pub struct Memo {
    slots: Vec<MemoSlot>,
}

impl Memo {
    /// One empty slot per mention of `mentions` (same order).
    pub fn new(mentions: &[&EntityMention]) -> Self {
        Memo {
            slots: mentions.iter().map(|_| MemoSlot::default()).collect(),
        }
    }

    /// The slot of `m` when it is (the very same mention as) one of `mentions`, the list
    /// the memo was made for (sorted by start).
    pub fn slot(&self, mentions: &[&EntityMention], m: &EntityMention) -> Option<&MemoSlot> {
        let i = mentions.partition_point(|o| o.start < m.start);
        mentions[i..]
            .iter()
            .take_while(|o| o.start == m.start)
            .position(|o| std::ptr::eq(*o, m))
            .and_then(|k| self.slots.get(i + k))
    }
}
