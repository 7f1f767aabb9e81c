//! Dialogue dashes (Spanish, French, Italian typesetting): a paragraph opening with an
//! em or en dash whose speech is closed by a second dash before the narrator's words
//! ("—Son las cuentas —dijo la ministra."). Only paragraphs with that closing dash
//! count, so dashed lists and bullet lines are not quotations.

use super::pairing::MarkPair;

const DASHES: [char; 2] = ['—', '–'];

/// Quotations opened by a dash at the start of a paragraph and closed by a dash after
/// a space, that overlap none of `pairs`; in body order.
pub fn dash_pairs(body: &str, paragraphs: &[(usize, usize)], pairs: &[MarkPair]) -> Vec<MarkPair> {
    let mut out = Vec::new();
    for &(ps, pe) in paragraphs {
        let text = &body[ps..pe];
        let lead = text.len() - text.trim_start().len();
        let Some(dash) = text[lead..].chars().next().filter(|c| DASHES.contains(c)) else {
            continue;
        };
        let open = ps + lead;
        let start_rel = lead + dash.len_utf8();
        let rest = &text[start_rel..];
        // The closing dash follows a space and precedes a word ("… —dijo").
        let Some(close_rel) = rest
            .match_indices(DASHES)
            .map(|(i, _)| i)
            .find(|&i| rest[..i].ends_with(' ') && rest[..i].trim().chars().count() > 1)
        else {
            continue;
        };
        let inner = &rest[..close_rel];
        let start = ps + start_rel + (inner.len() - inner.trim_start().len());
        let end = ps + start_rel + inner.trim_end().len();
        let close_dash = rest[close_rel..].chars().next().map_or(1, char::len_utf8);
        let close_end = ps + start_rel + close_rel + close_dash;
        let overlaps = pairs
            .iter()
            .any(|p| p.open < close_end && open < p.close_end);
        if start < end && !overlaps && body.is_char_boundary(close_end) {
            out.push(MarkPair {
                open,
                close_end,
                start,
                end,
            });
        }
    }
    out
}
