//! Test support: the shared data directory `../shared` beside the repository (the seed
//! corpus, the eval sets), which a fresh clone does not have. Tests that read it ask
//! [`shared_dir`] and skip, with a notice on stderr, when it is absent; CI (`.ci/run`)
//! sets `GAZETTE_REQUIRE_SHARED=1` so that there it is a failure instead.

use std::io::Write;
use std::path::PathBuf;

/// `../shared/<sub>` when it exists. Otherwise `None`, after printing a notice that names
/// the calling test (written to stderr directly, so the test harness does not hide it);
/// with `GAZETTE_REQUIRE_SHARED` set, it panics instead of skipping.
pub(crate) fn shared_dir(sub: &str) -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(sub);
    if dir.exists() {
        return Some(dir);
    }
    let notice = format!("../shared/{sub} is absent ({})", dir.display());
    if std::env::var_os("GAZETTE_REQUIRE_SHARED").is_some() {
        panic!("{notice}, and GAZETTE_REQUIRE_SHARED is set");
    }
    let test = std::thread::current()
        .name()
        .unwrap_or("a test")
        .to_string();
    let _ = writeln!(std::io::stderr(), "skipped {test}: {notice}");
    None
}
