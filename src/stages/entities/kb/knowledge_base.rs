//! The knowledge base: known entities with their ids, types, canonical names and aliases.
//!
//! Format of `data/kb/*.tsv` and of user `kb_files`: one entity per line,
//! `id<TAB>type<TAB>canonical name<TAB>aliases separated by |`; `#` starts a comment
//! line; blank lines are skipped. `type` is `PERSON`, `ORG`, `LOC` or `MISC`. Lines
//! sharing an id are merged (their aliases are added to the first line's entity).

use std::collections::HashMap;

use crate::error::{Error, Result};
use crate::model::EntityType;

/// One known entity.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct KbEntry {
    /// Wikidata QID or derived key (`gz:person:sergei-shoigu`).
    pub(super) id: String,
    /// Coarse type.
    pub(crate) entity_type: EntityType,
    /// Canonical display name.
    pub(super) name: String,
    /// Every surface form, the canonical name first.
    pub(crate) aliases: Vec<String>,
}

/// All known entities, in load order, ids unique.
#[derive(Debug, Clone, Default)]
pub(crate) struct KnowledgeBase {
    /// The entities.
    pub(crate) entries: Vec<KbEntry>,
    by_id: HashMap<String, usize>,
}

impl KnowledgeBase {
    /// Loads the user files (first, so their aliases take precedence) then the built-in
    /// `data/kb/*.tsv`. A missing or malformed user file is an error.
    pub(crate) fn load(user_files: &[std::path::PathBuf]) -> Result<Self> {
        let mut kb = KnowledgeBase::default();
        for path in user_files {
            let text = std::fs::read_to_string(path).map_err(|e| Error::Data {
                path: path.display().to_string(),
                message: e.to_string(),
            })?;
            kb.add_tsv(&path.display().to_string(), &text)?;
        }
        for (path, text) in crate::lexicon::embedded_files("kb/") {
            if path.ends_with(".tsv") {
                kb.add_tsv(path, text)?;
            }
        }
        Ok(kb)
    }

    /// Adds the entities of one TSV text; `origin` names it in error messages.
    pub(super) fn add_tsv(&mut self, origin: &str, text: &str) -> Result<()> {
        for (n, line) in text.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let bad = |message: String| Error::Data {
                path: format!("{origin}:{}", n + 1),
                message,
            };
            let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
            if cols.len() < 3 || cols[0].is_empty() || cols[2].is_empty() {
                return Err(bad(
                    "expected id<TAB>type<TAB>name[<TAB>alias|alias…]".into()
                ));
            }
            let entity_type = EntityType::parse(cols[1]).ok_or_else(|| {
                bad(format!(
                    "unknown type {:?}: use PERSON, ORG, LOC or MISC",
                    cols[1]
                ))
            })?;
            let mut aliases = vec![cols[2].to_string()];
            if let Some(list) = cols.get(3) {
                for alias in list.split('|').map(str::trim).filter(|a| !a.is_empty()) {
                    if !aliases.iter().any(|known| known == alias) {
                        aliases.push(alias.to_string());
                    }
                }
            }
            self.insert(KbEntry {
                id: cols[0].to_string(),
                entity_type,
                name: cols[2].to_string(),
                aliases,
            });
        }
        Ok(())
    }

    /// The entity with this id.
    #[cfg(test)]
    pub(crate) fn entry(&self, id: &str) -> Option<&KbEntry> {
        self.by_id.get(id).map(|&i| &self.entries[i])
    }

    fn insert(&mut self, entry: KbEntry) {
        match self.by_id.get(&entry.id) {
            Some(&i) => {
                let known = &mut self.entries[i];
                for a in entry.aliases {
                    if !known.aliases.contains(&a) {
                        known.aliases.push(a);
                    }
                }
            }
            None => {
                self.by_id.insert(entry.id.clone(), self.entries.len());
                self.entries.push(entry);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_merges_and_rejects() {
        let mut kb = KnowledgeBase::default();
        let text =
            "# id\ttype\tname\taliases\nQ794\tLOC\tIran\tIran|Irán\n\nQ794\tLOC\tIran\tИран\n";
        kb.add_tsv("t.tsv", text).unwrap();
        assert_eq!(kb.entries.len(), 1);
        assert_eq!(kb.entry("Q794").unwrap().aliases, ["Iran", "Irán", "Иран"]);
        let err = kb.add_tsv("t.tsv", "x\tPLACE\tFoo\n").unwrap_err();
        assert!(err.to_string().contains("t.tsv:1"));
        assert!(kb.add_tsv("t.tsv", "x LOC Foo\n").is_err());
    }

    #[test]
    fn builtin_kb_loads_with_unique_ids() {
        let kb = KnowledgeBase::load(&[]).unwrap();
        assert!(kb.entries.len() > 100);
        assert_eq!(kb.entry("Q794").map(|e| e.name.as_str()), Some("Iran"));
        assert!(KnowledgeBase::load(&[std::path::PathBuf::from("/nonexistent/kb.tsv")]).is_err());
    }
}
