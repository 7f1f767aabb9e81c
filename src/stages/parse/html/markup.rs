//! Markup to plain text at the regex level: tags stripped, character references decoded,
//! for the metadata reader (`meta`) and the fallback text (`fallback`).

use regex::{Captures, Regex};

use crate::stages::parse::text::normalise::collapse_whitespace;

/// Compiled tag and character-reference patterns.
#[derive(Debug)]
pub(crate) struct Markup {
    any_tag: Regex,
    entity: Regex,
}

impl Markup {
    /// Compiles the patterns.
    pub(crate) fn new() -> Markup {
        let re = |p: &str| Regex::new(p).expect("static pattern");
        Markup {
            any_tag: re(r"(?s)<[^>]*>"),
            entity: re(r"&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});"),
        }
    }

    /// `text` with every tag replaced by `with`.
    pub(crate) fn strip_tags<'a>(&self, text: &'a str, with: &str) -> std::borrow::Cow<'a, str> {
        self.any_tag.replace_all(text, with)
    }

    /// A metadata value as a reader wants it: tags turned into spaces, references decoded,
    /// whitespace collapsed.
    pub(crate) fn value(&self, raw: &str) -> String {
        collapse_whitespace(&self.decode(&self.strip_tags(raw, " ")))
    }

    /// Decodes named (common ones) and numeric character references; unknown ones stay.
    pub(crate) fn decode(&self, text: &str) -> String {
        self.entity
            .replace_all(text, |c: &Captures| {
                let name = &c[1];
                let decoded = if let Some(hex) =
                    name.strip_prefix("#x").or_else(|| name.strip_prefix("#X"))
                {
                    u32::from_str_radix(hex, 16).ok().and_then(char::from_u32)
                } else if let Some(dec) = name.strip_prefix('#') {
                    dec.parse::<u32>().ok().and_then(char::from_u32)
                } else {
                    named_entity(name)
                };
                decoded.map_or_else(|| c[0].to_string(), |ch| ch.to_string())
            })
            .into_owned()
    }
}

fn named_entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{00A0}',
        "laquo" => '«',
        "raquo" => '»',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "copy" => '©',
        "eacute" => 'é',
        "egrave" => 'è',
        "agrave" => 'à',
        "ccedil" => 'ç',
        _ => return None,
    })
}
