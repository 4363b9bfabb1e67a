//! The tools the project needs beyond rustup and cargo, checked and installed
//! idempotently: quick when present, exact about what is missing.

use crate::root;
use crate::run::{cmd, probe, status};
use anyhow::{bail, Context, Result};

pub const TRUNK_VERSION: &str = "0.21.14";
pub const WASM_OPT_VERSION: &str = "132";
pub const WASM_TARGET: &str = "wasm32-unknown-unknown";
pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const JAVA: &str = "java";
pub const NGINX: &str = "/usr/sbin/nginx";
pub const NGINX_BROTLI_MODULE: &str = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// Which groups of tools a command needs.
#[derive(Clone, Copy)]
pub struct Needs {
    pub build: bool,
    pub browser: bool,
}

impl Needs {
    pub const ALL: Needs = Needs {
        build: true,
        browser: true,
    };
    pub const BUILD: Needs = Needs {
        build: true,
        browser: false,
    };
}

/// The `wasm-bindgen` version Cargo.lock resolved; the CLI must be exactly this.
pub fn locked_wasm_bindgen() -> Result<String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock")).context("reading Cargo.lock")?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\"" {
            if let Some(v) = lines.next().and_then(|l| l.strip_prefix("version = \"")) {
                return Ok(v.trim_end_matches('"').to_owned());
            }
        }
    }
    bail!("Cargo.lock has no wasm-bindgen package")
}

/// The `wasm_bindgen = "…"` pin in Trunk.toml.
pub fn trunk_toml_wasm_bindgen() -> Option<String> {
    let toml = std::fs::read_to_string(root().join("Trunk.toml")).ok()?;
    toml.lines()
        .find_map(|l| l.trim().strip_prefix("wasm_bindgen = \""))
        .map(|v| v.trim_end_matches('"').to_owned())
}

struct Check {
    name: &'static str,
    found: Option<String>,
    ok: bool,
    fix: String,
}

fn version_word(text: Option<String>, index: usize) -> Option<String> {
    text.and_then(|t| t.split_whitespace().nth(index).map(str::to_owned))
}

fn is_root() -> bool {
    probe("id", &["-u"]).as_deref() == Some("0")
}

fn checks(needs: Needs) -> Result<Vec<Check>> {
    let mut out = Vec::new();
    let bindgen = locked_wasm_bindgen()?;
    if needs.build {
        let targets = probe("rustup", &["target", "list", "--installed"]).unwrap_or_default();
        out.push(Check {
            name: "wasm32 target",
            ok: targets.lines().any(|l| l.trim() == WASM_TARGET),
            found: None,
            fix: format!("rustup target add {WASM_TARGET}"),
        });
        let trunk = version_word(probe("trunk", &["--version"]), 1);
        out.push(Check {
            name: "trunk",
            ok: trunk.as_deref() == Some(TRUNK_VERSION),
            found: trunk,
            fix: format!("cargo install trunk --version {TRUNK_VERSION} --locked"),
        });
        // No --locked: the registry lacks one of the CLI's locked dependencies.
        let fix = format!("cargo install wasm-bindgen-cli --version ={bindgen}");
        let cli = version_word(probe("wasm-bindgen", &["--version"]), 1);
        out.push(Check {
            name: "wasm-bindgen CLI (= Cargo.lock)",
            ok: cli.as_deref() == Some(bindgen.as_str()),
            found: cli,
            fix: fix.clone(),
        });
        let runner = version_word(probe("wasm-bindgen-test-runner", &["--version"]), 1);
        out.push(Check {
            name: "wasm-bindgen-test-runner (= Cargo.lock)",
            ok: runner.as_deref() == Some(bindgen.as_str()),
            found: runner,
            fix,
        });
        let pinned = trunk_toml_wasm_bindgen();
        out.push(Check {
            name: "Trunk.toml wasm_bindgen pin (= Cargo.lock)",
            ok: pinned.as_deref() == Some(bindgen.as_str()),
            found: pinned,
            fix: format!("set wasm_bindgen = \"{bindgen}\" in Trunk.toml"),
        });
        let wasm_opt = root().join("node_modules/.bin/wasm-opt");
        let opt = version_word(probe(&wasm_opt.to_string_lossy(), &["--version"]), 2);
        let packages = [
            "playwright-core/package.json",
            "@playwright/test/cli.js",
            "terser/package.json",
            "lightningcss/package.json",
            "vnu-jar/build/dist/vnu.jar",
            "pixelmatch/package.json",
            "pngjs/package.json",
        ]
        .iter()
        .all(|p| root().join("node_modules").join(p).exists());
        out.push(Check {
            name: "node_modules (wasm-opt 132, terser, lightningcss, Playwright Test, axe-core, vnu-jar, pixelmatch)",
            ok: opt.as_deref() == Some(WASM_OPT_VERSION) && packages,
            found: opt.map(|v| format!("wasm-opt {v}")),
            fix: "npm ci --no-audit --no-fund".into(),
        });
    }
    if needs.browser {
        let chromium = version_word(probe(CHROMIUM, &["--version"]), 1);
        let driver = version_word(probe(CHROMEDRIVER, &["--version"]), 1);
        let same_major = |a: &Option<String>, b: &Option<String>| match (a, b) {
            (Some(a), Some(b)) => a.split('.').next() == b.split('.').next(),
            _ => false,
        };
        out.push(Check {
            name: "Debian chromium + chromium-driver (same version)",
            ok: same_major(&chromium, &driver),
            found: chromium.map(|c| {
                format!(
                    "chromium {c}, chromedriver {}",
                    driver.unwrap_or("-".into())
                )
            }),
            fix: "apt-get update && apt-get install -y chromium chromium-driver".into(),
        });
        // The Nu Html Checker (vnu-jar) checks every gallery state's HTML; it runs on Java.
        let java = probe(JAVA, &["-version"]).is_some();
        out.push(Check {
            name: "Debian Java runtime (for the Nu Html Checker)",
            ok: java,
            found: java.then(|| "java".into()),
            fix: "apt-get update && apt-get install -y default-jre-headless".into(),
        });
        // The gallery's baseline images are rendered with these fonts (the stylesheet's
        // system-ui and Arial resolve to them): a machine without them would differ.
        let fonts = GALLERY_FONTS
            .iter()
            .all(|f| std::path::Path::new(f).exists());
        out.push(Check {
            name: "Debian fonts for the gallery baseline (DejaVu, Liberation)",
            ok: fonts,
            found: fonts.then(|| "installed".into()),
            fix: "apt-get update && apt-get install -y fonts-dejavu-core fonts-liberation".into(),
        });
        // The production-serving smoke test runs the release build under Debian's nginx.
        let nginx = version_word(probe(NGINX, &["-v"]), 2);
        let brotli_static = std::path::Path::new(NGINX_BROTLI_MODULE).exists();
        out.push(Check {
            name: "Debian nginx + brotli_static module",
            ok: nginx.is_some() && brotli_static,
            found: nginx,
            fix: "apt-get update && apt-get install -y nginx libnginx-mod-http-brotli-static"
                .into(),
        });
    }
    Ok(out)
}

const GALLERY_FONTS: [&str; 2] = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
];

/// `cargo xtask doctor`: reports, changes nothing, fails if anything is missing.
pub fn doctor() -> Result<()> {
    let mut missing = 0;
    for c in checks(Needs::ALL)? {
        let found =
            c.found
                .clone()
                .unwrap_or_else(|| if c.ok { "ok".into() } else { "missing".into() });
        if c.ok {
            println!("ok       {:<55} {found}", c.name);
        } else {
            missing += 1;
            println!("MISSING  {:<55} {found}\n         fix: {}", c.name, c.fix);
        }
    }
    if let Ok(v) = locked_wasm_bindgen() {
        println!("Cargo.lock wasm-bindgen = {v}");
    }
    if missing > 0 {
        bail!("{missing} problem(s); `cargo xtask setup` installs what it can");
    }
    Ok(())
}

fn install(check: &Check) -> Result<()> {
    eprintln!(
        "installing: {} (found: {})",
        check.name,
        check.found.as_deref().unwrap_or("none")
    );
    match check.name {
        n if n.starts_with("Trunk.toml") => bail!("{}: {}", check.name, check.fix),
        n if n.starts_with("Debian ") => {
            if !is_root() {
                bail!(
                    "{} is missing and this is not root. Run:\n  sudo sh -c '{}'",
                    check.name,
                    check.fix
                );
            }
            status(cmd("apt-get", &["update", "-qq"]))?;
            // The packages are the words after "-y" in the fix.
            let packages: Vec<&str> = check
                .fix
                .split(" -y ")
                .nth(1)
                .unwrap_or("")
                .split_whitespace()
                .collect();
            let mut args = vec!["install", "-y", "-qq"];
            args.extend(packages);
            let mut c = cmd("apt-get", &args);
            c.env("DEBIAN_FRONTEND", "noninteractive");
            status(c)
        }
        _ => {
            let words: Vec<&str> = check.fix.split_whitespace().collect();
            status(cmd(words[0], &words[1..]))
        }
    }
}

/// Installs whatever is missing, then re-checks.
pub fn setup(needs: Needs) -> Result<()> {
    let mut done_bindgen = false;
    for check in checks(needs)? {
        if check.ok {
            continue;
        }
        // The CLI and the test runner come from one install.
        if check.name.starts_with("wasm-bindgen") {
            if done_bindgen {
                continue;
            }
            done_bindgen = true;
        }
        install(&check)?;
    }
    let still: Vec<_> = checks(needs)?.into_iter().filter(|c| !c.ok).collect();
    if let Some(c) = still.first() {
        bail!(
            "{} is still missing or mismatched after install; fix: {}",
            c.name,
            c.fix
        );
    }
    Ok(())
}
