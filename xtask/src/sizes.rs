//! Release build, pre-compressed copies of its files, and the first-load size budget.

use crate::root;
use crate::run::{cmd, status};
use crate::split::{self, Manifest};
use anyhow::{bail, Context, Result};
use contract::route_table::{prerendered_page, HOME};
use std::collections::HashMap;
use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Brotli bytes a citizen downloads before the home page works: html, css, the main JS and
/// wasm and the split loader they import (the screens' own modules come later).
pub const FIRST_LOAD_BUDGET_BYTES: u64 = 121_500;
/// Brotli bytes for the heaviest deep link: the first load plus the bundle of every module its
/// screen needs (a citizen reloading `/dang-ky/thue-bao-di-dong/mat-khau`). A ratchet: lower
/// it as screens shrink, never raise it.
pub const DEEP_LINK_BUDGET_BYTES: u64 = 194_100;

/// The release wasm files that link the `regex` crate (its panic locations or its error
/// text give it away): none may, it belongs in native code only.
pub fn wasm_linking_regex(dist: &Path) -> Result<Vec<String>> {
    // Panic locations name a dependency's file from its folder: `regex-automata-0.4.9/src/…`.
    let marker = regex::bytes::Regex::new(
        r"regex(-automata|-syntax)?-[0-9]+\.[0-9]+\.[0-9]+/src/|regex parse error",
    )
    .expect("valid pattern");
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dist)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "wasm") && marker.is_match(&std::fs::read(&path)?)
        {
            found.push(
                path.file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned(),
            );
        }
    }
    found.sort();
    Ok(found)
}

/// `cargo xtask build`: the release `dist/`, its size report printed and returned.
pub fn build() -> Result<Report> {
    crate::toolchain::setup(crate::toolchain::Needs::ALL)?;
    release_build()?;
    let report = first_load()?;
    println!("{report}");
    Ok(report)
}

/// `trunk build --release` into `dist/`, then `.br` and `.gz` beside each text or wasm file
/// so the mock server (and nginx) can serve them without compressing per request.
pub fn release_build() -> Result<()> {
    let mut trunk = cmd(
        "trunk",
        &["build", "--release", "--features", split::FEATURE],
    );
    // Merged by Cargo with the rustflags of .cargo/config.toml.
    trunk.env(
        "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS",
        split::rustflags(),
    );
    status(trunk)?;
    let dist = root().join("dist");
    split::apply(&dist)?;
    inline_stylesheet(&dist)?;
    crate::prerender::apply(&dist)?;
    for file in dist_files()? {
        let raw = std::fs::read(&file)?;
        std::fs::write(with_suffix(&file, "br"), brotli(&raw))?;
        std::fs::write(with_suffix(&file, "gz"), gzip(&raw))?;
    }
    Ok(())
}

/// The stylesheet, minified, inside each page instead of beside it: a first visit paints
/// after one response, not two (on a slow connection the second one also shares the line
/// with the main wasm's download). The mock's CSP names its hash (`inline_style_hashes`);
/// development builds keep the file.
fn inline_stylesheet(dist: &Path) -> Result<()> {
    let index_path = dist.join("index.html");
    let index = std::fs::read_to_string(&index_path)?;
    let link =
        regex::Regex::new(r#"<link rel="stylesheet" href="/(main-[0-9a-f]{16}\.css)"[^>]*>"#)
            .expect("valid pattern");
    let found: Vec<_> = link.captures_iter(&index).collect();
    let [only] = found.as_slice() else {
        bail!(
            "index.html should link one stylesheet, main-<hash>.css; it links {}",
            found.len()
        );
    };
    let file = dist.join(&only[1]);
    // Every page carries it: its comments and spaces would travel on each first visit.
    status(cmd(
        "node",
        &["xtask/minify-css.mjs", &file.to_string_lossy()],
    ))?;
    let css = std::fs::read_to_string(&file)?;
    if css.contains("</style") {
        bail!("{} cannot be inlined: it contains </style", file.display());
    }
    let page = index.replacen(&only[0], &format!("<style>{css}</style>"), 1);
    std::fs::write(&index_path, page)?;
    std::fs::remove_file(&file)?;
    Ok(())
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(".");
    s.push(suffix);
    PathBuf::from(s)
}

/// The built files, without the compressed copies.
pub fn dist_files() -> Result<Vec<PathBuf>> {
    let dist = root().join("dist");
    let mut files = Vec::new();
    let mut folders = vec![dist];
    while let Some(folder) = folders.pop() {
        for entry in
            std::fs::read_dir(&folder).with_context(|| format!("reading {}", folder.display()))?
        {
            let path = entry?.path();
            if path.is_dir() {
                folders.push(path);
            } else if !matches!(path.extension().and_then(|e| e.to_str()), Some("br" | "gz")) {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}

pub fn brotli(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut w = brotli::CompressorWriter::new(&mut out, 4096, 11, 22);
        w.write_all(data).expect("writing to memory");
    }
    out
}

pub fn gzip(data: &[u8]) -> Vec<u8> {
    let mut w = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    w.write_all(data).expect("writing to memory");
    w.finish().expect("writing to memory")
}

pub struct FileSize {
    pub name: String,
    pub raw: u64,
    pub gzip: u64,
    pub brotli: u64,
}

pub struct Report {
    pub files: Vec<FileSize>,
    pub split: Manifest,
}

impl Report {
    fn brotli_of(&self, name: &str) -> u64 {
        self.files
            .iter()
            .find(|f| f.name == name)
            .map_or(0, |f| f.brotli)
    }

    /// What every page loads: css and every JS file, and the main wasm (`portal-…`, not a
    /// split module).
    fn shell_brotli(&self) -> u64 {
        self.files
            .iter()
            .filter(|f| {
                [".js", ".css"].iter().any(|e| f.name.ends_with(e))
                    || (f.name.starts_with("portal-") && f.name.ends_with(".wasm"))
            })
            .map(|f| f.brotli)
            .sum()
    }

    /// The html the servers answer `path` with: its pre-rendered page, or index.html.
    fn page_brotli(&self, path: &str) -> u64 {
        let page = prerendered_page(path);
        let page = page.trim_start_matches('/');
        if self.files.iter().any(|f| f.name == page) {
            self.brotli_of(page)
        } else {
            self.brotli_of("index.html")
        }
    }

    /// The home page's html, css, JS and main wasm.
    pub fn first_load_brotli(&self) -> u64 {
        self.page_brotli(HOME) + self.shell_brotli()
    }

    /// Each screen's deep link: its page, css, JS and main wasm, and its split point's
    /// bundle (every module it needs, in one file); for a screen at several addresses, the
    /// heaviest.
    pub fn deep_links_brotli(&self) -> Vec<(String, u64)> {
        let mut heaviest: HashMap<String, u64> = HashMap::new();
        for (path, point) in crate::routes::lazy_paths() {
            let Some(bundle) = self.split.bundles.get(&point) else {
                continue;
            };
            let bytes = self.page_brotli(&path) + self.shell_brotli() + self.brotli_of(bundle);
            let entry = heaviest.entry(point).or_default();
            *entry = (*entry).max(bytes);
        }
        let mut links: Vec<_> = heaviest.into_iter().collect();
        links.sort_by_key(|(_, bytes)| std::cmp::Reverse(*bytes));
        links
    }

    pub fn heaviest_deep_link_brotli(&self) -> u64 {
        self.deep_links_brotli().first().map_or(0, |(_, b)| *b)
    }

    pub fn within_budget(&self) -> bool {
        self.first_load_brotli() <= FIRST_LOAD_BUDGET_BYTES
            && self.heaviest_deep_link_brotli() <= DEEP_LINK_BUDGET_BYTES
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{:<52} {:>10} {:>10} {:>10}",
            "release file", "raw", "gzip", "brotli"
        )?;
        for file in &self.files {
            writeln!(
                f,
                "{:<52} {:>10} {:>10} {:>10}",
                file.name, file.raw, file.gzip, file.brotli
            )?;
        }
        let sum = |g: fn(&FileSize) -> u64| self.files.iter().map(g).sum::<u64>();
        writeln!(
            f,
            "{:<52} {:>10} {:>10} {:>10}",
            "total",
            sum(|x| x.raw),
            sum(|x| x.gzip),
            sum(|x| x.brotli)
        )?;
        for (point, bytes) in self.deep_links_brotli() {
            writeln!(f, "deep link to {point:<39} {bytes:>10} B brotli")?;
        }
        write!(
            f,
            "first load of / (html+css+js+main wasm, brotli): {} bytes (budget {}); \
             heaviest deep link: {} bytes (budget {})",
            self.first_load_brotli(),
            FIRST_LOAD_BUDGET_BYTES,
            self.heaviest_deep_link_brotli(),
            DEEP_LINK_BUDGET_BYTES
        )
    }
}

/// Sizes of the current `dist/`.
pub fn first_load() -> Result<Report> {
    let mut files = Vec::new();
    let dist = root().join("dist");
    for path in dist_files()? {
        let raw = std::fs::read(&path)?;
        files.push(FileSize {
            name: path
                .strip_prefix(&dist)
                .unwrap_or(&path)
                .to_string_lossy()
                .into_owned(),
            raw: raw.len() as u64,
            gzip: gzip(&raw).len() as u64,
            brotli: brotli(&raw).len() as u64,
        });
    }
    Ok(Report {
        files,
        split: split::last_manifest()?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wasm_that_links_regex_is_found() {
        let dir = std::env::temp_dir().join(format!("regex-check-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("clean.wasm"), b"\0asm leptos-0.8.1/src/lib.rs").unwrap();
        std::fs::write(
            dir.join("linked.wasm"),
            b"\0asm errorregex-automata-0.4.9/src/dfa.rs",
        )
        .unwrap();
        std::fs::write(dir.join("notes.txt"), b"/regex-1.11.1/src/lib.rs").unwrap();
        assert_eq!(wasm_linking_regex(&dir).unwrap(), ["linked.wasm"]);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
