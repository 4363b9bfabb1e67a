//! Load figure for `POST /api/registrations` on loopback: N concurrent clients for D
//! seconds, each fetching a captcha (not timed) then registering (timed).
//! `cargo xtask bench-api` starts the server with `--ip-limit 0` and runs this.
//!
//! usage: load <base-url> [clients=200] [seconds=10]

use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper::Request;
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let base = args
        .first()
        .cloned()
        .unwrap_or_else(|| "http://127.0.0.1:8787".into());
    let clients: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(200);
    let seconds: u64 = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(10);
    let client: Client<_, Full<Bytes>> = Client::builder(TokioExecutor::new())
        .pool_max_idle_per_host(clients)
        .build_http();
    let serial = Arc::new(AtomicU32::new(0));
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..clients {
        let (client, base, serial) = (client.clone(), base.clone(), serial.clone());
        tasks.spawn(async move {
            let mut latencies = Vec::new();
            let mut failures = 0u32;
            while Instant::now() < deadline {
                let n = serial.fetch_add(1, Ordering::Relaxed);
                let captcha = client
                    .request(
                        Request::get(format!("{base}/api/captcha"))
                            .body(Full::default())
                            .unwrap(),
                    )
                    .await;
                let Ok(captcha) = captcha else {
                    failures += 1;
                    continue;
                };
                let bytes = captcha
                    .into_body()
                    .collect()
                    .await
                    .map(|b| b.to_bytes())
                    .unwrap_or_default();
                let json: serde_json::Value = serde_json::from_slice(&bytes).unwrap_or_default();
                let body = serde_json::json!({
                    // Distinct IDs (CCCD, born 1990) and phones, so no limit or persona applies.
                    "id_number": format!("079090{:06}", 100_000 + n % 900_000),
                    "full_name": "Lê Thị Hoa",
                    "date_of_birth": "1990-07-01",
                    "phone": format!("0936{:06}", n % 1_000_000),
                    "captcha_id": json["captcha_id"],
                    "captcha_answer": "ABCDE",
                });
                let req = Request::post(format!("{base}/api/registrations"))
                    .header("content-type", "application/json")
                    .body(Full::new(Bytes::from(body.to_string())))
                    .unwrap();
                let started = Instant::now();
                match client.request(req).await {
                    Ok(resp) => {
                        let ok = resp.status() == 201;
                        let _ = resp.into_body().collect().await;
                        latencies.push(started.elapsed());
                        if !ok {
                            failures += 1;
                        }
                    }
                    Err(_) => failures += 1,
                }
            }
            (latencies, failures)
        });
    }
    let mut all = Vec::new();
    let mut failures = 0;
    while let Some(Ok((l, f))) = tasks.join_next().await {
        all.extend(l);
        failures += f;
    }
    all.sort();
    let pct = |p: f64| {
        all.get(((all.len() as f64 - 1.0) * p).round() as usize)
            .copied()
            .unwrap_or_default()
    };
    println!(
        "POST /api/registrations, {clients} clients, {seconds} s: {} requests ({:.0}/s), \
         p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms, non-201 or failed: {failures}",
        all.len(),
        all.len() as f64 / seconds as f64,
        pct(0.50).as_secs_f64() * 1000.0,
        pct(0.99).as_secs_f64() * 1000.0,
        all.last().copied().unwrap_or_default().as_secs_f64() * 1000.0,
    );
}
