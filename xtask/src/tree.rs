//! The repository's own files under a folder, for the checks that read the sources: never
//! what a build, a package manager or git wrote, nor the gallery's baseline images.

use std::path::{Path, PathBuf};

const SKIPPED: &[&str] = &[
    "target",
    "node_modules",
    "dist",
    "vendor",
    ".git",
    "baseline",
];

/// Every file under `dir`, at any depth, in path order.
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if !path.is_dir() {
                out.push(path);
            } else if !SKIPPED.contains(&entry.file_name().to_string_lossy().as_ref()) {
                walk(&path, out);
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, &mut out);
    out.sort();
    out
}
