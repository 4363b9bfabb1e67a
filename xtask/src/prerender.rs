//! The first screen of each address, pre-rendered into the release `index.html`.
//!
//! A citizen on a slow phone otherwise sees a spinner until the main wasm and the screen's
//! modules have downloaded and run. The build opens the release app in headless Chromium
//! (`xtask/prerender.mjs`) at every address a first visit sees (`routes::first_visit_paths`),
//! with the API held back, so each shows what the app renders before any answer: the
//! header and the whole screen (the form without its captcha image). Each is kept as a
//! `<template>`; an inline script puts the one for the current address in place of the
//! spinner before the first paint, and the app replaces it with the same markup once its
//! screen has rendered (`src/boot.rs`), so nothing moves and the largest paint is the
//! pre-rendered one.
//!
//! Only for a first visit: a visitor whose web storage holds more than a first visit leaves
//! (English chosen, signed in, a registration under way) would see the screen change, and
//! gets the spinner. The storage a first visit leaves is measured, not written here.

use crate::run::{cmd, status};
use crate::toolchain;
use crate::{inline_js, root, routes};
use anyhow::{bail, Context, Result};
use contract::route_table::prerendered_page;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

/// What `prerender.mjs` reports.
#[derive(Debug, Default, Deserialize)]
struct Shots {
    /// Address → the app's markup for it (header and main, without comments or ids).
    screens: BTreeMap<String, String>,
    /// The localStorage and sessionStorage a first visit leaves.
    local: BTreeMap<String, String>,
    session: BTreeMap<String, String>,
}

/// Pre-renders every address a first visit sees into its own page
/// ([`contract::route_table::prerendered_page`]: `dist/screens/…`), each `index.html` with that
/// one screen's template, which the servers answer the address with.
pub fn apply(dist: &Path) -> Result<()> {
    let paths = routes::first_visit_paths();
    let out = root().join("target/prerender.json");
    let mut node = cmd("node", &["xtask/prerender.mjs"]);
    node.env("DIST", dist)
        .env("PATHS", serde_json::to_string(&paths)?)
        .env("CHROMIUM", toolchain::CHROMIUM)
        .env("OUT", &out);
    status(node)?;
    let shots: Shots = serde_json::from_str(&std::fs::read_to_string(&out)?)
        .context("reading prerender.mjs's report")?;
    // A first visit that showed no heading at its own address (an error, a redirect) would
    // paint the spinner again: say so rather than ship it quietly.
    for path in &paths {
        if !shots.screens.contains_key(path) {
            bail!(
                "{path} showed no heading at its own address on a first visit (pre-rendered: {:?})",
                shots.screens.keys()
            );
        }
    }
    let index_path = dist.join("index.html");
    // Every page carries the same inline scripts (the CSP names their hashes, read from
    // index.html); index.html itself, for every other address, no template.
    let shell = with_script(
        &std::fs::read_to_string(&index_path)?,
        &shots,
        inline_js::minified,
    )?;
    for (path, markup) in &shots.screens {
        let page = dist.join(prerendered_page(path).trim_start_matches('/'));
        if let Some(folder) = page.parent() {
            std::fs::create_dir_all(folder)?;
        }
        std::fs::write(&page, with_template(&shell, path, markup)?)?;
    }
    std::fs::write(&index_path, shell)?;
    Ok(())
}

/// `page` with `path`'s screen as a template in its head, for the picking script.
fn with_template(page: &str, path: &str, markup: &str) -> Result<String> {
    let head_end = "</head>";
    if page.matches(head_end).count() != 1 {
        bail!("index.html needs one </head>");
    }
    if markup.contains("<template") || markup.contains("<script") || path.contains('"') {
        bail!("the pre-rendered {path} cannot be embedded as a template");
    }
    Ok(page.replacen(
        head_end,
        &format!("<template data-screen=\"{path}\">{markup}</template>\n{head_end}"),
        1,
    ))
}

/// `index` with the script that picks the current address's template (right after the
/// loading state, so the first paint already shows the screen) and hands over to the app
/// (`xtask/js/first-screen.js`, given the storage a first visit leaves; `minify` is
/// terser's in the build).
fn with_script(
    index: &str,
    shots: &Shots,
    minify: impl Fn(&str) -> Result<String>,
) -> Result<String> {
    let after_boot = "<noscript>";
    if index.matches(after_boot).count() != 1 || !index.contains("<div class=\"boot\"") {
        bail!("index.html needs one .boot element and one <noscript> after it");
    }
    let local = serde_json::to_string(&shots.local)?;
    let session = serde_json::to_string(&shots.session)?;
    if local.contains('<') || session.contains('<') {
        bail!("the first visit's storage cannot be embedded in a script");
    }
    let program = inline_js::program(
        "first-screen.js",
        &[
            ("FIRST_VISIT_LOCAL", &local),
            ("FIRST_VISIT_SESSION", &session),
        ],
    )?;
    let script = format!("<script>{}</script>\n  ", minify(&program)?);
    Ok(index.replacen(after_boot, &format!("{script}{after_boot}"), 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The program as written: the build minifies it with terser, which these tests do not
    /// need (the end-to-end tests run the minified pages).
    fn as_written(program: &str) -> Result<String> {
        Ok(program.to_owned())
    }

    #[test]
    fn each_screen_gets_a_page_with_its_template_picked_by_address_and_first_visit_storage() {
        let index =
            "<head></head><body><div class=\"boot\">…</div>\n  <noscript>x</noscript></body>";
        let shots = Shots {
            screens: BTreeMap::from([(
                "/a".into(),
                "<header>A</header><main><h1>A</h1></main>".into(),
            )]),
            local: BTreeMap::from([("portal.lang".into(), "vi".into())]),
            session: BTreeMap::new(),
        };
        let shell = with_script(index, &shots, as_written).unwrap();
        assert!(!shell.contains("<template"), "index.html has no screen");
        let html = with_template(&shell, "/a", &shots.screens["/a"]).unwrap();
        assert!(html.contains(
            "<template data-screen=\"/a\"><header>A</header><main><h1>A</h1></main></template>"
        ));
        assert!(html.contains(r#"[localStorage, {"portal.lang":"vi"}]"#));
        assert!(html.contains("[sessionStorage, {}]"));
        // What is typed on the copy goes over to the app's fields when the copy leaves.
        assert!(
            html.contains("new MutationObserver") && html.contains("copy.id.startsWith('boot-')")
        );
        // The template in the head; the script right after the loading state it fills.
        assert!(html.find("<template").unwrap() < html.find("</head>").unwrap());
        let boot = html.find("class=\"boot\"").unwrap();
        assert!(boot < html.find("<script>").unwrap());
        assert!(html.find("<script>").unwrap() < html.find("<noscript>").unwrap());
        // The same script in both: the CSP names its hash once.
        assert_eq!(
            shell.find("<script>").map(|at| &shell[at..]),
            html.find("<script>").map(|at| &html[at..])
        );
    }

    #[test]
    fn markup_that_would_break_out_of_its_template_is_refused() {
        let index = "<head></head><div class=\"boot\"></div><noscript></noscript>";
        assert!(with_template(index, "/a", "<main><script>x()</script></main>").is_err());
        assert!(with_template(index, "/a\"", "<main></main>").is_err());
        let mut shots = Shots::default();
        shots.local.insert("k".into(), "</script>".into());
        assert!(with_script(index, &shots, as_written).is_err());
        assert!(with_script("<head></head><body></body>", &Shots::default(), as_written).is_err());
        assert!(with_template("<body></body>", "/a", "<main></main>").is_err());
    }
}
