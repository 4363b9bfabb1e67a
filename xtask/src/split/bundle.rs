//! The deep-link bundles: every module one screen needs in one file, and the inline script
//! that downloads the current address's bundle beside the main wasm
//! (`xtask/js/deep-link-preload.js`).

use super::{plain, short_hash};
use crate::{inline_js, routes};
use anyhow::{bail, Context, Result};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// Every module a screen needs, in one file: a little-endian `u32` count, each part's
/// length as a `u32`, each part's module number (the split loader asks for modules by
/// number: `self.__splitPart`), then the parts in that order. Compressed as one file, the
/// parts share one brotli window: a deep link downloads less than with each module
/// compressed alone; and which modules it holds travels in the bundle, not on every page.
pub fn bundle(parts: &[(u32, Vec<u8>)]) -> Result<Vec<u8>> {
    let len = |n: usize| u32::try_from(n).context("a bundle part over 4 GiB");
    let mut out = len(parts.len())?.to_le_bytes().to_vec();
    for (_, part) in parts {
        out.extend(len(part.len())?.to_le_bytes());
    }
    for (id, _) in parts {
        out.extend(id.to_le_bytes());
    }
    for (_, part) in parts {
        out.extend(part);
    }
    Ok(out)
}

/// Writes each split point's bundle into `dist` (named by content): split point → its file.
pub fn write_bundles(
    dist: &Path,
    modules: &HashMap<String, Vec<String>>,
    ids: &HashMap<String, u32>,
) -> Result<HashMap<String, String>> {
    let mut bundles = HashMap::new();
    for (point, files) in modules {
        let parts = files
            .iter()
            .map(|f| Ok((ids[f], std::fs::read(dist.join(f))?)))
            .collect::<Result<Vec<_>>>()?;
        let bytes = bundle(&parts)?;
        let name = format!("bundle_{point}-{}.bin", short_hash(&bytes));
        std::fs::write(dist.join(&name), bytes)?;
        bundles.insert(point.clone(), name);
    }
    Ok(bundles)
}

/// The preload script's program for this build: each address behind the home page with its
/// screen's bundle (minified by the caller).
pub fn preload_program(
    modules: &HashMap<String, Vec<String>>,
    bundles: &HashMap<String, String>,
) -> Result<String> {
    preload_program_for(&routes::lazy_paths(), modules, bundles)
}

fn preload_program_for(
    paths: &BTreeMap<String, String>,
    modules: &HashMap<String, Vec<String>>,
    bundles: &HashMap<String, String>,
) -> Result<String> {
    let mut table = BTreeMap::new();
    for (path, point) in paths {
        if !modules.contains_key(point) {
            bail!("{path} needs split point {point}, which the split lacks");
        }
        let bundle = bundles
            .get(point)
            .with_context(|| format!("split point {point} has no bundle"))?;
        if !plain(bundle) || !plain(path) {
            bail!("a bundle name or path needs quoting in the preload script");
        }
        table.insert(path.as_str(), bundle.as_str());
    }
    if let Some(point) = modules.keys().find(|p| !paths.values().any(|v| v == *p)) {
        bail!("split point {point} has no address in the route table");
    }
    inline_js::program(
        "deep-link-preload.js",
        &[("BUNDLES", &serde_json::to_string(&table)?)],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_deep_link_downloads_exactly_its_screens_bundle() {
        let paths = BTreeMap::from([
            ("/a".to_string(), "a_page".to_string()),
            ("/a/b".to_string(), "b_page".to_string()),
        ]);
        let modules = HashMap::from([
            (
                "a_page".to_string(),
                vec!["chunk_1-00.wasm".to_string(), "split_a-01.wasm".to_string()],
            ),
            (
                "b_page".to_string(),
                vec!["chunk_1-00.wasm".to_string(), "split_b-02.wasm".to_string()],
            ),
        ]);
        let bundles = HashMap::from([
            ("a_page".to_string(), "bundle_a_page-03.bin".to_string()),
            ("b_page".to_string(), "bundle_b_page-04.bin".to_string()),
        ]);
        let script = preload_program_for(&paths, &modules, &bundles).unwrap();
        assert!(
            script.contains(
                r#"bundleOf = {"/a":"bundle_a_page-03.bin","/a/b":"bundle_b_page-04.bin"}"#
            ),
            "{script}"
        );
        // The modules' names travel in the bundles, not on every page.
        assert!(!script.contains("chunk_1-00.wasm"), "{script}");
        // A split point no address reaches would never be preloaded: the build says so.
        let mut orphan = modules.clone();
        orphan.insert("c_page".to_string(), vec![]);
        assert!(preload_program_for(&paths, &orphan, &bundles).is_err());
        // Nor would one without its bundle.
        let mut unbundled = bundles.clone();
        unbundled.remove("b_page");
        assert!(preload_program_for(&paths, &modules, &unbundled).is_err());
    }

    #[test]
    fn a_bundle_gives_each_part_its_length_then_its_module_number_then_the_parts_in_order() {
        let bytes = bundle(&[
            (7, b"ab".to_vec()),
            (0, b"".to_vec()),
            (12, b"xyz".to_vec()),
        ])
        .unwrap();
        let word = |i: usize| u32::from_le_bytes(bytes[4 * i..4 * i + 4].try_into().unwrap());
        assert_eq!((word(0), word(1), word(2), word(3)), (3, 2, 0, 3));
        assert_eq!((word(4), word(5), word(6)), (7, 0, 12));
        assert_eq!(&bytes[28..], b"abxyz");
    }
}
