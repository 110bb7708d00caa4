//! What the benchmarks share: the articles they read.

use std::path::PathBuf;

/// The article files of the TempEval-3 silver corpus (../shared/corpora/silver), else of the
/// bundled examples where that folder is absent, in path order.
pub fn corpus_paths() -> Vec<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let silver = root.join("../shared/corpora/silver");
    let dir = if silver.is_dir() { silver } else { root.join("assets/examples") };
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.sort();
    paths.retain(|p| p.extension().is_some_and(|e| e != "json"));
    paths
}
