//! "Done" means kept: a real server is killed with SIGKILL at a random moment while
//! clients register, then restarted on the same file, three times over. Every account that
//! was answered 201 signs in afterwards, and a citizen whose code step was under way at the
//! kill verifies with the code they already have.

#[path = "support/live.rs"]
mod live;

use contract::endpoints;
use live::{id_number, phone, Http, Server};
use rand::Rng;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

const ROUNDS: usize = 3;
const CLIENTS: usize = 4;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_answered_account_and_every_code_step_survive_sigkill() {
    let dir = std::env::temp_dir().join(format!("mock-api-crash-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let db = dir.join("mock.sqlite3");
    let binary = std::path::Path::new(env!("CARGO_BIN_EXE_mock-api"));
    let serial = Arc::new(AtomicU32::new(0));
    let created: Arc<Mutex<Vec<String>>> = Arc::default();

    for round in 1..=ROUNDS {
        let server = Server::start(binary, &db);
        let http = Http::new(&server.base);
        // A citizen who has their code and has not typed it yet.
        let n = serial.fetch_add(1, Ordering::SeqCst);
        let (waiting, code) = http
            .start(&id_number(1, n), &phone(n))
            .await
            .expect("a registration starts");

        let mut clients = tokio::task::JoinSet::new();
        for _ in 0..CLIENTS {
            let (http, serial, created) = (http.clone(), serial.clone(), created.clone());
            clients.spawn(async move {
                // Until the server is gone: every 201 is recorded before the next request.
                loop {
                    let n = serial.fetch_add(1, Ordering::SeqCst);
                    let id = id_number(1, n);
                    match http.register(&id, &phone(n)).await {
                        Ok((201, _)) => created.lock().unwrap().push(id),
                        Ok(_) => {}
                        Err(_) => {
                            if http.get(endpoints::CAPTCHA).await.is_err() {
                                return;
                            }
                        }
                    }
                }
            });
        }
        let moment = rand::rng().random_range(300..1500);
        tokio::time::sleep(Duration::from_millis(moment)).await;
        server.kill();
        while clients.join_next().await.is_some() {}

        let restarted = Server::start(binary, &db);
        let http = Http::new(&restarted.base);
        let accounts = created.lock().unwrap().clone();
        assert!(
            !accounts.is_empty(),
            "round {round}: some registrations finished"
        );
        for id in &accounts {
            assert_eq!(
                http.sign_in(id).await.expect("an answer"),
                200,
                "round {round}: {id} was answered 201 and must sign in"
            );
        }
        let token = http.verify(&waiting, &code).await;
        assert!(
            token.is_ok(),
            "round {round}: the code step carries on: {token:?}"
        );
        eprintln!(
            "round {round}: killed after {moment} ms; {} accounts sign in",
            accounts.len()
        );
        restarted.kill();
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
