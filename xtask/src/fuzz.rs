//! `cargo xtask fuzz`: schemathesis (PyPI, in a project-local venv) generates requests
//! from `/api/openapi.json` against a running mock API and checks every answer: no 5xx,
//! status codes, content types and bodies as documented, invalid input refused. The same
//! venv holds openapi-spec-validator, which checks the document itself against the OpenAPI
//! specification (`cargo xtask test`).

use crate::root;
use crate::run::{cmd, probe, status, tee};
use crate::serve::MockServer;
use anyhow::{bail, Result};

pub const SCHEMATHESIS_VERSION: &str = "4.32.5";
pub const OPENAPI_SPEC_VALIDATOR_VERSION: &str = "0.9.0";

pub fn venv() -> std::path::PathBuf {
    root().join("target/tools/venv")
}

/// Installs schemathesis and openapi-spec-validator into `target/tools/venv` unless the
/// right versions are there; returns schemathesis' command.
pub fn install() -> Result<std::path::PathBuf> {
    ensure_packages(&[
        ("schemathesis", SCHEMATHESIS_VERSION),
        ("openapi-spec-validator", OPENAPI_SPEC_VALIDATOR_VERSION),
    ])?;
    Ok(venv().join("bin/st"))
}

/// Makes sure the project's venv (made if missing) holds each `(package, version)`: pip
/// installs the ones missing or at another version. Every Python tool of the tests is
/// pinned through here.
pub fn ensure_packages(packages: &[(&str, &str)]) -> Result<()> {
    let python = venv().join("bin/python");
    if !python.exists() {
        status(cmd("python3", &["-m", "venv", &venv().to_string_lossy()]))?;
    }
    let pins: Vec<String> = packages.iter().map(|(p, v)| format!("{p}=={v}")).collect();
    let script = format!(
        "import importlib.metadata as m\nfor p in {names:?}:\n    print(p + '==' + m.version(p))",
        names = packages.iter().map(|(p, _)| *p).collect::<Vec<_>>()
    );
    let have = probe(&python.to_string_lossy(), &["-c", &script]).unwrap_or_default();
    if have.lines().collect::<Vec<_>>() != pins.iter().map(String::as_str).collect::<Vec<_>>() {
        let mut args = vec!["install", "--quiet", "--disable-pip-version-check"];
        args.extend(pins.iter().map(String::as_str));
        status(cmd(&venv().join("bin/pip").to_string_lossy(), &args))?;
    }
    Ok(())
}

/// Validates the served `/api/openapi.json` against the OpenAPI specification (unique
/// operation ids, resolvable references, valid schemas): a client generator's view of it.
pub fn validate_openapi() -> Result<()> {
    install()?;
    let server = MockServer::start_debug(crate::serve::UNLIMITED_TEST_FLAGS)?;
    let spec = format!("{}/api/openapi.json", server.url());
    let script = "import json, sys, urllib.request\n\
                  from openapi_spec_validator import validate\n\
                  validate(json.load(urllib.request.urlopen(sys.argv[1])))\n\
                  print('openapi-spec-validator: the document is valid')";
    status(cmd(
        &venv().join("bin/python").to_string_lossy(),
        &["-c", script, &spec],
    ))
}

/// Runs the fuzzer; returns the number of requests it generated.
pub fn fuzz(examples: u32) -> Result<u64> {
    let st = install()?;
    let server = MockServer::start_debug(crate::serve::UNLIMITED_TEST_FLAGS)?;
    let spec = format!("{}/api/openapi.json", server.url());
    let n = examples.to_string();
    // positive_data_acceptance is excluded on purpose: schema-valid bodies are still
    // refused for reasons a schema cannot express (a wrong captcha, an expired code).
    let mut run = cmd(
        &st.to_string_lossy(),
        &[
            "run",
            &spec,
            "--checks",
            "all",
            "--exclude-checks",
            "positive_data_acceptance",
            "--max-examples",
            &n,
            "--seed",
            "20261126",
            "--no-color",
        ],
    );
    // Its cache and reports stay under target/, out of the work tree.
    run.current_dir(root().join("target/tools"));
    let (ok, out) = tee(run)?;
    drop(server);
    let generated = generated_count(&out);
    if !ok {
        bail!("schemathesis found failures (see above)");
    }
    println!("schemathesis: {generated} requests generated, no failures");
    Ok(generated)
}

/// From schemathesis' summary line "3265 generated, 3265 passed".
fn generated_count(output: &str) -> u64 {
    output
        .lines()
        .find_map(|l| {
            let mut words = l.split_whitespace();
            let n = words.next()?.parse().ok()?;
            (words.next()? == "generated,").then_some(n)
        })
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    #[test]
    fn reads_the_generated_count() {
        let out = "  ⚠️ Schema validation mismatch: 2 operations mostly rejected generated data\n\
                   Test cases:\n  1065 generated, 1065 passed\n";
        assert_eq!(super::generated_count(out), 1065);
    }
}
