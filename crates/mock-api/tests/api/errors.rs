//! Error answers: their language and shape, never a 500 for bad input (`error.rs`).

use crate::support::{self, TestApp};
use crate::REG;
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use contract::api::ErrorCode;
use contract::endpoints::{self};
use contract::{Lang, Localize};
use serde_json::json;

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
        .raw(english(
            Request::get(format!("{}/nothing-here", endpoints::API)),
            Body::empty(),
        ))
        .await;
    let wrong_method = app.raw(english(Request::get(REG), Body::empty())).await;
    let malformed = app.raw(english(Request::post(REG), Body::from("{"))).await;
    app.post(
        endpoints::DEV_FAULTS,
        json!({"fail_next": 1, "status": 503}),
    )
    .await;
    let fault = app
        .raw(english(Request::get(endpoints::CAPTCHA), Body::empty()))
        .await;
    let vietnamese = app.get(&format!("{}/nothing-here", endpoints::API)).await;
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
    let no_type = Request::post(endpoints::SESSION)
        .body(Body::from("{}"))
        .unwrap();
    assert_eq!(app.raw(no_type).await.status, StatusCode::BAD_REQUEST);

    let unknown_field = app
        .post(
            endpoints::SESSION,
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
    let a = app.post(endpoints::SESSION, big).await;
    assert_eq!(
        (a.status, a.body["error"].clone()),
        (StatusCode::PAYLOAD_TOO_LARGE, json!("payload_too_large"))
    );

    let a = app.get(endpoints::SESSION).await;
    assert_eq!(a.status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(a.body["error"], "bad_request");
    let a = app.get(&format!("{}/nothing-here", endpoints::API)).await;
    assert_eq!(
        (a.status, a.body["error"].clone()),
        (StatusCode::NOT_FOUND, json!("not_found"))
    );
}
