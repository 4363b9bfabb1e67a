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

/// Pre-renders every address a first visit sees into `dist/index.html`.
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
    let index = std::fs::read_to_string(&index_path)?;
    std::fs::write(&index_path, insert(&index, &shots)?)?;
    Ok(())
}

/// The copy's fields take typing and choices before the app is there (`prerender.mjs` gives
/// each id the prefix `boot-`, the app's own element has it without). When the app removes
/// the loading state (`src/boot.rs`), this hands over what the citizen did meanwhile, as
/// they would have done it on the app's fields (so the app's own input events update its
/// state): each value typed, each choice changed, and the focus with its caret (or on the
/// same link). Run by the picking script once it has put a copy in place (`b` is the loading
/// state).
const HAND_OVER: &str = "let f=null;const g=e=>f=e.target;addEventListener(\"focusin\",g);\
new MutationObserver((m,o)=>{if(b.isConnected)return;o.disconnect();removeEventListener(\"focusin\",g);\
const a=e=>e.id.startsWith(\"boot-\")&&document.getElementById(e.id.slice(5));\
for(const i of b.querySelectorAll(\"input\")){const e=a(i);if(!e)continue;\
if(i.type==\"radio\"||i.type==\"checkbox\"){if(i.checked!=i.defaultChecked&&e.checked!=i.checked)e.click()}\
else if(i.value!=i.defaultValue){e.value=i.value;e.dispatchEvent(new Event(\"input\",{bubbles:!0}))}}\
if(f&&b.contains(f)&&f.tagName==\"A\"){const s=r=>[...r.querySelectorAll(\"a\")].filter(x=>x.href==f.href&&x.textContent==f.textContent);\
s(document)[s(b).indexOf(f)]?.focus()}const e=f&&b.contains(f)&&a(f);if(e){e.focus();try{e.setSelectionRange(f.selectionStart,f.selectionEnd)}catch(x){}}})\
.observe(b.parentNode,{childList:!0});";

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
    // replaces the spinner, whose status stays for screen readers.
    let path = routes::CURRENT_PATH_JS;
    let script = format!(
        "<script>{{const b=document.querySelector(\".boot\"),p={path};\
         let t=null;for(const e of document.querySelectorAll(\"template[data-screen]\"))if(e.dataset.screen===p)t=e;\
         try{{for(const[s,f]of[[localStorage,{local}],[sessionStorage,{session}]])\
         for(let i=0;i<s.length;i++){{const k=s.key(i);if(!Object.hasOwn(f,k)||f[k]!==s.getItem(k))t=null}}}}catch(e){{t=null}}\
         if(b&&t){{const s=b.querySelector(\"[role=status]\");b.replaceChildren(t.content);\
         if(s){{s.className=\"visually-hidden\";b.append(s)}}{HAND_OVER}}}}}</script>\n  "
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
        // What is typed on the copy goes over to the app's fields when the copy leaves.
        assert!(
            html.contains("new MutationObserver") && html.contains(r#"e.id.startsWith("boot-")"#)
        );
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
