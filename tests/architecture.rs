//! The layout rules a newcomer relies on, checked on every test run:
//! - no import cycles between the files of a crate (`src/`, and `dev/src/` when present):
//!   the file-level graph of `use crate::…`, `use super::…` and `crate::…`/`super::…` paths,
//!   test code left out (files under a `tests/` folder, `tests*.rs`, `*_tests.rs`,
//!   `test_support.rs`, and each item marked `#[cfg(test)]`), comments left out, edges from a
//!   module to its own submodules left out (declaring and re-exporting children is
//!   structure, not use). Shared types go to the bottom of a stage so dependencies point one
//!   way.
//! - `src/main.rs` stays thin: it reaches the library only through `gazette::…`.
//!
//! Count them by hand with `cargo test --test architecture -- --nocapture`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

type Module = Vec<String>;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|x| x == "rs") {
            out.push(path);
        }
    }
}

fn is_test_file(rel: &Path) -> bool {
    let name = rel.file_stem().unwrap().to_string_lossy();
    rel.components().any(|c| c.as_os_str() == "tests")
        || name == "tests"
        || name.starts_with("tests_")
        || name.ends_with("_tests")
        || name == "test_support"
}

/// The module path of a file relative to the crate root (`stages/parse/html` for
/// `stages/parse/html.rs` and `stages/parse/html/mod.rs`).
fn module_of(rel: &Path) -> Module {
    let mut parts: Module = rel
        .with_extension("")
        .components()
        .map(|c| c.as_os_str().to_string_lossy().to_string())
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts
}

fn is_ident_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Every path that starts with `crate::` or `super::` in `code`, as segments after the
/// base it names; brace groups are expanded one level (`super::{a, b::c}` gives
/// `super::a` and `super::b::c`).
fn paths(code: &str, module: &Module) -> Vec<Module> {
    let mut out = Vec::new();
    let bytes = code.as_bytes();
    let mut i = 0;
    while i < code.len() {
        let rest = &code[i..];
        let starts_word = i == 0 || !is_ident_char(bytes[i - 1] as char);
        let head = if !starts_word {
            None
        } else if rest.starts_with("crate::") {
            Some((Vec::new(), "crate::".len()))
        } else if rest.starts_with("super::") {
            let mut ups = 0;
            let mut len = 0;
            while rest[len..].starts_with("super::") {
                ups += 1;
                len += "super::".len();
            }
            let keep = module.len().saturating_sub(ups);
            Some((module[..keep].to_vec(), len))
        } else {
            None
        };
        let Some((base, len)) = head else {
            i += rest.chars().next().map_or(1, char::len_utf8);
            continue;
        };
        i += len;
        expand(&code[i..], base, &mut out);
    }
    out
}

/// Reads `a::b::{c, d::e}` at the start of `text` after `base`, pushing each full path.
fn expand(text: &str, mut base: Module, out: &mut Vec<Module>) {
    let mut rest = text;
    loop {
        let ident: String = rest.chars().take_while(|&c| is_ident_char(c)).collect();
        if !ident.is_empty() {
            base.push(ident.clone());
            rest = &rest[ident.len()..];
            if let Some(r) = rest.strip_prefix("::") {
                rest = r;
                continue;
            }
            out.push(base);
            return;
        }
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 1;
            let mut item_start = 0;
            for (k, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' | ',' if depth == 1 => {
                        let item = group[item_start..k].trim();
                        if !item.is_empty() && item != "self" {
                            expand(item, base.clone(), out);
                        } else if item == "self" {
                            out.push(base.clone());
                        }
                        item_start = k + 1;
                        if c == '}' {
                            return;
                        }
                    }
                    '}' => depth -= 1,
                    _ => {}
                }
            }
        }
        out.push(base);
        return;
    }
}

/// `code` without the items marked `#[cfg(test)]`: the item after the attribute ends at
/// its first `;` when that comes before any `{`, else at the brace that closes its first
/// `{` (braces counted outside string and char literals, roughly).
fn without_test_items(code: &str) -> String {
    let mut out = String::with_capacity(code.len());
    let mut rest = code;
    while let Some(at) = rest.find("#[cfg(test)]") {
        out.push_str(&rest[..at]);
        let item = &rest[at + "#[cfg(test)]".len()..];
        let (semi, brace) = (item.find(';'), item.find('{'));
        let end = match (semi, brace) {
            (Some(s), Some(b)) if s < b => s + 1,
            (Some(s), None) => s + 1,
            (_, Some(b)) => {
                let (mut depth, mut in_str, mut prev) = (0usize, false, ' ');
                let mut end = item.len();
                for (k, c) in item[b..].char_indices() {
                    match c {
                        '"' if prev != '\\' => in_str = !in_str,
                        '{' if !in_str && prev != '\'' => depth += 1,
                        '}' if !in_str && prev != '\'' => {
                            depth -= 1;
                            if depth == 0 {
                                end = b + k + 1;
                                break;
                            }
                        }
                        _ => {}
                    }
                    prev = c;
                }
                end
            }
            (None, None) => item.len(),
        };
        rest = &item[end..];
    }
    out.push_str(rest);
    out
}

/// The file-level import graph of the crate rooted at `root` (test code left out).
fn graph(root: &Path) -> BTreeMap<Module, BTreeSet<Module>> {
    let mut files = Vec::new();
    rust_files(root, &mut files);
    let mut modules: BTreeMap<Module, PathBuf> = BTreeMap::new();
    for path in files {
        let rel = path.strip_prefix(root).unwrap().to_path_buf();
        if is_test_file(&rel) || rel == Path::new("main.rs") {
            continue;
        }
        modules.insert(module_of(&rel), path);
    }
    let mut edges = BTreeMap::new();
    for (module, path) in &modules {
        let text = std::fs::read_to_string(path).unwrap();
        let code: String = text
            .lines()
            .map(|l| match l.find("//") {
                Some(k) => &l[..k],
                None => l,
            })
            .collect::<Vec<_>>()
            .join("\n");
        let code = without_test_items(&code);
        let mut targets = BTreeSet::new();
        for p in paths(&code, module) {
            // The longest prefix of the path that is a file of the crate.
            let target = (1..=p.len())
                .rev()
                .map(|n| p[..n].to_vec())
                .find(|prefix| modules.contains_key(prefix));
            if let Some(t) = target {
                if t != *module && !t.starts_with(module) {
                    targets.insert(t);
                }
            }
        }
        edges.insert(module.clone(), targets);
    }
    edges
}

/// Strongly connected components of more than one file (Tarjan, iterative).
fn cycles(edges: &BTreeMap<Module, BTreeSet<Module>>) -> Vec<Vec<String>> {
    let nodes: Vec<&Module> = edges.keys().collect();
    let id: BTreeMap<&Module, usize> = nodes.iter().enumerate().map(|(i, m)| (*m, i)).collect();
    let succ: Vec<Vec<usize>> = nodes
        .iter()
        .map(|m| {
            edges[*m]
                .iter()
                .filter_map(|t| id.get(t).copied())
                .collect()
        })
        .collect();
    let n = nodes.len();
    let (mut index, mut low, mut on) = (vec![usize::MAX; n], vec![0; n], vec![false; n]);
    let (mut stack, mut next, mut out) = (Vec::new(), 0, Vec::new());
    for start in 0..n {
        if index[start] != usize::MAX {
            continue;
        }
        let mut work = vec![(start, 0usize)];
        while let Some(&mut (v, ref mut k)) = work.last_mut() {
            if *k == 0 {
                index[v] = next;
                low[v] = next;
                next += 1;
                stack.push(v);
                on[v] = true;
            }
            if let Some(&w) = succ[v].get(*k) {
                *k += 1;
                if index[w] == usize::MAX {
                    work.push((w, 0));
                } else if on[w] {
                    low[v] = low[v].min(index[w]);
                }
                continue;
            }
            work.pop();
            if let Some(&(parent, _)) = work.last() {
                low[parent] = low[parent].min(low[v]);
            }
            if low[v] == index[v] {
                let mut comp = Vec::new();
                loop {
                    let w = stack.pop().unwrap();
                    on[w] = false;
                    comp.push(nodes[w].join("/"));
                    if w == v {
                        break;
                    }
                }
                if comp.len() > 1 {
                    comp.sort();
                    out.push(comp);
                }
            }
        }
    }
    out.sort();
    out
}

fn crate_roots() -> Vec<PathBuf> {
    [repo().join("src"), repo().join("dev/src")]
        .into_iter()
        .filter(|p| p.is_dir())
        .collect()
}

#[test]
fn no_import_cycles_between_files() {
    let mut found = Vec::new();
    for root in crate_roots() {
        let edges = graph(&root);
        let n: usize = edges.values().map(BTreeSet::len).sum();
        let c = cycles(&edges);
        println!(
            "{}: {} files, {n} edges, cycles={} files_in_cycles={}",
            root.display(),
            edges.len(),
            c.len(),
            c.iter().map(Vec::len).sum::<usize>()
        );
        for comp in c {
            found.push(format!("{}: {}", root.display(), comp.join(" <-> ")));
        }
    }
    assert!(
        found.is_empty(),
        "import cycles between files (move the shared types to the bottom of the stage):\n{}",
        found.join("\n")
    );
}

/// The checker itself finds a cycle and ignores what it should ignore: comments, test
/// items (but not the code after them) and declarations of children.
#[test]
fn the_cycle_check_sees_cycles_through_use_groups_and_super_paths() {
    let dir = std::env::temp_dir().join(format!("gazette-arch-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("stage")).unwrap();
    let files = [
        ("lib.rs", "pub mod stage;\n"),
        ("stage/mod.rs", "mod a;\nmod b;\nmod c;\nmod d;\npub use a::A;\n"),
        ("stage/a.rs", "use super::{b::B, c, d};\npub struct A;\n"),
        ("stage/b.rs", "pub struct B;\nfn f() -> super::a::A { todo!() }\n"),
        // Only a comment and test items use a: no edge.
        (
            "stage/c.rs",
            "// use super::a::A;\npub fn c() {}\n#[cfg(test)]\nmod tests { use super::super::a::A; }\n\
             #[cfg(test)]\nuse super::a::A;\n",
        ),
        // Code after a test item still counts: d uses a, a uses d.
        (
            "stage/d.rs",
            "#[cfg(test)]\nmod tests { fn f() { let s = \"}\"; } }\npub fn d() -> super::a::A { todo!() }\n",
        ),
    ];
    for (path, text) in files {
        std::fs::write(dir.join(path), text).unwrap();
    }
    let found = cycles(&graph(&dir));
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(
        found,
        vec![vec![
            "stage/a".to_string(),
            "stage/b".to_string(),
            "stage/d".to_string()
        ]]
    );
}

#[test]
fn main_reaches_the_library_only_through_its_public_api() {
    let main = std::fs::read_to_string(repo().join("src/main.rs")).unwrap();
    for line in main.lines().map(str::trim) {
        assert!(
            !(line.starts_with("mod ") || line.starts_with("pub mod ")),
            "src/main.rs declares a module ({line}): pipeline code belongs in the library"
        );
    }
}
