//! Running commands with the project's tools first on PATH.

use crate::root;
use anyhow::{bail, Context, Result};
use std::ffi::OsString;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

/// `node_modules/.bin` (wasm-opt 132) and cargo's bin folder before the system's, so
/// Trunk never picks Debian's wasm-opt 108.
pub fn tool_path() -> OsString {
    let mut dirs = vec![root().join("node_modules/.bin"), cargo_bin()];
    if let Some(path) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&path));
    }
    std::env::join_paths(dirs).unwrap_or_default()
}

pub fn cargo_bin() -> PathBuf {
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from(".cargo"));
    home.join("bin")
}

/// A command rooted at the workspace with the tool PATH.
pub fn cmd(program: &str, args: &[&str]) -> Command {
    let mut c = Command::new(program);
    c.args(args).current_dir(root()).env("PATH", tool_path());
    c
}

fn describe(c: &Command) -> String {
    let args: Vec<_> = c
        .get_args()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    format!("{} {}", c.get_program().to_string_lossy(), args.join(" "))
}

/// Runs with inherited output; fails on a non-zero exit.
pub fn status(mut c: Command) -> Result<()> {
    let what = describe(&c);
    eprintln!("$ {what}");
    let st = c
        .status()
        .with_context(|| format!("could not start `{what}`"))?;
    if !st.success() {
        bail!("`{what}` failed ({st})");
    }
    Ok(())
}

/// Runs with output captured, shown only if it fails (for many small steps in a row).
pub fn quiet(mut c: Command) -> Result<()> {
    let what = describe(&c);
    let out = c
        .output()
        .with_context(|| format!("could not start `{what}`"))?;
    if !out.status.success() {
        bail!(
            "`{what}` failed ({}):\n{}{}",
            out.status,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    Ok(())
}

/// Runs, echoing output live, and returns stdout+stderr as text with the success flag.
pub fn tee(mut c: Command) -> Result<(bool, String)> {
    use std::io::{BufRead, BufReader};
    let what = describe(&c);
    eprintln!("$ {what}");
    let mut child = c
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .with_context(|| format!("could not start `{what}`"))?;
    let stderr = child.stderr.take().expect("piped");
    let err_thread = std::thread::spawn(move || {
        let mut text = String::new();
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            eprintln!("{line}");
            text.push_str(&line);
            text.push('\n');
        }
        text
    });
    let mut text = String::new();
    for line in BufReader::new(child.stdout.take().expect("piped"))
        .lines()
        .map_while(Result::ok)
    {
        println!("{line}");
        text.push_str(&line);
        text.push('\n');
    }
    text.push_str(&err_thread.join().unwrap_or_default());
    let ok = child.wait()?.success();
    Ok((ok, text))
}

/// Captured output of a command that may not exist (for version probes).
pub fn probe(program: &str, args: &[&str]) -> Option<String> {
    let Output {
        status,
        stdout,
        stderr,
    } = cmd(program, args).output().ok()?;
    status.success().then(|| {
        let mut s = String::from_utf8_lossy(&stdout).into_owned();
        s.push_str(&String::from_utf8_lossy(&stderr));
        s.trim().to_owned()
    })
}
