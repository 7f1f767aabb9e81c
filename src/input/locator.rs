//! File names as locators: the `input` value of every document and reject.
//!
//! The rule: a locator is the file's path relative to its input root, its components
//! joined by `/` (a root that is a file is named by its file name). Each component is
//! written as its bytes read as UTF-8, except that
//! - a `\` is written `\\`, and
//! - each byte that is not part of valid UTF-8 is written `\xNN` (two upper-case hex
//!   digits), so `caf\xE9.txt` is the Latin-1 name `café.txt`.
//!
//! So two different names never share a locator, and a name always gets the same one.
//! Names in valid UTF-8 without a `\` (all ordinary names) are unchanged.

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;

/// One path component (a file or directory name) written by the rule of the module docs.
pub fn component(name: &OsStr) -> String {
    let mut out = String::new();
    for chunk in name.as_bytes().utf8_chunks() {
        for c in chunk.valid().chars() {
            if c == '\\' {
                out.push_str("\\\\");
            } else {
                out.push(c);
            }
        }
        for byte in chunk.invalid() {
            out.push_str(&format!("\\x{byte:02X}"));
        }
    }
    out
}

/// `path` relative to nothing: its components written by the rule, joined by `/`.
pub fn relative(path: &Path) -> String {
    path.components()
        .map(|c| component(c.as_os_str()))
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(bytes: &[u8]) -> String {
        component(OsStr::from_bytes(bytes))
    }

    #[test]
    fn invalid_bytes_are_escaped_and_names_stay_distinct() {
        assert_eq!(name(b"s_caf\xe9.txt"), "s_caf\\xE9.txt");
        assert_eq!(name(b"s_caf\xe8.txt"), "s_caf\\xE8.txt");
        // A valid name that spells the escape keeps its backslash escaped.
        assert_eq!(name(b"s_caf\\xE9.txt"), "s_caf\\\\xE9.txt");
        // Valid UTF-8, even non-ASCII, is unchanged; a cut sequence is escaped byte-wise.
        assert_eq!(name("été.txt".as_bytes()), "été.txt");
        assert_eq!(name(b"\xc3.txt"), "\\xC3.txt");
        assert_eq!(relative(Path::new("a/bé/c.txt")), "a/bé/c.txt");
    }
}
