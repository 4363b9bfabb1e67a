//! The app's addresses, from its route table (`contract::route_table`), read as data: which
//! split module each address needs, and which addresses a first visit sees. Nothing here
//! reads source text, so reformatting `src/app.rs` changes nothing the build does.
//!
//! The release index.html uses it to start downloading a deep link's modules together with
//! the main wasm, instead of after it (`xtask/js/deep-link-preload.js`), and to pre-render the first
//! screens (`prerender::apply`).

use contract::route_table::{Guard, ROUTES};
use std::collections::BTreeMap;

/// Path → split point (the module function's name, as in the split manifest), for every
/// address whose screen has (some of) its code in a module.
pub fn lazy_paths() -> BTreeMap<String, String> {
    ROUTES
        .iter()
        .filter_map(|r| Some((r.path.to_string(), r.screen.module()?.to_string())))
        .collect()
}

/// Every address of the route table, lazy or not.
pub fn paths() -> Vec<String> {
    ROUTES.iter().map(|r| r.path.to_string()).collect()
}

/// The addresses whose own screen a first visit sees (so the build pre-renders it): the
/// open ones and the first step of each flow; a later step sends a first visit back to it.
pub fn first_visit_paths() -> Vec<String> {
    ROUTES
        .iter()
        .filter(|r| match (r.guard, r.flow) {
            (Guard::Open, _) => true,
            (Guard::Step(step), Some(flow)) => flow.steps().first() == Some(&step),
            _ => false,
        })
        .map(|r| r.path.to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use contract::route_table::{self, Code};

    #[test]
    fn every_screen_behind_the_home_page_is_found_at_its_address() {
        let paths = lazy_paths();
        assert_eq!(paths[route_table::REGISTRATION], "details_page");
        assert_eq!(paths[route_table::REGISTRATION_OTP], "otp_page");
        assert_eq!(paths[route_table::RESET_OTP], "otp_page");
        assert_eq!(paths[route_table::RESET], "reset_start_page");
        assert_eq!(paths[route_table::SIGN_IN], "sign_in_page");
        assert_eq!(paths["/dang-nhap/otp"], "otp_page");
        assert_eq!(paths["/gioi-thieu"], "about_page");
        // Eager routes (the home page, the method choice) need no module.
        assert!(!paths.contains_key("/"));
        assert!(!paths.contains_key("/dang-ky"));
        let modules: std::collections::BTreeSet<_> = paths.values().collect();
        assert_eq!(modules.len(), 8, "{paths:?}");
    }

    #[test]
    fn every_address_is_listed_lazy_or_not() {
        let all = paths();
        for path in [
            "/",
            "/dang-ky",
            "/dang-ky/thue-bao-di-dong",
            "/quen-mat-khau/otp",
        ] {
            assert!(all.iter().any(|p| p == path), "{path} missing from {all:?}");
        }
        assert_eq!(all.len(), lazy_paths().len() + 2, "{all:?}");
        assert_eq!(
            first_visit_paths(),
            [
                "/",
                "/dang-ky",
                "/dang-ky/thue-bao-di-dong",
                "/dang-nhap",
                "/quen-mat-khau",
                "/gioi-thieu"
            ]
        );
    }

    /// Every route of the table is pre-rendered or preloaded where it should be: an
    /// address whose screen is in a module gets a preload entry, one the main wasm renders
    /// none (and is open, so a first visit sees it), and every address is asked of the
    /// pre-renderer.
    #[test]
    fn every_route_has_its_preload_and_prerender_entries() {
        let lazy = lazy_paths();
        let first_visit = first_visit_paths();
        let all = paths();
        for route in ROUTES {
            let path = route.path.to_string();
            assert!(all.contains(&path), "{path} not pre-rendered");
            match route.screen.code() {
                Code::Main => {
                    assert!(
                        first_visit.contains(&path) && !lazy.contains_key(&path),
                        "{path}"
                    )
                }
                Code::Module(module) => {
                    assert_eq!(lazy.get(&path).map(String::as_str), Some(module), "{path}");
                }
            }
        }
    }
}
