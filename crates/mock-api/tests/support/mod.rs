//! In-process driving of the mock API: `app(state)` + `oneshot`, a fixed clock.

#![allow(dead_code)]

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use contract::endpoints;
use http_body_util::BodyExt;
use mock_api::clock::Clock;
use mock_api::config::Config;
use mock_api::{app, open_db, AppState};
use serde_json::{json, Value};
use time::macros::datetime;
use tower::ServiceExt;

pub const CAPTCHA: &str = "ABCDE";

pub struct TestApp {
    pub state: AppState,
    pub router: Router,
}

pub struct Answer {
    pub status: StatusCode,
    pub body: Value,
    pub headers: axum::http::HeaderMap,
}

impl TestApp {
    pub fn new() -> Self {
        Self::with(|_| {})
    }

    pub fn with(tweak: impl FnOnce(&mut Config)) -> Self {
        let mut config = Config {
            captcha_answer: Some(CAPTCHA.into()),
            // Whatever the shell running the tests has in PORTAL_BASIC_AUTH.
            basic_auth: None,
            ..Config::default()
        };
        tweak(&mut config);
        let db = open_db(&config).expect("the database opens");
        let state = AppState::new(config, Clock::fixed(datetime!(2026-11-26 05:00:00 UTC)), db);
        TestApp {
            router: app(state.clone()),
            state,
        }
    }

    pub async fn raw(&self, req: Request<Body>) -> Answer {
        let response = self.router.clone().oneshot(req).await.expect("infallible");
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response
            .into_body()
            .collect()
            .await
            .expect("body")
            .to_bytes();
        let body = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
        Answer {
            status,
            body,
            headers,
        }
    }

    pub async fn get(&self, path: &str) -> Answer {
        self.raw(Request::get(path).body(Body::empty()).unwrap())
            .await
    }

    pub async fn post(&self, path: &str, body: Value) -> Answer {
        let req = Request::post(path)
            .header(header::CONTENT_TYPE, "application/json")
            .header(header::HOST, "localhost:8787")
            .body(Body::from(body.to_string()))
            .unwrap();
        self.raw(req).await
    }

    pub fn flows(&self) -> i64 {
        self.state
            .db
            .blocking_read(mock_api::db::flows::count)
            .expect("flows counted")
    }

    pub fn has_account(&self, id_number: &str) -> bool {
        self.state
            .db
            .blocking_read(|c| mock_api::db::accounts::exists(c, id_number))
            .expect("account looked up")
    }

    pub fn advance(&self, seconds: i64) {
        self.state.clock.advance(seconds);
    }

    pub async fn captcha_id(&self) -> String {
        let a = self.get(endpoints::CAPTCHA).await;
        assert_eq!(a.status, StatusCode::OK);
        a.body["captcha_id"].as_str().unwrap().to_owned()
    }

    /// A valid registration body for CCCD serial `100 + n` (born 1990; clear of the personas) and phone `phone`.
    pub async fn registration(&self, n: u32, phone: &str) -> Value {
        json!({
            "id_number": format!("001090{:06}", 100 + n),
            "full_name": "Trần Thị Bình",
            "date_of_birth": "1990-05-15",
            "phone": phone,
            "captcha_id": self.captcha_id().await,
            "captcha_answer": "abcde",
        })
    }

    /// Starts a registration and returns its id.
    pub async fn start(&self, n: u32, phone: &str) -> String {
        let body = self.registration(n, phone).await;
        let a = self.post(endpoints::REGISTRATIONS, body).await;
        assert_eq!(a.status, StatusCode::CREATED, "{}", a.body);
        a.body["registration_id"].as_str().unwrap().to_owned()
    }

    /// The newest code sent to `phone`.
    pub async fn last_code(&self, phone: &str) -> Option<String> {
        let outbox = self.get(endpoints::DEV_OUTBOX).await.body;
        outbox
            .as_array()?
            .iter()
            .find(|sms| sms["to"] == phone)
            .map(|sms| sms["code"].as_str().unwrap().to_owned())
    }

    /// A registration started and its code verified: its id and password token.
    pub async fn verified(&self, n: u32, phone: &str) -> (String, String) {
        let id = self.start(n, phone).await;
        let code = self.last_code(phone).await.expect("a code was sent");
        let answer = self.verify(endpoints::REGISTRATIONS, &id, &code).await;
        let token = answer.body["password_token"].as_str().expect("a token");
        (id, token.to_owned())
    }

    pub async fn verify(&self, base: &str, id: &str, code: &str) -> Answer {
        self.post(&format!("{base}/{id}/otp/verify"), json!({ "code": code }))
            .await
    }

    /// `POST /api/session` with a fresh captcha answered right: the first step of signing in.
    pub async fn sign_in(&self, username: &str, password: &str) -> Answer {
        let body = json!({
            "username": username,
            "password": password,
            "captcha_id": self.captcha_id().await,
            "captcha_answer": "abcde",
        });
        self.post(endpoints::SESSION, body).await
    }

    /// Both steps of signing in: the pair, then the code the account's phone got. The
    /// first step's answer when it refuses.
    pub async fn sign_in_with_code(&self, username: &str, password: &str) -> Answer {
        let challenge = self.sign_in(username, password).await;
        if challenge.status != StatusCode::OK {
            return challenge;
        }
        let id = challenge.body["challenge_id"].as_str().unwrap();
        let code = self.last_sms_code().await.expect("a code was sent");
        self.verify(endpoints::SESSION, id, &code).await
    }

    /// The newest code in the outbox, whoever it went to.
    pub async fn last_sms_code(&self) -> Option<String> {
        let outbox = self.get(endpoints::DEV_OUTBOX).await.body;
        Some(outbox.as_array()?.first()?["code"].as_str()?.to_owned())
    }
}
