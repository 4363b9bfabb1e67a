//! `cargo xtask <command>`: the project's commands. See README.md.

mod bench;
mod dead_exports;
#[cfg(test)]
mod doc_paths;
mod fuzz;
mod gallery;
mod generated_client;
mod hunt;
mod inline_js;
#[cfg(test)]
mod modules;
mod nginx;
mod phone_plan;
mod prerender;
mod routes;
mod run;
mod serve;
mod sizes;
mod source_rules;
mod split;
mod study;
mod test;
mod toolchain;
#[cfg(test)]
mod tree;

use anyhow::Result;
use std::path::PathBuf;

const USAGE: &str = "\
usage: cargo xtask <command>

  dev [--fresh]           install what is missing, start the mock API (:8787) and trunk serve (:8080);
                          the mock's data stays in target/dev-data/ across restarts (--fresh: empty)
  test                    every check: fmt, clippy (native + wasm32), native tests, browser tests,
                          release build + size budget, end-to-end tests; ends with `N passed, N failed`
  e2e [-- <playwright args>]
                          the end-to-end tests alone against the current release build (built if
                          missing): a file (e2e/account.test.mjs), -g TITLE, --project dev
  hunt [ROUNDS] [--busy CORES] [--layers e2e,browser,gallery] [-- <playwright args>]
                          the flake hunt: the end-to-end tests, the browser tests and the gallery
                          compare, ROUNDS (3) times each with fresh servers while a busy loop keeps
                          CORES (1) occupied; names every test that failed and in which rounds.
                          With Playwright arguments (a new test's file, -g TITLE) the e2e layer only
  gallery [--compare | --accept] [--export DIR]
                          development build; one PNG per /__gallery state at 375 and 1280 px and
                          the flow map (flow.svg) in target/gallery/. --compare: against the
                          committed baseline (gallery/baseline/), review in target/gallery/review.html,
                          fails on a change; --accept: the images become the baseline; --export DIR:
                          a static folder to share (every state, notes, flow map, last review)
  build                   release build into dist/ (split wasm, .br/.gz beside each file) and its sizes
  preview [-- <flags>]    release build served with the mock API on one port (8787)
  study [-- <flags>]      research sessions: the study build served by the mock in study mode
                          (8787); facilitator's pages at /__study (user and password printed, or
                          PORTAL_BASIC_AUTH), studies kept in target/study-data/study.sqlite3
  bench                   release sizes (raw, gzip, brotli per file) and Lighthouse (mobile) for / and
                          the form; report in docs/bench/<date>.md
  fuzz                    schemathesis against /api/openapi.json (no 5xx, answers as documented)
  phone-plan [--check]    write crates/contract/src/phone_plan.rs (mobile blocks and networks) from
                          the pinned libphonenumber package; --check: compare every 0xyz block with
                          it, change nothing (cargo xtask test does)
  generated-client        a Python client generated from /api/openapi.json (openapi-python-client,
                          defaults), installed, and one registration driven through it
  bench-api               load figure: POST /api/registrations, 200 clients for 10 s on loopback
  bench-store [SIZES]     the mock's store as accounts grow (1000,100000,1000000): start time,
                          memory, account creation p50/p99, captcha p99 while 4 clients create
  doctor                  say what is missing or mismatched, change nothing
  setup                   install what is missing (what dev and test do first)
";

/// The workspace root (xtask lives one level below it).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask has a parent folder")
        .to_path_buf()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let command = args.first().map(String::as_str).unwrap_or("");
    let rest: Vec<String> = args
        .iter()
        .skip(1)
        .filter(|a| *a != "--")
        .cloned()
        .collect();
    let result: Result<()> = match command {
        "dev" => serve::dev(&rest),
        "generated-client" => generated_client::check(),
        "phone-plan" => phone_plan::command(&rest),
        "test" => test::test(),
        "e2e" => test::e2e_alone(&rest),
        "hunt" => hunt::hunt(&rest),
        "build" => sizes::build().map(|_| ()),
        "preview" => serve::preview(&rest),
        "study" => study::run(&rest),
        "gallery" => gallery::gallery(&rest),
        "doctor" => toolchain::doctor(),
        "fuzz" => fuzz::fuzz(200).map(|_| ()),
        "bench" => bench::bench(),
        "bench-api" => bench::bench_api(),
        "bench-store" => bench::bench_store(&rest),
        "setup" => toolchain::setup(toolchain::Needs::ALL),
        _ => {
            eprint!("{USAGE}");
            std::process::exit(if command.is_empty() || command == "help" {
                0
            } else {
                2
            });
        }
    };
    if let Err(e) = result {
        eprintln!("xtask {command}: {e:#}");
        std::process::exit(1);
    }
}
