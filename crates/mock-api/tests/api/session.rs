//! Signing in: password, captcha, lockout, and its code step (`routes/session.rs`).

use crate::support::TestApp;
use crate::REG;
use axum::http::StatusCode;
use contract::endpoints::{self, FlowAction};
use contract::flow::FlowKind;
use serde_json::json;

#[tokio::test]
async fn sign_in_errors_and_lockout_after_5_failures() {
    let app = TestApp::new();
    let ok = app.sign_in_with_code("001090000001", "Matkhau@2024").await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.body);
    assert_eq!(ok.body["full_name"], "Nguyễn Văn An");
    let unknown = app.sign_in("079090000009", "x").await;
    assert_eq!(
        (unknown.status, unknown.body["error"].clone()),
        (StatusCode::UNAUTHORIZED, json!("invalid_credentials"))
    );
    for _ in 0..4 {
        let a = app.sign_in("001090000001", "wrong").await;
        assert_eq!(a.body["error"], "invalid_credentials");
    }
    let a = app.sign_in("001090000001", "wrong").await;
    assert_eq!(
        (a.status, a.body["error"].clone()),
        (StatusCode::LOCKED, json!("locked"))
    );
    assert_eq!(a.body["locked_until"], "2026-11-26T05:15:00Z");
    let locked = app.sign_in("001090000001", "Matkhau@2024").await;
    assert_eq!(
        locked.status,
        StatusCode::LOCKED,
        "locked even with the right password"
    );
    app.advance(900);
    let ok = app.sign_in_with_code("001090000001", "Matkhau@2024").await;
    assert_eq!(ok.status, StatusCode::OK);
}

#[tokio::test]
async fn sign_in_checks_its_captcha_first_and_a_wrong_one_never_counts_as_a_wrong_password() {
    let app = TestApp::new();
    let captcha_id = app.captcha_id().await;
    let wrong = app
        .post(
            endpoints::SESSION,
            json!({"username": "001090000001", "password": "Matkhau@2024",
                   "captcha_id": captcha_id, "captcha_answer": "WRONG"}),
        )
        .await;
    assert_eq!(
        (wrong.status, wrong.body["error"].clone()),
        (StatusCode::BAD_REQUEST, json!("captcha_invalid"))
    );
    let spent = app
        .post(
            endpoints::SESSION,
            json!({"username": "001090000001", "password": "Matkhau@2024",
                   "captcha_id": captcha_id, "captcha_answer": "abcde"}),
        )
        .await;
    assert_eq!(
        spent.body["error"], "captcha_invalid",
        "spent by the wrong answer"
    );
    let unknown = app
        .post(
            endpoints::SESSION,
            json!({"username": "001090000001", "password": "x",
                   "captcha_id": "nope", "captcha_answer": "abcde"}),
        )
        .await;
    assert_eq!(unknown.body["error"], "captcha_invalid");
    assert_eq!(
        app.last_code("0912345678").await,
        None,
        "no code without the captcha"
    );
    // Four wrong passwords, then wrong captchas with wrong passwords: still not locked.
    for _ in 0..4 {
        assert_eq!(
            app.sign_in("001090000001", "wrong").await.body["error"],
            "invalid_credentials"
        );
    }
    for _ in 0..3 {
        let a = app
            .post(
                endpoints::SESSION,
                json!({"username": "001090000001", "password": "wrong",
                       "captcha_id": app.captcha_id().await, "captcha_answer": "WRONG"}),
            )
            .await;
        assert_eq!(a.body["error"], "captcha_invalid");
    }
    let ok = app.sign_in_with_code("001090000001", "Matkhau@2024").await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.body);
}

#[tokio::test]
async fn sign_in_codes_expire_resend_and_lock_as_in_registration() {
    let app = TestApp::new();
    let challenge = app.sign_in("001090000001", "Matkhau@2024").await;
    let id = challenge.body["challenge_id"].as_str().unwrap().to_owned();
    let first = app.last_code("0912345678").await.unwrap();
    let early = app
        .post(
            &FlowKind::SignIn.api_path(&id, FlowAction::Resend),
            json!({}),
        )
        .await;
    assert_eq!(
        (early.status, early.body["error"].clone()),
        (StatusCode::TOO_MANY_REQUESTS, json!("resend_too_soon"))
    );
    app.advance(60);
    let resent = app
        .post(
            &FlowKind::SignIn.api_path(&id, FlowAction::Resend),
            json!({}),
        )
        .await;
    assert_eq!(resent.status, StatusCode::OK, "{}", resent.body);
    assert_eq!(resent.body["otp"]["sends_left"], 3);
    let second = app.last_code("0912345678").await.unwrap();
    if second != first {
        let old = app.verify(endpoints::SESSION, &id, &first).await;
        assert_eq!(
            old.body["error"], "otp_incorrect",
            "the old code stops working"
        );
    }
    app.advance(300);
    let late = app.verify(endpoints::SESSION, &id, &second).await;
    assert_eq!(
        (late.status, late.body["error"].clone()),
        (StatusCode::GONE, json!("otp_expired"))
    );

    let challenge = app.sign_in("001090000001", "Matkhau@2024").await;
    let id = challenge.body["challenge_id"].as_str().unwrap().to_owned();
    let code = app.last_code("0912345678").await.unwrap();
    let wrong = if code == "000000" { "111111" } else { "000000" };
    for left in (1..5).rev() {
        let a = app.verify(endpoints::SESSION, &id, wrong).await;
        assert_eq!(a.body["attempts_left"], left);
    }
    let locked = app.verify(endpoints::SESSION, &id, wrong).await;
    assert_eq!(
        (locked.status, locked.body["error"].clone()),
        (StatusCode::LOCKED, json!("locked"))
    );
    let right = app.verify(endpoints::SESSION, &id, &code).await;
    assert_eq!(
        right.status,
        StatusCode::LOCKED,
        "even the right code waits"
    );
    // A registration's id is not a challenge, nor a challenge a registration.
    let reg = app.start(40, "0912345640").await;
    assert_eq!(
        app.verify(endpoints::SESSION, &reg, "123456").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.verify(REG, &id, &code).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.post(
            &FlowKind::SignIn.api_path(&id, FlowAction::Password),
            json!({})
        )
        .await
        .status,
        StatusCode::NOT_FOUND,
        "signing in sets no password"
    );
}
