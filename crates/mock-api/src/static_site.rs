//! Serving the built SPA: pre-compressed files, `index.html` for deep links, cache
//! rules, and the security headers every answer carries.

use axum::extract::{Request, State};
use axum::http::{header, HeaderName, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use axum::Router;
use base64::Engine;
use sha2::{Digest, Sha256};
use std::path::Path;
use std::sync::Arc;
use tower_http::services::{ServeDir, ServeFile};

/// Static files after the API; an address the build pre-rendered gets its own page
/// ([`contract::route_table::prerendered_page`]), any other path `index.html` (the SPA routes
/// it).
pub fn serve(app: Router, dir: &Path) -> Router {
    let index = ServeFile::new(dir.join("index.html"))
        .precompressed_br()
        .precompressed_gzip();
    let files = ServeDir::new(dir)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(index);
    let root = dir.to_path_buf();
    let files = tower::util::MapRequest::new(files, move |mut req: Request| {
        if let Some(page) = prerendered(&root, req.uri().path()) {
            if let Ok(uri) = page.parse() {
                *req.uri_mut() = uri;
            }
        }
        req
    });
    app.fallback_service(files)
        .layer(axum::middleware::from_fn(cache_control))
}

/// The pre-rendered page for the address `path`, if the build in `dir` has one.
fn prerendered(dir: &Path, path: &str) -> Option<String> {
    // An address, not a file, and nothing that could leave `dir`.
    if path.contains('.') || path.contains("//") {
        return None;
    }
    let page = contract::route_table::prerendered_page(path);
    dir.join(page.trim_start_matches('/'))
        .is_file()
        .then_some(page)
}

/// A Trunk-hashed (or split-module, or deep-link bundle) file, `name-<16 hex>.ext` (Trunk names the main wasm
/// `name-<hash>_bg.wasm`): its content never changes under that name. `deploy/nginx.conf`'s
/// immutable-cache location is this very pattern (a test holds them together).
pub const HASHED_ASSET_PATTERN: &str = r"-[0-9a-f]{16}(_bg)?\.(js|wasm|css|svg|bin)$";

fn is_hashed_asset(path: &str) -> bool {
    static HASHED: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(HASHED_ASSET_PATTERN).expect("the pattern is valid")
    });
    HASHED.is_match(path)
}

async fn cache_control(req: Request, next: Next) -> Response {
    let api = req
        .uri()
        .path()
        .strip_prefix(contract::endpoints::API)
        .is_some_and(|rest| rest.starts_with('/'));
    let hashed = is_hashed_asset(req.uri().path());
    let mut response = next.run(req).await;
    let value = if api {
        "no-store"
    } else if hashed && response.status().is_success() {
        "public, max-age=31536000, immutable"
    } else {
        // index.html and unhashed files: always revalidate, so a deploy shows at once.
        "no-cache"
    };
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(value));
    response
}

/// The `sha256-…` sources of every inline `<script>` in index.html (Trunk's loader, the
/// deep-link preloads, the storage warm-up), so the CSP allows exactly those and no other.
pub fn inline_script_hashes(index_html: &str) -> Vec<String> {
    inline_hashes(index_html, "script")
}

/// The same for every inline `<style>` (the release build's stylesheet, see
/// `xtask/src/sizes.rs`).
pub fn inline_style_hashes(index_html: &str) -> Vec<String> {
    inline_hashes(index_html, "style")
}

fn inline_hashes(html: &str, element: &str) -> Vec<String> {
    let (open, close_tag) = (format!("<{element}"), format!("</{element}>"));
    let mut hashes = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find(&open) {
        rest = &rest[start..];
        let Some(tag_end) = rest.find('>') else { break };
        let tag = &rest[..tag_end];
        let body_start = tag_end + 1;
        let Some(close) = rest[body_start..].find(&close_tag) else {
            break;
        };
        let body = &rest[body_start..body_start + close];
        if !tag.contains(" src=") && !body.trim().is_empty() {
            let digest = Sha256::digest(body.as_bytes());
            hashes.push(format!(
                "'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(digest)
            ));
        }
        rest = &rest[body_start + close..];
    }
    hashes
}

pub fn content_security_policy(static_dir: Option<&Path>) -> String {
    let Some(dir) = static_dir else {
        return "default-src 'none'; frame-ancestors 'none'".into();
    };
    let index = std::fs::read_to_string(dir.join("index.html")).unwrap_or_default();
    let hashes = inline_script_hashes(&index).join(" ");
    let styles = inline_style_hashes(&index)
        .into_iter()
        .map(|h| format!(" {h}"))
        .collect::<String>();
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {hashes}; style-src 'self'{styles}; \
         img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; \
         base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )
}

#[derive(Clone)]
pub struct SecurityHeaders {
    csp: Arc<HeaderValue>,
}

pub fn security_headers(static_dir: Option<&Path>) -> SecurityHeaders {
    let csp = content_security_policy(static_dir);
    SecurityHeaders {
        csp: Arc::new(
            HeaderValue::from_str(&csp).unwrap_or(HeaderValue::from_static("default-src 'self'")),
        ),
    }
}

/// The headers every answer carries besides the CSP, also written for nginx
/// ([`nginx_headers`]) so production and preview cannot drift apart.
pub const OTHER_SECURITY_HEADERS: &[(&str, &str)] = &[
    ("x-content-type-options", "nosniff"),
    ("referrer-policy", "no-referrer"),
    ("x-frame-options", "DENY"),
    // A prototype that looks like the real portal is never a search result.
    ("x-robots-tag", "noindex, nofollow"),
    (
        "permissions-policy",
        "camera=(), microphone=(), geolocation=(), otp-credentials=(self)",
    ),
];

pub async fn add_security_headers(
    State(headers): State<SecurityHeaders>,
    req: Request,
    next: Next,
) -> Response {
    let mut response = next.run(req).await;
    let h = response.headers_mut();
    h.insert(header::CONTENT_SECURITY_POLICY, (*headers.csp).clone());
    for (name, value) in OTHER_SECURITY_HEADERS {
        h.insert(
            HeaderName::from_static(name),
            HeaderValue::from_static(value),
        );
    }
    response
}

/// `add_header` lines for nginx with the same headers as this server, for `static_dir`.
pub fn nginx_headers(static_dir: &Path) -> String {
    let csp = content_security_policy(Some(static_dir));
    let mut out = format!("add_header Content-Security-Policy \"{csp}\" always;\n");
    for (name, value) in OTHER_SECURITY_HEADERS {
        out.push_str(&format!("add_header {name} \"{value}\" always;\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_assets() {
        assert!(is_hashed_asset("/portal-1a2b3c4d5e6f7a8b_bg.wasm"));
        assert!(is_hashed_asset("/portal-1a2b3c4d5e6f7a8b.js"));
        assert!(is_hashed_asset("/main-0123456789abcdef.css"));
        assert!(!is_hashed_asset("/index.html"));
        assert!(!is_hashed_asset("/dang-ky"));
        assert!(is_hashed_asset("/chunk_23-7e9607c2deb466ab.wasm"));
        assert!(is_hashed_asset("/bundle_otp_page-7e9607c2deb466ab.bin"));
        assert!(
            !is_hashed_asset("/portal-0123456789ABCDEF.js"),
            "Trunk's hashes are lowercase"
        );
        assert!(!is_hashed_asset("/portal-0123456789abcdef.js.map"));
        assert!(!is_hashed_asset("/robots.txt"));
    }

    #[test]
    fn a_pre_rendered_address_gets_its_page_and_any_other_index_html() {
        let dir = std::env::temp_dir().join(format!("screens-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("screens/dang-ky")).unwrap();
        std::fs::write(dir.join("screens/index.html"), "home").unwrap();
        std::fs::write(dir.join("screens/dang-ky/thue-bao-di-dong.html"), "form").unwrap();
        assert_eq!(
            prerendered(&dir, "/").as_deref(),
            Some("/screens/index.html")
        );
        assert_eq!(
            prerendered(&dir, "/dang-ky/thue-bao-di-dong").as_deref(),
            Some("/screens/dang-ky/thue-bao-di-dong.html")
        );
        assert_eq!(prerendered(&dir, "/dang-ky/thue-bao-di-dong/otp"), None);
        assert_eq!(prerendered(&dir, "/dang-ky"), None);
        assert_eq!(prerendered(&dir, "/screens/index.html"), None);
        assert_eq!(prerendered(&dir, "/../screens/index"), None);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn nginx_serves_the_pre_rendered_pages_as_the_mock_does() {
        let conf = include_str!("../../../deploy/nginx.conf");
        let home = contract::route_table::prerendered_page("/");
        let any = contract::route_table::prerendered_page("$uri");
        assert!(
            conf.contains(&format!("try_files {home} /index.html;")),
            "{home}"
        );
        assert!(
            conf.contains(&format!("try_files $uri {any} /index.html;")),
            "{any}"
        );
    }

    #[test]
    fn nginx_caches_exactly_what_the_mock_calls_hashed() {
        let conf = include_str!("../../../deploy/nginx.conf");
        assert!(
            conf.contains(&format!("location ~ \"{HASHED_ASSET_PATTERN}\"")),
            "deploy/nginx.conf's immutable location differs from {HASHED_ASSET_PATTERN}"
        );
    }

    #[test]
    fn nginx_headers_match_the_servers_own() {
        let dir = std::env::temp_dir().join(format!("nginx-headers-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("index.html"), "<script type=module>go()</script>").unwrap();
        let lines = nginx_headers(&dir);
        assert!(lines.contains(&content_security_policy(Some(&dir))));
        for (name, value) in OTHER_SECURITY_HEADERS {
            assert!(lines.contains(&format!("add_header {name} \"{value}\" always;")));
        }
        assert_eq!(lines.lines().count(), 1 + OTHER_SECURITY_HEADERS.len());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn hashes_only_inline_scripts() {
        let html = r#"<script src="/a.js"></script><script type="module">boot()</script>"#;
        let hashes = inline_script_hashes(html);
        assert_eq!(hashes.len(), 1);
        let expected = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(b"boot()"));
        assert_eq!(hashes[0], format!("'sha256-{expected}'"));
        assert!(inline_style_hashes(html).is_empty());
    }

    #[test]
    fn an_inline_stylesheet_is_allowed_by_its_hash_and_nothing_else() {
        let dir = std::env::temp_dir().join(format!("inline-style-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("index.html"),
            "<style>main{color:red}</style><p>x</p>",
        )
        .unwrap();
        let expected =
            base64::engine::general_purpose::STANDARD.encode(Sha256::digest(b"main{color:red}"));
        let csp = content_security_policy(Some(&dir));
        assert!(
            csp.contains(&format!("style-src 'self' 'sha256-{expected}';")),
            "{csp}"
        );
        std::fs::write(dir.join("index.html"), "<p>x</p>").unwrap();
        assert!(content_security_policy(Some(&dir)).contains("style-src 'self';"));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
