//! Every repository path that the README, `docs/` or a code comment names must exist: a map
//! that points at a moved or deleted file sends a newcomer nowhere.

use regex::Regex;
use std::path::Path;

/// The repository's top-level entries a named path may start with. Generated places
/// (`target/`, `dist/`, `node_modules/`) are left out: they exist only after a build.
const ROOTS: &[&str] = &[
    "src/", "crates/", "xtask/", "e2e/", "tests/", "docs/", "deploy/", "style/", "gallery/",
    "bench/", "vendor/", ".ci/",
];

/// The paths named in `text` that do not exist under `root`. A path with a placeholder
/// (`<state>`, `{id}`, `*`, `…`) names a family, not a file, and is not checked.
pub fn missing(root: &Path, text: &str) -> Vec<String> {
    let path = Regex::new(r"[A-Za-z0-9_.\-]+(?:/[A-Za-z0-9_.\-<>{}*…]+)+/?").expect("a regex");
    let mut missing = Vec::new();
    for found in path.find_iter(text) {
        // A match inside a URL or a longer path is not a repository path.
        let before = text[..found.start()].chars().next_back();
        if matches!(before, Some('/' | ':' | '.' | '-' | '_'))
            || before.is_some_and(char::is_alphanumeric)
        {
            continue;
        }
        let named = found.as_str().trim_end_matches(['.', ',']);
        if !ROOTS.iter().any(|r| named.starts_with(r))
            || named.contains(['<', '>', '{', '}', '*', '…'])
        {
            continue;
        }
        if !root.join(named).exists() && !missing.iter().any(|m| m == named) {
            missing.push(named.to_owned());
        }
    }
    missing
}

/// The comment lines of a source file (`//`, `///`, `//!`, and `#` in Python and TOML).
fn comments(text: &str, hash: bool) -> String {
    text.lines()
        .map(str::trim_start)
        .filter(|l| l.starts_with("//") || (hash && l.starts_with('#')))
        .collect::<Vec<_>>()
        .join("\n")
}

/// (file, its text to check) for README.md, `docs/*.md` and the comments of the sources.
fn named_places(root: &Path) -> Vec<(String, String)> {
    crate::tree::files_under(root)
        .into_iter()
        .filter_map(|path| {
            let rel = path.strip_prefix(root).ok()?.display().to_string();
            // Which part is checked, decided before reading: the whole text (`None`) or its
            // comments (`Some(hash)`: with `#` lines or not); any other file is not read.
            let comments_with_hash = match path.extension()?.to_str()? {
                "md" if rel == "README.md" || rel.starts_with("docs/") => None,
                "rs" | "mjs" | "js" | "css" => Some(false),
                "py" | "toml" => Some(true),
                _ => return None,
            };
            let text = std::fs::read_to_string(&path).ok()?;
            let checked = match comments_with_hash {
                None => text,
                Some(hash) => comments(&text, hash),
            };
            Some((rel, checked))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_path_the_readme_docs_and_comments_name_exists() {
        let root = crate::root();
        let places = named_places(&root);
        assert!(places.iter().any(|(f, _)| f == "README.md"), "README read");
        assert!(
            places.iter().any(|(f, _)| f == "src/lib.rs"),
            "sources read"
        );
        let broken: Vec<String> = places
            .iter()
            .flat_map(|(file, text)| {
                missing(&root, text)
                    .into_iter()
                    .map(move |path| format!("{file} names {path}"))
            })
            .collect();
        assert!(
            broken.is_empty(),
            "paths that do not exist:\n{}",
            broken.join("\n")
        );
    }

    #[test]
    fn a_missing_path_is_found_and_families_and_urls_are_not_checked() {
        let root = crate::root();
        let text = "see `src/lib.rs`, `src/pages/lazy.rs`, docs/nothing-here.md, \
                    `gallery/baseline/<state>-<width>.png`, https://example.org/src/x.rs, \
                    target/dist-study and crates/contract/src/.";
        assert_eq!(
            missing(&root, text),
            vec!["src/pages/lazy.rs", "docs/nothing-here.md"]
        );
    }
}
