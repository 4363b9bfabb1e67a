//! Code splitting of the release wasm: the home page downloads the shell only, each
//! screen's code comes when the citizen first opens it (`src/lazy.rs`).
//!
//! Trunk 0.21 cannot split, so the release build runs Trunk (html, css, hashing) and then
//! replaces its wasm and JS with a split build made from Cargo's own output:
//! `wasm_split_cli_support` (the splitter cargo-leptos uses) → wasm-bindgen → wasm-opt.
//!
//! Files, all flat in `dist/` so the hashed-file cache rules of the mock and nginx apply:
//! - `portal-<h>.js`, `portal-<h>_bg.wasm`: Trunk's names, now the split main module;
//! - `split-<h>.js`: the loader the main module imports (same `<h>`);
//! - `<module>-<sha256/16>.wasm`: each split module, named by its own content;
//! - `bundle_<point>-<sha256/16>.bin`: every module one screen needs, in one file, which a
//!   deep link to that screen downloads instead of each module alone ([`bundle`]).

use crate::root;
use crate::routes;
use crate::run::{cmd, quiet, status};
use anyhow::{bail, Context, Result};
use base64::Engine;
use sha2::{Digest, Sha256, Sha384};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

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
        .map(std::path::PathBuf::from)
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
    let input = root().join("target/wasm32-unknown-unknown/release/portal.wasm");
    let (js_name, hash) = trunk_js(dist)?;
    let work = root().join("target/split");
    if work.exists() {
        std::fs::remove_dir_all(&work)?;
    }
    let chunks_dir = work.join("chunks");
    std::fs::create_dir_all(&chunks_dir)?;

    let loader = format!("split-{hash}.js");
    let main_split = work.join("main.wasm");
    let wasm = std::fs::read(&input).with_context(|| format!("reading {}", input.display()))?;
    let link_name = format!("./{loader}");
    let main_module = format!("./{js_name}");
    let split = wasm_split_cli_support::transform({
        let mut o = wasm_split_cli_support::Options::new(&wasm);
        o.output_dir = &chunks_dir;
        o.main_out_path = &main_split;
        o.link_name = &link_name;
        o.main_module = &main_module;
        o
    })
    .map_err(|e| anyhow::anyhow!("wasm-split: {e:#}"))?;
    if split.split_modules.is_empty() {
        bail!("wasm-split found no split points: was the wasm built with --features {FEATURE}?");
    }
    let wasm_opt = WasmOpt::from_index_html()?;

    // The main module through wasm-bindgen and wasm-opt, under Trunk's names.
    let stem = js_name.trim_end_matches(".js");
    let bound = work.join("bound");
    let main_str = main_split.to_string_lossy().into_owned();
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
    let pruned = crate::dead_exports::prune(
        &bound.join(&js_name),
        &bound.join(format!("{stem}_bg.wasm")),
    )?;
    eprintln!("removed exported classes nothing creates: {pruned:?}");
    let old_js = std::fs::read(dist.join(&js_name))?;
    let old_wasm = std::fs::read(dist.join(format!("{stem}_bg.wasm")))?;
    minify(&bound.join(&js_name), &dist.join(&js_name))?;
    wasm_opt.run(
        &bound.join(format!("{stem}_bg.wasm")),
        &dist.join(format!("{stem}_bg.wasm")),
    )?;

    // Split modules: optimised, then named by content; the loader points at those names.
    eprintln!("wasm-opt on {} split modules", split.split_modules.len());
    let mut loader_js = std::fs::read_to_string(chunks_dir.join(&loader))?;
    let mut renamed = HashMap::new();
    // Each module's number in the bundles (`bundle`), the order of the split's list.
    let mut ids = HashMap::new();
    for (id, module) in split.split_modules.iter().enumerate() {
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
        // The module from its deep-link bundle if the page has one with it (`preload_script`),
        // else on its own.
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
    let loader_source = work.join(&loader);
    std::fs::write(&loader_source, &loader_js)?;
    minify(&loader_source, &dist.join(&loader))?;
    let loader_js = std::fs::read_to_string(dist.join(&loader))?;

    // index.html: new integrity digests, and the loader preloaded beside the main module.
    let index_path = dist.join("index.html");
    let mut index = std::fs::read_to_string(&index_path)?;
    for (old, new) in [
        (&old_js, std::fs::read(dist.join(&js_name))?),
        (
            &old_wasm,
            std::fs::read(dist.join(format!("{stem}_bg.wasm")))?,
        ),
    ] {
        let (old, new) = (sri(old), sri(&new));
        if index.matches(&old).count() != 1 {
            bail!("index.html does not carry the integrity {old} exactly once");
        }
        index = index.replace(&old, &new);
    }
    let preload = format!("<link rel=\"modulepreload\" href=\"/{js_name}\"");
    let Some(at) = index.find(&preload) else {
        bail!("index.html has no modulepreload of {js_name}");
    };
    index.insert_str(
        at,
        &format!(
            "<link rel=\"modulepreload\" href=\"/{loader}\" crossorigin=\"anonymous\" integrity=\"{}\">\n",
            sri(loader_js.as_bytes())
        ),
    );
    let modules: HashMap<String, Vec<String>> = split
        .prefetch_map
        .into_iter()
        .map(|(point, stems)| {
            let files = stems
                .iter()
                .filter_map(|s| renamed.get(s).cloned())
                .collect();
            (point, files)
        })
        .collect();
    let mut bundles = HashMap::new();
    for (point, files) in &modules {
        let parts = files
            .iter()
            .map(|f| Ok((ids[f], std::fs::read(dist.join(f))?)))
            .collect::<Result<Vec<_>>>()?;
        let bytes = bundle(&parts)?;
        let name = format!("bundle_{point}-{}.bin", short_hash(&bytes));
        std::fs::write(dist.join(&name), bytes)?;
        bundles.insert(point.clone(), name);
    }
    let trunk_loader = "<script type=\"module\">";
    let Some(at) = index.find(trunk_loader) else {
        bail!("index.html has no inline module script (Trunk's loader)");
    };
    index.insert_str(at, &preload_script(&modules, &bundles)?);
    std::fs::write(&index_path, index)?;

    let manifest = Manifest { modules, bundles };
    write_manifest(&manifest)?;
    Ok(manifest)
}

/// Every module a screen needs, in one file: a little-endian `u32` count, each part's
/// length as a `u32`, each part's module number (the split loader asks for modules by
/// number: `self.__splitPart`), then the parts in that order. Compressed as one file, the
/// parts share one brotli window: a deep link downloads less than with each module
/// compressed alone; and which modules it holds travels in the bundle, not on every page.
fn bundle(parts: &[(u32, Vec<u8>)]) -> Result<Vec<u8>> {
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

/// A name that needs no quoting in a script.
fn plain(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"/-_.".contains(&b))
}

/// An inline script for index.html: on a deep link (a screen behind the home page opened by
/// its address, a reload), it downloads that screen's bundle, so its modules arrive beside
/// the main wasm instead of after it has started, in one file; the split loader takes each
/// module from there (`self.__splitPart`), or fetches it alone if the bundle failed. Once
/// the page has first painted (its pre-rendered screen, `prerender.rs`), and at low
/// priority: the modules are of no use before the main wasm runs, and the first paint and
/// the main wasm should get the bandwidth first (unless the app asks for a module sooner).
/// The home page downloads nothing more.
fn preload_script(
    modules: &HashMap<String, Vec<String>>,
    bundles: &HashMap<String, String>,
) -> Result<String> {
    preload_script_for(&routes::lazy_paths(), modules, bundles)
}

fn preload_script_for(
    paths: &BTreeMap<String, String>,
    modules: &HashMap<String, Vec<String>>,
    bundles: &HashMap<String, String>,
) -> Result<String> {
    let mut table = Vec::new();
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
        table.push(format!("\"{path}\":\"{bundle}\""));
    }
    if let Some(point) = modules.keys().find(|p| !paths.values().any(|v| v == *p)) {
        bail!("split point {point} has no address in the route table");
    }
    // `b`: the bundle's parts by module number (`bundle`'s format). A module asked for while
    // it is on its way waits for it; one it lacks (a later screen's) or all of a failed bundle
    // get no answer here, and the loader fetches them alone.
    Ok(format!(
        "<script>{{const r={{{}}},m=r[{}];\
         if(m){{let g;const s=new Promise(d=>g=d),\
         b=s.then(()=>fetch(\"/\"+m,{{priority:\"low\"}})).then(x=>x.ok?x.arrayBuffer():Promise.reject())\
         .then(a=>{{const v=new DataView(a),c=v.getUint32(0,1),t=new Map;let o=4+8*c;\
         for(let k=0;k<c;k++){{const z=v.getUint32(4+4*k,1);t.set(v.getUint32(4+4*c+4*k,1),new Uint8Array(a,o,z));o+=z}}\
         return t}});b.catch(()=>{{}});\
         self.__splitPart=n=>(g(),b.then(t=>{{const u=t.get(n);if(u){{t.delete(n);\
         return new Response(u,{{headers:{{\"content-type\":\"application/wasm\"}}}})}}}},()=>{{}}));\
         requestAnimationFrame(()=>setTimeout(g))}}}}</script>\n",
        table.join(","),
        routes::CURRENT_PATH_JS
    ))
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

/// Trunk's `portal-<hash>.js` in `dist`, and the hash.
fn trunk_js(dist: &Path) -> Result<(String, String)> {
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

/// wasm-opt with the flags Trunk uses for the main module (read from index.html, so they
/// are written once).
struct WasmOpt {
    params: Vec<String>,
}

impl WasmOpt {
    fn from_index_html() -> Result<Self> {
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

    fn run(&self, input: &Path, output: &Path) -> Result<()> {
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

/// wasm-bindgen's glue and the split loader, minified (terser, from `package.json`): they are
/// on every first load, and their names and comments are a third of their compressed size.
fn minify(input: &Path, output: &Path) -> Result<()> {
    let terser = root().join("node_modules/.bin/terser");
    let (i, o) = (input.to_string_lossy(), output.to_string_lossy());
    status(cmd(
        &terser.to_string_lossy(),
        &[&*i, "--module", "--compress", "--mangle", "-o", &*o],
    ))
}

fn file_name(p: &Path) -> String {
    p.file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned()
}

fn short_hash(bytes: &[u8]) -> String {
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

    #[test]
    fn content_names_are_sixteen_hex_digits() {
        let h = short_hash(b"module");
        assert_eq!(h.len(), 16);
        assert!(h.bytes().all(|b| b.is_ascii_hexdigit()));
        assert_ne!(h, short_hash(b"other module"));
    }

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
        let script = preload_script_for(&paths, &modules, &bundles).unwrap();
        assert!(
            script.contains(r#"r={"/a":"bundle_a_page-03.bin","/a/b":"bundle_b_page-04.bin"}"#),
            "{script}"
        );
        // The modules' names travel in the bundles, not on every page.
        assert!(!script.contains("chunk_1-00.wasm"), "{script}");
        // A split point no address reaches would never be preloaded: the build says so.
        let mut orphan = modules.clone();
        orphan.insert("c_page".to_string(), vec![]);
        assert!(preload_script_for(&paths, &orphan, &bundles).is_err());
        // Nor would one without its bundle.
        let mut unbundled = bundles.clone();
        unbundled.remove("b_page");
        assert!(preload_script_for(&paths, &modules, &unbundled).is_err());
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

    #[test]
    fn sri_is_the_sha384_the_browser_checks() {
        // echo -n abc | openssl dgst -sha384 -binary | base64
        assert_eq!(
            sri(b"abc"),
            "sha384-ywB1P0WjXou1oD1pmsZQBycsMqsO3tFjGotgWkP/W+2AhgcroefMI1i67KE0yCWn"
        );
    }
}
