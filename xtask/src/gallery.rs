//! `cargo xtask gallery`: the designer review kit over `/__gallery` (the script is
//! `e2e/gallery.mjs`): every state's PNGs and the flow map, the visual review against the
//! committed baseline, and the static pack to share.

use crate::root;
use crate::run::{cmd, status};
use crate::serve::{dev_build, MockServer, DEV_DIST};
use crate::toolchain::{self, Needs};
use anyhow::Result;
use regex::Regex;
use std::path::Path;
use std::process::Command;

/// Where the gallery's images, flow map and review go.
pub const GALLERY_DIR: &str = "target/gallery";
/// Where `cargo xtask test` writes the pack whose links it checks.
pub const TEST_EXPORT_DIR: &str = "target/gallery-export";

/// `cargo xtask gallery [--compare | --accept] [--export DIR]`.
pub fn gallery(flags: &[String]) -> Result<()> {
    toolchain::setup(Needs::ALL)?;
    dev_build()?;
    let server = MockServer::start_for_tests(DEV_DIST)?;
    // The script runs at the project root; a folder given is the caller's.
    let here = std::env::current_dir()?;
    let flags: Vec<String> = flags
        .iter()
        .enumerate()
        .map(|(i, f)| match i > 0 && flags[i - 1] == "--export" {
            true => here.join(f).to_string_lossy().into_owned(),
            false => f.clone(),
        })
        .collect();
    status(script(server.url(), &flags))?;
    println!("gallery: {}", root().join(GALLERY_DIR).display());
    Ok(())
}

/// `node e2e/gallery.mjs <flags>` against a mock serving the development build at `base`.
pub fn script(base: &str, flags: &[String]) -> Command {
    let mut node = cmd("node", &["e2e/gallery.mjs"]);
    node.args(flags)
        .env("BASE_URL", base)
        .env("CHROMIUM", toolchain::CHROMIUM)
        .env("GALLERY_DIR", root().join(GALLERY_DIR));
    node
}

/// What `cargo xtask test` learns from one gallery run: whether no state changed against the
/// baseline (or the baseline's Chromium differs, which the script reports and passes), and the
/// exported pack's broken links.
pub struct Review {
    pub unchanged: bool,
    pub broken_links: Result<Vec<String>>,
}

/// The compare run of `cargo xtask test`, with an export of the same images.
pub fn review_for_test() -> Result<Review> {
    let unchanged = compare(&["--export", TEST_EXPORT_DIR])?;
    Ok(Review {
        unchanged,
        broken_links: broken_links(&root().join(TEST_EXPORT_DIR)),
    })
}

/// The development build's states compared with the baseline (`--compare`, and `also`),
/// against a mock of their own: whether nothing changed. The review is in [`GALLERY_DIR`].
pub fn compare(also: &[&str]) -> Result<bool> {
    dev_build()?;
    let server = MockServer::start_for_tests(DEV_DIST)?;
    let flags: Vec<String> = std::iter::once("--compare")
        .chain(also.iter().copied())
        .map(String::from)
        .collect();
    Ok(status(script(server.url(), &flags)).is_ok())
}

/// Every `href`/`src` of the pack's HTML and SVG files that names no file in it (or leaves it);
/// `#fragment`s must name an `id` of their page. Links to the web (the live gallery) are not
/// the pack's.
pub fn broken_links(dir: &Path) -> Result<Vec<String>> {
    let attribute = Regex::new(r#"(?:href|src)="([^"]*)""#)?;
    let mut broken = Vec::new();
    let mut pages = 0;
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let is_page = path.extension().is_some_and(|e| e == "html" || e == "svg");
        if !is_page {
            continue;
        }
        pages += 1;
        let text = std::fs::read_to_string(&path)?;
        for link in attribute.captures_iter(&text).map(|c| c[1].to_owned()) {
            if link.starts_with("http://") || link.starts_with("https://") {
                continue;
            }
            let (file, fragment) = link.split_once('#').unwrap_or((&link, ""));
            let target = if file.is_empty() {
                path.clone()
            } else {
                dir.join(file)
            };
            let inside = !file.starts_with('/') && !file.split('/').any(|p| p == "..");
            let resolves =
                inside && target.is_file() && (fragment.is_empty() || has_id(&target, fragment));
            if !resolves {
                let name = path.file_name().unwrap_or_default().to_string_lossy();
                broken.push(format!("{name}: {link}"));
            }
        }
    }
    if pages == 0 {
        broken.push(format!("no page in {}", dir.display()));
    }
    Ok(broken)
}

fn has_id(page: &Path, id: &str) -> bool {
    std::fs::read_to_string(page).is_ok_and(|text| text.contains(&format!("id=\"{id}\"")))
}

#[cfg(test)]
mod tests {
    use super::broken_links;

    #[test]
    fn a_link_to_a_missing_file_or_anchor_is_broken_and_the_rest_resolve() {
        let dir = std::env::temp_dir().join(format!("gallery-links-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("shots")).unwrap();
        std::fs::write(dir.join("shots/a-375.png"), b"png").unwrap();
        std::fs::write(
            dir.join("index.html"),
            r##"<a href="#a">a</a><section id="a"><img src="shots/a-375.png"></section>
               <a href="flow.svg">map</a><a href="http://127.0.0.1:8080/__gallery/a">live</a>
               <img src="shots/b-375.png"><a href="#b">b</a><a href="../secret.html">x</a>"##,
        )
        .unwrap();
        std::fs::write(
            dir.join("flow.svg"),
            r##"<svg><a href="index.html#a"><image href="shots/a-375.png"/></a></svg>"##,
        )
        .unwrap();
        let broken = broken_links(&dir).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(
            broken,
            [
                "index.html: shots/b-375.png",
                "index.html: #b",
                "index.html: ../secret.html"
            ]
        );
    }
}
