//! The training corpora's format (../shared/train/README.md): `token<TAB>tag` lines, a
//! blank line after each sentence, `# doc` lines between documents; and the fixed rule
//! that holds a part of each file out as its check split.

use std::path::Path;

use crate::error::{Error, Result};

/// One sentence: its tokens and their BIO tags as written.
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    /// The tokens.
    pub tokens: Vec<String>,
    /// Their tags (`O`, `B-PER`, …).
    pub tags: Vec<String>,
}

impl Sentence {
    /// The tokens joined by single spaces, and each token's byte span in that text.
    pub fn text(&self) -> (String, Vec<(usize, usize)>) {
        let mut text = String::new();
        let mut spans = Vec::with_capacity(self.tokens.len());
        for t in &self.tokens {
            if !text.is_empty() {
                text.push(' ');
            }
            spans.push((text.len(), text.len() + t.len()));
            text.push_str(t);
        }
        (text, spans)
    }
}

/// The check split: every tenth sentence of a file (index 0, 10, 20, …) is held out.
pub fn is_check(index: usize) -> bool {
    index.is_multiple_of(10)
}

/// How a corpus file is named in a model's or list's header: its folder and file name
/// (`kind-wikinews/it.train.tsv`), whatever directory ../shared/train is under.
pub fn short_name(path: &Path) -> String {
    let parts: Vec<String> = path
        .iter()
        .rev()
        .take(2)
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    parts.into_iter().rev().collect::<Vec<_>>().join("/")
}

/// Reads a corpus file.
pub fn read(path: &Path) -> Result<Vec<Sentence>> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::Train {
        path: path.to_path_buf(),
        message: e.to_string(),
    })?;
    parse(&text).map_err(|message| Error::Train {
        path: path.to_path_buf(),
        message,
    })
}

/// Parses a corpus file's text.
pub fn parse(text: &str) -> std::result::Result<Vec<Sentence>, String> {
    let mut out = Vec::new();
    let mut cur = Sentence {
        tokens: Vec::new(),
        tags: Vec::new(),
    };
    for (n, line) in text.lines().enumerate() {
        if line.is_empty() || line == "# doc" {
            if !cur.tokens.is_empty() {
                out.push(std::mem::replace(
                    &mut cur,
                    Sentence {
                        tokens: Vec::new(),
                        tags: Vec::new(),
                    },
                ));
            }
            continue;
        }
        let (tok, tag) = line
            .rsplit_once('\t')
            .ok_or_else(|| format!("line {}: no TAB", n + 1))?;
        cur.tokens.push(tok.to_string());
        cur.tags.push(tag.to_string());
    }
    if !cur.tokens.is_empty() {
        out.push(cur);
    }
    Ok(out)
}
