//! Every row and error code of spec §5, driven in-process with a controllable clock: one
//! test binary, a file per resource as in `crates/mock-api/src/routes/`.

#[path = "../support/mod.rs"]
mod support;

mod captcha;
mod dev;
mod errors;
mod flow;
mod openapi;
mod registrations;
mod resets;
mod server;
mod session;
mod static_site;
mod store;

use contract::endpoints;
use serde_json::{json, Value};
use support::TestApp;

const REG: &str = endpoints::REGISTRATIONS;
const RESET: &str = endpoints::PASSWORD_RESETS;
const GOOD_PASSWORD: &str = "Sen#vang7Ho";

pub fn password_body(token: &str, pw: &str) -> Value {
    json!({ "password_token": token, "password": pw, "password_confirmation": pw })
}

pub fn scratch_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("mock-api-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Registers `n` on `phone` through to its password step's answer.
pub async fn register(app: &TestApp, n: u32, phone: &str) -> support::Answer {
    let (id, token) = app.verified(n, phone).await;
    app.post(
        &format!("{REG}/{id}/password"),
        password_body(&token, GOOD_PASSWORD),
    )
    .await
}
