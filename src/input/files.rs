//! Walking the input roots: sorted, recursive, hidden files skipped, format told by name.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// How a file's records are laid out, told by its name (compression suffix removed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `*.txt`, `*.text`: the whole file is one article.
    Text,
    /// `*.jsonl`, `*.ndjson`: one JSON object per line.
    Jsonl,
    /// `*.html`, `*.htm`: one web page.
    Html,
    /// `*.warc`: WARC records; 200 HTML responses are read (see `warc.rs`).
    Warc,
}

/// Transparent decompression told by the last suffix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compression {
    /// Plain bytes.
    None,
    /// `.gz`
    Gzip,
    /// `.zst`
    Zstd,
}

/// One input file to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputFile {
    /// Where it is.
    pub path: PathBuf,
    /// Its locator: path relative to its input root (`/`-separated); a root that is a
    /// file is named by its file name.
    pub locator: String,
    /// Record layout.
    pub format: Format,
    /// Compression.
    pub compression: Compression,
}

/// Tells format and compression from a file name; `None` for files gazette does not read.
pub fn classify(name: &str) -> Option<(Format, Compression)> {
    let lower = name.to_ascii_lowercase();
    let (stem, compression) = if let Some(s) = lower.strip_suffix(".gz") {
        (s.to_string(), Compression::Gzip)
    } else if let Some(s) = lower.strip_suffix(".zst") {
        (s.to_string(), Compression::Zstd)
    } else {
        (lower, Compression::None)
    };
    let ext = stem.rsplit_once('.').map(|(_, e)| e)?;
    let format = match ext {
        "txt" | "text" => Format::Text,
        "jsonl" | "ndjson" => Format::Jsonl,
        "html" | "htm" => Format::Html,
        "warc" => Format::Warc,
        _ => return None,
    };
    Some((format, compression))
}

/// Lists the readable files under `roots`, in sorted order per root, roots in the order
/// given. Files of unknown formats are returned separately (they are reported, not read).
/// A root that does not exist is an error.
pub fn discover(roots: &[PathBuf]) -> Result<(Vec<InputFile>, Vec<PathBuf>)> {
    let mut files = Vec::new();
    let mut skipped = Vec::new();
    for root in roots {
        // symlink_metadata: a dangling link given as a root still "exists" as an entry.
        if std::fs::symlink_metadata(root).is_err() {
            return Err(Error::MissingInput(root.clone()));
        }
        if root.is_dir() {
            walk(root, root, &mut files, &mut skipped)?;
        } else {
            let name = root
                .file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_default();
            push(root, name, &mut files, &mut skipped);
        }
    }
    Ok((files, skipped))
}

fn walk(
    root: &Path,
    dir: &Path,
    files: &mut Vec<InputFile>,
    skipped: &mut Vec<PathBuf>,
) -> Result<()> {
    let read = std::fs::read_dir(dir).map_err(|_| Error::MissingInput(dir.to_path_buf()))?;
    let mut entries: Vec<PathBuf> = read.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for path in entries {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        if name.starts_with('.') {
            continue;
        }
        if path.is_dir() {
            walk(root, &path, files, skipped)?;
        } else {
            let rel = path.strip_prefix(root).unwrap_or(&path);
            let locator = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            push(&path, locator, files, skipped);
        }
    }
    Ok(())
}

fn push(path: &Path, locator: String, files: &mut Vec<InputFile>, skipped: &mut Vec<PathBuf>) {
    match classify(&locator) {
        Some((format, compression)) => files.push(InputFile {
            path: path.to_path_buf(),
            locator,
            format,
            compression,
        }),
        None => skipped.push(path.to_path_buf()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_by_name() {
        assert_eq!(classify("a.txt"), Some((Format::Text, Compression::None)));
        assert_eq!(
            classify("a.JSONL.gz"),
            Some((Format::Jsonl, Compression::Gzip))
        );
        assert_eq!(
            classify("a.ndjson.zst"),
            Some((Format::Jsonl, Compression::Zstd))
        );
        assert_eq!(
            classify("a.warc.gz"),
            Some((Format::Warc, Compression::Gzip))
        );
        assert_eq!(classify("README.md"), None);
        assert_eq!(classify("noext"), None);
    }

    #[test]
    fn walks_sorted_skipping_hidden_and_unknown() {
        let dir = tempdir("walk");
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        for f in [
            "b.txt",
            "a.jsonl",
            ".hidden.txt",
            "notes.md",
            "sub/c.txt.gz",
        ] {
            std::fs::write(dir.join(f), "x").unwrap();
        }
        let (files, skipped) = discover(std::slice::from_ref(&dir)).unwrap();
        let locs: Vec<_> = files.iter().map(|f| f.locator.as_str()).collect();
        assert_eq!(locs, ["a.jsonl", "b.txt", "sub/c.txt.gz"]);
        assert_eq!(skipped.len(), 1);
        assert!(matches!(
            discover(&[dir.join("missing")]),
            Err(Error::MissingInput(_))
        ));
        std::fs::remove_dir_all(dir).unwrap();
    }

    fn tempdir(tag: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("gazette-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    }
}
