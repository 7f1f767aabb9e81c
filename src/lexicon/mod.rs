//! Linguistic knowledge as data: word lists and tables per language.
//!
//! Files live under `data/lang/<lang>/<name>.txt` (embedded in the binary at build time)
//! and, optionally, in extra directories named in pipeline.toml with the same layout,
//! whose entries are added to the built-in ones. Format: one entry per line; `#` starts a
//! comment line; blank lines are skipped; a `key | value` line is a pair. Every list name
//! is in [`registry`]; a file of an extra directory with another name is an error.

use std::collections::BTreeMap;
use std::path::Path;

use crate::error::{Error, Result};

pub mod registry;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_data.rs"));
}

/// Read-only access to the data files shipped with the binary (paths relative to `data/`).
pub fn embedded_file(path: &str) -> Option<&'static str> {
    embedded::EMBEDDED
        .iter()
        .find(|(p, _)| *p == path)
        .map(|(_, text)| *text)
}

/// Read-only access to the binary data files shipped with the binary (the `.ner` entity
/// models; paths relative to `data/`).
pub fn embedded_bytes(path: &str) -> Option<&'static [u8]> {
    embedded::EMBEDDED_BYTES
        .iter()
        .find(|(p, _)| *p == path)
        .map(|(_, bytes)| *bytes)
}

/// The names of the shipped binary data files under `prefix`, in sorted order.
pub fn embedded_binary_names(prefix: &str) -> impl Iterator<Item = &'static str> + '_ {
    embedded::EMBEDDED_BYTES
        .iter()
        .map(|(p, _)| *p)
        .filter(move |p| p.starts_with(prefix))
}

/// Every shipped data file whose path starts with `prefix`, in sorted order.
pub fn embedded_files(prefix: &str) -> impl Iterator<Item = (&'static str, &'static str)> + '_ {
    embedded::EMBEDDED
        .iter()
        .filter(move |(p, _)| p.starts_with(prefix))
        .copied()
}

/// The entries of a list file: lines trimmed, blank lines and `#` comment lines skipped.
pub fn list_entries(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The entries of the built-in list `name` of every language, languages in sorted order,
/// each entry once (first occurrence kept). For the text primitives, which are not
/// language-specific: they read the union of the shipped lists, not extra directories.
pub fn builtin_union(name: &str) -> Vec<&'static str> {
    debug_assert!(
        registry::spec(name).is_some(),
        "list {name:?} is not in the registry"
    );
    let file = format!("/{name}.txt");
    let mut out: Vec<&'static str> = Vec::new();
    for (_, text) in embedded_files("lang/").filter(|(p, _)| p.ends_with(&file)) {
        for entry in list_entries(text) {
            if !out.contains(&entry) {
                out.push(entry);
            }
        }
    }
    out
}

/// Language data, keyed by (language, list name). Immutable once built; share it by reference.
#[derive(Debug, Default, Clone)]
pub struct Lexicon {
    lists: BTreeMap<(String, String), Vec<String>>,
}

impl Lexicon {
    /// The lists shipped with gazette, plus those found in `extra_dirs` (same layout:
    /// `<dir>/<lang>/<name>.txt`). A missing extra directory is an error.
    pub fn load(extra_dirs: &[impl AsRef<Path>]) -> Result<Self> {
        let mut lex = Lexicon::default();
        for (path, text) in embedded_files("lang/") {
            let mut parts = path.trim_start_matches("lang/").splitn(2, '/');
            let (Some(lang), Some(file)) = (parts.next(), parts.next()) else {
                continue;
            };
            if let Some(name) = file.strip_suffix(".txt") {
                lex.add(lang, name, text);
            }
        }
        for dir in extra_dirs {
            lex.add_dir(dir.as_ref())?;
        }
        Ok(lex)
    }

    fn add_dir(&mut self, dir: &Path) -> Result<()> {
        let io = |e: std::io::Error| Error::Data {
            path: dir.display().to_string(),
            message: e.to_string(),
        };
        let mut langs: Vec<_> = std::fs::read_dir(dir)
            .map_err(io)?
            .collect::<std::io::Result<_>>()
            .map_err(io)?;
        langs.sort_by_key(|e| e.path());
        for lang_dir in langs.into_iter().filter(|e| e.path().is_dir()) {
            let lang = lang_dir.file_name().to_string_lossy().to_string();
            let mut files: Vec<_> = std::fs::read_dir(lang_dir.path())
                .map_err(io)?
                .collect::<std::io::Result<_>>()
                .map_err(io)?;
            files.sort_by_key(|e| e.path());
            for file in files {
                let path = file.path();
                if path.extension().and_then(|e| e.to_str()) != Some("txt") {
                    continue;
                }
                let name = path.file_stem().unwrap().to_string_lossy().to_string();
                match registry::spec(&name) {
                    Some(spec) if spec.extendable() => {}
                    Some(spec) => {
                        return Err(Error::Data {
                            path: path.display().to_string(),
                            message: format!(
                                "list {name:?} ({}) is read from the shipped data only; it cannot be extended from a data directory",
                                spec.meaning
                            ),
                        })
                    }
                    None => {
                        return Err(Error::Data {
                            path: path.display().to_string(),
                            message: format!(
                                "unknown list name {name:?} (a misspelt file name?); lists a data directory may hold: {}",
                                registry::known_names()
                            ),
                        })
                    }
                }
                let text = std::fs::read_to_string(&path).map_err(|e| Error::Data {
                    path: path.display().to_string(),
                    message: e.to_string(),
                })?;
                self.add(&lang, &name, &text);
            }
        }
        Ok(())
    }

    /// Adds the entries of one list text (see the module docs for the format).
    pub fn add(&mut self, lang: &str, name: &str, text: &str) {
        let list = self
            .lists
            .entry((lang.to_string(), name.to_string()))
            .or_default();
        list.extend(list_entries(text).map(str::to_string));
    }

    /// The entries of list `name` for `lang` (empty when there is none). `name` must be in
    /// the [`registry`] (checked in debug builds, so every test catches a misspelt name).
    pub fn list(&self, lang: &str, name: &str) -> &[String] {
        debug_assert!(
            registry::spec(name).is_some(),
            "list {name:?} is not in the registry"
        );
        self.lists
            .get(&(lang.to_string(), name.to_string()))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// `key | value` pairs of list `name` for `lang`; entries without `|` are skipped.
    pub fn pairs(&self, lang: &str, name: &str) -> Vec<(String, String)> {
        self.list(lang, name)
            .iter()
            .filter_map(|l| l.split_once('|'))
            .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
            .collect()
    }

    /// Languages that have a list called `name`, sorted.
    pub fn languages_with(&self, name: &str) -> Vec<String> {
        debug_assert!(
            registry::spec(name).is_some(),
            "list {name:?} is not in the registry"
        );
        self.lists
            .keys()
            .filter(|(_, n)| n == name)
            .map(|(l, _)| l.clone())
            .collect()
    }

    /// Every (language, entry) of list `name` across languages, languages in sorted order.
    pub fn all(&self, name: &str) -> Vec<(&str, &str)> {
        debug_assert!(
            registry::spec(name).is_some(),
            "list {name:?} is not in the registry"
        );
        self.lists
            .iter()
            .filter(|((_, n), _)| n == name)
            .flat_map(|((l, _), v)| v.iter().map(move |e| (l.as_str(), e.as_str())))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_lists_pairs_and_comments() {
        let mut lex = Lexicon::default();
        lex.add(
            "fr",
            "date_months",
            "# comment\njanvier | 1\n\n févr. | 2 \nnopair\n",
        );
        assert_eq!(lex.list("fr", "date_months").len(), 3);
        assert_eq!(
            lex.pairs("fr", "date_months"),
            vec![("janvier".into(), "1".into()), ("févr.".into(), "2".into())]
        );
        assert!(lex.list("it", "date_months").is_empty());
        assert_eq!(lex.languages_with("date_months"), vec!["fr".to_string()]);
    }

    #[test]
    fn extra_directory_adds_to_builtin_lists() {
        let dir = std::env::temp_dir().join(format!("gazette-lex-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("xx")).unwrap();
        std::fs::write(dir.join("xx/boilerplate.txt"), "Teile diesen Artikel\n").unwrap();
        let lex = Lexicon::load(&[&dir]).unwrap();
        assert_eq!(lex.list("xx", "boilerplate"), ["Teile diesen Artikel"]);
        std::fs::remove_dir_all(&dir).unwrap();
        assert!(Lexicon::load(&[dir]).is_err());
    }

    #[test]
    fn a_misspelt_list_name_in_an_extra_directory_is_an_error_naming_the_file() {
        let dir = std::env::temp_dir().join(format!("gazette-lex-bad-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("fr")).unwrap();
        std::fs::write(dir.join("fr/speach_verbs.txt"), "a déclaré\n").unwrap();
        let err = Lexicon::load(&[&dir]).unwrap_err().to_string();
        std::fs::remove_dir_all(&dir).unwrap();
        assert!(
            err.contains("speach_verbs.txt") && err.contains("speech_verbs (quotes)"),
            "{err}"
        );
    }

    #[test]
    fn lists_only_the_shipped_data_holds_are_refused_in_an_extra_directory() {
        let dir = std::env::temp_dir().join(format!("gazette-lex-text-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("fr")).unwrap();
        std::fs::write(dir.join("fr/abbreviations.txt"), "Ste\n").unwrap();
        let err = Lexicon::load(&[&dir]).unwrap_err().to_string();
        std::fs::remove_dir_all(&dir).unwrap();
        assert!(
            err.contains("abbreviations.txt") && err.contains("shipped data only"),
            "{err}"
        );
    }

    /// Every shipped `data/lang/<lang>/<name>.txt` is a known list, and every known list
    /// ships for at least one language.
    #[test]
    fn shipped_list_files_and_the_registry_agree() {
        let mut shipped = std::collections::BTreeSet::new();
        for (path, _) in embedded_files("lang/") {
            let parts: Vec<&str> = path.split('/').collect();
            assert_eq!(parts.len(), 3, "{path}: expected lang/<lang>/<name>.txt");
            let name = parts[2].strip_suffix(".txt").unwrap_or_else(|| {
                panic!("{path}: language data files end in .txt");
            });
            assert!(
                registry::spec(name).is_some(),
                "{path}: unknown list name {name:?}; add it to src/lexicon/registry.rs or rename the file"
            );
            shipped.insert(name);
        }
        for spec in registry::LISTS {
            assert!(
                shipped.contains(spec.name),
                "{}: registered, shipped for no language",
                spec.name
            );
        }
    }
}
