//! Attributes of one raw HTML start tag, for the regex-level readers (page metadata and
//! the fallback stripper) that look at `<meta>`, `<link>` and `<time>` tags.

use regex::Regex;

/// Reads `name="value"`, `name='value'` and `name=value` pairs from a start tag.
#[derive(Debug)]
pub(crate) struct TagAttrs {
    pattern: Regex,
}

impl TagAttrs {
    /// Compiles the attribute pattern (once per parser).
    pub(crate) fn new() -> Self {
        TagAttrs {
            pattern: Regex::new(r#"(?is)([a-z_:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))"#)
                .expect("valid attribute pattern"),
        }
    }

    /// The attributes of `tag`, names lower-cased, values as written, in order.
    pub(crate) fn of(&self, tag: &str) -> Vec<(String, String)> {
        self.pattern
            .captures_iter(tag)
            .map(|c| {
                let value = c
                    .get(2)
                    .or(c.get(3))
                    .or(c.get(4))
                    .map_or("", |m| m.as_str());
                (c[1].to_ascii_lowercase(), value.to_string())
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_quoted_and_bare_values() {
        let attrs = TagAttrs::new().of(r#"<meta PROPERTY="og:title" content='L’été' data-x=1>"#);
        assert_eq!(
            attrs,
            [
                ("property".to_string(), "og:title".to_string()),
                ("content".to_string(), "L’été".to_string()),
                ("data-x".to_string(), "1".to_string())
            ]
        );
    }
}
