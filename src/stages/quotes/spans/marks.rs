//! Quotation marks: the family each belongs to, and whether one opens or closes a
//! quotation where it stands (its neighbours, the marks still open, German » « and „ “).

/// Families of quotation marks; a closing mark only closes an opening of its family.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    /// « … » (or » … « in German typesetting).
    Guillemet,
    /// ‹ … ›.
    SingleGuillemet,
    /// “ … ” (English) and „ … “ (German) share closers, so they share a family.
    Curly,
    /// ” … ”, the same mark at both ends.
    SameRight,
    /// " … ".
    Straight,
    /// ‘ … ’ and ‚ … ‘.
    Single,
}

/// An opening mark waiting for its closer.
#[derive(Debug, Clone, Copy)]
pub struct Open {
    /// Family of the mark.
    pub family: Family,
    /// Byte offset of the mark.
    pub pos: usize,
    /// Byte offset one past the mark.
    pub end: usize,
    /// The mark is „ (closed by “ or ”).
    pub low: bool,
}

/// What a mark does where it stands.
pub enum Action {
    /// Opens a quotation of the family.
    Open(Family),
    /// Closes the innermost open quotation of the family.
    Close(Family),
    /// Is no quotation mark here (an apostrophe, a lone mark).
    None,
}

fn has(stack: &[Open], family: Family) -> bool {
    stack.iter().any(|o| o.family == family)
}

fn closing_like(prev: Option<char>, next: Option<char>) -> bool {
    prev.is_some_and(|p| !p.is_whitespace()) && !next.is_some_and(char::is_alphanumeric)
}

/// What the mark `c` does between `prev` and `next`, with `stack` still open and the
/// paragraph's guillemets `reversed` or not.
pub fn classify(
    c: char,
    prev: Option<char>,
    next: Option<char>,
    reversed: bool,
    stack: &[Open],
) -> Action {
    let after_word = prev.is_some_and(char::is_alphanumeric);
    match c {
        '«' if reversed => Action::Close(Family::Guillemet),
        '«' => Action::Open(Family::Guillemet),
        '»' if reversed => Action::Open(Family::Guillemet),
        '»' => Action::Close(Family::Guillemet),
        '‹' if reversed => Action::Close(Family::SingleGuillemet),
        '‹' => Action::Open(Family::SingleGuillemet),
        '›' if reversed => Action::Open(Family::SingleGuillemet),
        '›' => Action::Close(Family::SingleGuillemet),
        '„' => Action::Open(Family::Curly),
        '“' => {
            let low_open = stack
                .iter()
                .rev()
                .find(|o| o.family == Family::Curly)
                .is_some_and(|o| o.low);
            if low_open || (has(stack, Family::Curly) && closing_like(prev, next)) {
                Action::Close(Family::Curly)
            } else {
                Action::Open(Family::Curly)
            }
        }
        '”' if has(stack, Family::Curly) => Action::Close(Family::Curly),
        '”' if has(stack, Family::SameRight) => Action::Close(Family::SameRight),
        // Mixed pairs from sloppy typing: “…" and "…”.
        '”' if has(stack, Family::Straight) && closing_like(prev, next) => {
            Action::Close(Family::Straight)
        }
        '”' if !after_word && !prev.is_some_and(|p| ".!?,;".contains(p)) => {
            Action::Open(Family::SameRight)
        }
        '"' if has(stack, Family::Straight) => Action::Close(Family::Straight),
        '"' if has(stack, Family::Curly) && closing_like(prev, next) => {
            Action::Close(Family::Curly)
        }
        '"' => Action::Open(Family::Straight),
        // Two apostrophes typed as a closing double quote: “…’’ or "…''.
        '’' | '\'' if next == Some(c) && prev.is_some_and(|p| !p.is_whitespace()) => {
            if has(stack, Family::Curly) {
                Action::Close(Family::Curly)
            } else if has(stack, Family::Straight) {
                Action::Close(Family::Straight)
            } else {
                Action::None
            }
        }
        '‚' if !after_word => Action::Open(Family::Single),
        '‘' if has(stack, Family::Single)
            && stack
                .iter()
                .rev()
                .find(|o| o.family == Family::Single)
                .is_some_and(|o| o.low) =>
        {
            Action::Close(Family::Single)
        }
        '‘' if !after_word => Action::Open(Family::Single),
        '’' if has(stack, Family::Single) && !next.is_some_and(char::is_alphanumeric) => {
            Action::Close(Family::Single)
        }
        _ => Action::None,
    }
}

/// True when the paragraph uses » … « (German typesetting): its first guillemet is a »
/// that opens a word rather than closing one.
pub fn reversed_guillemets(text: &str) -> bool {
    let mut prev: Option<char> = None;
    let mut iter = text.chars().peekable();
    while let Some(c) = iter.next() {
        match c {
            '«' | '‹' => return false,
            '»' | '›' => {
                let opens_word = iter.peek().is_some_and(|n| n.is_alphanumeric());
                return opens_word
                    && !prev.is_some_and(|p| p.is_alphanumeric() || ".!?,;".contains(p));
            }
            _ => prev = Some(c),
        }
    }
    false
}

/// Byte index and char of the first quotation mark of `text`.
pub fn first_mark(text: &str) -> Option<(usize, char)> {
    text.char_indices()
        .find(|&(_, c)| matches!(c, '«' | '»' | '‹' | '›' | '„' | '“' | '”' | '"' | '‚' | '‘'))
}

/// True when the mark `c` can open a quotation of `family`.
pub fn opens_family(c: char, family: Family) -> bool {
    match family {
        Family::Guillemet => matches!(c, '«' | '»'),
        Family::SingleGuillemet => matches!(c, '‹' | '›'),
        Family::Curly => matches!(c, '“' | '„'),
        Family::SameRight => c == '”',
        Family::Straight => c == '"',
        Family::Single => matches!(c, '‘' | '‚'),
    }
}
