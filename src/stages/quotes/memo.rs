//! Per-document memo of mention salience: whether a mention speaks and whether it opens
//! its clause are asked for every earlier person by every pronoun; each is computed once.

use std::cell::OnceCell;

use crate::model::EntityMention;

use super::speakers::Resolver;

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

/// One memo slot per mention of `mentions` (same order).
pub fn memo_slots(mentions: &[&EntityMention]) -> Vec<MemoSlot> {
    mentions.iter().map(|_| MemoSlot::default()).collect()
}

impl Resolver<'_> {
    /// The memo slot of `m` when it is one of the resolver's own mentions.
    pub fn memo_slot(&self, m: &EntityMention) -> Option<&MemoSlot> {
        let i = self.mentions.partition_point(|o| o.start < m.start);
        self.mentions[i..]
            .iter()
            .take_while(|o| o.start == m.start)
            .position(|o| std::ptr::eq(*o, m))
            .and_then(|k| self.memo.get(i + k))
    }
}
