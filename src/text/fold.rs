//! Case and accent folding that remembers where every folded byte came from, so a match
//! found in folded text maps back to exact offsets in the original.

use unicode_normalization::char::decompose_canonical;
use unicode_normalization::char::is_combining_mark;

/// Folds one char: lowercase, accents stripped, typographic apostrophes unified to `'`,
/// the long s `ſ` written `s`.
/// Appends the result (possibly several chars, possibly none) to `out`.
pub fn fold_char(c: char, out: &mut String) {
    match c {
        '’' | 'ʼ' | '‘' | '`' | '´' => {
            out.push('\'');
            return;
        }
        // The long s of historical print is the letter s.
        'ſ' => {
            out.push('s');
            return;
        }
        'ß' => {
            out.push_str("ss");
            return;
        }
        'œ' | 'Œ' => {
            out.push_str("oe");
            return;
        }
        'æ' | 'Æ' => {
            out.push_str("ae");
            return;
        }
        'ø' | 'Ø' => {
            out.push('o');
            return;
        }
        'ł' | 'Ł' => {
            out.push('l');
            return;
        }
        '\u{00A0}' | '\u{202F}' | '\u{2009}' => {
            out.push(' ');
            return;
        }
        _ => {}
    }
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    decompose_canonical(c, |d| {
        if !is_combining_mark(d) {
            out.extend(d.to_lowercase());
        }
    });
}

/// The fold of an ASCII char other than the backtick: itself, lower-cased (the fast path
/// of [`fold_char`] for callers that fold char by char).
#[inline]
pub(crate) fn plain_ascii(c: char) -> Option<char> {
    (c.is_ascii() && c != '`').then(|| c.to_ascii_lowercase())
}

/// Folds a whole string (see [`fold_char`]).
pub fn fold_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match plain_ascii(c) {
            Some(l) => out.push(l),
            None => fold_char(c, &mut out),
        }
    }
    out
}

/// A folded copy of a text with a map from folded byte offsets back to original ones.
#[derive(Debug, Clone)]
pub struct Folded {
    /// The folded text.
    pub text: String,
    /// `map[i]` is the original byte offset of the char that produced folded byte `i`;
    /// `map[text.len()]` is the original length.
    map: Vec<usize>,
}

impl Folded {
    /// Folds `original`, keeping the offset map.
    pub fn new(original: &str) -> Self {
        let mut text = String::with_capacity(original.len());
        let mut map = Vec::with_capacity(original.len() + 1);
        for (i, c) in original.char_indices() {
            if let Some(l) = plain_ascii(c) {
                text.push(l);
                map.push(i);
                continue;
            }
            let before = text.len();
            fold_char(c, &mut text);
            map.extend(std::iter::repeat_n(i, text.len() - before));
        }
        map.push(original.len());
        Folded { text, map }
    }

    /// Original byte offset of a folded start offset.
    pub fn start_of(&self, folded: usize) -> usize {
        self.map[folded]
    }

    /// Original byte offset one past the original char that produced folded byte `folded_end - 1`.
    pub fn end_of(&self, folded_end: usize, original: &str) -> usize {
        if folded_end == 0 {
            return 0;
        }
        if folded_end >= self.text.len() {
            return original.len();
        }
        let start = self.map[folded_end - 1];
        start + original[start..].chars().next().map_or(0, char::len_utf8)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_accents_and_apostrophes() {
        assert_eq!(fold_str("Choïgou à TÉHÉRAN"), "choigou a teheran");
        assert_eq!(fold_str("l’Iran"), "l'iran");
        assert_eq!(fold_str("Straße"), "strasse");
        assert_eq!(fold_str("Deutſchland"), "deutschland");
        let f = Folded::new("Deutſchlands");
        assert_eq!(f.text, "deutschlands");
        assert_eq!(f.end_of(f.text.len(), "Deutſchlands"), "Deutſchlands".len());
        assert_eq!(fold_str("it`s A\u{a0}B"), "it's a b");
        for c in (0..128u8).map(char::from) {
            let mut one = String::new();
            fold_char(c, &mut one);
            assert_eq!(fold_str(&c.to_string()), one, "{c:?}");
            assert_eq!(Folded::new(&c.to_string()).text, one, "{c:?}");
        }
    }

    #[test]
    fn maps_folded_matches_back_to_original_bytes() {
        let original = "À Téhéran, l’Œuvre";
        let f = Folded::new(original);
        let pos = f.text.find("teheran").unwrap();
        let (s, e) = (f.start_of(pos), f.end_of(pos + "teheran".len(), original));
        assert_eq!(&original[s..e], "Téhéran");
        let pos = f.text.find("oeuvre").unwrap();
        let (s, e) = (f.start_of(pos), f.end_of(pos + "oeuvre".len(), original));
        assert_eq!(&original[s..e], "Œuvre");
    }
}
