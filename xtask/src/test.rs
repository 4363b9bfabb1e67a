//! `cargo xtask test`: every layer, each counted, ending with `N passed, N failed`.
//!
//! Checks that are not test suites (fmt, clippy, pins, budget) count one each. A
//! failing layer does not stop the independent ones after it, so one run reports all.

use crate::run::{cmd, tee};
use crate::serve::MockServer;
use crate::toolchain::{self, Needs, CHROMEDRIVER, WASM_TARGET};
use crate::{root, sizes};
use anyhow::Result;

#[derive(Default)]
struct Tally {
    passed: u64,
    failed: u64,
    failures: Vec<String>,
}

impl Tally {
    fn check(&mut self, name: &str, ok: bool) {
        if ok {
            self.passed += 1;
        } else {
            self.failed += 1;
            self.failures.push(name.to_owned());
        }
    }

    /// Adds counts read from a runner's own report; a runner that failed without a failed
    /// count (a build error) still counts as one failure.
    fn counted(&mut self, name: &str, ok: bool, passed: u64, failed: u64) {
        self.passed += passed;
        self.failed += failed;
        if !ok || failed > 0 {
            self.failures.push(name.to_owned());
            if failed == 0 {
                self.failed += 1;
            }
        }
    }

    /// Adds the counts a test runner printed.
    fn suite(&mut self, name: &str, ok: bool, output: &str) {
        let (passed, failed) = count_results(output);
        self.counted(name, ok, passed, failed);
    }
}

/// Sums `test result: … N passed; M failed` (cargo test, wasm-bindgen-test-runner).
pub fn count_results(output: &str) -> (u64, u64) {
    let number_before = |line: &str, word: &str| -> Option<u64> {
        let i = line.find(word)?;
        line[..i].split_whitespace().last()?.parse().ok()
    };
    output
        .lines()
        .map(str::trim)
        .filter(|line| line.starts_with("test result:"))
        .fold((0, 0), |(passed, failed), line| {
            (
                passed + number_before(line, " passed").unwrap_or(0),
                failed + number_before(line, " failed").unwrap_or(0),
            )
        })
}

pub fn test() -> Result<()> {
    toolchain::setup(Needs::ALL)?;
    let mut t = Tally::default();

    let ok = tee(cmd("cargo", &["fmt", "--all", "--check"]))?.0;
    t.check("cargo fmt --check", ok);

    let pins = toolchain::locked_wasm_bindgen().ok() == toolchain::trunk_toml_wasm_bindgen();
    t.check("Trunk.toml wasm_bindgen pin equals Cargo.lock", pins);

    let clippy = [
        "clippy",
        "--workspace",
        "--all-targets",
        "--locked",
        "--",
        "-D",
        "warnings",
    ];
    t.check("clippy (native)", tee(cmd("cargo", &clippy))?.0);
    let clippy_wasm = [
        "clippy",
        "-p",
        "portal",
        "--target",
        WASM_TARGET,
        "--all-targets",
        "--locked",
        "--",
        "-D",
        "warnings",
    ];
    t.check("clippy (wasm32)", tee(cmd("cargo", &clippy_wasm))?.0);
    let mut clippy_dev = clippy_wasm.to_vec();
    clippy_dev.splice(3..3, ["--features", "dev"]);
    t.check(
        "clippy (wasm32, dev kit)",
        tee(cmd("cargo", &clippy_dev))?.0,
    );
    let mut clippy_study = clippy_wasm.to_vec();
    clippy_study.splice(3..3, ["--features", "study"]);
    t.check(
        "clippy (wasm32, study build)",
        tee(cmd("cargo", &clippy_study))?.0,
    );

    let (ok, out) = tee(cmd(
        "cargo",
        &[
            "test",
            "--workspace",
            "--features",
            "portal/dev",
            "--locked",
        ],
    ))?;
    t.suite("native tests", ok, &out);

    let (ok, out) = tee(browser_tests())?;
    t.suite(
        "browser tests (wasm-bindgen-test, headless Chromium)",
        ok,
        &out,
    );

    match crate::fuzz::fuzz(50) {
        Ok(_) => t.check("API fuzz (schemathesis)", true),
        Err(e) => {
            eprintln!("fuzz: {e:#}");
            t.check("API fuzz (schemathesis)", false);
        }
    }
    let valid = crate::fuzz::validate_openapi()
        .map_err(|e| eprintln!("openapi-spec-validator: {e:#}"))
        .is_ok();
    t.check("OpenAPI document valid (openapi-spec-validator)", valid);
    let agrees = crate::phone_plan::report()
        .map_err(|e| eprintln!("phone plan: {e:#}"))
        .is_ok();
    t.check(
        "phone numbers and networks agree with libphonenumber (every 0xyz block)",
        agrees,
    );
    let generated = crate::generated_client::check()
        .map_err(|e| eprintln!("generated client: {e:#}"))
        .is_ok();
    t.check(
        "a client generated from the OpenAPI document (openapi-python-client) registers",
        generated,
    );

    let built = sizes::release_build()
        .map_err(|e| eprintln!("{e:#}"))
        .is_ok();
    t.check("release build (trunk build --release)", built);
    if built {
        match sizes::first_load() {
            Ok(report) => {
                println!("{report}");
                t.check("first-load budget", report.within_budget());
            }
            Err(e) => {
                eprintln!("{e:#}");
                t.check("first-load budget", false);
            }
        }
        // The full regex crate is a large part of a first load: native code only.
        match sizes::wasm_linking_regex(&root().join("dist")) {
            Ok(found) => {
                if !found.is_empty() {
                    eprintln!("the browser's wasm links the regex crate: {found:?}");
                }
                t.check("no regex in the browser's wasm", found.is_empty());
            }
            Err(e) => {
                eprintln!("{e:#}");
                t.check("no regex in the browser's wasm", false);
            }
        }
        match e2e(&[]) {
            Ok(run) => t.counted("end-to-end tests", run.ok, run.passed, run.failed),
            Err(e) => {
                eprintln!("end-to-end: {e:#}");
                t.check("end-to-end tests", false);
            }
        }
    } else {
        t.check("end-to-end tests (skipped: no release build)", false);
    }

    match crate::gallery::review_for_test() {
        Ok(review) => {
            t.check(
                "visual review: no gallery state changed (target/gallery/review.html)",
                review.unchanged,
            );
            let links = review
                .broken_links
                .map_err(|e| eprintln!("gallery export: {e:#}"))
                .unwrap_or_else(|_| vec!["(not checked)".into()]);
            if !links.is_empty() {
                eprintln!("gallery export: broken links: {links:?}");
            }
            t.check("gallery export: every link resolves", links.is_empty());
        }
        Err(e) => {
            eprintln!("gallery: {e:#}");
            t.check("visual review: no gallery state changed", false);
        }
    }

    if !t.failures.is_empty() {
        eprintln!("\nfailed: {}", t.failures.join("; "));
    }
    println!("{} passed, {} failed", t.passed, t.failed);
    if t.failed > 0 {
        std::process::exit(1);
    }
    Ok(())
}

/// The browser tests: wasm-bindgen-test in headless Chromium, through chromedriver.
pub fn browser_tests() -> std::process::Command {
    let mut browser = cmd(
        "cargo",
        &["test", "-p", "portal", "--target", WASM_TARGET, "--locked"],
    );
    browser.env("CHROMEDRIVER", CHROMEDRIVER);
    browser
}

/// Where Playwright Test writes its JSON report (`playwright.config.mjs`).
pub const PLAYWRIGHT_RESULTS: &str = "target/playwright-results.json";
/// Where it keeps each failed test's trace and screenshot.
pub const PLAYWRIGHT_OUTPUT: &str = "target/playwright-results";
/// Its HTML report, with a trace and a screenshot of each failed test.
pub const PLAYWRIGHT_REPORT: &str = "target/playwright-report";

/// What an end-to-end run counted.
pub struct E2eRun {
    pub ok: bool,
    pub passed: u64,
    pub failed: u64,
    /// The tests that failed, as "file › describe › title [project]".
    pub failures: Vec<String>,
}

/// The release build served by the mock API, driven by Playwright Test in headless Chromium;
/// the designer-kit tests also get the development build, served by a second mock, and the
/// nginx tests the release build under nginx. `args` go to `playwright test` (a file, `-g`
/// and a title, `--project`).
pub fn e2e(args: &[String]) -> Result<E2eRun> {
    crate::serve::dev_build()?;
    crate::study::build(crate::study::Profile::Debug)?;
    let server = MockServer::start_for_tests("dist")?;
    let study = StudyServer::start()?;
    let dev_server = MockServer::start_for_tests(crate::serve::DEV_DIST)?;
    // The development build against a mock without dev endpoints: no panel may show.
    let no_dev_server = MockServer::start_debug(&[
        "--port",
        "0",
        "--static-dir",
        crate::serve::DEV_DIST,
        "--no-dev",
    ])?;
    // Without nginx the nginx project fails on the missing NGINX_BASE_URL, visibly.
    let nginx = crate::nginx::start(server.url())
        .map_err(|e| eprintln!("nginx: {e:#}"))
        .ok();
    let results = root().join(PLAYWRIGHT_RESULTS);
    let _ = std::fs::remove_file(&results);
    let mut playwright = cmd(
        "node",
        &[
            "node_modules/@playwright/test/cli.js",
            "test",
            "--config",
            "playwright.config.mjs",
        ],
    );
    playwright
        .args(args)
        .env("BASE_URL", server.url())
        .env("DEV_BASE_URL", dev_server.url())
        .env("NO_DEV_BASE_URL", no_dev_server.url())
        .env(
            "NGINX_BASE_URL",
            nginx.as_ref().map_or("", |n| n.url.as_str()),
        )
        .env(
            "NGINX_AUTH",
            format!(
                "{}:{}",
                crate::nginx::CREDENTIALS.0,
                crate::nginx::CREDENTIALS.1
            ),
        )
        .env("STUDY_BASE_URL", study.server.url())
        .env("STUDY_AUTH", StudyServer::CREDENTIALS)
        .env("STUDY_DB", &study.db)
        .env("ROUTES", serde_json::to_string(&crate::routes::paths())?)
        .env("CHROMIUM", toolchain::CHROMIUM)
        .env("SCREENSHOT_DIR", root().join("target/screenshots"));
    let ok = crate::run::status(playwright).is_ok();
    drop(nginx);
    drop(server);
    drop(dev_server);
    drop(no_dev_server);
    drop(study);
    let report = std::fs::read_to_string(&results)
        .map_err(anyhow::Error::from)
        .and_then(|text| playwright_counts(&text));
    let (passed, failed, failures) = match report {
        Ok(counts) => counts,
        // No report: the runner itself failed (a syntax error, a missing package).
        Err(e) => {
            eprintln!("no Playwright report in {PLAYWRIGHT_RESULTS}: {e:#}");
            (0, 1, vec!["(no Playwright report)".to_owned()])
        }
    };
    if !ok || failed > 0 {
        eprintln!(
            "end-to-end: report with traces in {PLAYWRIGHT_REPORT}/index.html \
             (open: npx playwright show-report {PLAYWRIGHT_REPORT})"
        );
    }
    Ok(E2eRun {
        ok,
        passed,
        failed,
        failures,
    })
}

/// Study mode for the research-session tests: the study build (debug), a database of its
/// own, made afresh for each run (the privacy test reads its bytes).
struct StudyServer {
    server: MockServer,
    db: std::path::PathBuf,
}

impl StudyServer {
    /// The facilitator's credentials in the tests (nothing to protect there).
    const CREDENTIALS: &'static str = "facilitator:e2e-study";

    fn start() -> Result<Self> {
        let dir = root().join("target/study-e2e");
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir)?;
        let db = dir.join("study.sqlite3");
        let server = MockServer::start_debug(&[
            "--port",
            "0",
            "--static-dir",
            crate::study::STUDY_DIST,
            "--captcha-answer",
            "ABCDE",
            "--study",
            "--basic-auth",
            Self::CREDENTIALS,
            "--db",
            &db.to_string_lossy(),
        ])?;
        Ok(StudyServer { server, db })
    }
}

/// `cargo xtask e2e`: the end-to-end tests alone, against `dist/` as it is (built if missing).
pub fn e2e_alone(args: &[String]) -> Result<()> {
    toolchain::setup(Needs::ALL)?;
    if !root().join("dist/index.html").exists() {
        sizes::release_build()?;
    }
    let run = e2e(args)?;
    println!("{} passed, {} failed", run.passed, run.failed);
    if !run.ok || run.failed > 0 {
        std::process::exit(1);
    }
    Ok(())
}

/// (passed, failed, what failed) from Playwright's JSON report: a flaky test (passed only
/// on a retry) and an error outside any test (a file that does not load) count as failures.
fn playwright_counts(report: &str) -> Result<(u64, u64, Vec<String>)> {
    let json: serde_json::Value = serde_json::from_str(report)?;
    let stat = |key: &str| json["stats"][key].as_u64().unwrap_or(0);
    let errors = json["errors"].as_array().map(Vec::as_slice).unwrap_or(&[]);
    let mut failures = Vec::new();
    for suite in json["suites"].as_array().into_iter().flatten() {
        failed_specs(suite, "", &mut failures);
    }
    failures.extend(errors.iter().map(|e| {
        let message = e["message"].as_str().unwrap_or("");
        format!(
            "(outside any test) {}",
            message.lines().next().unwrap_or("")
        )
    }));
    Ok((
        stat("expected"),
        stat("unexpected") + stat("flaky") + errors.len() as u64,
        failures,
    ))
}

/// Every test of `suite` (and the suites in it) that did not pass at its first attempt.
fn failed_specs(suite: &serde_json::Value, path: &str, out: &mut Vec<String>) {
    let title = suite["title"].as_str().unwrap_or("");
    let path = match path {
        "" => title.to_owned(),
        _ => format!("{path} › {title}"),
    };
    for spec in suite["specs"].as_array().into_iter().flatten() {
        for test in spec["tests"].as_array().into_iter().flatten() {
            let first = &test["results"][0]["status"];
            if first != "passed" && first != "skipped" {
                let project = test["projectName"].as_str().unwrap_or("");
                let name = spec["title"].as_str().unwrap_or("");
                out.push(format!("{path} › {name} [{project}]"));
            }
        }
    }
    for inner in suite["suites"].as_array().into_iter().flatten() {
        failed_specs(inner, &path, out);
    }
}

#[cfg(test)]
mod tests {
    use super::{count_results, playwright_counts};

    #[test]
    fn counts_playwrights_json_report() {
        let report = r#"{"stats":{"expected":61,"skipped":0,"unexpected":2,"flaky":1},"errors":[{"message":"x"}]}"#;
        assert_eq!(
            playwright_counts(report).unwrap(),
            (61, 4, vec!["(outside any test) x".to_owned()])
        );
        assert!(playwright_counts("not json").is_err());
    }

    #[test]
    fn names_each_test_that_failed_or_passed_only_on_a_retry() {
        let report = r#"{"stats":{"expected":2,"unexpected":1,"flaky":1},"errors":[],"suites":[
          {"title":"a.test.mjs","specs":[
            {"title":"passes","tests":[{"projectName":"release","results":[{"status":"passed"}]}]},
            {"title":"fails","tests":[{"projectName":"release","results":[{"status":"failed"}]}]}],
           "suites":[{"title":"at 375 px","specs":[
            {"title":"times out then passes","tests":[{"projectName":"dev",
              "results":[{"status":"timedOut"},{"status":"passed"}]}]},
            {"title":"skipped","tests":[{"projectName":"dev","results":[{"status":"skipped"}]}]}]}]}]}"#;
        let (passed, failed, failures) = playwright_counts(report).unwrap();
        assert_eq!((passed, failed), (2, 2));
        assert_eq!(
            failures,
            [
                "a.test.mjs › fails [release]",
                "a.test.mjs › at 375 px › times out then passes [dev]"
            ]
        );
    }

    #[test]
    fn counts_cargo_summaries() {
        let out = "test result: ok. 33 passed; 0 failed; 0 ignored\n\
                   test result: FAILED. 2 passed; 1 failed; 0 ignored\n\
                   running 3 tests\n  test result: ok. 4 passed; 0 failed;\n";
        assert_eq!(count_results(out), (39, 1));
    }
}
