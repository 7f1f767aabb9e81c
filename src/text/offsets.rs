//! Byte offset → code-point offset conversion, as the table contract counts positions in
//! Unicode code points.

/// Converts byte offsets of one string into code-point offsets in O(log n).
#[derive(Debug, Clone)]
pub struct CharOffsets {
    /// Byte offset of every char boundary, plus the string length at the end.
    boundaries: Vec<usize>,
}

impl CharOffsets {
    /// Indexes `text`.
    pub fn new(text: &str) -> Self {
        let mut boundaries: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        boundaries.push(text.len());
        CharOffsets { boundaries }
    }

    /// Code-point offset of byte offset `byte`. A byte inside a char maps to that char.
    pub fn char_of(&self, byte: usize) -> usize {
        match self.boundaries.binary_search(&byte) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// Byte offset of code-point offset `ch` (clamped to the string length).
    pub fn byte_of(&self, ch: usize) -> usize {
        self.boundaries[ch.min(self.boundaries.len() - 1)]
    }

    /// Length of the text in code points.
    pub fn len_chars(&self) -> usize {
        self.boundaries.len() - 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_multibyte_offsets() {
        let text = "Choïgou « oui »";
        let off = CharOffsets::new(text);
        let b = text.find('«').unwrap();
        assert_eq!(off.char_of(b), 8);
        assert_eq!(off.byte_of(8), b);
        assert_eq!(off.char_of(text.len()), text.chars().count());
        assert_eq!(off.len_chars(), 15);
        assert_eq!(text.chars().nth(8), Some('«'));
    }
}
