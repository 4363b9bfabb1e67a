//! The benches: `cargo xtask bench` (sizes, the slow-phone probe, Lighthouse),
//! `bench-store` (the mock's store as accounts grow) and `bench-api` (load). Reports go to
//! `docs/bench/`.

use crate::run::{cmd, status};
use crate::serve::{server_mock, MockServer, UNLIMITED_TEST_FLAGS};
use crate::{root, sizes, toolchain};
use anyhow::Result;

/// Lighthouse for `cargo xtask bench`, installed on demand (it is large and only the
/// bench needs it), pinned.
const LIGHTHOUSE: &str = "lighthouse@13.5.0";

/// `cargo xtask bench`: release sizes per file and in total, the slow-phone probe (the form
/// as a link next to a plain HTML page of it, `bench/slow-phone.mjs`), then Lighthouse
/// (mobile) for `/` and the form against the preview server; the report goes to
/// `docs/bench/<date>.md`.
pub fn bench() -> Result<()> {
    let report = sizes::build()?;
    let tools = root().join("target/tools/lighthouse");
    if !tools.join("node_modules/lighthouse/package.json").exists() {
        std::fs::create_dir_all(&tools)?;
        let mut npm = cmd(
            "npm",
            &[
                "install",
                "--no-save",
                "--no-audit",
                "--no-fund",
                "--prefix",
            ],
        );
        npm.arg(&tools).arg(LIGHTHOUSE);
        status(npm)?;
    }
    let sizes_file = root().join("target/bench-sizes.txt");
    std::fs::write(&sizes_file, report.to_string())?;
    let mock = server_mock()?;
    let args: Vec<String> = ["--port", "0", "--static-dir", "dist"]
        .map(String::from)
        .into();
    let server = MockServer::start_quiet(&mock, &args)?;
    let slow_phone_file = root().join("target/bench-slow-phone.json");
    let mut probe = cmd("node", &["bench/slow-phone.mjs"]);
    probe
        .env("BASE_URL", server.url())
        .env("OUT", &slow_phone_file)
        .env("CHROMIUM", toolchain::CHROMIUM);
    status(probe)?;
    let mut node = cmd("node", &["bench/lighthouse.mjs"]);
    node.env("BASE_URL", server.url())
        .env("LIGHTHOUSE_DIR", &tools)
        .env("SIZES_FILE", &sizes_file)
        .env("SLOW_PHONE_FILE", &slow_phone_file)
        .env("CHROMIUM", toolchain::CHROMIUM);
    status(node)
}

/// The optimised mock API and one of its examples (a bench's client), in `target/server/`.
fn build_with_server_mock(example: &str) -> Result<()> {
    status(cmd(
        "cargo",
        &[
            "build",
            "-p",
            "mock-api",
            "--profile",
            "server",
            "--locked",
            "--example",
            example,
            "--bin",
            "mock-api",
        ],
    ))
}

/// `cargo xtask bench-store [SIZES]`: the store's cost as accounts grow (1,000, 100,000 and
/// 1,000,000 unless SIZES, comma-separated): the optimised server's start time and memory,
/// account creation p50/p99, captcha p99 while four clients create accounts.
pub fn bench_store(flags: &[String]) -> Result<()> {
    build_with_server_mock("store_bench")?;
    let mut args = vec![
        root().join("target/server/mock-api").display().to_string(),
        root().join("target/bench-store").display().to_string(),
    ];
    args.extend(flags.iter().filter(|f| *f != "--").cloned());
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    status(cmd(
        &root()
            .join("target/server/examples/store_bench")
            .to_string_lossy(),
        &args,
    ))
}

/// `cargo xtask bench-api`: the load figure of `POST /api/registrations` (200 clients, 10 s)
/// against an optimised server on loopback.
pub fn bench_api() -> Result<()> {
    build_with_server_mock("load")?;
    let args: Vec<String> = UNLIMITED_TEST_FLAGS.iter().map(|a| a.to_string()).collect();
    let server = MockServer::start_quiet(&root().join("target/server/mock-api"), &args)?;
    status(cmd(
        &root().join("target/server/examples/load").to_string_lossy(),
        &[server.url(), "200", "10"],
    ))
}
