//! Starting a registration: fields, personas, limits (`routes/registrations.rs`), and the
//! whole path to an account.

use crate::support::{TestApp, CAPTCHA};
use crate::{password_body, GOOD_PASSWORD, REG};
use axum::http::{header, StatusCode};
use contract::endpoints::{self};
use serde_json::json;

#[tokio::test]
async fn happy_path_register_verify_set_password_sign_in() {
    let app = TestApp::new();
    let body = app.registration(123, "0912345679").await;
    let a = app.post(REG, body).await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.body);
    assert_eq!(a.body["phone_masked"], "09******79");
    let otp = &a.body["otp"];
    assert_eq!(otp["length"], 6);
    assert_eq!(otp["server_time"], "2026-11-26T05:00:00Z");
    assert_eq!(otp["expires_at"], "2026-11-26T05:05:00Z");
    assert_eq!(otp["resend_available_at"], "2026-11-26T05:01:00Z");
    assert_eq!(otp["sends_left"], 4);
    assert_eq!(otp["attempts_left"], 5);
    let id = a.body["registration_id"].as_str().unwrap();

    let outbox = app.get(endpoints::DEV_OUTBOX).await.body;
    let sms = &outbox[0];
    let code = sms["code"].as_str().unwrap();
    assert_eq!(code.len(), 6);
    assert!(
        sms["text"]
            .as_str()
            .unwrap()
            .ends_with(&format!("\n@localhost #{code}")),
        "WebOTP line"
    );

    let v = app.verify(REG, id, &format!("#{code}")).await;
    assert_eq!(v.status, StatusCode::OK, "{}", v.body);
    let token = v.body["password_token"].as_str().unwrap();
    let p = app
        .post(
            &format!("{REG}/{id}/password"),
            password_body(token, GOOD_PASSWORD),
        )
        .await;
    assert_eq!(p.status, StatusCode::CREATED, "{}", p.body);
    assert_eq!(
        p.body,
        json!({ "username": "001090000223", "full_name": "Trần Thị Bình", "verification_level": 2 })
    );

    // Signing in: the pair and the captcha, then a code to the account's phone.
    let challenge = app.sign_in("001 090 000 223", GOOD_PASSWORD).await;
    assert_eq!(challenge.status, StatusCode::OK, "{}", challenge.body);
    assert_eq!(challenge.body["phone_masked"], "09******79");
    assert_eq!(challenge.body["otp"]["attempts_left"], 5);
    assert!(challenge.body.get("full_name").is_none(), "no session yet");
    let id = challenge.body["challenge_id"].as_str().unwrap();
    let code = app.last_code("0912345679").await.unwrap();
    let sms = &app.get(endpoints::DEV_OUTBOX).await.body[0];
    assert!(sms["text"].as_str().unwrap().contains("dang nhap"));
    let s = app.verify(endpoints::SESSION, id, &code).await;
    assert_eq!(s.status, StatusCode::OK, "{}", s.body);
    assert_eq!(
        s.body,
        json!({ "full_name": "Trần Thị Bình", "verification_level": 2 })
    );
    assert_eq!(
        app.verify(endpoints::SESSION, id, &code).await.status,
        StatusCode::NOT_FOUND,
        "one sign-in per code"
    );
}

#[tokio::test]
async fn invalid_fields_get_422_with_every_field_code() {
    let app = TestApp::new();
    let body = json!({
        "id_number": "12ab", "full_name": "A1", "date_of_birth": "2030-01-01",
        "phone": "02438253535", "email": "nope", "captcha_id": app.captcha_id().await,
        "captcha_answer": CAPTCHA,
    });
    let a = app.post(REG, body).await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(a.body["error"], "validation");
    assert_eq!(
        a.body["fields"],
        json!({ "id_number": "not_digits", "full_name": "invalid_characters",
                "date_of_birth": "in_future", "phone": "landline", "email": "invalid" })
    );
    assert!(
        a.body["message"].as_str().unwrap().contains("Sửa"),
        "Vietnamese by default"
    );
}

#[tokio::test]
async fn cccd_year_must_agree_with_birth_date() {
    let app = TestApp::new();
    let mut body = app.registration(1, "0912345679").await;
    body["date_of_birth"] = json!("1991-05-15");
    let a = app.post(REG, body).await;
    assert_eq!(
        a.body["fields"],
        json!({ "id_number": "birth_year_mismatch" })
    );
}

#[tokio::test]
async fn personas_account_exists_carrier_mismatch_sms_never_arrives() {
    let app = TestApp::new();
    let mut body = app.registration(1, "0912345679").await;
    body["id_number"] = json!("001090000001");
    let a = app.post(REG, body).await;
    assert_eq!(
        (a.status, a.body["error"].clone()),
        (StatusCode::CONFLICT, json!("account_exists"))
    );

    let body = app.registration(2, "0912000000").await;
    let a = app.post(REG, body).await;
    assert_eq!(
        (a.status, a.body["error"].clone()),
        (StatusCode::CONFLICT, json!("carrier_mismatch"))
    );

    app.start(3, "0988000000").await;
    assert_eq!(
        app.last_code("0988000000").await,
        None,
        "the SMS never arrives"
    );
}

#[tokio::test]
async fn five_registrations_per_phone_per_hour() {
    let app = TestApp::new();
    for n in 0..5 {
        app.start(n, "0912345679").await;
    }
    let body = app.registration(9, "0912345679").await;
    let a = app.post(REG, body).await;
    assert_eq!(a.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(a.body["error"], "rate_limited");
    assert_eq!(a.body["retry_after_s"], 3600);
    assert_eq!(a.headers[header::RETRY_AFTER], "3600");
    app.advance(3600);
    app.start(10, "0912345679").await;
}

#[tokio::test]
async fn ip_limit_and_switching_it_off() {
    let app = TestApp::with(|c| c.ip_limit = 2);
    app.start(1, "0912345671").await;
    app.start(2, "0912345672").await;
    let body = app.registration(3, "0912345673").await;
    let a = app.post(REG, body).await;
    assert_eq!(a.body["error"], "rate_limited");
    assert_eq!(a.headers[header::RETRY_AFTER], "600");

    let off = TestApp::with(|c| c.ip_limit = 0);
    for n in 0..8 {
        off.start(n, &format!("091234560{n}")).await;
    }
}
