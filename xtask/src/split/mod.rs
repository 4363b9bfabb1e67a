//! Code splitting of the release wasm: the home page downloads the shell only, each
//! screen's code comes when the citizen first opens it (`src/lazy.rs`).
//!
//! Trunk 0.21 cannot split (trunk-rs/trunk#1022), so the release build runs Trunk (html,
//! css, hashing) and then replaces its wasm and JS with a split build made from Cargo's own
//! output: `wasm_split_cli_support` (the splitter cargo-leptos uses) → wasm-bindgen →
//! wasm-opt. Here, the pipeline; `bundle.rs`, the deep-link bundles and their script;
//! `trunk_output.rs`, patching what Trunk wrote.
//!
//! What goes away when Trunk can split: `trunk_output.rs` whole, and in this file the
//! renaming and re-binding of Trunk's files (Trunk would run the splitter itself). On a move
//! to cargo-leptos (which splits, but builds a server with the client): all of this module
//! but `bundle.rs`, which no tool does (one download per deep link).
//!
//! Files, all flat in `dist/` so the hashed-file cache rules of the mock and nginx apply:
//! - `portal-<h>.js`, `portal-<h>_bg.wasm`: Trunk's names, now the split main module;
//! - `split-<h>.js`: the loader the main module imports (same `<h>`);
//! - `<module>-<sha256/16>.wasm`: each split module, named by its own content;
//! - `bundle_<point>-<sha256/16>.bin`: every module one screen needs, in one file, which a
//!   deep link to that screen downloads instead of each module alone (`bundle.rs`).

mod bundle;
mod trunk_output;

use crate::run::{cmd, status};
use crate::{inline_js, root};
use anyhow::{bail, Context, Result};
use base64::Engine;
use sha2::{Digest, Sha256, Sha384};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use trunk_output::{IndexPatch, WasmOpt};

/// The cargo feature that turns the lazy routes into split points.
pub const FEATURE: &str = "split";

/// Link arguments the splitter needs (it reads the relocations to move code between
/// modules), and shorter source paths in panic locations: a dependency's file is named from
/// its crate's folder (`leptos_router-0.8.17/src/link.rs`), without the machine's registry
/// path before it, which every wasm file would otherwise carry once per file it panics in.
/// (The standard library's `/rustc/<commit>/…` paths come from its prebuilt metadata: a
/// remap does not reach them.)
pub fn rustflags() -> String {
    let mut flags = vec!["-C link-arg=--emit-relocs".to_owned()];
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".cargo")));
    let indexes = cargo_home
        .and_then(|home| std::fs::read_dir(home.join("registry/src")).ok())
        .into_iter()
        .flatten()
        .filter_map(|entry| entry.ok().map(|e| e.path()));
    for prefix in indexes {
        // RUSTFLAGS splits on spaces: a path with one stays as it is.
        if let Some(path) = prefix.to_str().filter(|p| !p.contains(' ')) {
            flags.push(format!("--remap-path-prefix={path}="));
        }
    }
    flags.join(" ")
}

/// What the split left in `dist/`, for the size report.
#[derive(Debug, Default)]
pub struct Manifest {
    /// Split point → the files it needs, in `dist/`.
    pub modules: HashMap<String, Vec<String>>,
    /// Split point → its deep-link bundle, in `dist/`.
    pub bundles: HashMap<String, String>,
}

const MANIFEST: &str = "target/split/manifest.txt";

/// Replaces Trunk's unsplit wasm and JS in `dist` with the split build.
pub fn apply(dist: &Path) -> Result<Manifest> {
    let (js_name, hash) = trunk_output::trunk_js(dist)?;
    let work = root().join("target/split");
    if work.exists() {
        std::fs::remove_dir_all(&work)?;
    }
    let loader = format!("split-{hash}.js");
    let split = split_wasm(&work, &js_name, &loader)?;
    let wasm_opt = WasmOpt::from_index_html()?;

    let stem = js_name.trim_end_matches(".js");
    let wasm_name = format!("{stem}_bg.wasm");
    let old_js = std::fs::read(dist.join(&js_name))?;
    let old_wasm = std::fs::read(dist.join(&wasm_name))?;
    bind_main_module(dist, &work, &js_name, &split.main, &wasm_opt)?;

    let modules = write_modules(dist, &work, &split, &loader, &wasm_opt)?;
    let bundles = bundle::write_bundles(dist, &modules.by_point, &modules.ids)?;
    let preload_script =
        inline_js::minified(&bundle::preload_program(&modules.by_point, &bundles)?)?;
    trunk_output::patch_index(
        dist,
        &IndexPatch {
            js: (&old_js, &std::fs::read(dist.join(&js_name))?),
            wasm: (&old_wasm, &std::fs::read(dist.join(&wasm_name))?),
            js_name: &js_name,
            loader: (&loader, &std::fs::read(dist.join(&loader))?),
            preload_script: &preload_script,
        },
    )?;

    let manifest = Manifest {
        modules: modules.by_point,
        bundles,
    };
    write_manifest(&manifest)?;
    Ok(manifest)
}

/// What the splitter wrote into the work folder.
struct Split {
    /// The main module, still to bind.
    main: PathBuf,
    /// The split modules, in the splitter's order (their numbers in the bundles).
    modules: Vec<PathBuf>,
    /// The split loader as the splitter wrote it.
    loader_js: PathBuf,
    /// Split point → the module stems it needs.
    prefetch_map: HashMap<String, Vec<String>>,
}

/// Cargo's release wasm through the splitter: the main module, the split modules and the
/// loader (which the main module imports as `./{loader}`).
fn split_wasm(work: &Path, js_name: &str, loader: &str) -> Result<Split> {
    let input = root().join("target/wasm32-unknown-unknown/release/portal.wasm");
    let chunks_dir = work.join("chunks");
    std::fs::create_dir_all(&chunks_dir)?;
    let main = work.join("main.wasm");
    let wasm = std::fs::read(&input).with_context(|| format!("reading {}", input.display()))?;
    let link_name = format!("./{loader}");
    let main_module = format!("./{js_name}");
    let split = wasm_split_cli_support::transform({
        let mut o = wasm_split_cli_support::Options::new(&wasm);
        o.output_dir = &chunks_dir;
        o.main_out_path = &main;
        o.link_name = &link_name;
        o.main_module = &main_module;
        o
    })
    .map_err(|e| anyhow::anyhow!("wasm-split: {e:#}"))?;
    if split.split_modules.is_empty() {
        bail!("wasm-split found no split points: was the wasm built with --features {FEATURE}?");
    }
    Ok(Split {
        main,
        modules: split.split_modules,
        loader_js: chunks_dir.join(loader),
        prefetch_map: split.prefetch_map.into_iter().collect(),
    })
}

/// The main module through wasm-bindgen and wasm-opt, into `dist` under Trunk's names.
fn bind_main_module(
    dist: &Path,
    work: &Path,
    js_name: &str,
    main: &Path,
    wasm_opt: &WasmOpt,
) -> Result<()> {
    let stem = js_name.trim_end_matches(".js");
    let bound = work.join("bound");
    let main_str = main.to_string_lossy().into_owned();
    let bound_str = bound.to_string_lossy().into_owned();
    status(cmd(
        "wasm-bindgen",
        &[
            "--target",
            "web",
            "--no-typescript",
            "--keep-lld-exports",
            "--out-dir",
            &bound_str,
            "--out-name",
            stem,
            &main_str,
        ],
    ))?;
    let pruned =
        crate::dead_exports::prune(&bound.join(js_name), &bound.join(format!("{stem}_bg.wasm")))?;
    eprintln!("removed exported classes nothing creates: {pruned:?}");
    minify(&bound.join(js_name), &dist.join(js_name), Script::Module)?;
    wasm_opt.run(
        &bound.join(format!("{stem}_bg.wasm")),
        &dist.join(format!("{stem}_bg.wasm")),
    )
}

/// The split modules as written into `dist`.
struct Modules {
    /// Split point → the files it needs.
    by_point: HashMap<String, Vec<String>>,
    /// File → its module number (the bundles' and the loader's).
    ids: HashMap<String, u32>,
}

/// Each split module optimised and named by its content, and the loader pointed at those
/// names (from the page's bundle first, `self.__splitPart`) and minified into `dist`.
fn write_modules(
    dist: &Path,
    work: &Path,
    split: &Split,
    loader: &str,
    wasm_opt: &WasmOpt,
) -> Result<Modules> {
    eprintln!("wasm-opt on {} split modules", split.modules.len());
    let mut loader_js = std::fs::read_to_string(&split.loader_js)?;
    let mut renamed = HashMap::new();
    let mut ids = HashMap::new();
    for (id, module) in split.modules.iter().enumerate() {
        let name = file_name(module);
        let optimised = work.join(&name);
        wasm_opt.run(module, &optimised)?;
        let bytes = std::fs::read(&optimised)?;
        let hashed = format!(
            "{}-{}.wasm",
            name.trim_end_matches(".wasm"),
            short_hash(&bytes)
        );
        if !plain(&hashed) {
            bail!("module name {hashed} needs quoting in the loader");
        }
        std::fs::write(dist.join(&hashed), &bytes)?;
        // The module from its deep-link bundle if the page has one with it
        // (`xtask/js/deep-link-preload.js`), else on its own.
        let fetch = format!("fetch(new URL(\"./{name}\", import.meta.url))");
        if loader_js.matches(&fetch).count() != 1 || loader_js.matches(&name).count() != 1 {
            bail!("the split loader does not fetch {name} exactly once, as {fetch}");
        }
        loader_js = loader_js.replace(
            &fetch,
            &format!(
                "(async () => (await self.__splitPart?.({id})) || fetch(new URL(\"./{hashed}\", import.meta.url)))()"
            ),
        );
        ids.insert(hashed.clone(), u32::try_from(id)?);
        renamed.insert(name.trim_end_matches(".wasm").to_string(), hashed);
    }
    let loader_source = work.join(loader);
    std::fs::write(&loader_source, &loader_js)?;
    minify(&loader_source, &dist.join(loader), Script::Module)?;
    let by_point = split
        .prefetch_map
        .iter()
        .map(|(point, stems)| {
            let files = stems
                .iter()
                .filter_map(|s| renamed.get(s).cloned())
                .collect();
            (point.clone(), files)
        })
        .collect();
    Ok(Modules { by_point, ids })
}

/// The manifest of the last release build (the size report runs without rebuilding).
pub fn last_manifest() -> Result<Manifest> {
    let text = std::fs::read_to_string(root().join(MANIFEST))
        .context("no split manifest: run the release build first")?;
    let mut manifest = Manifest::default();
    for line in text.lines() {
        let mut words = line.split_whitespace();
        match (words.next(), words.next()) {
            (Some("module"), Some(point)) => {
                manifest
                    .modules
                    .insert(point.to_string(), words.map(str::to_string).collect());
            }
            (Some("bundle"), Some(point)) => {
                let file = words.next().context("a bundle line without its file")?;
                manifest.bundles.insert(point.to_string(), file.to_string());
            }
            _ => bail!("unreadable line in {MANIFEST}: {line}"),
        }
    }
    Ok(manifest)
}

fn write_manifest(m: &Manifest) -> Result<()> {
    let mut text = String::new();
    let mut points: Vec<_> = m.modules.iter().collect();
    points.sort();
    for (point, files) in points {
        text.push_str(&format!("module {point} {}\n", files.join(" ")));
        if let Some(bundle) = m.bundles.get(point) {
            text.push_str(&format!("bundle {point} {bundle}\n"));
        }
    }
    std::fs::write(root().join(MANIFEST), text)?;
    Ok(())
}

/// How a script is loaded, which decides what terser may rename.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Script {
    /// An ES module (wasm-bindgen's glue, the split loader).
    Module,
    /// A classic inline `<script>` (`inline_js.rs`).
    Classic,
}

/// `input` minified into `output` by terser (from `package.json`). Everything the release
/// pages load is: the glue, the loader and the inline scripts are on every first load, and
/// their names and comments are a third of their compressed size.
pub fn minify(input: &Path, output: &Path, script: Script) -> Result<()> {
    let terser = root().join("node_modules/.bin/terser");
    let (i, o) = (input.to_string_lossy(), output.to_string_lossy());
    let mut args = vec![&*i, "--compress", "--mangle", "-o", &*o];
    if script == Script::Module {
        args.insert(1, "--module");
    }
    status(cmd(&terser.to_string_lossy(), &args))
}

/// A name that needs no quoting in a script.
fn plain(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"/-_.".contains(&b))
}

fn file_name(p: &Path) -> String {
    p.file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned()
}

/// The first 16 hex digits of the SHA-256 of `bytes`: a content name.
pub fn short_hash(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn sri(bytes: &[u8]) -> String {
    format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(Sha384::digest(bytes))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_names_are_sixteen_hex_digits() {
        let h = short_hash(b"module");
        assert_eq!(h.len(), 16);
        assert!(h.bytes().all(|b| b.is_ascii_hexdigit()));
        assert_ne!(h, short_hash(b"other module"));
    }

    #[test]
    fn sri_is_the_sha384_the_browser_checks() {
        // echo -n abc | openssl dgst -sha384 -binary | base64
        assert_eq!(
            sri(b"abc"),
            "sha384-ywB1P0WjXou1oD1pmsZQBycsMqsO3tFjGotgWkP/W+2AhgcroefMI1i67KE0yCWn"
        );
    }
}
