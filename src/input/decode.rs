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

fn control_share(text: &str) -> f64 {
    let total = text.chars().count().max(1);
    let controls = text
        .chars()
        .filter(|&c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        .count();
    controls as f64 / total as f64
}

/// Decodes one record's bytes (see the module docs).
pub fn decode_text(bytes: &[u8]) -> Result<String, DecodeError> {
    if let Some(pos) = bytes.iter().position(|&b| b == 0) {
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

#[cfg(test)]
mod tests {
    use super::*;

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
