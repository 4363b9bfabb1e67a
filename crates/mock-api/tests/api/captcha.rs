//! `GET /api/captcha` and how a captcha is checked and spent (`routes/captcha.rs`).

use crate::support::{TestApp, CAPTCHA};
use crate::REG;
use axum::http::StatusCode;
use contract::endpoints::{self};
use serde_json::json;

#[tokio::test]
async fn captcha_is_an_svg_image_with_an_id() {
    let app = TestApp::new();
    let a = app.get(endpoints::CAPTCHA).await;
    assert_eq!(a.status, StatusCode::OK);
    assert!(a.body["image_svg"].as_str().unwrap().starts_with("<svg"));
    assert_eq!(a.body["expires_in_s"], 300);
    assert_eq!(a.body["captcha_id"].as_str().unwrap().len(), 32);
}

#[tokio::test]
async fn wrong_captcha_is_refused_and_the_captcha_is_spent() {
    let app = TestApp::new();
    let mut body = app.registration(1, "0912345679").await;
    body["captcha_answer"] = json!("WRONG");
    let a = app.post(REG, body.clone()).await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
    assert_eq!(a.body["error"], "captcha_invalid");
    body["captcha_answer"] = json!(CAPTCHA);
    let again = app.post(REG, body).await;
    assert_eq!(
        again.body["error"], "captcha_invalid",
        "a captcha works for one submit only"
    );
}

#[tokio::test]
async fn expired_captcha_is_refused() {
    let app = TestApp::new();
    let body = app.registration(1, "0912345679").await;
    app.advance(301);
    assert_eq!(app.post(REG, body).await.body["error"], "captcha_invalid");
}
