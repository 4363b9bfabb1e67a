//! The server process: credentials, its log, where it may listen (`main.rs`, `basic_auth.rs`).

use crate::support::TestApp;
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use contract::endpoints::{self};
use contract::route_table;

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
        endpoints::CAPTCHA,
        route_table::SIGN_IN,
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
        log.matches(endpoints::CAPTCHA).count(),
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
