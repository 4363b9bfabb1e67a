//! Every row and error code of spec §5, driven in-process with a controllable clock.

mod support;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use contract::api::ErrorCode;
use contract::{Lang, Localize};
use serde_json::{json, Value};
use support::{TestApp, CAPTCHA};

const REG: &str = "/api/registrations";
const RESET: &str = "/api/password-resets";
const GOOD_PASSWORD: &str = "Sen#vang7Ho";

fn password_body(token: &str, pw: &str) -> Value {
    json!({ "password_token": token, "password": pw, "password_confirmation": pw })
}

#[tokio::test]
async fn dev_endpoint_tells_a_live_captchas_answer_for_the_panel() {
    let app = TestApp::new();
    let id = app.captcha_id().await;
    let answer = app.get(&format!("/api/dev/captchas/{id}")).await;
    assert_eq!(answer.status, StatusCode::OK);
    let text = answer.body["answer"].as_str().unwrap().to_owned();
    assert_eq!(text.chars().count(), 5);
    let unknown = app.get("/api/dev/captchas/nope").await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    assert_eq!(unknown.body["error"], "not_found");
}

#[tokio::test]
async fn dev_endpoint_serves_the_gallery_baselines_images_and_nothing_else() {
    let app = TestApp::new();
    let image = app.get("/api/dev/gallery-baseline/home-375.png").await;
    assert_eq!(image.status, StatusCode::OK);
    assert_eq!(image.headers[header::CONTENT_TYPE], "image/png");
    for other in [
        "chromium.txt",
        "..%2F..%2FCargo.toml.png",
        "..%2Fbaseline%2Fhome-375.png",
        "nope-375.png",
        ".png",
    ] {
        let refused = app.get(&format!("/api/dev/gallery-baseline/{other}")).await;
        assert_eq!(refused.status, StatusCode::NOT_FOUND, "{other}");
    }
}

#[tokio::test]
async fn captcha_is_an_svg_image_with_an_id() {
    let app = TestApp::new();
    let a = app.get("/api/captcha").await;
    assert_eq!(a.status, StatusCode::OK);
    assert!(a.body["image_svg"].as_str().unwrap().starts_with("<svg"));
    assert_eq!(a.body["expires_in_s"], 300);
    assert_eq!(a.body["captcha_id"].as_str().unwrap().len(), 32);
}

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

    let outbox = app.get("/api/dev/outbox").await.body;
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
    let sms = &app.get("/api/dev/outbox").await.body[0];
    assert!(sms["text"].as_str().unwrap().contains("dang nhap"));
    let s = app.verify("/api/session", id, &code).await;
    assert_eq!(s.status, StatusCode::OK, "{}", s.body);
    assert_eq!(
        s.body,
        json!({ "full_name": "Trần Thị Bình", "verification_level": 2 })
    );
    assert_eq!(
        app.verify("/api/session", id, &code).await.status,
        StatusCode::NOT_FOUND,
        "one sign-in per code"
    );
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
async fn messages_follow_accept_language() {
    let app = TestApp::new();
    let req = Request::post(REG)
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::ACCEPT_LANGUAGE, "en-GB,en;q=0.9")
        .body(Body::from(json!({"id_number":"","full_name":"","date_of_birth":"","phone":"","captcha_id":"x","captcha_answer":"y"}).to_string()))
        .unwrap();
    let a = app.raw(req).await;
    assert_eq!(a.body["error"], "captcha_invalid");
    assert!(a.body["message"]
        .as_str()
        .unwrap()
        .starts_with("The verification code"));
}

/// The language is chosen once for every `/api` answer: the 404 and 405 fallbacks, a
/// malformed body's rejection and an injected fault follow `Accept-Language` like the
/// handlers' own errors, and say it in Vietnamese without it.
#[tokio::test]
async fn every_error_answer_follows_accept_language() {
    let app = TestApp::new();
    let english = |req: axum::http::request::Builder, body: Body| {
        req.header(header::ACCEPT_LANGUAGE, "en")
            .header(header::CONTENT_TYPE, "application/json")
            .body(body)
            .unwrap()
    };
    let not_found = app
        .raw(english(Request::get("/api/nothing-here"), Body::empty()))
        .await;
    let wrong_method = app.raw(english(Request::get(REG), Body::empty())).await;
    let malformed = app.raw(english(Request::post(REG), Body::from("{"))).await;
    app.post("/api/dev/faults", json!({"fail_next": 1, "status": 503}))
        .await;
    let fault = app
        .raw(english(Request::get("/api/captcha"), Body::empty()))
        .await;
    let vietnamese = app.get("/api/nothing-here").await;
    assert_eq!(not_found.status, StatusCode::NOT_FOUND);
    assert_eq!(wrong_method.status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(malformed.status, StatusCode::BAD_REQUEST);
    assert_eq!(fault.status, StatusCode::SERVICE_UNAVAILABLE);
    let text = |a: &support::Answer| a.body["message"].as_str().unwrap_or_default().to_owned();
    for (answer, code) in [
        (&not_found, ErrorCode::NotFound),
        (&wrong_method, ErrorCode::BadRequest),
        (&malformed, ErrorCode::BadRequest),
        (&fault, ErrorCode::Unavailable),
    ] {
        assert_eq!(answer.body["error"], json!(code), "{:?}", answer.body);
        assert!(
            text(answer).starts_with(code.text(Lang::En)),
            "{:?}",
            answer.body
        );
        assert_ne!(code.text(Lang::En), code.text(Lang::Vi));
    }
    assert_eq!(text(&vietnamese), ErrorCode::NotFound.text(Lang::Vi));
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
            "/api/session",
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
            "/api/session",
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
            "/api/session",
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
                "/api/session",
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
        .post(&format!("/api/session/{id}/otp/resend"), json!({}))
        .await;
    assert_eq!(
        (early.status, early.body["error"].clone()),
        (StatusCode::TOO_MANY_REQUESTS, json!("resend_too_soon"))
    );
    app.advance(60);
    let resent = app
        .post(&format!("/api/session/{id}/otp/resend"), json!({}))
        .await;
    assert_eq!(resent.status, StatusCode::OK, "{}", resent.body);
    assert_eq!(resent.body["otp"]["sends_left"], 3);
    let second = app.last_code("0912345678").await.unwrap();
    if second != first {
        let old = app.verify("/api/session", &id, &first).await;
        assert_eq!(
            old.body["error"], "otp_incorrect",
            "the old code stops working"
        );
    }
    app.advance(300);
    let late = app.verify("/api/session", &id, &second).await;
    assert_eq!(
        (late.status, late.body["error"].clone()),
        (StatusCode::GONE, json!("otp_expired"))
    );

    let challenge = app.sign_in("001090000001", "Matkhau@2024").await;
    let id = challenge.body["challenge_id"].as_str().unwrap().to_owned();
    let code = app.last_code("0912345678").await.unwrap();
    let wrong = if code == "000000" { "111111" } else { "000000" };
    for left in (1..5).rev() {
        let a = app.verify("/api/session", &id, wrong).await;
        assert_eq!(a.body["attempts_left"], left);
    }
    let locked = app.verify("/api/session", &id, wrong).await;
    assert_eq!(
        (locked.status, locked.body["error"].clone()),
        (StatusCode::LOCKED, json!("locked"))
    );
    let right = app.verify("/api/session", &id, &code).await;
    assert_eq!(
        right.status,
        StatusCode::LOCKED,
        "even the right code waits"
    );
    // A registration's id is not a challenge, nor a challenge a registration.
    let reg = app.start(40, "0912345640").await;
    assert_eq!(
        app.verify("/api/session", &reg, "123456").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.verify(REG, &id, &code).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.post(&format!("/api/session/{id}/password"), json!({}))
            .await
            .status,
        StatusCode::NOT_FOUND,
        "signing in sets no password"
    );
}

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

#[tokio::test]
async fn bad_input_gets_json_400_or_413_never_500() {
    let app = TestApp::new();
    let malformed = Request::post(REG)
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from("{\"id_number\": "))
        .unwrap();
    let a = app.raw(malformed).await;
    assert_eq!(
        (a.status, a.body["error"].clone()),
        (StatusCode::BAD_REQUEST, json!("bad_request"))
    );

    let wrong_type = Request::post(REG)
        .header(header::CONTENT_TYPE, "text/plain")
        .body(Body::from("{}"))
        .unwrap();
    assert_eq!(app.raw(wrong_type).await.body["error"], "bad_request");
    let no_type = Request::post("/api/session")
        .body(Body::from("{}"))
        .unwrap();
    assert_eq!(app.raw(no_type).await.status, StatusCode::BAD_REQUEST);

    let unknown_field = app
        .post(
            "/api/session",
            json!({"username": "a", "password": "b", "admin": true}),
        )
        .await;
    assert_eq!(unknown_field.status, StatusCode::BAD_REQUEST);
    assert!(unknown_field.body["message"]
        .as_str()
        .unwrap()
        .contains("admin"));

    let wrong_types = app
        .post(
            REG,
            json!({"id_number": 1, "full_name": [], "date_of_birth": null}),
        )
        .await;
    assert_eq!(wrong_types.status, StatusCode::BAD_REQUEST);

    let big = json!({"username": "x".repeat(17 * 1024), "password": "y"});
    let a = app.post("/api/session", big).await;
    assert_eq!(
        (a.status, a.body["error"].clone()),
        (StatusCode::PAYLOAD_TOO_LARGE, json!("payload_too_large"))
    );

    let a = app.get("/api/session").await;
    assert_eq!(a.status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(a.body["error"], "bad_request");
    let a = app.get("/api/nothing-here").await;
    assert_eq!(
        (a.status, a.body["error"].clone()),
        (StatusCode::NOT_FOUND, json!("not_found"))
    );
}

#[tokio::test]
async fn dev_endpoints_move_the_clock_and_inject_faults_and_vanish_with_no_dev() {
    let app = TestApp::new();
    let a = app.post("/api/dev/clock", json!({"advance_s": 120})).await;
    assert_eq!(a.body["now"], "2026-11-26T05:02:00Z");
    let a = app
        .post("/api/dev/faults", json!({"fail_next": 1, "status": 500}))
        .await;
    assert_eq!(a.status, StatusCode::OK);
    let failed = app.get("/api/captcha").await;
    assert_eq!(
        (failed.status, failed.body["error"].clone()),
        (StatusCode::INTERNAL_SERVER_ERROR, json!("unavailable"))
    );
    assert_eq!(
        app.get("/api/captcha").await.status,
        StatusCode::OK,
        "only the next request fails"
    );
    let bad = app.post("/api/dev/faults", json!({"status": 200})).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);

    let prod = TestApp::with(|c| c.no_dev = true);
    assert_eq!(
        prod.get("/api/dev/outbox").await.status,
        StatusCode::NOT_FOUND
    );
    let id = prod.captcha_id().await;
    assert_eq!(
        prod.get(&format!("/api/dev/captchas/{id}")).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        prod.post("/api/dev/clock", json!({"advance_s": 1}))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

fn scratch_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("mock-api-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Registers `n` on `phone` through to its password step's answer.
async fn register(app: &TestApp, n: u32, phone: &str) -> support::Answer {
    let (id, token) = app.verified(n, phone).await;
    app.post(
        &format!("{REG}/{id}/password"),
        password_body(&token, GOOD_PASSWORD),
    )
    .await
}

#[tokio::test]
async fn accounts_and_flows_under_way_survive_a_restart_with_a_database() {
    let dir = scratch_dir("db");
    let file = dir.join("mock.sqlite3");
    let (flow, code) = {
        let app = TestApp::with(|c| c.db = Some(file.clone()));
        assert_eq!(
            register(&app, 7, "0912345679").await.status,
            StatusCode::CREATED
        );
        // A second citizen is on the code step when the server stops.
        let flow = app.start(8, "0912345680").await;
        let wrong = app.verify(REG, &flow, "000000").await;
        assert_eq!(wrong.body["attempts_left"], 4);
        (flow, app.last_code("0912345680").await.unwrap())
    };
    let bytes = std::fs::read(&file).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    assert!(!text.contains(GOOD_PASSWORD), "only a hash is stored");
    assert!(!text.contains(&code), "the code is stored hashed");
    let restarted = TestApp::with(|c| c.db = Some(file.clone()));
    let s = restarted
        .sign_in_with_code("001090000107", GOOD_PASSWORD)
        .await;
    assert_eq!(s.status, StatusCode::OK, "{}", s.body);
    let wrong = restarted.verify(REG, &flow, "000001").await;
    assert_eq!(wrong.body["attempts_left"], 3, "the spent attempt was kept");
    let right = restarted.verify(REG, &flow, &code).await;
    assert_eq!(right.status, StatusCode::OK, "{}", right.body);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[tokio::test]
async fn an_old_json_state_file_is_imported_once_and_left_as_it_was() {
    let dir = scratch_dir("import");
    let json = dir.join("state.json");
    let hash = mock_api::passwords::hash(GOOD_PASSWORD);
    let old = format!(
        r#"[{{"id_number":"001090000321","full_name":"Lê Văn Cường","phone":"0912000321",
             "birth_date":"1990-05-15","password_hash":"{hash}"}}]"#
    );
    std::fs::write(&json, &old).unwrap();
    {
        let app = TestApp::with(|c| c.state_file = Some(json.clone()));
        assert!(app.has_account("001090000321"));
        assert_eq!(
            app.sign_in("001090000321", GOOD_PASSWORD).await.status,
            StatusCode::OK
        );
        assert_eq!(
            register(&app, 9, "0912345681").await.status,
            StatusCode::CREATED
        );
    }
    assert_eq!(
        std::fs::read_to_string(&json).unwrap(),
        old,
        "never written"
    );
    assert!(dir.join("state.sqlite3").exists(), "the database beside it");
    // Once: a later start keeps the database's data, whatever the JSON says now.
    std::fs::write(&json, "[]").unwrap();
    let again = TestApp::with(|c| c.state_file = Some(json.clone()));
    assert!(again.has_account("001090000321") && again.has_account("001090000109"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[tokio::test]
async fn a_write_that_fails_answers_503_and_keeps_nothing() {
    let app = TestApp::new();
    let (id, token) = app.verified(11, "0912345682").await;
    let flows_before = app.flows();
    app.state.db.refuse_writes(true);
    let refused = app
        .post(
            &format!("{REG}/{id}/password"),
            password_body(&token, GOOD_PASSWORD),
        )
        .await;
    assert_eq!(refused.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(refused.body["error"], "unavailable");
    assert!(
        !app.has_account("001090000111"),
        "no account without a commit"
    );
    let outbox_before = app
        .get("/api/dev/outbox")
        .await
        .body
        .as_array()
        .unwrap()
        .len();
    let start = app.registration(12, "0912345683").await;
    assert_eq!(
        app.post(REG, start).await.status,
        StatusCode::SERVICE_UNAVAILABLE
    );
    let outbox_after = app
        .get("/api/dev/outbox")
        .await
        .body
        .as_array()
        .unwrap()
        .len();
    assert_eq!(
        outbox_after, outbox_before,
        "no code for a flow that was not kept"
    );
    assert_eq!(app.flows(), flows_before);
    // The disk is back: the same token still works (nothing was half-applied).
    app.state.db.refuse_writes(false);
    let retried = app
        .post(
            &format!("{REG}/{id}/password"),
            password_body(&token, GOOD_PASSWORD),
        )
        .await;
    assert_eq!(retried.status, StatusCode::CREATED, "{}", retried.body);
    assert!(app.has_account("001090000111"));
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
            Request::delete("/api/dev/data")
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
    assert_eq!(app.get("/api/dev/outbox").await.body, json!([]));
    assert_eq!(
        register(&app, 13, "0912345684").await.status,
        StatusCode::CREATED
    );
}

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
    let deep = app.get("/dang-ky/thue-bao-di-dong").await;
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
    assert_eq!(app.get("/api/unknown").await.body["error"], "not_found");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn five_hundred_concurrent_registrations_are_all_stored_and_one_account_per_id() {
    let app = std::sync::Arc::new(TestApp::with(|c| c.ip_limit = 0));
    let mut tasks = tokio::task::JoinSet::new();
    for n in 0..500u32 {
        let app = app.clone();
        tasks.spawn(async move { app.start(n, &format!("0913{n:06}")).await });
    }
    let mut ids = std::collections::HashSet::new();
    while let Some(id) = tasks.join_next().await {
        assert!(ids.insert(id.expect("task")), "registration ids are unique");
    }
    assert_eq!(ids.len(), 500);
    assert_eq!(app.flows(), 500, "none lost");

    // Ten flows for one new ID race to set a password: exactly one account results.
    let mut tokens = Vec::new();
    for k in 0..10u32 {
        let phone = format!("0914{k:06}");
        let id = app.start(900, &phone).await;
        let code = app.last_code(&phone).await.unwrap();
        let token = app.verify(REG, &id, &code).await.body["password_token"]
            .as_str()
            .unwrap()
            .to_owned();
        tokens.push((id, token));
    }
    let mut races = tokio::task::JoinSet::new();
    for (id, token) in tokens {
        let app = app.clone();
        races.spawn(async move {
            app.post(
                &format!("{REG}/{id}/password"),
                password_body(&token, GOOD_PASSWORD),
            )
            .await
            .status
        });
    }
    let mut statuses = Vec::new();
    while let Some(s) = races.join_next().await {
        statuses.push(s.expect("task"));
    }
    assert_eq!(
        statuses
            .iter()
            .filter(|s| **s == StatusCode::CREATED)
            .count(),
        1,
        "{statuses:?}"
    );
    assert_eq!(
        statuses
            .iter()
            .filter(|s| **s == StatusCode::CONFLICT)
            .count(),
        9,
        "{statuses:?}"
    );
    assert!(app.has_account("001090001000"));
}

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

/// With `--basic-auth`, every path needs the credentials: the page, a hashed asset and the
/// API alike; a missing or wrong pair gets 401 with the realm.
#[tokio::test]
async fn basic_auth_guards_every_path() {
    use base64::Engine;
    let dir = std::env::temp_dir().join(format!("mock-api-auth-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("index.html"), "<html></html>").unwrap();
    std::fs::write(dir.join("portal-0123456789abcdef.js"), "export {}").unwrap();
    let app = TestApp::with(|c| {
        c.static_dir = Some(dir.clone());
        c.basic_auth = Some("designer:Mo-phong#2024".parse().unwrap());
    });
    let b64 = |pair: &str| base64::engine::general_purpose::STANDARD.encode(pair);
    let get = |path: &str, auth: Option<String>| {
        let mut req = Request::get(path);
        if let Some(pair) = auth {
            req = req.header(header::AUTHORIZATION, format!("Basic {}", b64(&pair)));
        }
        req.body(Body::empty()).unwrap()
    };
    for path in [
        "/",
        "/portal-0123456789abcdef.js",
        "/api/captcha",
        "/dang-nhap",
    ] {
        let none = app.raw(get(path, None)).await;
        assert_eq!(none.status, StatusCode::UNAUTHORIZED, "{path}");
        assert_eq!(
            none.headers[header::WWW_AUTHENTICATE],
            r#"Basic realm="prototype", charset="UTF-8""#
        );
        let wrong = app.raw(get(path, Some("designer:wrong".into()))).await;
        assert_eq!(wrong.status, StatusCode::UNAUTHORIZED, "{path}");
        let right = app
            .raw(get(path, Some("designer:Mo-phong#2024".into())))
            .await;
        assert_eq!(right.status, StatusCode::OK, "{path}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The server's own request log (its stderr), with the password given the way the README
/// says (`PORTAL_BASIC_AUTH`) and sent right and wrong: the requests are there, the password
/// is not, in clear or encoded.
#[test]
fn the_request_log_never_holds_the_password() {
    use base64::Engine;
    use std::io::{BufRead, BufReader, Read, Write};
    let mut server = std::process::Command::new(env!("CARGO_BIN_EXE_mock-api"))
        .args(["--port", "0"])
        .env("PORTAL_BASIC_AUTH", "designer:Mo-phong#2024")
        .env("RUST_LOG", "info")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("mock-api runs");
    let mut first = String::new();
    BufReader::new(server.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    let addr = first
        .trim()
        .strip_prefix("listening on http://")
        .expect(&first)
        .to_owned();
    let encoded = |pair: &str| base64::engine::general_purpose::STANDARD.encode(pair);
    let mut statuses = Vec::new();
    for pair in ["designer:Mo-phong#2024", "designer:wrong-Mo-phong#2024"] {
        let mut stream = std::net::TcpStream::connect(&addr).unwrap();
        write!(
            stream,
            "GET /api/captcha HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Basic {}\r\nConnection: close\r\n\r\n",
            encoded(pair)
        )
        .unwrap();
        let mut answer = String::new();
        stream.read_to_string(&mut answer).unwrap();
        statuses.push(answer.lines().next().unwrap_or_default().to_owned());
    }
    server.kill().unwrap();
    let mut log = String::new();
    server
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut log)
        .unwrap();
    server.wait().unwrap();
    assert!(
        statuses[0].contains("200") && statuses[1].contains("401"),
        "{statuses:?}"
    );
    assert_eq!(
        log.matches("/api/captcha").count(),
        2,
        "both requests are logged: {log}"
    );
    for secret in [
        "Mo-phong#2024".to_owned(),
        encoded("designer:Mo-phong#2024"),
        encoded("designer:wrong-Mo-phong#2024"),
    ] {
        assert!(!log.contains(&secret), "{log}");
    }
}

/// Reachable from other machines with no password and no `--allow-public`: exit 2, one line
/// saying why and how.
#[test]
fn a_public_host_without_credentials_refuses_to_start() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_mock-api"))
        .args(["--host", "0.0.0.0", "--port", "0"])
        .env_remove("PORTAL_BASIC_AUTH")
        .output()
        .expect("mock-api runs");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("--basic-auth") && stderr.contains("--allow-public"),
        "{stderr}"
    );
    assert!(output.stdout.is_empty(), "it never listened");
}

/// A place the server cannot keep data in stops it before it listens: exit 2, one line
/// naming the path and the reason, and a file that is not ours is left as it was.
#[test]
fn an_unusable_database_path_refuses_to_start() {
    let dir = scratch_dir("refuse");
    let notes = dir.join("notes.txt");
    std::fs::write(&notes, "a designer's notes, not a database\n".repeat(100)).unwrap();
    let missing = dir.join("typo/mock.sqlite3");
    for (path, reason) in [
        (&missing, "does not exist"),
        (&notes, "not a SQLite database"),
        (&dir, "is a directory"),
    ] {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_mock-api"))
            .args(["--port", "0", "--db"])
            .arg(path)
            .env_remove("PORTAL_BASIC_AUTH")
            .output()
            .expect("mock-api runs");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{stderr}");
        let line = stderr.trim();
        assert_eq!(line.lines().count(), 1, "{stderr}");
        assert!(
            line.contains(&path.display().to_string()) && line.contains(reason),
            "{line}"
        );
        assert!(output.stdout.is_empty(), "it never listened");
    }
    assert!(std::fs::read_to_string(&notes)
        .unwrap()
        .starts_with("a designer's notes"));
    assert!(!missing.parent().unwrap().exists(), "no directory made up");
    std::fs::remove_dir_all(&dir).unwrap();
}
