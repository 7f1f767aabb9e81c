//! Embeds every file under `data/` into the binary, so the pipeline needs no data
//! directory and no network at run time. Adding a language means adding files: this
//! script lists them, no code names them.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("data/ directory")
        .map(|e| e.expect("data entry").path())
        .collect();
    entries.sort();
    for path in entries {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if name.starts_with('.') {
            continue;
        }
        if path.is_dir() {
            collect(&path, out);
        } else {
            out.push(path);
        }
    }
}

/// Appends the static `declaration` listing `paths` (relative to `root`) with the contents
/// each `include` macro gives, and asks cargo to rebuild when one of them changes.
fn table(code: &mut String, root: &Path, paths: &[PathBuf], declaration: &str, include: &str) {
    writeln!(code, "{declaration} = &[").unwrap();
    for path in paths {
        println!("cargo:rerun-if-changed={}", path.display());
        let rel = path
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        writeln!(
            code,
            "    ({rel:?}, {include}!({:?})),",
            path.display().to_string()
        )
        .unwrap();
    }
    code.push_str("];\n");
}

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap()).join("data");
    println!("cargo:rerun-if-changed=data");
    let mut files = Vec::new();
    collect(&root, &mut files);
    let (binary, text): (Vec<PathBuf>, Vec<PathBuf>) = files
        .into_iter()
        .partition(|p| p.extension().is_some_and(|e| e == "ner"));
    let mut code = String::new();
    table(
        &mut code,
        &root,
        &text,
        "/// Every text file under `data/`: (path relative to data/, contents).\npub static EMBEDDED: &[(&str, &str)]",
        "include_str",
    );
    table(
        &mut code,
        &root,
        &binary,
        "/// Every binary file under `data/` (the `.ner` entity models): (path relative to data/, bytes).\npub static EMBEDDED_BYTES: &[(&str, &[u8])]",
        "include_bytes",
    );
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("embedded_data.rs");
    std::fs::write(out, code).unwrap();
}
