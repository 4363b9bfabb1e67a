//! The release pages' inline scripts are JavaScript files in `xtask/js/`, formatted and
//! commented. The build puts its data (from the route table, the split, the first visit)
//! in place of their `__NAME__` placeholders, then terser minifies them: every page
//! carries them on its first load.

use crate::root;
use crate::split::{self, Script};
use anyhow::{bail, Context, Result};

/// `xtask/js/<file>` with each `(name, value)`'s `__NAME__` replaced by the value (JSON, as
/// a JavaScript expression). Every placeholder must be given, and each given one used.
pub fn program(file: &str, data: &[(&str, &str)]) -> Result<String> {
    let path = root().join("xtask/js").join(file);
    let mut text =
        std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    for (name, value) in data {
        let placeholder = format!("__{name}__");
        if text.matches(&placeholder).count() != 1 {
            bail!("{file} does not have {placeholder} exactly once");
        }
        if value.contains("</") {
            bail!("the value of {placeholder} would end its inline script");
        }
        text = text.replace(&placeholder, value);
    }
    for (at, _) in text.match_indices("__") {
        if text[at + 2..].starts_with(|c: char| c.is_ascii_uppercase()) {
            let rest: String = text[at..].chars().take(40).collect();
            bail!("{file}: a placeholder was left without a value: {rest}");
        }
    }
    Ok(text)
}

/// `program` minified by terser (from `package.json`), for an inline `<script>`.
pub fn minified(program: &str) -> Result<String> {
    let dir = root().join("target/inline-js");
    std::fs::create_dir_all(&dir)?;
    let input = dir.join(format!("{}.js", split::short_hash(program.as_bytes())));
    let output = input.with_extension("min.js");
    std::fs::write(&input, program)?;
    split::minify(&input, &output, Script::Classic)?;
    Ok(std::fs::read_to_string(&output)?.trim_end().to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_placeholder_is_filled_once_and_none_is_left() {
        let filled = program("deep-link-preload.js", &[("BUNDLES", r#"{"/a":"b.bin"}"#)]).unwrap();
        assert!(
            filled.contains(r#"const bundleOf = {"/a":"b.bin"};"#),
            "{filled}"
        );
        assert!(
            program("deep-link-preload.js", &[]).is_err(),
            "BUNDLES missing"
        );
        assert!(program("deep-link-preload.js", &[("BUNDLES", "{}"), ("OTHER", "1")]).is_err());
        assert!(program(
            "deep-link-preload.js",
            &[("BUNDLES", r#"{"a":"</script>"}"#)]
        )
        .is_err());
    }

    /// Both scripts pick by the address as the route table writes it: no trailing slash but
    /// the root's (`contract::route_table`'s paths; the e2e tests open `/dang-ky/`).
    #[test]
    fn both_scripts_read_the_address_as_the_route_table_writes_it() {
        let current = r"location.pathname.replace(/(.)\/$/, '$1')";
        for file in ["deep-link-preload.js", "first-screen.js"] {
            let text = std::fs::read_to_string(root().join("xtask/js").join(file)).unwrap();
            assert!(text.contains(current), "{file}");
        }
        assert!(contract::route_table::ROUTES
            .iter()
            .all(|r| r.path == "/" || !r.path.ends_with('/')));
    }
}
