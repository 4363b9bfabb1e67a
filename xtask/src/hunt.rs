//! `cargo xtask hunt`: the flake hunt. The end-to-end tests, the browser tests and the
//! gallery's visual compare, run round after round while other cores are kept busy, so a
//! test that depends on how fast the machine is fails here before it fails someone's CI.
//! Each round starts fresh servers, as `cargo xtask test` does; the summary names every test
//! that failed and in which rounds, and a failed round's Playwright traces are kept.

use crate::gallery::{self, GALLERY_DIR};
use crate::run::tee;
use crate::test::{browser_tests, count_results, e2e, PLAYWRIGHT_OUTPUT};
use crate::toolchain::{self, Needs};
use crate::{root, sizes};
use anyhow::{bail, Context, Result};
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;

const USAGE: &str = "\
usage: cargo xtask hunt [ROUNDS] [--busy CORES] [--layers e2e,browser,gallery] [-- <playwright args>]
  ROUNDS    how many times each layer runs (3)
  --busy    how many cores a busy loop keeps occupied meanwhile (1)
  --layers  which layers run (all three; only e2e when Playwright arguments are given)
  Playwright arguments choose the end-to-end tests: a file, -g TITLE, --project dev";

/// A layer of the test run that the hunt repeats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Layer {
    EndToEnd,
    Browser,
    Gallery,
}

impl Layer {
    fn parse(name: &str) -> Result<Layer> {
        Ok(match name {
            "e2e" => Layer::EndToEnd,
            "browser" => Layer::Browser,
            "gallery" => Layer::Gallery,
            _ => bail!("unknown layer {name:?} (e2e, browser, gallery)\n{USAGE}"),
        })
    }

    fn name(self) -> &'static str {
        match self {
            Layer::EndToEnd => "end-to-end",
            Layer::Browser => "browser",
            Layer::Gallery => "gallery compare",
        }
    }
}

/// What the command line asked for.
#[derive(Debug, PartialEq)]
struct Plan {
    rounds: u32,
    busy: usize,
    layers: Vec<Layer>,
    playwright: Vec<String>,
}

impl Plan {
    /// `args` as `main` passes them (without the `--`): the hunt's own flags first, and
    /// everything from the first argument it does not know on goes to Playwright.
    fn parse(args: &[String]) -> Result<Plan> {
        let mut rounds = 3;
        let mut busy = 1;
        let mut layers = None;
        let mut rest = args.iter();
        let mut playwright = Vec::new();
        while let Some(arg) = rest.next() {
            let mut value = |flag: &str| {
                rest.next()
                    .with_context(|| format!("{flag} needs a value\n{USAGE}"))
            };
            match arg.as_str() {
                "--busy" => busy = value("--busy")?.parse().context("--busy CORES")?,
                "--layers" => {
                    let names = value("--layers")?.split(',').map(Layer::parse);
                    layers = Some(names.collect::<Result<Vec<_>>>()?);
                }
                n if playwright.is_empty() && n.parse::<u32>().is_ok() => {
                    rounds = n.parse()?;
                }
                _ => {
                    playwright.push(arg.clone());
                    playwright.extend(rest.by_ref().cloned());
                }
            }
        }
        if rounds == 0 {
            bail!("at least one round\n{USAGE}");
        }
        let layers = layers.unwrap_or_else(|| match playwright.is_empty() {
            true => vec![Layer::EndToEnd, Layer::Browser, Layer::Gallery],
            false => vec![Layer::EndToEnd],
        });
        Ok(Plan {
            rounds,
            busy,
            layers,
            playwright,
        })
    }
}

/// What one layer's run gave in one round.
struct Outcome {
    passed: u64,
    /// What failed, by name; a run that failed without naming a test names itself.
    failures: Vec<String>,
}

/// Cores kept busy for as long as it lives: the load a CI machine running something else
/// puts on the tests.
struct BusyCores {
    stop: Arc<AtomicBool>,
    threads: Vec<JoinHandle<()>>,
}

impl BusyCores {
    fn start(cores: usize) -> BusyCores {
        let stop = Arc::new(AtomicBool::new(false));
        let threads = (0..cores)
            .map(|_| {
                let stop = Arc::clone(&stop);
                std::thread::spawn(move || {
                    let mut x: u64 = 1;
                    while !stop.load(Ordering::Relaxed) {
                        for _ in 0..10_000 {
                            x = std::hint::black_box(
                                x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1),
                            );
                        }
                    }
                })
            })
            .collect();
        BusyCores { stop, threads }
    }
}

impl Drop for BusyCores {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        for thread in self.threads.drain(..) {
            let _ = thread.join();
        }
    }
}

pub fn hunt(args: &[String]) -> Result<()> {
    let plan = Plan::parse(args)?;
    toolchain::setup(Needs::ALL)?;
    if plan.layers.contains(&Layer::EndToEnd) && !root().join("dist/index.html").exists() {
        sizes::release_build()?;
    }
    let kept = root().join("target/hunt");
    let _ = std::fs::remove_dir_all(&kept);
    let mut rounds: Vec<BTreeMap<Layer, Outcome>> = Vec::new();
    {
        let _load = BusyCores::start(plan.busy);
        for round in 1..=plan.rounds {
            eprintln!("\nhunt: round {round} of {}", plan.rounds);
            let mut outcomes = BTreeMap::new();
            for &layer in &plan.layers {
                let outcome = run_layer(layer, &plan.playwright)?;
                if layer == Layer::EndToEnd && !outcome.failures.is_empty() {
                    keep_traces(&kept.join(format!("round-{round}")));
                }
                outcomes.insert(layer, outcome);
            }
            rounds.push(outcomes);
        }
    }
    let report = summary(&plan, &rounds);
    println!("\n{report}");
    std::fs::create_dir_all(&kept)?;
    std::fs::write(kept.join("summary.txt"), &report)?;
    if rounds
        .iter()
        .flat_map(|r| r.values())
        .any(|o| !o.failures.is_empty())
    {
        std::process::exit(1);
    }
    Ok(())
}

fn run_layer(layer: Layer, playwright: &[String]) -> Result<Outcome> {
    Ok(match layer {
        Layer::EndToEnd => {
            let run = e2e(playwright)?;
            let mut failures = run.failures;
            if failures.is_empty() && !run.ok {
                failures.push("(Playwright failed without a failed test: see above)".into());
            }
            Outcome {
                passed: run.passed,
                failures,
            }
        }
        Layer::Browser => {
            let (ok, out) = tee(browser_tests())?;
            let mut failures = failed_cargo_tests(&out);
            if failures.is_empty() && !ok {
                failures.push("(the browser tests failed without a failed test: see above)".into());
            }
            Outcome {
                passed: count_results(&out).0,
                failures,
            }
        }
        Layer::Gallery => {
            let ok = gallery::compare(&[])?;
            let (passed, mut failures) = changed_states(&root().join(GALLERY_DIR))
                .unwrap_or_else(|e| (0, vec![format!("(no review.json: {e:#})")]));
            if failures.is_empty() && !ok {
                failures.push("(the gallery script failed: see above)".into());
            }
            Outcome { passed, failures }
        }
    })
}

/// Copies the Playwright output of a round that failed (traces, screenshots), which the next
/// round would otherwise empty.
fn keep_traces(to: &std::path::Path) {
    let from = root().join(PLAYWRIGHT_OUTPUT);
    let copied = std::fs::create_dir_all(to).and_then(|_| {
        std::process::Command::new("cp")
            .arg("-r")
            .arg(&from)
            .arg(to)
            .status()
    });
    if let Err(e) = copied {
        eprintln!("hunt: could not keep {}: {e}", from.display());
    }
}

/// `test NAME ... FAILED` lines (libtest and wasm-bindgen-test-runner alike).
fn failed_cargo_tests(output: &str) -> Vec<String> {
    output
        .lines()
        .filter_map(|line| {
            let (name, verdict) = line.trim().strip_prefix("test ")?.split_once(" ... ")?;
            verdict
                .trim()
                .to_ascii_uppercase()
                .starts_with("FAIL")
                .then(|| name.to_owned())
        })
        .collect()
}

/// (unchanged images, "state @width" of each changed or removed one) from the gallery's
/// review.json.
fn changed_states(dir: &std::path::Path) -> Result<(u64, Vec<String>)> {
    let text = std::fs::read_to_string(dir.join("review.json"))?;
    let review: serde_json::Value = serde_json::from_str(&text)?;
    let list = |key: &str| review[key].as_array().cloned().unwrap_or_default();
    let changed = list("changed").into_iter().map(|c| {
        format!(
            "{} @{}",
            c["key"].as_str().unwrap_or("?"),
            c["width"].as_u64().unwrap_or(0)
        )
    });
    let removed = list("removed")
        .into_iter()
        .map(|r| format!("{} (removed)", r.as_str().unwrap_or("?")));
    Ok((
        list("unchanged").len() as u64,
        changed.chain(removed).collect(),
    ))
}

/// The hunt's report: each round's counts per layer, then every failure with its rounds.
fn summary(plan: &Plan, rounds: &[BTreeMap<Layer, Outcome>]) -> String {
    let mut lines = vec![format!(
        "hunt: {} round(s), {} core(s) kept busy{}",
        plan.rounds,
        plan.busy,
        match plan.playwright.is_empty() {
            true => String::new(),
            false => format!(", Playwright arguments: {}", plan.playwright.join(" ")),
        }
    )];
    let mut seen: BTreeMap<(Layer, &str), Vec<usize>> = BTreeMap::new();
    for (i, outcomes) in rounds.iter().enumerate() {
        let counts: Vec<String> = outcomes
            .iter()
            .map(|(layer, o)| {
                format!(
                    "{}: {} passed, {} failed",
                    layer.name(),
                    o.passed,
                    o.failures.len()
                )
            })
            .collect();
        lines.push(format!("round {}: {}", i + 1, counts.join("; ")));
        for (layer, outcome) in outcomes {
            for failure in &outcome.failures {
                seen.entry((*layer, failure)).or_default().push(i + 1);
            }
        }
    }
    if seen.is_empty() {
        lines.push("no test failed in any round".into());
    } else {
        lines.push("failed at least once (kept traces: target/hunt/round-N/):".into());
        for ((layer, name), in_rounds) in seen {
            let list: Vec<String> = in_rounds.iter().map(usize::to_string).collect();
            lines.push(format!(
                "  {}: {name} (round {})",
                layer.name(),
                list.join(", ")
            ));
        }
    }
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(line: &str) -> Vec<String> {
        line.split_whitespace().map(str::to_owned).collect()
    }

    #[test]
    fn reads_rounds_load_layers_and_passes_the_rest_to_playwright() {
        let all = vec![Layer::EndToEnd, Layer::Browser, Layer::Gallery];
        assert_eq!(
            Plan::parse(&[]).unwrap(),
            Plan {
                rounds: 3,
                busy: 1,
                layers: all,
                playwright: vec![]
            }
        );
        assert_eq!(
            Plan::parse(&args("5 --busy 2 e2e/account.test.mjs -g 5 wrong")).unwrap(),
            Plan {
                rounds: 5,
                busy: 2,
                layers: vec![Layer::EndToEnd],
                playwright: args("e2e/account.test.mjs -g 5 wrong"),
            }
        );
        assert_eq!(
            Plan::parse(&args("--layers browser,gallery"))
                .unwrap()
                .layers,
            [Layer::Browser, Layer::Gallery]
        );
        assert!(Plan::parse(&args("0")).is_err());
        assert!(Plan::parse(&args("--layers unit")).is_err());
        assert!(Plan::parse(&args("--busy")).is_err());
    }

    #[test]
    fn names_the_browser_tests_that_failed() {
        let out = "running 3 tests\n\
                   test portal::flow::ticks ... ok\n\
                   test portal::otp::focus ... FAIL\n\
                   test result: FAILED. 2 passed; 1 failed; 0 ignored\n\
                   test lib::other ... FAILED\n";
        assert_eq!(
            failed_cargo_tests(out),
            ["portal::otp::focus", "lib::other"]
        );
    }

    #[test]
    fn the_summary_lists_each_failure_with_the_rounds_it_failed_in() {
        let plan = Plan::parse(&args("3 --layers e2e")).unwrap();
        let round = |failures: &[&str]| {
            BTreeMap::from([(
                Layer::EndToEnd,
                Outcome {
                    passed: 10,
                    failures: failures.iter().map(|f| f.to_string()).collect(),
                },
            )])
        };
        let text = summary(&plan, &[round(&["a"]), round(&[]), round(&["a", "b"])]);
        assert!(
            text.contains("round 3: end-to-end: 10 passed, 2 failed"),
            "{text}"
        );
        assert!(text.contains("  end-to-end: a (round 1, 3)"), "{text}");
        assert!(text.contains("  end-to-end: b (round 3)"), "{text}");
        let clean = summary(&plan, &[round(&[])]);
        assert!(clean.ends_with("no test failed in any round"), "{clean}");
    }
}
