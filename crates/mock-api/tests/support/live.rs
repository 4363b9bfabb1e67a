//! A real `mock-api` process, driven over HTTP on loopback: the crash test and the store
//! benchmark (`examples/store_bench.rs`) share it.

#![allow(dead_code)]

use contract::endpoints::{self, FlowAction};
use contract::flow::FlowKind;
use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper::Request;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use serde_json::{json, Value};
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Every captcha's answer on a live server started here.
pub const CAPTCHA: &str = "ABCDE";
pub const PASSWORD: &str = "Sen#vang7Ho";

pub struct Server {
    pub child: Child,
    pub base: String,
    /// From spawning to the "listening" line.
    pub started_in: Duration,
}

impl Server {
    /// Starts `binary` on a free port with its data in `db`, no IP limit and a fixed
    /// captcha answer; returns once it listens.
    pub fn start(binary: &Path, db: &Path) -> Server {
        let began = Instant::now();
        let mut child = Command::new(binary)
            .args([
                "--port",
                "0",
                "--ip-limit",
                "0",
                "--captcha-answer",
                CAPTCHA,
                "--db",
            ])
            .arg(db)
            .env("RUST_LOG", "warn")
            .env_remove("PORTAL_BASIC_AUTH")
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("mock-api starts");
        let stdout = child.stdout.take().expect("piped stdout");
        let mut line = String::new();
        BufReader::new(stdout)
            .read_line(&mut line)
            .expect("the listening line");
        let base = line
            .trim()
            .strip_prefix("listening on ")
            .unwrap_or_else(|| panic!("unexpected first line: {line:?}"))
            .to_owned();
        Server {
            child,
            base,
            started_in: began.elapsed(),
        }
    }

    /// SIGKILL: no shutdown, no flush; what was committed must be on disk already.
    pub fn kill(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// Resident memory in KiB (Linux `/proc`).
    pub fn rss_kib(&self) -> Option<u64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).ok()?;
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmRSS:"))?
            .trim()
            .trim_end_matches("kB")
            .trim()
            .parse()
            .ok()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[derive(Clone)]
pub struct Http {
    client: Client<HttpConnector, Full<Bytes>>,
    pub base: String,
}

/// A status and a JSON body (`Null` when there is none).
pub type Answer = (u16, Value);

impl Http {
    pub fn new(base: &str) -> Http {
        Http {
            client: Client::builder(TokioExecutor::new())
                .pool_max_idle_per_host(16)
                .build_http(),
            base: base.to_owned(),
        }
    }

    async fn send(&self, req: Request<Full<Bytes>>) -> Result<Answer, String> {
        let response = self.client.request(req).await.map_err(|e| e.to_string())?;
        let status = response.status().as_u16();
        let bytes = response
            .into_body()
            .collect()
            .await
            .map_err(|e| e.to_string())?
            .to_bytes();
        Ok((
            status,
            serde_json::from_slice(&bytes).unwrap_or(Value::Null),
        ))
    }

    pub async fn get(&self, path: &str) -> Result<Answer, String> {
        let req = Request::get(format!("{}{path}", self.base))
            .body(Full::default())
            .expect("a valid request");
        self.send(req).await
    }

    pub async fn post(&self, path: &str, body: Value) -> Result<Answer, String> {
        let req = Request::post(format!("{}{path}", self.base))
            .header("content-type", "application/json")
            .body(Full::new(Bytes::from(body.to_string())))
            .expect("a valid request");
        self.send(req).await
    }

    pub async fn captcha(&self) -> Result<String, String> {
        let (_, body) = self.get(endpoints::CAPTCHA).await?;
        body["captcha_id"]
            .as_str()
            .map(str::to_owned)
            .ok_or_else(|| format!("no captcha: {body}"))
    }

    /// The newest code the outbox holds for `phone`.
    pub async fn code_for(&self, phone: &str) -> Result<String, String> {
        let (_, outbox) = self.get(endpoints::DEV_OUTBOX).await?;
        outbox
            .as_array()
            .and_then(|all| all.iter().find(|sms| sms["to"] == phone))
            .and_then(|sms| sms["code"].as_str())
            .map(str::to_owned)
            .ok_or_else(|| format!("no code for {phone}"))
    }

    /// Starts a registration: its id and the code sent for it.
    pub async fn start(&self, id_number: &str, phone: &str) -> Result<(String, String), String> {
        let body = json!({
            "id_number": id_number,
            "full_name": "Lê Thị Hoa",
            "date_of_birth": "1990-07-01",
            "phone": phone,
            "captcha_id": self.captcha().await?,
            "captcha_answer": CAPTCHA,
        });
        let (status, body) = self.post(endpoints::REGISTRATIONS, body).await?;
        if status != 201 {
            return Err(format!("registration {status}: {body}"));
        }
        let id = body["registration_id"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        Ok((id, self.code_for(phone).await?))
    }

    /// The code step: the password token.
    pub async fn verify(&self, id: &str, code: &str) -> Result<String, String> {
        let path = FlowKind::Registration.api_path(id, FlowAction::Verify);
        let (status, body) = self.post(&path, json!({ "code": code })).await?;
        body["password_token"]
            .as_str()
            .map(str::to_owned)
            .ok_or_else(|| format!("verify {status}: {body}"))
    }

    /// The password step, timed: its status and how long the answer took.
    pub async fn set_password(&self, id: &str, token: &str) -> Result<(u16, Duration), String> {
        let path = FlowKind::Registration.api_path(id, FlowAction::Password);
        let body = json!({
            "password_token": token,
            "password": PASSWORD,
            "password_confirmation": PASSWORD,
        });
        let began = Instant::now();
        let (status, _) = self.post(&path, body).await?;
        Ok((status, began.elapsed()))
    }

    /// A whole registration; the password step's status and time.
    pub async fn register(&self, id_number: &str, phone: &str) -> Result<(u16, Duration), String> {
        let (id, code) = self.start(id_number, phone).await?;
        let token = self.verify(&id, &code).await?;
        self.set_password(&id, &token).await
    }

    /// The first step of signing in: 200 when the ID number and password are right.
    pub async fn sign_in(&self, id_number: &str) -> Result<u16, String> {
        let body = json!({
            "username": id_number,
            "password": PASSWORD,
            "captcha_id": self.captcha().await?,
            "captcha_answer": CAPTCHA,
        });
        Ok(self.post(endpoints::SESSION, body).await?.0)
    }
}

/// A valid CCCD number for someone born in 1990 (serial `n`) under province `province`.
pub fn id_number(province: u32, n: u32) -> String {
    format!("{province:03}090{:06}", n % 1_000_000)
}

/// A valid mobile number, distinct for each `n` below 1,000,000.
pub fn phone(n: u32) -> String {
    format!("0913{:06}", n % 1_000_000)
}
