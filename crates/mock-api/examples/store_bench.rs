//! Does the store's cost stay flat as accounts grow? For each size, a database is seeded
//! with that many accounts, a real server is started on it, and this measures: its start
//! time and resident memory, the password step (account creation) p50/p99 over sequential
//! registrations, and `GET /api/captcha` p99 while four clients create accounts.
//! `cargo xtask bench-store` builds the optimised server and runs this.
//!
//! usage: store_bench <mock-api binary> <scratch dir> [sizes, comma-separated]

#[path = "../tests/support/live.rs"]
mod live;

use live::{id_number, phone, Http, Server};
use mock_api::db::{accounts, Db};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Registrations timed one after another at each size.
const SEQUENTIAL: u32 = 100;
/// Concurrent creators while captcha latency is sampled.
const CREATORS: usize = 4;
const LOADED_FOR: Duration = Duration::from_secs(5);

struct Row {
    accounts: u64,
    seed: Duration,
    file_mb: f64,
    start: Duration,
    rss_start_mib: f64,
    create_p50: Duration,
    create_p99: Duration,
    captcha_alone_p99: Duration,
    captcha_loaded_p99: Duration,
    created_while_loaded: usize,
    rss_end_mib: f64,
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn ms(d: Duration) -> String {
    format!("{:.1}", d.as_secs_f64() * 1000.0)
}

/// A fresh database with `n` accounts (all with one Argon2 hash: seeding is not measured
/// against the server).
fn seed(path: &Path, n: u64) -> Duration {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    let began = Instant::now();
    let db = Db::open(path).expect("the scratch database opens");
    let hash = mock_api::passwords::hash(live::PASSWORD);
    db.blocking_write(move |tx| {
        for i in 0..n {
            let i = u32::try_from(i).expect("sizes below 4 billion");
            let mut a = mock_api::personas::existing_account(hash.clone());
            a.id_number = id_number(1 + i / 1_000_000, i);
            a.phone = phone(i);
            accounts::insert(tx, &a)?;
        }
        Ok(())
    })
    .expect("seeded");
    began.elapsed()
}

async fn captcha_p99(http: &Http, samples: usize) -> Duration {
    let mut times = Vec::with_capacity(samples);
    for _ in 0..samples {
        let began = Instant::now();
        http.get("/api/captcha").await.expect("captcha");
        times.push(began.elapsed());
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    times.sort();
    percentile(&times, 0.99)
}

async fn measure(binary: &Path, dir: &Path, n: u64) -> Row {
    let path = dir.join(format!("store-{n}.sqlite3"));
    let seed_time = seed(&path, n);
    let file_mb = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0) as f64 / 1e6;
    let server = Server::start(binary, &path);
    let rss_start = server.rss_kib().unwrap_or(0) as f64 / 1024.0;
    let http = Http::new(&server.base);
    let serial = Arc::new(AtomicU32::new(0));

    let mut created = Vec::new();
    for _ in 0..SEQUENTIAL {
        let k = serial.fetch_add(1, Ordering::SeqCst);
        let (status, took) = http
            .register(&id_number(79, k), &phone(500_000 + k))
            .await
            .expect("a registration");
        assert_eq!(status, 201);
        created.push(took);
    }
    created.sort();
    let captcha_alone = captcha_p99(&http, 200).await;

    let stop = Arc::new(AtomicBool::new(false));
    let mut creators = tokio::task::JoinSet::new();
    for _ in 0..CREATORS {
        let (http, serial, stop) = (http.clone(), serial.clone(), stop.clone());
        creators.spawn(async move {
            let mut done = 0;
            while !stop.load(Ordering::SeqCst) {
                let k = serial.fetch_add(1, Ordering::SeqCst);
                if let Ok((201, _)) = http.register(&id_number(79, k), &phone(500_000 + k)).await {
                    done += 1;
                }
            }
            done
        });
    }
    let began = Instant::now();
    let mut loaded = Vec::new();
    while began.elapsed() < LOADED_FOR {
        let t = Instant::now();
        http.get("/api/captcha").await.expect("captcha");
        loaded.push(t.elapsed());
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    stop.store(true, Ordering::SeqCst);
    let mut created_while_loaded = 0;
    while let Some(done) = creators.join_next().await {
        created_while_loaded += done.unwrap_or(0);
    }
    loaded.sort();
    let rss_end = server.rss_kib().unwrap_or(0) as f64 / 1024.0;
    let row = Row {
        accounts: n,
        seed: seed_time,
        file_mb,
        start: server.started_in,
        rss_start_mib: rss_start,
        create_p50: percentile(&created, 0.5),
        create_p99: percentile(&created, 0.99),
        captcha_alone_p99: captcha_alone,
        captcha_loaded_p99: percentile(&loaded, 0.99),
        created_while_loaded,
        rss_end_mib: rss_end,
    };
    server.kill();
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    row
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let binary = PathBuf::from(
        args.first()
            .expect("usage: store_bench <mock-api> <dir> [sizes]"),
    );
    let dir = PathBuf::from(
        args.get(1)
            .expect("usage: store_bench <mock-api> <dir> [sizes]"),
    );
    let sizes: Vec<u64> = args
        .get(2)
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![1_000, 100_000, 1_000_000]);
    std::fs::create_dir_all(&dir).expect("the scratch directory");
    let mut rows = Vec::new();
    for n in sizes {
        eprintln!("store bench: {n} accounts…");
        rows.push(measure(&binary, &dir, n).await);
    }
    println!(
        "| accounts | seeded in | file | server start | RSS at start → end | creation p50 / p99 ({SEQUENTIAL} in a row) | captcha p99 alone | captcha p99 while {CREATORS} clients create (accounts made in {} s) |",
        LOADED_FOR.as_secs()
    );
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|");
    for r in &rows {
        println!(
            "| {} | {:.1} s | {:.1} MB | {} ms | {:.0} → {:.0} MiB | {} / {} ms | {} ms | {} ms ({}) |",
            r.accounts,
            r.seed.as_secs_f64(),
            r.file_mb,
            ms(r.start),
            r.rss_start_mib,
            r.rss_end_mib,
            ms(r.create_p50),
            ms(r.create_p99),
            ms(r.captcha_alone_p99),
            ms(r.captcha_loaded_p99),
            r.created_while_loaded,
        );
    }
    if let (Some(small), Some(large)) = (rows.first(), rows.last()) {
        let ratio = |a: Duration, b: Duration| a.as_secs_f64() / b.as_secs_f64().max(1e-9);
        println!(
            "\n{} vs {} accounts: creation p50 {:.2}×, captcha p99 while creating {:.2}×; start {} ms",
            large.accounts,
            small.accounts,
            ratio(large.create_p50, small.create_p50),
            ratio(large.captcha_loaded_p99, small.captcha_loaded_p99),
            ms(large.start),
        );
    }
}
