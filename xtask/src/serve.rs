//! Long-running processes: the mock API, `trunk serve`, and stopping them cleanly; the
//! commands that run them (`dev`, `preview`).

use crate::run::{cmd, status};
use crate::toolchain::{self, Needs};
use crate::{root, sizes};
use anyhow::{bail, Context, Result};
use std::io::{BufRead, BufReader};
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// A free port, no per-IP limit, a known captcha answer: for the fuzzer and the load bench,
/// which send more requests than a citizen could.
pub const UNLIMITED_TEST_FLAGS: &[&str] = &[
    "--port",
    "0",
    "--ip-limit",
    "0",
    "--captcha-answer",
    "ABCDE",
];

/// A child in its own process group, so that stopping it also stops what it started
/// (Trunk's cargo and wasm-bindgen runs), and Ctrl-C reaches only xtask, which then
/// stops everything in order.
pub struct Supervised {
    name: &'static str,
    child: Child,
}

impl Supervised {
    pub fn spawn(name: &'static str, mut command: Command) -> Result<Self> {
        command.process_group(0);
        let child = command
            .spawn()
            .with_context(|| format!("starting {name}"))?;
        Ok(Supervised { name, child })
    }

    fn exited(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(Some(_)))
    }

    pub fn stop(&mut self) {
        if self.exited() {
            return;
        }
        let group = format!("-{}", self.child.id());
        let _ = Command::new("kill").args(["-TERM", "--", &group]).status();
        for _ in 0..50 {
            if self.exited() {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        let _ = Command::new("kill").args(["-KILL", "--", &group]).status();
        let _ = self.child.wait();
        eprintln!("{} did not stop on SIGTERM; killed", self.name);
    }
}

impl Drop for Supervised {
    fn drop(&mut self) {
        self.stop();
    }
}

/// The mock API, started on a port it picks or is given; its first stdout line names
/// the address it bound.
pub struct MockServer {
    process: Supervised,
    url: String,
}

impl MockServer {
    pub fn start(binary: &std::path::Path, args: &[String]) -> Result<Self> {
        Self::spawn(Command::new(binary), args)
    }

    /// Without the per-request log (for load measurements).
    pub fn start_quiet(binary: &std::path::Path, args: &[String]) -> Result<Self> {
        let mut c = Command::new(binary);
        c.env("RUST_LOG", "warn");
        Self::spawn(c, args)
    }

    /// `binary` with `args` and its environment as `command` sets it (a password that
    /// should not show in the process list).
    pub fn start_command(command: Command, args: &[String]) -> Result<Self> {
        Self::spawn(command, args)
    }

    fn spawn(mut c: Command, args: &[String]) -> Result<Self> {
        c.args(args).current_dir(root()).stdout(Stdio::piped());
        let mut process = Supervised::spawn("mock-api", c)?;
        let stdout = process.child.stdout.take().expect("piped");
        let mut lines = BufReader::new(stdout).lines();
        let first = lines.next().transpose()?.unwrap_or_default();
        let Some(url) = first.strip_prefix("listening on ").map(str::to_owned) else {
            bail!("mock-api did not start (said: {first:?})");
        };
        // Keep draining its output so it never blocks on a full pipe.
        std::thread::spawn(move || lines.map_while(Result::ok).for_each(|l| println!("{l}")));
        Ok(MockServer { process, url })
    }

    /// A debug build (it shares the test build's dependencies) with these flags.
    pub fn start_debug(args: &[&str]) -> Result<Self> {
        status(cmd("cargo", &["build", "-p", "mock-api", "--locked"]))?;
        let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
        let mut c = Command::new(root().join("target/debug/mock-api"));
        // The tests' servers are open on loopback, whatever PORTAL_BASIC_AUTH the shell has.
        c.env_remove("PORTAL_BASIC_AUTH");
        Self::spawn(c, &args)
    }

    /// Serving `static_dir` (the release `dist`, or the development build) on a free port,
    /// with a fixed captcha answer.
    pub fn start_for_tests(static_dir: &str) -> Result<Self> {
        Self::start_debug(&[
            "--port",
            "0",
            "--static-dir",
            static_dir,
            "--captcha-answer",
            "ABCDE",
        ])
    }

    pub fn url(&self) -> &str {
        &self.url
    }

    pub fn exited(&mut self) -> bool {
        self.process.exited()
    }
}

pub fn on_interrupt() -> Result<Arc<AtomicBool>> {
    let stop = Arc::new(AtomicBool::new(false));
    let flag = stop.clone();
    ctrlc::set_handler(move || flag.store(true, Ordering::SeqCst))
        .context("installing Ctrl-C handler")?;
    Ok(stop)
}

/// Where `cargo xtask dev` keeps the mock's data, so a designer's test accounts and a flow
/// under way survive a restart.
pub const DEV_DB: &str = "target/dev-data/mock.sqlite3";

/// `cargo xtask dev [--fresh]`: `--fresh` starts from an empty database.
pub fn dev(flags: &[String]) -> Result<()> {
    let fresh = flags.iter().any(|f| f == "--fresh");
    if let Some(other) = flags.iter().find(|f| *f != "--fresh" && *f != "--") {
        bail!("dev: unknown flag {other} (only --fresh)");
    }
    toolchain::setup(Needs::BUILD)?;
    status(cmd("cargo", &["build", "-p", "mock-api"]))?;
    let db = root().join(DEV_DB);
    if fresh {
        for suffix in ["", "-wal", "-shm"] {
            let file = format!("{}{suffix}", db.display());
            match std::fs::remove_file(&file) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e.into()),
                _ => {}
            }
        }
    }
    if let Some(dir) = db.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let stop = on_interrupt()?;
    let args: Vec<String> = vec!["--port".into(), "8787".into(), "--db".into(), DEV_DB.into()];
    let mut api = MockServer::start(&root().join("target/debug/mock-api"), &args)?;
    let mut trunk =
        Supervised::spawn("trunk serve", cmd("trunk", &["serve", "--features", "dev"]))?;
    println!("\nmock API: {}", api.url());
    println!(
        "data:     {DEV_DB} (kept across restarts; empty it with the dev panel's \"Clear data\" or `cargo xtask dev --fresh`)"
    );
    println!("app:      http://127.0.0.1:8080/  (first build takes a while; Ctrl-C stops both)\n");
    while !stop.load(Ordering::SeqCst) {
        if api.exited() || trunk.exited() {
            eprintln!("a process exited; stopping the other");
            break;
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    trunk.stop();
    api.process.stop();
    Ok(())
}

/// Where the development build (with the dev panel and `/__gallery`) is written.
pub const DEV_DIST: &str = "target/dist-dev";

/// `trunk build --features dev` (debug profile) into [`DEV_DIST`], for the designer-kit
/// tests and `cargo xtask gallery`.
pub fn dev_build() -> Result<()> {
    status(cmd(
        "trunk",
        &["build", "--features", "dev", "--dist", DEV_DIST],
    ))
}

/// The optimised mock API (`server` profile), built if needed: what preview and bench serve
/// the release build with.
pub fn server_mock() -> Result<std::path::PathBuf> {
    status(cmd(
        "cargo",
        &["build", "-p", "mock-api", "--profile", "server", "--locked"],
    ))?;
    Ok(root().join("target/server/mock-api"))
}

/// `cargo xtask preview [-- <mock-api flags>]`.
pub fn preview(flags: &[String]) -> Result<()> {
    toolchain::setup(Needs::BUILD)?;
    let mock = server_mock()?;
    let args = preview_args(flags);
    // The mock's own rule (a reachable --host needs a password), before minutes of build.
    let check = Command::new(&mock).args(&args).arg("--check").status()?;
    if !check.success() {
        std::process::exit(check.code().unwrap_or(2));
    }
    sizes::release_build()?;
    let stop = on_interrupt()?;
    let mut api = MockServer::start(&mock, &args)?;
    println!(
        "\npreview: {}  (release build + mock API; Ctrl-C stops)\n",
        api.url()
    );
    while !stop.load(Ordering::SeqCst) && !api.exited() {
        std::thread::sleep(Duration::from_millis(200));
    }
    Ok(())
}

/// The mock's flags for `preview`: port 8787 and the release `dist/`, unless given after `--`
/// (the mock refuses a flag given twice, so a given one replaces its default).
fn preview_args(flags: &[String]) -> Vec<String> {
    with_defaults(&[("--port", "8787"), ("--static-dir", "dist")], flags)
}

/// The mock's `flags` after the `defaults` they do not give (the mock refuses a flag given
/// twice, so a given one replaces its default).
pub fn with_defaults(defaults: &[(&str, &str)], flags: &[String]) -> Vec<String> {
    let given = |flag: &str| {
        flags
            .iter()
            .any(|f| f == flag || f.starts_with(&format!("{flag}=")))
    };
    let mut args: Vec<String> = defaults
        .iter()
        .filter(|(flag, _)| !given(flag))
        .flat_map(|(flag, value)| [flag.to_string(), value.to_string()])
        .collect();
    args.extend(flags.iter().cloned());
    args
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(args: &[&str]) -> Vec<String> {
        args.iter().map(|a| a.to_string()).collect()
    }

    #[test]
    fn a_flag_given_to_preview_replaces_its_default() {
        assert_eq!(
            preview_args(&[]),
            strings(&["--port", "8787", "--static-dir", "dist"])
        );
        assert_eq!(
            preview_args(&strings(&["--port", "9000"])),
            strings(&["--static-dir", "dist", "--port", "9000"])
        );
        assert_eq!(
            preview_args(&strings(&["--port=9000", "--host", "0.0.0.0"])),
            strings(&["--static-dir", "dist", "--port=9000", "--host", "0.0.0.0"])
        );
    }
}
