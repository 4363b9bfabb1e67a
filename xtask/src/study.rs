//! `cargo xtask study`: research sessions (spec §7). The study build of the SPA (the task
//! panel and the recorder: `--features study`) served by the mock in study mode, the
//! studies kept in a SQLite file, the facilitator's pages behind a password.

use crate::root;
use crate::run::{cmd, status};
use crate::serve::{on_interrupt, server_mock, MockServer};
use crate::toolchain::{self, Needs};
use anyhow::{bail, Result};
use std::process::Command;
use std::sync::atomic::Ordering;
use std::time::Duration;

/// Where the study build is written.
pub const STUDY_DIST: &str = "target/dist-study";
/// Where `cargo xtask study` keeps the studies and what happened in them.
pub const STUDY_DB: &str = "target/study-data/study.sqlite3";
/// The facilitator's user name when `PORTAL_BASIC_AUTH` does not give one.
const FACILITATOR: &str = "facilitator";

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Profile {
    /// What participants get: optimised.
    Release,
    /// What the end-to-end tests use: it compiles in a fraction of the time.
    Debug,
}

/// `trunk build --features study` into [`STUDY_DIST`].
pub fn build(profile: Profile) -> Result<()> {
    let mut args = vec!["build", "--features", "study", "--dist", STUDY_DIST];
    if profile == Profile::Release {
        args.insert(1, "--release");
    }
    status(cmd("trunk", &args))
}

/// A password nobody has to choose: 16 random bytes from the OS, hex.
fn random_password() -> Result<String> {
    let mut bytes = [0u8; 16];
    std::io::Read::read_exact(&mut std::fs::File::open("/dev/urandom")?, &mut bytes)?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// The mock's flags for study mode; a flag given after `--` replaces its default.
pub fn args(flags: &[String]) -> Vec<String> {
    let flags: Vec<String> = flags.iter().filter(|f| *f != "--").cloned().collect();
    let mut args = crate::serve::with_defaults(
        &[
            ("--port", "8787"),
            ("--static-dir", STUDY_DIST),
            ("--db", STUDY_DB),
        ],
        &flags,
    );
    args.push("--study".into());
    args
}

/// `cargo xtask study [-- <mock-api flags>]`.
pub fn run(flags: &[String]) -> Result<()> {
    toolchain::setup(Needs::BUILD)?;
    let mock = server_mock()?;
    let credentials = match std::env::var("PORTAL_BASIC_AUTH") {
        Ok(given) if given.contains(':') => given,
        Ok(_) => bail!("PORTAL_BASIC_AUTH must be USER:PASSWORD"),
        Err(_) => format!("{FACILITATOR}:{}", random_password()?),
    };
    let args = args(flags);
    let mock_command = || {
        let mut c = Command::new(&mock);
        c.env("PORTAL_BASIC_AUTH", &credentials);
        c
    };
    // The mock's own rules (a reachable --host needs the password), before minutes of build.
    let check = mock_command().args(&args).arg("--check").status()?;
    if !check.success() {
        std::process::exit(check.code().unwrap_or(2));
    }
    build(Profile::Release)?;
    if let Some(dir) = root().join(STUDY_DB).parent() {
        std::fs::create_dir_all(dir)?;
    }
    let stop = on_interrupt()?;
    let mut api = MockServer::start_command(mock_command(), &args)?;
    let (user, password) = credentials.split_once(':').unwrap_or_default();
    println!("\nstudy mode: {}", api.url());
    println!(
        "facilitator's pages: {}/__study  (user {user}, password {password})",
        api.url()
    );
    println!(
        "participants open the links those pages give; the data is in {STUDY_DB}. Ctrl-C stops.\n"
    );
    while !stop.load(Ordering::SeqCst) && !api.exited() {
        std::thread::sleep(Duration::from_millis(200));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(args: &[&str]) -> Vec<String> {
        args.iter().map(|a| a.to_string()).collect()
    }

    #[test]
    fn study_mode_keeps_its_data_in_the_study_file_unless_told_otherwise() {
        let default = args(&[]);
        assert!(default
            .windows(2)
            .any(|w| w == strings(&["--db", STUDY_DB]).as_slice()));
        assert!(default.contains(&"--study".to_owned()));
        let moved = args(&strings(&[
            "--",
            "--db",
            "/tmp/s.sqlite3",
            "--port",
            "9000",
        ]));
        assert_eq!(moved.iter().filter(|a| *a == "--db").count(), 1);
        assert_eq!(moved.iter().filter(|a| *a == "--port").count(), 1);
        assert!(moved.contains(&"/tmp/s.sqlite3".to_owned()));
    }

    #[test]
    fn a_generated_password_is_long_and_new_each_time() {
        let (a, b) = (random_password().unwrap(), random_password().unwrap());
        assert_eq!(a.len(), 32);
        assert_ne!(a, b);
    }
}
