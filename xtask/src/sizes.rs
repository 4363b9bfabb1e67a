//! Release build, pre-compressed copies of its files, and the first-load size budget.

use crate::root;
use crate::run::{cmd, status};
use anyhow::{Context, Result};
use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Brotli bytes a citizen downloads before the first screen works (html + js + wasm + css).
///
/// A ratchet, not the goal: screens 1–6 measure 235,166 B today, so the check fails on
/// any growth past this while the work toward the 160 KB target of the registration-UI
/// issue goes on (see README, "Measured"). Lower it as the bundle shrinks; never raise it.
pub const FIRST_LOAD_BUDGET_BYTES: u64 = 240 * 1000;
/// Where the first load should get to.
pub const FIRST_LOAD_TARGET_BYTES: u64 = 160 * 1000;

/// `trunk build --release` into `dist/`, then `.br` and `.gz` beside each text or wasm file
/// so the mock server (and nginx) can serve them without compressing per request.
pub fn release_build() -> Result<()> {
    status(cmd("trunk", &["build", "--release"]))?;
    for file in dist_files()? {
        let raw = std::fs::read(&file)?;
        std::fs::write(with_suffix(&file, "br"), brotli(&raw))?;
        std::fs::write(with_suffix(&file, "gz"), gzip(&raw))?;
    }
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
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dist)
        .with_context(|| format!("reading {}", dist.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .filter(|p| !matches!(p.extension().and_then(|e| e.to_str()), Some("br" | "gz")))
        .collect();
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
}

impl Report {
    pub fn first_load_brotli(&self) -> u64 {
        self.files
            .iter()
            .filter(|f| {
                [".html", ".js", ".wasm", ".css"]
                    .iter()
                    .any(|e| f.name.ends_with(e))
            })
            .map(|f| f.brotli)
            .sum()
    }

    pub fn within_budget(&self) -> bool {
        self.first_load_brotli() <= FIRST_LOAD_BUDGET_BYTES
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{:<44} {:>10} {:>10} {:>10}",
            "release file", "raw", "gzip", "brotli"
        )?;
        for file in &self.files {
            writeln!(
                f,
                "{:<44} {:>10} {:>10} {:>10}",
                file.name, file.raw, file.gzip, file.brotli
            )?;
        }
        let sum = |g: fn(&FileSize) -> u64| self.files.iter().map(g).sum::<u64>();
        writeln!(
            f,
            "{:<44} {:>10} {:>10} {:>10}",
            "total",
            sum(|x| x.raw),
            sum(|x| x.gzip),
            sum(|x| x.brotli)
        )?;
        write!(
            f,
            "first load (html+js+wasm+css, brotli): {} bytes; budget (ratchet) {} bytes; target {} bytes",
            self.first_load_brotli(),
            FIRST_LOAD_BUDGET_BYTES,
            FIRST_LOAD_TARGET_BYTES
        )
    }
}

/// Sizes of the current `dist/`.
pub fn first_load() -> Result<Report> {
    let mut files = Vec::new();
    for path in dist_files()? {
        let raw = std::fs::read(&path)?;
        files.push(FileSize {
            name: path
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned(),
            raw: raw.len() as u64,
            gzip: gzip(&raw).len() as u64,
            brotli: brotli(&raw).len() as u64,
        });
    }
    Ok(Report { files })
}
