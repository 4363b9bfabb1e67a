//! The SPA's files, deep links and headers (`static_site.rs`).

use crate::support::TestApp;
use axum::http::{header, StatusCode};
use contract::endpoints::{self};
use contract::route_table;

#[tokio::test]
async fn serves_the_spa_with_deep_links_cache_rules_and_security_headers() {
    let dir = std::env::temp_dir().join(format!("mock-api-static-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("index.html"),
        "<html><script type=\"module\">boot()</script></html>",
    )
    .unwrap();
    std::fs::write(dir.join("portal-0123456789abcdef.js"), "export {}").unwrap();
    let app = TestApp::with(|c| c.static_dir = Some(dir.clone()));
    let deep = app.get(route_table::REGISTRATION).await;
    assert_eq!(deep.status, StatusCode::OK);
    assert_eq!(deep.headers[header::CACHE_CONTROL], "no-cache");
    let csp = deep.headers[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .unwrap();
    assert!(
        csp.contains("'wasm-unsafe-eval'")
            && csp.contains("'sha256-")
            && csp.contains("frame-ancestors 'none'")
    );
    assert!(!csp.contains("unsafe-inline"));
    assert_eq!(deep.headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    assert_eq!(deep.headers[header::REFERRER_POLICY], "no-referrer");
    let asset = app.get("/portal-0123456789abcdef.js").await;
    assert_eq!(
        asset.headers[header::CACHE_CONTROL],
        "public, max-age=31536000, immutable"
    );
    assert_eq!(
        app.get(&format!("{}/unknown", endpoints::API)).await.body["error"],
        "not_found"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
