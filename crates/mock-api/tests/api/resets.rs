//! "Quên mật khẩu" (`routes/resets.rs`).

use crate::support::{TestApp, CAPTCHA};
use crate::{password_body, GOOD_PASSWORD, REG, RESET};
use axum::http::StatusCode;
use serde_json::json;

#[tokio::test]
async fn password_reset_checks_its_captcha_first_and_spends_it() {
    let app = TestApp::new();
    let captcha_id = app.captcha_id().await;
    for (id_number, phone) in [
        ("001090000001", "0912345678"),
        ("079090000009", "0912345677"),
    ] {
        let wrong = app
            .post(
                RESET,
                json!({"id_number": id_number, "phone": phone, "captcha_id": app.captcha_id().await, "captcha_answer": "WRONG"}),
            )
            .await;
        assert_eq!(wrong.status, StatusCode::BAD_REQUEST);
        assert_eq!(
            wrong.body["error"], "captcha_invalid",
            "the same for a known and an unknown ID"
        );
    }
    let bad_fields = app
        .post(
            RESET,
            json!({"id_number": "", "phone": "", "captcha_id": &captcha_id, "captcha_answer": CAPTCHA}),
        )
        .await;
    assert_eq!(bad_fields.status, StatusCode::UNPROCESSABLE_ENTITY);
    let again = app
        .post(
            RESET,
            json!({"id_number": "001090000001", "phone": "0912345678", "captcha_id": &captcha_id, "captcha_answer": CAPTCHA}),
        )
        .await;
    assert_eq!(
        again.body["error"], "captcha_invalid",
        "a captcha works for one submit only"
    );
    assert!(
        app.last_code("0912345678").await.is_none(),
        "no SMS without a right captcha"
    );
}

#[tokio::test]
async fn password_reset_never_reveals_whether_an_account_exists() {
    let app = TestApp::new();
    let known = app
        .post(
            RESET,
            json!({"id_number": "001090000001", "phone": "0912345678", "captcha_id": app.captcha_id().await, "captcha_answer": CAPTCHA}),
        )
        .await;
    let unknown = app
        .post(
            RESET,
            json!({"id_number": "079090000009", "phone": "0912345677", "captcha_id": app.captcha_id().await, "captcha_answer": CAPTCHA}),
        )
        .await;
    let wrong_phone = app
        .post(
            RESET,
            json!({"id_number": "001090000001", "phone": "0912345676", "captcha_id": app.captcha_id().await, "captcha_answer": CAPTCHA}),
        )
        .await;
    for a in [&known, &unknown, &wrong_phone] {
        assert_eq!(a.status, StatusCode::CREATED);
        let keys: Vec<_> = a.body.as_object().unwrap().keys().cloned().collect();
        assert_eq!(keys, ["otp", "phone_masked", "reset_id"]);
        assert_eq!(a.body["otp"]["sends_left"], 4);
    }
    assert!(
        app.last_code("0912345677").await.is_none(),
        "no SMS for an unknown account"
    );
    assert!(
        app.last_code("0912345676").await.is_none(),
        "no SMS to a phone not on the account"
    );

    let id = known.body["reset_id"].as_str().unwrap();
    let code = app.last_code("0912345678").await.unwrap();
    let token = app.verify(RESET, id, &code).await.body["password_token"]
        .as_str()
        .unwrap()
        .to_owned();
    let a = app
        .post(
            &format!("{RESET}/{id}/password"),
            password_body(&token, GOOD_PASSWORD),
        )
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    assert_eq!(a.body["full_name"], "Nguyễn Văn An", "the reset signs in");
    let old = app.sign_in("001090000001", "Matkhau@2024").await;
    assert_eq!(old.status, StatusCode::UNAUTHORIZED);
    let new = app.sign_in_with_code("001090000001", GOOD_PASSWORD).await;
    assert_eq!(new.status, StatusCode::OK);
    // Registration ids are not reset ids.
    assert_eq!(
        app.verify(REG, id, &code).await.status,
        StatusCode::NOT_FOUND
    );
}
