//! Which split module each address needs, and every address, read from the app's own route
//! table (`src/app.rs`) and lazy routes (`src/pages/lazy.rs`), so a path is written once.
//!
//! The release index.html uses it to start downloading a deep link's modules together with
//! the main wasm, instead of after it (`split::preload_script`).

use anyhow::{bail, Context, Result};
use std::collections::BTreeMap;

/// JavaScript for the current address as the route table writes it (no trailing slash but
/// the root's), for index.html's inline scripts that pick something per address.
pub const CURRENT_PATH_JS: &str = r#"location.pathname.replace(/(.)\/$/,"$1")"#;

/// Path → split point (the module function's name, as in the split manifest), for every
/// lazy route of `app_rs`, whose route types `lazy_rs` defines.
pub fn lazy_paths(app_rs: &str, lazy_rs: &str) -> Result<BTreeMap<String, String>> {
    let modules = lazy_modules(lazy_rs)?;
    let mut paths = BTreeMap::new();
    for (path, tag) in routes(app_rs)? {
        // `Lazy::<lazy::X>` (a lazy screen) or `body::<lazy::X>` (a screen's lazy part).
        if let Some(route) = between(tag, "<lazy::", ">") {
            let module = modules.get(route).with_context(|| {
                format!("lazy::{route} is not a lazy_page! in src/pages/lazy.rs")
            })?;
            paths.insert(path, module.clone());
        }
    }
    Ok(paths)
}

/// Every address of `app_rs`'s route table, lazy or not.
pub fn paths(app_rs: &str) -> Result<Vec<String>> {
    Ok(routes(app_rs)?.into_iter().map(|(path, _)| path).collect())
}

/// The addresses whose screen (or at least its top) the main wasm renders: not a whole lazy
/// screen (`Lazy::<lazy::X>`).
pub fn eager_paths(app_rs: &str) -> Result<Vec<String>> {
    Ok(routes(app_rs)?
        .into_iter()
        .filter(|(_, tag)| !tag.contains("Lazy::<"))
        .map(|(path, _)| path)
        .collect())
}

/// Each `<Route …/>` tag of `app_rs` with its full path (its `<ParentRoute>`s' joined).
fn routes(app_rs: &str) -> Result<Vec<(String, &str)>> {
    let mut prefixes: Vec<String> = Vec::new();
    let mut routes = Vec::new();
    let mut rest = app_rs;
    while let Some(at) = rest.find('<') {
        rest = &rest[at..];
        let tag_end = rest.find('>').context("unclosed tag in src/app.rs")?;
        // A route's view may hold `>` (`Lazy::<lazy::X>::new()`, a view! of its own): the tag
        // runs to "/>" then.
        let tag_end = if rest.starts_with("<Route ") {
            rest.find("/>")
                .context("<Route> without \"/>\" in src/app.rs")?
        } else {
            tag_end
        };
        let tag = &rest[..tag_end];
        if tag.starts_with("</ParentRoute") {
            prefixes
                .pop()
                .context("</ParentRoute> without its opening tag")?;
        } else if tag.starts_with("<ParentRoute ") {
            prefixes.push(join(
                prefixes.last().map_or("", String::as_str),
                path_of(tag)?,
            ));
        } else if tag.starts_with("<Route ") {
            let path = join(prefixes.last().map_or("", String::as_str), path_of(tag)?);
            routes.push((path, tag));
        }
        rest = &rest[1..];
    }
    if !prefixes.is_empty() {
        bail!("unclosed <ParentRoute> in src/app.rs");
    }
    Ok(routes)
}

/// Route type → module function, from each `lazy_page!(Route, module, preload, Page)`.
fn lazy_modules(lazy_rs: &str) -> Result<BTreeMap<String, String>> {
    let mut modules = BTreeMap::new();
    for call in lazy_rs.split("\nlazy_page!(").skip(1) {
        let args: String = call
            .split(");")
            .next()
            .unwrap_or_default()
            .lines()
            .filter(|line| !line.trim_start().starts_with("///"))
            .collect();
        let mut names = args.split(',').map(str::trim);
        match (names.next(), names.next()) {
            (Some(route), Some(module)) if !route.is_empty() && !module.is_empty() => {
                modules.insert(route.to_string(), module.to_string());
            }
            _ => bail!("unreadable lazy_page! in src/pages/lazy.rs: {call}"),
        }
    }
    if modules.is_empty() {
        bail!("no lazy_page! in src/pages/lazy.rs");
    }
    Ok(modules)
}

fn path_of(tag: &str) -> Result<&str> {
    between(tag, "path!(\"", "\")").with_context(|| format!("no path!(\"…\") in {tag}"))
}

fn between<'a>(text: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let from = text.find(start)? + start.len();
    let len = text[from..].find(end)?;
    Some(&text[from..from + len])
}

fn join(prefix: &str, segment: &str) -> String {
    match (prefix.trim_end_matches('/'), segment.trim_matches('/')) {
        ("", "") => "/".to_string(),
        (p, "") => p.to_string(),
        (p, s) => format!("{p}/{s}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn app_paths() -> BTreeMap<String, String> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let app = std::fs::read_to_string(root.join("src/app.rs")).unwrap();
        let lazy = std::fs::read_to_string(root.join("src/pages/lazy.rs")).unwrap();
        lazy_paths(&app, &lazy).unwrap()
    }

    #[test]
    fn every_screen_behind_the_home_page_is_found_at_its_address() {
        let paths = app_paths();
        assert_eq!(paths["/dang-ky/thue-bao-di-dong"], "details_page");
        assert_eq!(paths["/dang-ky/thue-bao-di-dong/otp"], "otp_page");
        assert_eq!(paths["/quen-mat-khau/otp"], "otp_page");
        assert_eq!(paths["/quen-mat-khau"], "reset_start_page");
        assert_eq!(paths["/dang-nhap"], "sign_in_page");
        // Eager routes (the home page, the method choice) need no module.
        assert!(!paths.contains_key("/"));
        assert!(!paths.contains_key("/dang-ky"));
        let modules: std::collections::BTreeSet<_> = paths.values().collect();
        assert_eq!(modules.len(), 7, "{paths:?}");
    }

    #[test]
    fn every_address_is_listed_lazy_or_not() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let app = std::fs::read_to_string(root.join("src/app.rs")).unwrap();
        let all = paths(&app).unwrap();
        for path in [
            "/",
            "/dang-ky",
            "/dang-ky/thue-bao-di-dong",
            "/quen-mat-khau/otp",
        ] {
            assert!(all.iter().any(|p| p == path), "{path} missing from {all:?}");
        }
        assert_eq!(all.len(), app_paths().len() + 2, "{all:?}");
        assert_eq!(
            eager_paths(&app).unwrap(),
            ["/", "/dang-ky", "/dang-ky/thue-bao-di-dong"]
        );
    }

    #[test]
    fn a_lazy_route_without_its_lazy_page_is_an_error() {
        let app =
            r#"<Routes><Route path=path!("/x") view={Lazy::<lazy::Missing>::new()}/></Routes>"#;
        let lazy = "\nlazy_page!(\n    /// Doc.\n    Other, other_page, preload_other_page, crate::Other\n);\n";
        assert!(lazy_paths(app, lazy).is_err());
        let nested = r#"<ParentRoute path=path!("/a/")><Route path=path!("") view={Lazy::<lazy::Other>::new()}/><Route path=path!("b") view={Lazy::<lazy::Other>::new()}/></ParentRoute>"#;
        let paths = lazy_paths(nested, lazy).unwrap();
        assert_eq!(paths["/a"], "other_page");
        assert_eq!(paths["/a/b"], "other_page");
        // A screen whose top is eager and whose body is the module's.
        let part = r#"<Route path=path!("/c") view=|| view! { <Top>{lazy::body::<lazy::Other>()}</Top> }/>"#;
        assert_eq!(lazy_paths(part, lazy).unwrap()["/c"], "other_page");
    }
}
