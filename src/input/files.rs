//! Walking the input roots: sorted, recursive, hidden files skipped, each directory
//! walked once, a directory that cannot be listed kept for the reader to reject, format
//! told by name.

use std::collections::HashSet;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

use super::locator;
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

/// One thing discovery found, in walk order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputSource {
    /// A file to read.
    File(InputFile),
    /// A directory whose listing failed (wholly or part-way): the reader makes it one
    /// `io` reject naming it, and the rest of the batch is read.
    Unlisted {
        /// The directory.
        path: PathBuf,
        /// Its locator: its path relative to its input root, ending in `/` (a root is
        /// named by its path as given).
        locator: String,
        /// Why it could not be listed.
        error: String,
    },
}

impl InputSource {
    /// The locator of the file or directory.
    pub fn locator(&self) -> &str {
        match self {
            InputSource::File(file) => &file.locator,
            InputSource::Unlisted { locator, .. } => locator,
        }
    }
}

/// Lists what is under `roots`, roots in the order given, each walked depth-first in
/// sorted name order, hidden entries (`.name`) skipped. Each directory is walked at most
/// once, told by its canonical path: a symbolic link back to an ancestor, a second link
/// to a directory already walked, or a root already walked is skipped (logged), so
/// discovery ends and no file is listed twice through directory links. A directory that
/// cannot be listed is an [`InputSource::Unlisted`]. Files of unknown formats are
/// returned separately (they are reported, not read). A root that does not exist is an
/// error.
pub fn discover(roots: &[PathBuf]) -> Result<(Vec<InputSource>, Vec<PathBuf>)> {
    discover_with(roots, &list_dir)
}

/// A directory's entries, and the error that cut its listing short, if one did.
struct Listing {
    entries: Vec<PathBuf>,
    error: Option<std::io::Error>,
}

/// Lists a directory with the file system.
fn list_dir(dir: &Path) -> std::io::Result<Listing> {
    let mut entries = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        match entry {
            Ok(entry) => entries.push(entry.path()),
            Err(error) => {
                return Ok(Listing {
                    entries,
                    error: Some(error),
                })
            }
        }
    }
    Ok(Listing {
        entries,
        error: None,
    })
}

/// [`discover`] with the directory listing given (the seam of the unreadable-directory
/// tests, which run as root, where permissions do not stop reading).
fn discover_with(
    roots: &[PathBuf],
    list: &dyn Fn(&Path) -> std::io::Result<Listing>,
) -> Result<(Vec<InputSource>, Vec<PathBuf>)> {
    let mut walk = Walk {
        list,
        walked: HashSet::new(),
        found: Vec::new(),
        skipped: Vec::new(),
    };
    for root in roots {
        // symlink_metadata: a dangling link given as a root still "exists" as an entry.
        if std::fs::symlink_metadata(root).is_err() {
            return Err(Error::MissingInput(root.clone()));
        }
        if root.is_dir() {
            walk.root(root);
        } else {
            let name = root.file_name().map(locator::component);
            walk.file(root, name.unwrap_or_default());
        }
    }
    Ok((walk.found, walk.skipped))
}

/// The state of one discovery.
struct Walk<'a> {
    list: &'a dyn Fn(&Path) -> std::io::Result<Listing>,
    /// Canonical paths of the directories walked so far.
    walked: HashSet<PathBuf>,
    found: Vec<InputSource>,
    skipped: Vec<PathBuf>,
}

impl Walk<'_> {
    /// Walks the directory `root`, without recursion (depth costs no stack).
    fn root(&mut self, root: &Path) {
        let mut pending = vec![root.to_path_buf()];
        while let Some(path) = pending.pop() {
            let rel = path.strip_prefix(root).unwrap_or(&path);
            if path != root && !path.is_dir() {
                self.file(&path, locator::relative(rel));
                continue;
            }
            let dir_locator = || match rel.as_os_str().is_empty() {
                true => format!("{}/", locator::component(root.as_os_str())),
                false => format!("{}/", locator::relative(rel)),
            };
            let unlisted = |error: std::io::Error| InputSource::Unlisted {
                path: path.clone(),
                locator: dir_locator(),
                error: error.to_string(),
            };
            match std::fs::canonicalize(&path) {
                Ok(canonical) if !self.walked.insert(canonical.clone()) => {
                    tracing::info!(
                        path = %path.display(),
                        canonical = %canonical.display(),
                        "skipped: directory already walked (a link to it or to an ancestor)"
                    );
                    continue;
                }
                Ok(_) => {}
                Err(error) => {
                    self.found.push(unlisted(error));
                    continue;
                }
            }
            let listing = match (self.list)(&path) {
                Ok(listing) => listing,
                Err(error) => {
                    self.found.push(unlisted(error));
                    continue;
                }
            };
            if let Some(error) = listing.error {
                self.found.push(unlisted(error));
            }
            let mut entries: Vec<PathBuf> = listing
                .entries
                .into_iter()
                .filter(|p| {
                    !p.file_name()
                        .is_some_and(|n| n.as_bytes().starts_with(b"."))
                })
                .collect();
            entries.sort();
            pending.extend(entries.into_iter().rev());
        }
    }

    /// Takes the file at `path`, named `locator`, by its format.
    fn file(&mut self, path: &Path, locator: String) {
        match classify(&locator) {
            Some((format, compression)) => self.found.push(InputSource::File(InputFile {
                path: path.to_path_buf(),
                locator,
                format,
                compression,
            })),
            None => self.skipped.push(path.to_path_buf()),
        }
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
        let locs: Vec<_> = files.iter().map(|f| f.locator()).collect();
        assert_eq!(locs, ["a.jsonl", "b.txt", "sub/c.txt.gz"]);
        assert_eq!(skipped.len(), 1);
        assert!(matches!(
            discover(&[dir.join("missing")]),
            Err(Error::MissingInput(_))
        ));
        std::fs::remove_dir_all(dir).unwrap();
    }

    fn locators(roots: &[PathBuf]) -> Vec<String> {
        let (found, _) = discover(roots).unwrap();
        found.iter().map(|f| f.locator().to_string()).collect()
    }

    #[test]
    fn a_link_back_to_an_ancestor_is_not_followed() {
        let dir = tempdir("uplink");
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        std::fs::write(dir.join("a.txt"), "x").unwrap();
        std::fs::write(dir.join("sub/b.txt"), "x").unwrap();
        std::os::unix::fs::symlink(".", dir.join("up1")).unwrap();
        std::os::unix::fs::symlink("..", dir.join("sub/up")).unwrap();
        assert_eq!(locators(std::slice::from_ref(&dir)), ["a.txt", "sub/b.txt"]);
        // Two links back: a walk that followed them would not end (2^40 paths).
        std::os::unix::fs::symlink(".", dir.join("up2")).unwrap();
        assert_eq!(locators(std::slice::from_ref(&dir)), ["a.txt", "sub/b.txt"]);
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_directory_reached_twice_is_walked_once_at_its_first_place() {
        let dir = tempdir("twice");
        let (inside, outside) = (dir.join("in"), dir.join("out"));
        std::fs::create_dir_all(&inside).unwrap();
        std::fs::create_dir_all(&outside).unwrap();
        std::fs::write(outside.join("c.txt"), "x").unwrap();
        std::os::unix::fs::symlink(&outside, inside.join("l1")).unwrap();
        std::os::unix::fs::symlink(&outside, inside.join("l2")).unwrap();
        assert_eq!(locators(&[inside.clone(), outside]), ["l1/c.txt"]);
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn an_unlistable_directory_is_one_io_reject_and_the_rest_is_read() {
        // Through the listing seam: tests run as root, where `chmod 000` stops nothing
        // (tests/hostile_input.rs runs the binary as an unprivileged user for that).
        let dir = tempdir("unlisted");
        std::fs::create_dir_all(dir.join("locked")).unwrap();
        std::fs::create_dir_all(dir.join("open")).unwrap();
        std::fs::write(dir.join("locked/hidden.txt"), "Un article.").unwrap();
        std::fs::write(dir.join("open/b.txt"), "Un article.").unwrap();
        std::fs::write(dir.join("a.txt"), "Un article.").unwrap();
        let denied = |path: &Path| {
            if path.ends_with("locked") {
                Err(std::io::Error::from(std::io::ErrorKind::PermissionDenied))
            } else {
                list_dir(path)
            }
        };
        let (found, _) = discover_with(std::slice::from_ref(&dir), &denied).unwrap();
        let items: Vec<String> = crate::input::RecordReader::new(found, 1 << 20)
            .map(|item| match item {
                Ok(r) => format!("ok {}", r.input),
                Err(r) => format!("{} {} {}", r.reason.as_str(), r.input, r.detail),
            })
            .collect();
        assert_eq!(items.len(), 3, "{items:?}");
        assert_eq!(items[0], "ok a.txt");
        assert!(
            items[1].starts_with("io locked/ cannot list directory "),
            "{items:?}"
        );
        assert!(items[1].contains(&*dir.join("locked").to_string_lossy()));
        assert!(items[1].contains("ermission denied"), "{items:?}");
        assert_eq!(items[2], "ok open/b.txt");
        // A root that cannot be listed is one reject too, named by its path.
        let (found, _) = discover_with(&[dir.join("locked")], &denied).unwrap();
        let expected = format!("{}/", dir.join("locked").display());
        assert_eq!(
            found.iter().map(|f| f.locator()).collect::<Vec<_>>(),
            [expected]
        );
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn non_utf8_names_get_distinct_escaped_locators() {
        use std::os::unix::ffi::OsStrExt;
        let dir = tempdir("names");
        for name in [&b"s_caf\xe9.txt"[..], b"s_caf\xe8.txt", b"d\xff"] {
            let path = dir.join(std::ffi::OsStr::from_bytes(name));
            if name.starts_with(b"d") {
                std::fs::create_dir_all(&path).unwrap();
                std::fs::write(path.join("x.txt"), "x").unwrap();
            } else {
                std::fs::write(path, "x").unwrap();
            }
        }
        assert_eq!(
            locators(std::slice::from_ref(&dir)),
            ["d\\xFF/x.txt", "s_caf\\xE8.txt", "s_caf\\xE9.txt"]
        );
        std::fs::remove_dir_all(dir).unwrap();
    }

    fn tempdir(tag: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("gazette-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    }
}
