//! Trunk's output, patched: its main JS and wasm replaced under its own names, its
//! `index.html` given the new integrity digests, the split loader's preload and the
//! deep-link script. All of this goes away when Trunk can split (trunk-rs/trunk#1022).

use super::sri;
use crate::root;
use crate::run::{cmd, quiet};
use anyhow::{bail, Context, Result};
use std::path::Path;

/// Trunk's `portal-<hash>.js` in `dist`, and the hash.
pub fn trunk_js(dist: &Path) -> Result<(String, String)> {
    // Trunk writes its u64 hash in hex without leading zeros: one build in sixteen has 15
    // digits, which the `name-<16 hex>` immutable-cache rule (mock, nginx) would not match.
    let trunk_js = regex::Regex::new(r"^portal-([0-9a-f]{1,16})\.js$").expect("valid pattern");
    for entry in std::fs::read_dir(dist)? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        if let Some(hash) = trunk_js.captures(&name).map(|c| c[1].to_owned()) {
            let padded = format!("{hash:0>16}");
            if padded != hash {
                rename_trunk_files(dist, &hash, &padded)?;
            }
            return Ok((format!("portal-{padded}.js"), padded));
        }
    }
    bail!("no portal-<hash>.js in {}", dist.display())
}

/// Renames Trunk's main JS and wasm from hash `short` to `padded`, in index.html too.
fn rename_trunk_files(dist: &Path, short: &str, padded: &str) -> Result<()> {
    let index_path = dist.join("index.html");
    let mut index = std::fs::read_to_string(&index_path)?;
    for suffix in [".js", "_bg.wasm"] {
        let (old, new) = (
            format!("portal-{short}{suffix}"),
            format!("portal-{padded}{suffix}"),
        );
        std::fs::rename(dist.join(&old), dist.join(&new))?;
        index = index.replace(&old, &new);
    }
    std::fs::write(index_path, index)?;
    Ok(())
}

/// What `index.html` gets once the split is written.
pub struct IndexPatch<'a> {
    /// Trunk's main JS, its old and new bytes (for their integrity digests).
    pub js: (&'a [u8], &'a [u8]),
    /// Trunk's main wasm, its old and new bytes.
    pub wasm: (&'a [u8], &'a [u8]),
    /// Trunk's main JS's name, which the loader is preloaded beside.
    pub js_name: &'a str,
    /// The split loader's name and its bytes.
    pub loader: (&'a str, &'a [u8]),
    /// The deep-link script, minified.
    pub preload_script: &'a str,
}

/// Patches `dist/index.html`: new integrity digests, the loader preloaded beside the main
/// module, and the deep-link script before Trunk's loader.
pub fn patch_index(dist: &Path, patch: &IndexPatch) -> Result<()> {
    let index_path = dist.join("index.html");
    let mut index = std::fs::read_to_string(&index_path)?;
    for (old, new) in [patch.js, patch.wasm] {
        let (old, new) = (sri(old), sri(new));
        if index.matches(&old).count() != 1 {
            bail!("index.html does not carry the integrity {old} exactly once");
        }
        index = index.replace(&old, &new);
    }
    let preload = format!("<link rel=\"modulepreload\" href=\"/{}\"", patch.js_name);
    let Some(at) = index.find(&preload) else {
        bail!("index.html has no modulepreload of {}", patch.js_name);
    };
    let (loader, loader_bytes) = patch.loader;
    index.insert_str(
        at,
        &format!(
            "<link rel=\"modulepreload\" href=\"/{loader}\" crossorigin=\"anonymous\" integrity=\"{}\">\n",
            sri(loader_bytes)
        ),
    );
    let trunk_loader = "<script type=\"module\">";
    let Some(at) = index.find(trunk_loader) else {
        bail!("index.html has no inline module script (Trunk's loader)");
    };
    index.insert_str(at, &format!("<script>{}</script>\n", patch.preload_script));
    std::fs::write(&index_path, index)?;
    Ok(())
}

/// wasm-opt with the flags Trunk uses for the main module (read from index.html, so they
/// are written once).
pub struct WasmOpt {
    params: Vec<String>,
}

impl WasmOpt {
    pub fn from_index_html() -> Result<Self> {
        let html = std::fs::read_to_string(root().join("index.html"))?;
        let params = html
            .split("data-wasm-opt-params=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .context("index.html has no data-wasm-opt-params")?;
        Ok(WasmOpt {
            params: params.split_whitespace().map(str::to_string).collect(),
        })
    }

    pub fn run(&self, input: &Path, output: &Path) -> Result<()> {
        let (i, o) = (input.to_string_lossy(), output.to_string_lossy());
        let mut args = vec!["-Oz"];
        args.extend(self.params.iter().map(String::as_str));
        // The tools' own notes (who produced it, which features it was built with): the
        // browser reads neither, and a deep link fetches them once per module.
        args.extend(["--strip-producers", "--strip-target-features"]);
        args.extend([&*i, "-o", &*o]);
        // Quiet: it warns about the splitter's name sections once per module (dozens of lines).
        quiet(cmd("wasm-opt", &args))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_trunk_hash_without_its_leading_zero_is_padded_to_sixteen_digits() {
        let dist = std::env::temp_dir().join(format!("trunk-names-{}", std::process::id()));
        std::fs::create_dir_all(&dist).unwrap();
        std::fs::write(dist.join("portal-c2b62021a8899ea.js"), "js").unwrap();
        std::fs::write(dist.join("portal-c2b62021a8899ea_bg.wasm"), "wasm").unwrap();
        std::fs::write(
            dist.join("index.html"),
            r#"<link href="/portal-c2b62021a8899ea.js"><link href="/portal-c2b62021a8899ea_bg.wasm">"#,
        )
        .unwrap();
        let (js, hash) = trunk_js(&dist).unwrap();
        assert_eq!(
            (js.as_str(), hash.as_str()),
            ("portal-0c2b62021a8899ea.js", "0c2b62021a8899ea")
        );
        assert_eq!(std::fs::read_to_string(dist.join(&js)).unwrap(), "js");
        assert!(dist.join("portal-0c2b62021a8899ea_bg.wasm").exists());
        let index = std::fs::read_to_string(dist.join("index.html")).unwrap();
        assert_eq!(
            index,
            r#"<link href="/portal-0c2b62021a8899ea.js"><link href="/portal-0c2b62021a8899ea_bg.wasm">"#
        );
        std::fs::remove_dir_all(&dist).unwrap();
    }
}
