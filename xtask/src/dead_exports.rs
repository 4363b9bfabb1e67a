//! Exported classes nothing can create, taken out of the release build's glue and wasm.
//!
//! Leptos 0.8 always links `server_fn`, whose browser client streams through `wasm-streams`:
//! its `IntoUnderlyingSource`, `…Sink` and `…ByteSource` are `#[wasm_bindgen]` classes, so
//! their methods are wasm exports (kept alive with all the code they reach) and their JS
//! classes sit in the glue of every first load. This app has no server functions. A class
//! whose glue has no way to make an instance (no constructor, and no `__wrap`, which is how
//! Rust hands one to JS) can never have a method called: its class and its exports go.

use anyhow::{bail, Context, Result};
use regex::Regex;
use std::collections::BTreeSet;
use std::path::Path;
use wasmparser::{ExternalKind, Parser, Payload};

/// Removes, from wasm-bindgen's `js` glue and its `wasm`, every exported class that nothing
/// can create; returns the classes removed. Fails if the glue still calls a removed export.
pub fn prune(js: &Path, wasm: &Path) -> Result<Vec<String>> {
    let glue = std::fs::read_to_string(js)?;
    let (glue, classes) = without_dead_classes(&glue)?;
    let prefixes: Vec<String> = classes.iter().map(|c| c.to_lowercase() + "_").collect();
    let dead = |name: &str| {
        let name = name.strip_prefix("__wbg_").unwrap_or(name);
        prefixes.iter().any(|p| name.starts_with(p.as_str()))
    };
    let (module, exports) = without_exports(&std::fs::read(wasm)?, dead)?;
    let called = Regex::new(r"\bwasm\.([A-Za-z0-9_$]+)").expect("valid pattern");
    for name in called.captures_iter(&glue).map(|c| c[1].to_owned()) {
        if !exports.contains(&name) {
            bail!("the glue still calls wasm.{name}, which pruning {classes:?} removed");
        }
    }
    std::fs::write(js, glue)?;
    std::fs::write(wasm, module)?;
    Ok(classes)
}

/// The glue without its dead classes (each one's class, dispose hook and finalization
/// registry), and their names.
fn without_dead_classes(glue: &str) -> Result<(String, Vec<String>)> {
    let class = Regex::new(r"(?ms)^export class (\w+) \{\n.*?^\}\n").expect("valid pattern");
    let mut out = glue.to_owned();
    let mut dead = Vec::new();
    for found in class.captures_iter(glue) {
        let (body, name) = (&found[0], &found[1]);
        let creatable = body.contains("__wrap(") || body.contains("constructor(");
        if creatable {
            continue;
        }
        out = out.replacen(body, "", 1);
        for pattern in [
            format!(
                r"(?m)^if \(Symbol\.dispose\) {name}\.prototype\[Symbol\.dispose\] = {name}\.prototype\.free;\n"
            ),
            format!(r"(?ms)^const {name}Finalization = .*?\);\n"),
        ] {
            let re = Regex::new(&pattern).context("a class name that is not a plain word")?;
            out = re.replacen(&out, 1, "").into_owned();
        }
        if Regex::new(&format!(r"\b{name}\b"))?.is_match(&out) {
            bail!("the glue still names {name} after its class was removed: its shape changed");
        }
        dead.push(name.to_owned());
    }
    Ok((out, dead))
}

/// `wasm` without the exports `dead` names, and the exports left.
fn without_exports(
    wasm: &[u8],
    dead: impl Fn(&str) -> bool,
) -> Result<(Vec<u8>, BTreeSet<String>)> {
    let mut module = wasm_encoder::Module::new();
    let mut kept = BTreeSet::new();
    for payload in Parser::new(0).parse_all(wasm) {
        let payload = payload?;
        if let Payload::ExportSection(reader) = &payload {
            let mut section = wasm_encoder::ExportSection::new();
            for export in reader.clone() {
                let export = export?;
                if dead(export.name) {
                    continue;
                }
                let kind = match export.kind {
                    ExternalKind::Func | ExternalKind::FuncExact => wasm_encoder::ExportKind::Func,
                    ExternalKind::Table => wasm_encoder::ExportKind::Table,
                    ExternalKind::Memory => wasm_encoder::ExportKind::Memory,
                    ExternalKind::Global => wasm_encoder::ExportKind::Global,
                    ExternalKind::Tag => wasm_encoder::ExportKind::Tag,
                };
                section.export(export.name, kind, export.index);
                kept.insert(export.name.to_owned());
            }
            module.section(&section);
        } else if let Some((id, range)) = payload.as_section() {
            let (start, end) = (usize::try_from(range.start)?, usize::try_from(range.end)?);
            module.section(&wasm_encoder::RawSection {
                id,
                data: &wasm[start..end],
            });
        }
    }
    Ok((module.finish(), kept))
}

#[cfg(test)]
mod tests {
    use super::*;

    const GLUE: &str = r#"import * as import1 from "./split.js"

export class Stream {
    __destroy_into_raw() {
        StreamFinalization.unregister(this);
    }
    free() {
        wasm.__wbg_stream_free(ptr, 0);
    }
    pull(c) {
        return wasm.stream_pull(this.__wbg_ptr, c);
    }
}
if (Symbol.dispose) Stream.prototype[Symbol.dispose] = Stream.prototype.free;

export class Made {
    static __wrap(ptr) {
        const obj = Object.create(Made.prototype);
        return obj;
    }
    free() {
        wasm.__wbg_made_free(ptr, 0);
    }
}

function run() {
    wasm.main();
}
const StreamFinalization = (typeof FinalizationRegistry === 'undefined')
    ? { register: () => {}, unregister: () => {} }
    : new FinalizationRegistry(ptr => wasm.__wbg_stream_free(ptr, 1));
const MadeFinalization = (typeof FinalizationRegistry === 'undefined')
    ? { register: () => {}, unregister: () => {} }
    : new FinalizationRegistry(ptr => wasm.__wbg_made_free(ptr, 1));
"#;

    #[test]
    fn a_class_nothing_creates_leaves_the_glue_and_one_rust_can_hand_over_stays() {
        let (glue, dead) = without_dead_classes(GLUE).unwrap();
        assert_eq!(dead, ["Stream"]);
        assert!(!glue.contains("Stream"), "{glue}");
        assert!(glue.contains("export class Made"), "{glue}");
        assert!(glue.contains("MadeFinalization = "), "{glue}");
        assert!(glue.contains("wasm.main()"), "{glue}");
    }

    /// A module exporting what the glue above calls.
    fn module() -> Vec<u8> {
        let mut types = wasm_encoder::TypeSection::new();
        types.ty().function([], []);
        let mut functions = wasm_encoder::FunctionSection::new();
        let mut exports = wasm_encoder::ExportSection::new();
        let mut code = wasm_encoder::CodeSection::new();
        let names = [
            "main",
            "stream_pull",
            "__wbg_stream_free",
            "__wbg_made_free",
        ];
        for (i, name) in names.iter().enumerate() {
            functions.function(0);
            exports.export(name, wasm_encoder::ExportKind::Func, i as u32);
            let mut body = wasm_encoder::Function::new([]);
            body.instruction(&wasm_encoder::Instruction::End);
            code.function(&body);
        }
        let mut m = wasm_encoder::Module::new();
        m.section(&types)
            .section(&functions)
            .section(&exports)
            .section(&code);
        m.finish()
    }

    #[test]
    fn exports_are_removed_by_name_and_the_rest_of_the_module_is_kept() {
        let (wasm, kept) = without_exports(&module(), |n| n.contains("stream_")).unwrap();
        assert_eq!(
            kept.into_iter().collect::<Vec<_>>(),
            ["__wbg_made_free", "main"]
        );
        wasmparser::Validator::new().validate_all(&wasm).unwrap();
        let (_, again) = without_exports(&wasm, |_| false).unwrap();
        assert_eq!(again.len(), 2);
    }

    #[test]
    fn pruning_fails_if_the_glue_still_calls_a_removed_export() {
        let dir = std::env::temp_dir().join(format!("dead-exports-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let (js, wasm) = (dir.join("glue.js"), dir.join("glue_bg.wasm"));
        std::fs::write(&wasm, module()).unwrap();
        std::fs::write(&js, GLUE).unwrap();
        assert_eq!(prune(&js, &wasm).unwrap(), ["Stream"]);
        let (_, kept) = without_exports(&std::fs::read(&wasm).unwrap(), |_| false).unwrap();
        assert_eq!(
            kept.into_iter().collect::<Vec<_>>(),
            ["__wbg_made_free", "main"]
        );
        // Glue that calls a dead class's export from elsewhere: refused, files untouched.
        std::fs::write(&wasm, module()).unwrap();
        let calls_it = GLUE.replace("wasm.main();", "wasm.stream_pull(0, 0);");
        std::fs::write(&js, &calls_it).unwrap();
        assert!(prune(&js, &wasm).is_err());
        assert_eq!(std::fs::read_to_string(&js).unwrap(), calls_it);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
