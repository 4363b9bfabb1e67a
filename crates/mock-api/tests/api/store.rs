//! What the store keeps, across restarts and failures (`db/`).

use crate::support::TestApp;
use crate::{password_body, register, scratch_dir, GOOD_PASSWORD, REG};
use axum::http::StatusCode;
use contract::endpoints::{self};

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
        .get(endpoints::DEV_OUTBOX)
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
        .get(endpoints::DEV_OUTBOX)
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
