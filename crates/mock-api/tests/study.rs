//! Study mode in process: who may see what, links, scenarios, events, what the file keeps.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use base64::Engine;
use contract::endpoints::{CAPTCHA, REGISTRATIONS, STUDY_EVENTS, STUDY_SESSION, STUDY_TASK};
use contract::route_table;
use http_body_util::BodyExt;
use mock_api::clock::Clock;
use mock_api::config::Config;
use mock_api::study::{store, Studies, StudyState, FACILITATOR, LINK};
use mock_api::{db::Db, in_memory_db, study_app, AppState};
use serde_json::{json, Value};
use tower::ServiceExt;

const AUTH: &str = "facilitator:s3cret";

struct Study {
    router: Router,
    studies: StudyState,
}

struct Answer {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    text: String,
}

impl Answer {
    fn json(&self) -> Value {
        serde_json::from_str(&self.text).unwrap_or(Value::Null)
    }
}

fn basic() -> String {
    format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(AUTH)
    )
}

impl Study {
    fn new(db: Db) -> Self {
        let config = Config {
            study: true,
            basic_auth: AUTH.parse().ok(),
            captcha_answer: Some("ABCDE".into()),
            ..Config::default()
        };
        let base = AppState::new(config, Clock::system(), in_memory_db());
        let studies = Studies::new(db, base);
        Study {
            router: study_app(studies.clone()),
            studies,
        }
    }

    async fn send(&self, req: Request<Body>) -> Answer {
        let response = self.router.clone().oneshot(req).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        Answer {
            status,
            headers,
            text: String::from_utf8_lossy(&bytes).into_owned(),
        }
    }

    async fn facilitator(&self, method: &str, path: &str, form: &str) -> Answer {
        let req = Request::builder()
            .method(method)
            .uri(path)
            .header(header::AUTHORIZATION, basic())
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(form.to_owned()))
            .unwrap();
        self.send(req).await
    }

    async fn as_participant(&self, cookie: &str, method: &str, path: &str, body: Value) -> Answer {
        let req = Request::builder()
            .method(method)
            .uri(path)
            .header(header::COOKIE, cookie)
            .header(header::CONTENT_TYPE, "application/json")
            .body(if body.is_null() {
                Body::empty()
            } else {
                Body::from(body.to_string())
            })
            .unwrap();
        self.send(req).await
    }

    /// A study with two tasks (a fresh citizen, then the existing-account persona) and `n`
    /// participants; its id and their tokens.
    async fn study_with(&self, n: usize) -> (i64, Vec<String>) {
        let created = self
            .facilitator(
                "POST",
                FACILITATOR,
                "name=Pilot&vi1=%C4%90%C4%83ng+k%C3%BD&scenario1=fresh_citizen&en2=Register+again&scenario2=existing_account",
            )
            .await;
        assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.text);
        let location = created.headers[header::LOCATION]
            .to_str()
            .unwrap()
            .to_owned();
        let id: i64 = location.rsplit('/').next().unwrap().parse().unwrap();
        let added = self
            .facilitator(
                "POST",
                &format!("{location}/participants"),
                &format!("count={n}"),
            )
            .await;
        assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.text);
        let tokens = self
            .studies
            .db
            .blocking_read(move |c| store::participants(c, id))
            .unwrap()
            .into_iter()
            .map(|p| p.token)
            .collect();
        (id, tokens)
    }

    /// Consents through the link; the browser's cookie.
    async fn consent(&self, token: &str) -> String {
        let req = Request::builder()
            .method("POST")
            .uri(format!("{LINK}/{token}"))
            .body(Body::empty())
            .unwrap();
        let answer = self.send(req).await;
        assert_eq!(answer.status, StatusCode::SEE_OTHER, "{}", answer.text);
        let cookie = answer.headers[header::SET_COOKIE].to_str().unwrap();
        assert!(cookie.contains("HttpOnly"), "{cookie}");
        cookie.split(';').next().unwrap().to_owned()
    }

    async fn link(&self, token: &str, cookie: Option<&str>) -> Answer {
        self.link_as("GET", token, cookie).await
    }

    /// `method` on the link, from a browser with `cookie` (or none).
    async fn link_as(&self, method: &str, token: &str, cookie: Option<&str>) -> Answer {
        let mut req = Request::builder()
            .method(method)
            .uri(format!("{LINK}/{token}"));
        if let Some(c) = cookie {
            req = req.header(header::COOKIE, c);
        }
        self.send(req.body(Body::empty()).unwrap()).await
    }

    /// Posts a batch of events as the participant; the status.
    async fn post_events(&self, cookie: &str, batch: Value) -> StatusCode {
        self.as_participant(cookie, "POST", STUDY_EVENTS, batch)
            .await
            .status
    }

    /// Every event recorded in study `id`.
    fn events(&self, id: i64) -> Vec<store::Event> {
        self.studies
            .db
            .blocking_read(move |c| store::events(c, id))
            .unwrap()
    }

    async fn register(&self, cookie: &str, id_number: &str) -> Answer {
        let captcha = self
            .as_participant(cookie, "GET", CAPTCHA, Value::Null)
            .await
            .json();
        let body = json!({
            "id_number": id_number, "full_name": "Trần Thị Bình", "date_of_birth": "15/03/1992",
            "phone": "0903123456", "email": "", "captcha_id": captcha["captcha_id"], "captcha_answer": "ABCDE",
        });
        self.as_participant(cookie, "POST", REGISTRATIONS, body)
            .await
    }
}

#[tokio::test]
async fn the_facilitator_pages_need_the_facilitators_credentials() {
    let s = Study::new(Db::in_memory());
    for path in [
        FACILITATOR.to_owned(),
        format!("{FACILITATOR}/1"),
        format!("{FACILITATOR}/1/results"),
        format!("{FACILITATOR}/1/events.csv"),
        "/".to_owned(),
    ] {
        let req = Request::builder().uri(&path).body(Body::empty()).unwrap();
        let answer = s.send(req).await;
        assert_eq!(answer.status, StatusCode::UNAUTHORIZED, "{path}");
        assert!(
            answer.headers.contains_key(header::WWW_AUTHENTICATE),
            "{path}"
        );
    }
    let (id, tokens) = s.study_with(1).await;
    let cookie = s.consent(&tokens[0]).await;
    // A participant's cookie opens their prototype, never the facilitator's pages.
    let req = Request::builder()
        .uri(format!("{FACILITATOR}/{id}/results"))
        .header(header::COOKIE, &cookie)
        .body(Body::empty())
        .unwrap();
    assert_eq!(s.send(req).await.status, StatusCode::UNAUTHORIZED);
    let page = s
        .facilitator("GET", &format!("{FACILITATOR}/{id}"), "")
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.text.contains("P01") && page.text.contains("<svg"),
        "the link and its QR code"
    );
    assert!(page.text.contains(&format!("{LINK}/{}", tokens[0])));
}

#[tokio::test]
async fn a_link_is_for_one_browser_and_dies_with_its_study() {
    let s = Study::new(Db::in_memory());
    let (id, tokens) = s.study_with(2).await;

    let unknown = s.link(&"0".repeat(32), None).await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    assert!(
        unknown.text.contains("Không tìm thấy phiên này"),
        "{}",
        unknown.text
    );
    assert!(!unknown.text.contains("__study"));

    let fresh = s.link(&tokens[0], None).await;
    assert_eq!(fresh.status, StatusCode::OK);
    assert!(
        fresh.text.contains("Không bao giờ được ghi lại"),
        "consent says what is never recorded"
    );
    let english = s.link(&format!("{}?lang=en", tokens[0]), None).await;
    assert!(english.text.contains("Never recorded"));

    let cookie = s.consent(&tokens[0]).await;
    let again = s.link(&tokens[0], Some(&cookie)).await;
    assert_eq!(
        again.status,
        StatusCode::SEE_OTHER,
        "the same browser carries on"
    );
    let reused = s.link(&tokens[0], None).await;
    assert_eq!(reused.status, StatusCode::CONFLICT);
    assert!(reused.text.contains("đã được dùng"));
    let again_post = s.link_as("POST", &tokens[0], Some(&cookie)).await;
    assert_eq!(
        again_post.status,
        StatusCode::SEE_OTHER,
        "the same browser carries on"
    );
    assert!(!again_post.headers.contains_key(header::SET_COOKIE));
    let reused_post = s.link_as("POST", &tokens[0], None).await;
    assert_eq!(
        reused_post.status,
        StatusCode::CONFLICT,
        "a second consent is refused too"
    );

    let closed = s
        .facilitator("POST", &format!("{FACILITATOR}/{id}/close"), "")
        .await;
    assert_eq!(closed.status, StatusCode::SEE_OTHER);
    for token in &tokens {
        let ended = s.link(token, None).await;
        assert_eq!(ended.status, StatusCode::GONE);
        assert!(ended.text.contains("đã kết thúc"));
    }
    let after = s.as_participant(&cookie, "GET", "/", Value::Null).await;
    assert_eq!(
        after.status,
        StatusCode::GONE,
        "the prototype is gone for them too"
    );
    assert_eq!(
        s.as_participant(&cookie, "GET", STUDY_SESSION, Value::Null)
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn each_task_starts_from_its_scenario_in_a_sandbox_of_the_participants_own() {
    let s = Study::new(Db::in_memory());
    let (_, tokens) = s.study_with(2).await;
    let (p1, p2) = (s.consent(&tokens[0]).await, s.consent(&tokens[1]).await);

    // Task 1, a fresh citizen: a made-up ID registers, and the code arrives on their "phone".
    assert_eq!(
        s.register(&p1, "001092000123").await.status,
        StatusCode::CREATED
    );
    let session = s
        .as_participant(&p1, "GET", STUDY_SESSION, Value::Null)
        .await
        .json();
    assert_eq!(session["participant"], "P01");
    assert_eq!(session["current"], 0);
    assert!(
        session["sms"][0].as_str().unwrap().contains("Ma OTP"),
        "{session}"
    );
    // Another participant's sandbox knows nothing of it.
    let other = s
        .as_participant(&p2, "GET", STUDY_SESSION, Value::Null)
        .await
        .json();
    assert_eq!(other["sms"], json!([]));

    // Task 2, the existing-account persona: any ID meets "account exists".
    let next = s
        .as_participant(&p1, "POST", STUDY_TASK, json!({"outcome": "done"}))
        .await;
    assert_eq!(next.json()["current"], 1);
    let exists = s.register(&p1, "001092000999").await;
    assert_eq!(exists.status, StatusCode::CONFLICT);
    assert_eq!(exists.json()["error"], "account_exists");

    let last = s
        .as_participant(&p1, "POST", STUDY_TASK, json!({"outcome": "skipped"}))
        .await
        .json();
    assert_eq!(last["current"], Value::Null);
    let none_left = s
        .as_participant(&p1, "POST", STUDY_TASK, json!({"outcome": "done"}))
        .await;
    assert_eq!(none_left.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn events_carry_codes_never_what_was_typed() {
    let s = Study::new(Db::in_memory());
    let (id, tokens) = s.study_with(1).await;
    let p1 = s.consent(&tokens[0]).await;
    let typed = json!([{"age_ms": 0, "kind": "refused", "screen": route_table::REGISTRATION,
        "fields": [{"field": "full_name", "rule": "Trần Thị Bình"}]}]);
    assert_eq!(s.post_events(&p1, typed).await, StatusCode::BAD_REQUEST);
    let unknown_kind = json!([{"age_ms": 0, "kind": "typed", "value": "001092000123"}]);
    assert_eq!(
        s.post_events(&p1, unknown_kind).await,
        StatusCode::BAD_REQUEST
    );
    let fine = json!([
        {"age_ms": 0, "kind": "screen_entered", "screen": route_table::REGISTRATION},
        {"age_ms": 0, "kind": "refused", "screen": route_table::REGISTRATION, "fields": [{"field": "phone", "rule": "invalid_prefix"}]},
        {"age_ms": 0, "kind": "feedback", "screen": route_table::REGISTRATION, "text": "Ô ngày sinh khó nhập"},
    ]);
    assert_eq!(s.post_events(&p1, fine).await, StatusCode::NO_CONTENT);
    let events = s.events(id);
    let kinds: Vec<&str> = events.iter().map(|e| e.kind.as_str()).collect();
    assert_eq!(
        kinds,
        [
            "consented",
            "task_started",
            "screen_entered",
            "refused",
            "feedback"
        ]
    );
    let late = json!([{"age_ms": 5000, "kind": "language_changed", "lang": "en"}]);
    assert_eq!(s.post_events(&p1, late).await, StatusCode::NO_CONTENT);
    let events = s.events(id);
    let changed = events
        .iter()
        .find(|e| e.kind == "language_changed")
        .unwrap();
    assert!(
        changed.at <= events.iter().map(|e| e.at).max().unwrap() - 4_000,
        "dated by its age"
    );

    let csv = s
        .facilitator("GET", &format!("{FACILITATOR}/{id}/events.csv"), "")
        .await;
    assert_eq!(csv.status, StatusCode::OK);
    assert_eq!(csv.text.lines().count(), 1 + events.len(), "{}", csv.text);
    assert!(csv.text.contains("phone:invalid_prefix"));
    let results = s
        .facilitator("GET", &format!("{FACILITATOR}/{id}/results"), "")
        .await;
    assert!(
        results.text.contains("phone × invalid_prefix")
            && results.text.contains("Ô ngày sinh khó nhập")
    );
}

#[tokio::test]
async fn a_reset_gives_a_fresh_sandbox_and_keeps_the_record() {
    let s = Study::new(Db::in_memory());
    let (id, tokens) = s.study_with(1).await;
    let p1 = s.consent(&tokens[0]).await;
    assert_eq!(
        s.register(&p1, "001092000123").await.status,
        StatusCode::CREATED
    );
    let reset = s
        .facilitator(
            "POST",
            &format!("{FACILITATOR}/{id}/participants/P01/reset"),
            "",
        )
        .await;
    assert_eq!(reset.status, StatusCode::SEE_OTHER);
    let session = s
        .as_participant(&p1, "GET", STUDY_SESSION, Value::Null)
        .await
        .json();
    assert_eq!(session["generation"], 1);
    assert_eq!(
        session["sms"],
        json!([]),
        "their SMS went with their sandbox"
    );
    let events = s.events(id);
    assert!(events.iter().any(|e| e.kind == "participant_reset"));
    assert!(
        events.iter().any(|e| e.kind == "consented"),
        "what was recorded stays"
    );
}

#[tokio::test]
async fn study_mode_without_the_facilitators_credentials_is_refused() {
    let config = Config {
        study: true,
        basic_auth: None,
        ..Config::default()
    };
    let refusal = config.refusal().expect("refused");
    assert!(refusal.contains("--basic-auth"), "{refusal}");
}
