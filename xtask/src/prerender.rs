//! The first screen of each address, pre-rendered into the release `index.html`.
//!
//! A citizen on a slow phone otherwise sees a spinner until the main wasm has downloaded and
//! run. The build opens the release app in headless Chromium (`xtask/prerender.mjs`) with the
//! split modules and the API held back, so each address shows exactly what the main wasm
//! renders by itself: the header and all of the home page and of the method choice, but only
//! the form's heading and introduction. Each is kept as a `<template>`; an inline script
//! puts the one for the current address in place of the spinner before the first paint, and
//! the app replaces it with the same markup once it has rendered (`src/main.rs`), so nothing
//! moves and the largest paint is the pre-rendered one.
//!
//! Only for a first visit: a visitor whose web storage holds more than a first visit leaves
//! (English chosen, signed in, a registration under way) would see the screen change, and
//! gets the spinner. The storage a first visit leaves is measured, not written here.

use crate::root;
use crate::routes;
use crate::run::{cmd, status};
use crate::toolchain;
use anyhow::{bail, Context, Result};
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

/// Pre-renders every address of the route table into `dist/index.html`; `held` are the split
/// modules (file names in `dist`), which the snapshot must not wait for.
pub fn apply(dist: &Path, held: &[String]) -> Result<()> {
    let paths = routes::paths();
    let out = root().join("target/prerender.json");
    let mut node = cmd("node", &["xtask/prerender.mjs"]);
    node.env("DIST", dist)
        .env("PATHS", serde_json::to_string(&paths)?)
        .env("HELD", serde_json::to_string(held)?)
        .env("CHROMIUM", toolchain::CHROMIUM)
        .env("OUT", &out);
    status(node)?;
    let shots: Shots = serde_json::from_str(&std::fs::read_to_string(&out)?)
        .context("reading prerender.mjs's report")?;
    // A screen the main wasm renders that shows nothing without its modules or redirects a
    // first visit would paint the spinner again: say so rather than ship it quietly.
    for path in routes::eager_paths() {
        if !shots.screens.contains_key(&path) {
            bail!(
                "{path} renders from the main wasm but showed no heading at its own address \
                 without the split modules (pre-rendered: {:?})",
                shots.screens.keys()
            );
        }
    }
    let index_path = dist.join("index.html");
    let index = std::fs::read_to_string(&index_path)?;
    std::fs::write(&index_path, insert(&index, &shots)?)?;
    Ok(())
}

/// `index` with the templates (in its head) and the script that picks one (right after the
/// loading state, so the first paint already shows the screen).
fn insert(index: &str, shots: &Shots) -> Result<String> {
    let (head_end, after_boot) = ("</head>", "<noscript>");
    if index.matches(head_end).count() != 1
        || index.matches(after_boot).count() != 1
        || !index.contains("<div class=\"boot\"")
    {
        bail!("index.html needs one </head>, one .boot element and one <noscript> after it");
    }
    let mut templates = String::new();
    for (path, markup) in &shots.screens {
        if markup.contains("<template") || markup.contains("<script") || path.contains('"') {
            bail!("the pre-rendered {path} cannot be embedded as a template");
        }
        templates.push_str(&format!(
            "<template data-screen=\"{path}\">{markup}</template>\n"
        ));
    }
    let local = serde_json::to_string(&shots.local)?;
    let session = serde_json::to_string(&shots.session)?;
    if local.contains('<') || session.contains('<') {
        bail!("the first visit's storage cannot be embedded in a script");
    }
    // Any storage entry a first visit does not leave (or leaves with another value) means
    // the app would render something else: keep the spinner then. Otherwise the screen
    // replaces the spinner, whose status stays for screen readers (the copy is inert).
    let path = routes::CURRENT_PATH_JS;
    let script = format!(
        "<script>{{const b=document.querySelector(\".boot\"),p={path};\
         let t=null;for(const e of document.querySelectorAll(\"template[data-screen]\"))if(e.dataset.screen===p)t=e;\
         try{{for(const[s,f]of[[localStorage,{local}],[sessionStorage,{session}]])\
         for(let i=0;i<s.length;i++){{const k=s.key(i);if(!Object.hasOwn(f,k)||f[k]!==s.getItem(k))t=null}}}}catch(e){{t=null}}\
         if(b&&t){{const s=b.querySelector(\"[role=status]\");b.replaceChildren(t.content);\
         if(s){{s.className=\"visually-hidden\";b.append(s)}}}}}}</script>\n  "
    );
    Ok(index
        .replacen(head_end, &format!("{templates}{head_end}"), 1)
        .replacen(after_boot, &format!("{script}{after_boot}"), 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_screen_becomes_a_template_picked_by_address_and_first_visit_storage() {
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
        let html = insert(index, &shots).unwrap();
        assert!(html.contains(
            "<template data-screen=\"/a\"><header>A</header><main><h1>A</h1></main></template>"
        ));
        assert!(html.contains(r#"[[localStorage,{"portal.lang":"vi"}],[sessionStorage,{}]]"#));
        // Templates in the head; the script right after the loading state it fills.
        assert!(html.find("<template").unwrap() < html.find("</head>").unwrap());
        let boot = html.find("class=\"boot\"").unwrap();
        assert!(boot < html.find("<script>").unwrap());
        assert!(html.find("<script>").unwrap() < html.find("<noscript>").unwrap());
    }

    #[test]
    fn markup_that_would_break_out_of_its_template_is_refused() {
        let index = "<head></head><div class=\"boot\"></div><noscript></noscript>";
        let mut shots = Shots::default();
        shots
            .screens
            .insert("/a".into(), "<main><script>x()</script></main>".into());
        assert!(insert(index, &shots).is_err());
        let mut shots = Shots::default();
        shots.local.insert("k".into(), "</script>".into());
        assert!(insert(index, &shots).is_err());
        assert!(insert("<head></head><body></body>", &Shots::default()).is_err());
    }
}
