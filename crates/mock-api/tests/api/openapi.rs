//! The contract's paths, the router and the OpenAPI document (`routes/openapi.rs`).

use crate::support::TestApp;
use axum::body::Body;
use axum::http::{Request, StatusCode};

/// The paths written once in the contract are the ones the router serves and the OpenAPI
/// document describes: every one is routed (the other method gets 405, not the `/api` 404),
/// and the document lists exactly them.
#[tokio::test]
async fn the_contracts_paths_are_the_routed_and_documented_ones() {
    use contract::endpoints::{all_patterns, CAPTCHA, OPENAPI};
    let app = TestApp::new();
    for pattern in all_patterns() {
        let path = pattern.replace("{id}", "x");
        let wrong = if [CAPTCHA, OPENAPI].contains(&pattern.as_str()) {
            Request::post(&path)
        } else {
            Request::get(&path)
        };
        let answer = app.raw(wrong.body(Body::empty()).unwrap()).await;
        assert_eq!(answer.status, StatusCode::METHOD_NOT_ALLOWED, "{pattern}");
    }
    let doc = app.get(OPENAPI).await.body;
    let mut documented: Vec<String> = doc["paths"]
        .as_object()
        .expect("paths")
        .keys()
        .cloned()
        .collect();
    let mut expected: Vec<String> = all_patterns()
        .into_iter()
        .filter(|p| p != OPENAPI)
        .collect();
    documented.sort();
    expected.sort();
    assert_eq!(documented, expected);
}
