//! Bytes → text: UTF-8 (BOM stripped), else Windows-1252 when the bytes read as plausible
//! text in it, else an `encoding` error; NUL bytes or a high share of control characters
//! mean `binary`.

use crate::model::RejectReason;

/// Why bytes could not become text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    /// `binary` or `encoding`.
    pub reason: RejectReason,
    /// Human-readable explanation.
    pub detail: String,
}

/// Share of control characters above which text is considered binary / garbage.
const MAX_CONTROL_SHARE: f64 = 0.01;

/// The share of control characters (`char::is_control`, less `\n`, `\r`, `\t` and form
/// feed) among the characters of `text`, in one pass over its bytes: the controls are
/// the ASCII ones and U+0080–U+009F, which UTF-8 writes as `C2 80`–`C2 9F`.
fn control_share(text: &str) -> f64 {
    const LOW: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let bytes = text.as_bytes();
    let mut chars = 0usize;
    let mut controls = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        if let Some(word) = bytes.get(i..i + 8) {
            // Eight printable ASCII bytes (0x20-0x7E) at once; the test may send some
            // printable words to the byte loop, never the other way round.
            let w = u64::from_le_bytes(word.try_into().unwrap_or([0; 8]));
            let below_space = w.wrapping_sub(0x20 * LOW) & !w & HIGH;
            let del = (w ^ (0x7F * LOW)).wrapping_sub(LOW) & !(w ^ (0x7F * LOW)) & HIGH;
            if (w & HIGH) | below_space | del == 0 {
                chars += 8;
                i += 8;
                continue;
            }
        }
        let b = bytes[i];
        chars += usize::from(b & 0xC0 != 0x80);
        let ascii_control = (b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C)) || b == 0x7F;
        let c1_control = b == 0xC2 && bytes.get(i + 1).is_some_and(|n| (0x80..=0x9F).contains(n));
        controls += usize::from(ascii_control || c1_control);
        i += 1;
    }
    controls as f64 / chars.max(1) as f64
}

/// Decodes one record's bytes (see the module docs).
pub fn decode_text(bytes: &[u8]) -> Result<String, DecodeError> {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        if encoding != encoding_rs::UTF_8 {
            let (text, _) = encoding.decode_without_bom_handling(&bytes[bom..]);
            return Ok(text.into_owned());
        }
    }
    if let Some(pos) = memchr::memchr(0, bytes) {
        return Err(DecodeError {
            reason: RejectReason::Binary,
            detail: format!("NUL byte at offset {pos}: not a text file"),
        });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => {
            let share = control_share(text);
            if share > MAX_CONTROL_SHARE {
                return Err(DecodeError {
                    reason: RejectReason::Binary,
                    detail: format!("{:.1}% control characters: not text", share * 100.0),
                });
            }
            Ok(text.to_string())
        }
        Err(utf8) => {
            if let Some(encoding) = declared_charset(bytes) {
                let (text, _) = encoding.decode_without_bom_handling(bytes);
                return Ok(text.into_owned());
            }
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            let share = control_share(&text);
            let letters = text.chars().filter(|c| c.is_alphabetic()).count();
            if share > MAX_CONTROL_SHARE || letters * 2 < text.chars().count() / 2 {
                return Err(DecodeError {
                    reason: RejectReason::Encoding,
                    detail: format!(
                        "invalid UTF-8 at byte {} and not plausible Windows-1252 text ({:.1}% control characters)",
                        utf8.valid_up_to(),
                        share * 100.0
                    ),
                });
            }
            Ok(text.into_owned())
        }
    }
}

/// The charset an HTML page declares in its first 4 KiB (`<meta charset="…">` or an
/// HTTP-equiv `content="text/html; charset=…"`), when encoding_rs knows the label and
/// it is not UTF-8 (which already failed).
fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    // Every `charset=` is read: a `<script charset="utf-8">` (archive banners) may come
    // before the page's own declaration.
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    head.match_indices("charset=").find_map(|(at, key)| {
        let label: String = head[at + key.len()..]
            .trim_start_matches(['"', '\'', ' '])
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
            .collect();
        encoding_rs::Encoding::for_label(label.as_bytes()).filter(|e| *e != encoding_rs::UTF_8)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_share_counts_as_char_is_control_does() {
        let texts = [
            "plain text\n\twith\r\x0c layout",
            "\x01\x02 bell\x07 and del\x7f",
            "C1: \u{80}\u{85}\u{9f} not C1: \u{a0}\u{c0}\u{100}\u{2028}é",
            "",
            "\u{1F600}\u{9f}\x1b",
            "a long run of printable ASCII, then\x7f a DEL and\x1f a unit separator ~~~~~~~~~",
            "\u{85}abcdefgh\u{85}abcdefg\x00",
        ];
        for text in texts {
            let total = text.chars().count().max(1);
            let controls = text
                .chars()
                .filter(|&c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
                .count();
            assert_eq!(
                control_share(text),
                controls as f64 / total as f64,
                "{text:?}"
            );
        }
    }

    #[test]
    fn utf8_with_bom_is_accepted() {
        assert_eq!(
            decode_text(b"\xEF\xBB\xBFL'\xC3\xA9t\xC3\xA9").unwrap(),
            "L'été"
        );
    }

    #[test]
    fn windows_1252_is_decoded() {
        let bytes = b"Le pr\xe9sident a d\xe9clar\xe9 \xab non \xbb hier \x96 \x80 10.";
        assert_eq!(
            decode_text(bytes).unwrap(),
            "Le président a déclaré « non » hier – € 10."
        );
    }

    #[test]
    fn declared_html_charset_is_used() {
        let bytes = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"></head><body>\xcf\xf0\xe8\xe2\xe5\xf2</body></html>";
        assert!(decode_text(bytes).unwrap().contains("Привет"));
        let latin = b"<meta charset='iso-8859-15'><p>Prix : 10 \xa4</p>";
        assert!(decode_text(latin).unwrap().contains("10 €"));
        let banner = b"<script src=\"/b.js\" charset=\"utf-8\"></script><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"><p>\xcf\xf0\xe8\xe2\xe5\xf2</p>";
        assert!(decode_text(banner).unwrap().contains("Привет"));
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let bytes = b"\xff\xfeE\x00t\x00\xe9\x00";
        assert_eq!(decode_text(bytes).unwrap(), "Eté");
    }

    #[test]
    fn nul_bytes_are_binary() {
        let e = decode_text(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR").unwrap_err();
        assert_eq!(e.reason, RejectReason::Binary);
    }

    #[test]
    fn control_garbage_is_an_encoding_error() {
        let bytes: Vec<u8> = (0..400u32)
            .map(|i| [0x01, 0x9d, 0x02, 0xff, 0x1b, 0x81][(i % 6) as usize])
            .collect();
        let e = decode_text(&bytes).unwrap_err();
        assert_eq!(e.reason, RejectReason::Encoding, "{}", e.detail);
    }
}
