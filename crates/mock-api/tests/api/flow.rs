//! A started flow's code and password steps (`routes/flow.rs`).

use crate::support::TestApp;
use crate::{password_body, GOOD_PASSWORD, REG};
use axum::http::StatusCode;
use serde_json::json;

#[tokio::test]
async fn resend_waits_issues_a_new_code_and_is_limited() {
    let app = TestApp::new();
    let id = app.start(1, "0912345679").await;
    let first = app.last_code("0912345679").await.unwrap();
    let resend = format!("{REG}/{id}/otp/resend");
    let a = app.post(&resend, json!({})).await;
    assert_eq!(a.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(a.body["error"], "resend_too_soon");
    assert_eq!(a.body["retry_after_s"], 60);
    app.advance(60);
    let a = app.post(&resend, json!({})).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    assert_eq!(a.body["otp"]["sends_left"], 3);
    assert_eq!(
        a.body["otp"]["expires_at"], "2026-11-26T05:06:00Z",
        "expiry restarts"
    );
    let second = app.last_code("0912345679").await.unwrap();
    if first != second {
        assert_eq!(
            app.verify(REG, &id, &first).await.body["error"],
            "otp_incorrect",
            "old code stops working"
        );
    }
    for _ in 0..3 {
        app.advance(60);
        assert_eq!(app.post(&resend, json!({})).await.status, StatusCode::OK);
    }
    app.advance(60);
    let a = app.post(&resend, json!({})).await;
    assert_eq!(
        (a.status, a.body["error"].clone()),
        (StatusCode::TOO_MANY_REQUESTS, json!("resend_limit"))
    );
    assert_eq!(
        app.post(&format!("{REG}/nope/otp/resend"), json!({}))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn wrong_codes_lock_expired_codes_and_replays_are_refused() {
    let app = TestApp::new();
    let id = app.start(1, "0912345679").await;
    let code = app.last_code("0912345679").await.unwrap();
    let wrong = if code == "000000" { "111111" } else { "000000" };
    for left in (1..5).rev() {
        let a = app.verify(REG, &id, wrong).await;
        assert_eq!(a.status, StatusCode::BAD_REQUEST);
        assert_eq!(
            (a.body["error"].clone(), a.body["attempts_left"].clone()),
            (json!("otp_incorrect"), json!(left))
        );
    }
    let a = app.verify(REG, &id, wrong).await;
    assert_eq!(a.status, StatusCode::LOCKED);
    assert_eq!(a.body["retry_after_s"], 900);
    assert_eq!(a.body["locked_until"], "2026-11-26T05:15:00Z");
    assert_eq!(
        app.verify(REG, &id, &code).await.status,
        StatusCode::LOCKED,
        "even the right code"
    );

    let id = app.start(2, "0912345670").await;
    let code = app.last_code("0912345670").await.unwrap();
    app.advance(300);
    let a = app.verify(REG, &id, &code).await;
    assert_eq!(
        (a.status, a.body["error"].clone()),
        (StatusCode::GONE, json!("otp_expired"))
    );

    let id = app.start(3, "0912345671").await;
    let code = app.last_code("0912345671").await.unwrap();
    assert_eq!(app.verify(REG, &id, &code).await.status, StatusCode::OK);
    assert_eq!(
        app.verify(REG, &id, &code).await.status,
        StatusCode::GONE,
        "a code works once"
    );
    assert_eq!(
        app.verify(REG, "nope", &code).await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn malformed_code_does_not_spend_an_attempt() {
    let app = TestApp::new();
    let id = app.start(1, "0912345679").await;
    let a = app.verify(REG, &id, "12ab").await;
    assert_eq!(
        (a.body["error"].clone(), a.body["attempts_left"].clone()),
        (json!("otp_incorrect"), json!(5))
    );
}

#[tokio::test]
async fn password_tokens_are_bound_to_their_registration_and_rules_are_enforced() {
    let app = TestApp::new();
    let a = app.start(1, "0912345671").await;
    let b = app.start(2, "0912345672").await;
    let code_a = app.last_code("0912345671").await.unwrap();
    let token_a = app.verify(REG, &a, &code_a).await.body["password_token"]
        .as_str()
        .unwrap()
        .to_owned();
    let cross = app
        .post(
            &format!("{REG}/{b}/password"),
            password_body(&token_a, GOOD_PASSWORD),
        )
        .await;
    assert_eq!(
        (cross.status, cross.body["error"].clone()),
        (StatusCode::UNAUTHORIZED, json!("invalid_token"))
    );

    let weak = app
        .post(
            &format!("{REG}/{a}/password"),
            password_body(&token_a, "matkhau1990"),
        )
        .await;
    assert_eq!(weak.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        weak.body["rules"],
        json!(["uppercase", "special", "no_birth_date"])
    );
    let mismatch = app
        .post(&format!("{REG}/{a}/password"), json!({"password_token": token_a, "password": GOOD_PASSWORD, "password_confirmation": "x"}))
        .await;
    assert_eq!(mismatch.body["rules"], json!(["confirmation_matches"]));

    let ok = app
        .post(
            &format!("{REG}/{a}/password"),
            password_body(&token_a, GOOD_PASSWORD),
        )
        .await;
    assert_eq!(ok.status, StatusCode::CREATED);
    let again = app
        .post(
            &format!("{REG}/{a}/password"),
            password_body(&token_a, GOOD_PASSWORD),
        )
        .await;
    assert_eq!(again.status, StatusCode::NOT_FOUND, "the flow is finished");
}

#[tokio::test]
async fn password_token_expires_after_10_minutes() {
    let app = TestApp::new();
    let id = app.start(1, "0912345671").await;
    let code = app.last_code("0912345671").await.unwrap();
    let token = app.verify(REG, &id, &code).await.body["password_token"]
        .as_str()
        .unwrap()
        .to_owned();
    app.advance(600);
    let a = app
        .post(
            &format!("{REG}/{id}/password"),
            password_body(&token, GOOD_PASSWORD),
        )
        .await;
    assert_eq!(a.body["error"], "invalid_token");
}
