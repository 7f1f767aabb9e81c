//! Words and punctuation of a body, split as the training corpora split them: a run of
//! letters and digits (with `-`, `.` or `,` inside it kept: "Saint-Denis", "U.S.", "1,5")
//! is one token, every other visible character is a token of its own, and an apostrophe
//! after a short elided word ends that word ("dell'" + "Alitalia", "l'" + "Élysée") while
//! one after a longer word opens the next token ("Putin" + "'s").

/// Byte spans `(start, end)` of the tokens of `text[from..to]`, in order.
pub fn token_spans(text: &str, from: usize, to: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let s = &text[from..to];
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut k = 0;
    while k < chars.len() {
        let (i, c) = chars[k];
        if c.is_whitespace() || c.is_control() || c == '\u{ad}' {
            k += 1;
            continue;
        }
        if !c.is_alphanumeric() {
            if is_apostrophe(c) && k + 1 < chars.len() && chars[k + 1].1.is_alphabetic() {
                // "'s": the apostrophe opens the word after it.
                let mut j = k + 1;
                while j < chars.len() && chars[j].1.is_alphanumeric() {
                    j += 1;
                }
                let end = chars.get(j).map_or(s.len(), |&(b, _)| b);
                out.push((from + i, from + end));
                k = j;
                continue;
            }
            out.push((from + i, from + i + c.len_utf8()));
            k += 1;
            continue;
        }
        let mut j = k;
        loop {
            while j < chars.len() && chars[j].1.is_alphanumeric() {
                j += 1;
            }
            let Some(&(_, sep)) = chars.get(j) else { break };
            let next_alnum = chars.get(j + 1).is_some_and(|&(_, n)| n.is_alphanumeric());
            if !next_alnum {
                break;
            }
            if sep == '-' || sep == '.' || (sep == ',' && chars[j - 1].1.is_ascii_digit()) {
                j += 1;
                continue;
            }
            if is_apostrophe(sep) && elides(&chars[k..j]) {
                j += 1;
                break;
            }
            // An apostrophe inside a capitalised name before a capital letter
            // ("Brind'Amour", "O'Brien") joins its two parts.
            if is_apostrophe(sep) && chars[k].1.is_uppercase() && chars[j + 1].1.is_uppercase() {
                j += 1;
                continue;
            }
            break;
        }
        // An abbreviation keeps its last full stop ("U.S.", "U.K."): single letters
        // joined by stops.
        if chars.get(j).is_some_and(|&(_, c)| c == '.') && is_initials(&chars[k..j]) {
            j += 1;
        }
        let end = chars.get(j).map_or(s.len(), |&(b, _)| b);
        out.push((from + i, from + end));
        k = j;
    }
    out
}

/// True for single letters joined by full stops ("U.S", "e.g").
fn is_initials(word: &[(usize, char)]) -> bool {
    word.len() >= 3
        && word.iter().enumerate().all(|(n, &(_, c))| {
            if n % 2 == 0 {
                c.is_alphabetic()
            } else {
                c == '.'
            }
        })
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// True for a word that an apostrophe elides: lower case and short ("l", "dell", "qu",
/// "jusqu"), or capitalised and one letter or ending in `l` / `qu` ("L", "Dell", "Qu");
/// not a name before a possessive ("Putin").
fn elides(word: &[(usize, char)]) -> bool {
    let letters: String = word.iter().map(|&(_, c)| c).collect();
    // "O'" is the Irish patronymic, never an elided article or pronoun.
    if letters == "O" {
        return false;
    }
    if letters.chars().any(|c| !c.is_alphabetic()) || letters.chars().count() > 7 {
        return false;
    }
    let rest_lower = letters.chars().skip(1).all(char::is_lowercase);
    let first_lower = letters.chars().next().is_some_and(char::is_lowercase);
    if first_lower {
        return rest_lower;
    }
    rest_lower
        && (letters.chars().count() == 1 || letters.ends_with('l') || letters.ends_with("qu"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<&str> {
        token_spans(s, 0, s.len())
            .into_iter()
            .map(|(a, b)| &s[a..b])
            .collect()
    }

    #[test]
    fn splits_as_the_corpora_do() {
        assert_eq!(
            toks("Ieri, dell'Alitalia a Saint-Denis (U.S.) 1,5%."),
            vec![
                "Ieri",
                ",",
                "dell'",
                "Alitalia",
                "a",
                "Saint-Denis",
                "(",
                "U.S.",
                ")",
                "1,5",
                "%",
                "."
            ]
        );
        assert_eq!(toks("Putin's men"), vec!["Putin", "'s", "men"]);
        assert_eq!(toks("l’Élysée"), vec!["l’", "Élysée"]);
        assert_eq!(
            toks("Rod Brind'Amour, O’Brien and L'Aquila"),
            vec!["Rod", "Brind'Amour", ",", "O’Brien", "and", "L'", "Aquila"]
        );
    }
}
