//! The OpenAPI document as a stranger would use it: a Python client generated from
//! `/api/openapi.json` by openapi-python-client with its default settings (PyPI, pinned, in
//! the venv schemathesis uses), installed with pip, and one registration driven through it
//! (`xtask/generated_client_check.py`).

use crate::fuzz::venv;
use crate::root;
use crate::run::{cmd, status};
use crate::serve::MockServer;
use anyhow::Result;

pub const OPENAPI_PYTHON_CLIENT_VERSION: &str = "0.29.1";
/// The generator's default post-processing (`ruff check --fix`, `ruff format`) needs it.
pub const RUFF_VERSION: &str = "0.17.6";

fn install() -> Result<()> {
    crate::fuzz::ensure_packages(&[
        ("openapi-python-client", OPENAPI_PYTHON_CLIENT_VERSION),
        ("ruff", RUFF_VERSION),
    ])
}

/// Generates, installs and drives the client; an error says which step failed.
pub fn check() -> Result<()> {
    install()?;
    let server = MockServer::start_debug(crate::serve::UNLIMITED_TEST_FLAGS)?;
    let out = root().join("target/generated-client");
    if out.exists() {
        std::fs::remove_dir_all(&out)?;
    }
    std::fs::create_dir_all(&out)?;
    let bin = venv().join("bin");
    // The generator's post hooks find ruff on PATH.
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut generate = cmd(
        &bin.join("openapi-python-client").to_string_lossy(),
        &[
            "generate",
            "--url",
            &format!("{}/api/openapi.json", server.url()),
            "--fail-on-warning",
        ],
    );
    generate.current_dir(&out).env("PATH", &path);
    status(generate)?;
    let package = std::fs::read_dir(&out)?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .find(|p| p.join("pyproject.toml").exists())
        .ok_or_else(|| anyhow::anyhow!("the generator wrote no package into {}", out.display()))?;
    status(cmd(
        &bin.join("pip").to_string_lossy(),
        &[
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "--force-reinstall",
            &package.to_string_lossy(),
        ],
    ))?;
    status(cmd(
        &bin.join("python").to_string_lossy(),
        &[
            &root()
                .join("xtask/generated_client_check.py")
                .to_string_lossy(),
            server.url(),
        ],
    ))
}
