//! The development endpoints (`routes/dev.rs`).

use crate::register;
use crate::support::TestApp;
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use contract::endpoints::{self};
use serde_json::json;

#[tokio::test]
async fn dev_endpoint_tells_a_live_captchas_answer_for_the_panel() {
    let app = TestApp::new();
    let id = app.captcha_id().await;
    let answer = app.get(&format!("{}/{id}", endpoints::DEV_CAPTCHAS)).await;
    assert_eq!(answer.status, StatusCode::OK);
    let text = answer.body["answer"].as_str().unwrap().to_owned();
    assert_eq!(text.chars().count(), 5);
    let unknown = app.get(&format!("{}/nope", endpoints::DEV_CAPTCHAS)).await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    assert_eq!(unknown.body["error"], "not_found");
}

#[tokio::test]
async fn dev_endpoint_serves_the_gallery_baselines_images_and_nothing_else() {
    let app = TestApp::new();
    let image = app
        .get(&format!("{}/home-375.png", endpoints::DEV_GALLERY_BASELINE))
        .await;
    assert_eq!(image.status, StatusCode::OK);
    assert_eq!(image.headers[header::CONTENT_TYPE], "image/png");
    for other in [
        "chromium.txt",
        "..%2F..%2FCargo.toml.png",
        "..%2Fbaseline%2Fhome-375.png",
        "nope-375.png",
        ".png",
    ] {
        let refused = app
            .get(&format!("{}/{other}", endpoints::DEV_GALLERY_BASELINE))
            .await;
        assert_eq!(refused.status, StatusCode::NOT_FOUND, "{other}");
    }
}

#[tokio::test]
async fn dev_endpoints_move_the_clock_and_inject_faults_and_vanish_with_no_dev() {
    let app = TestApp::new();
    let a = app
        .post(endpoints::DEV_CLOCK, json!({"advance_s": 120}))
        .await;
    assert_eq!(a.body["now"], "2026-11-26T05:02:00Z");
    let a = app
        .post(
            endpoints::DEV_FAULTS,
            json!({"fail_next": 1, "status": 500}),
        )
        .await;
    assert_eq!(a.status, StatusCode::OK);
    let failed = app.get(endpoints::CAPTCHA).await;
    assert_eq!(
        (failed.status, failed.body["error"].clone()),
        (StatusCode::INTERNAL_SERVER_ERROR, json!("unavailable"))
    );
    assert_eq!(
        app.get(endpoints::CAPTCHA).await.status,
        StatusCode::OK,
        "only the next request fails"
    );
    let bad = app
        .post(endpoints::DEV_FAULTS, json!({"status": 200}))
        .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);

    let prod = TestApp::with(|c| c.no_dev = true);
    assert_eq!(
        prod.get(endpoints::DEV_OUTBOX).await.status,
        StatusCode::NOT_FOUND
    );
    let id = prod.captcha_id().await;
    assert_eq!(
        prod.get(&format!("{}/{id}", endpoints::DEV_CAPTCHAS))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        prod.post(endpoints::DEV_CLOCK, json!({"advance_s": 1}))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn clearing_the_data_leaves_only_the_personas() {
    let app = TestApp::new();
    assert_eq!(
        register(&app, 13, "0912345684").await.status,
        StatusCode::CREATED
    );
    app.start(14, "0912345685").await;
    let cleared = app
        .raw(
            Request::delete(endpoints::DEV_DATA)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(cleared.status, StatusCode::OK);
    assert_eq!(cleared.body["accounts"], 2, "the new one and the persona");
    assert_eq!(cleared.body["flows"], 1);
    assert!(!app.has_account("001090000113"));
    assert!(app.has_account(mock_api::personas::EXISTING_ID));
    assert_eq!(app.flows(), 0);
    assert_eq!(app.get(endpoints::DEV_OUTBOX).await.body, json!([]));
    assert_eq!(
        register(&app, 13, "0912345684").await.status,
        StatusCode::CREATED
    );
}
