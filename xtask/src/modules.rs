//! A crate's module graph (the SPA's `src/`, the contract's): which module uses which, from
//! their `crate::` and `super::` paths. The architecture wants each acyclic, a layer never
//! reaching back into the one above it; the designer kit and study mode included.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

type Graph = BTreeMap<String, BTreeSet<String>>;

/// Module path (`pages::steps::otp`) → the modules it uses, for every file under `src`.
fn graph(src: &Path) -> Graph {
    let mut files = BTreeMap::new();
    collect(src, &mut files);
    let modules: BTreeSet<String> = files.keys().cloned().collect();
    let resolve = |path: &str| -> Option<String> {
        let segments: Vec<&str> = path.split("::").collect();
        (1..=segments.len())
            .rev()
            .map(|n| segments[..n].join("::"))
            .find(|m| modules.contains(m))
    };
    let mut graph = Graph::new();
    for (module, text) in &files {
        let parent = module.rsplit_once("::").map_or("", |(p, _)| p);
        let mut uses = BTreeSet::new();
        for line in code_lines(text) {
            for (prefix, base) in [("crate::", String::new()), ("super::", parent.to_owned())] {
                for (at, _) in line.match_indices(prefix) {
                    let rest = &line[at + prefix.len()..];
                    let path: String = rest
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == ':')
                        .collect();
                    let full = if base.is_empty() {
                        path
                    } else {
                        format!("{base}::{path}")
                    };
                    let full = full.trim_end_matches(':');
                    if let Some(target) = resolve(full) {
                        let related = target == *module
                            || target.starts_with(&format!("{module}::"))
                            || module.starts_with(&format!("{target}::"));
                        if !related {
                            uses.insert(target);
                        }
                    }
                }
            }
        }
        graph.insert(module.clone(), uses);
    }
    graph
}

fn collect(root: &Path, files: &mut BTreeMap<String, String>) {
    for path in crate::tree::files_under(root) {
        if path.extension().is_some_and(|e| e == "rs") {
            let rel = path
                .strip_prefix(root)
                .expect("under src")
                .with_extension("");
            let mut parts: Vec<String> = rel
                .iter()
                .map(|p| p.to_string_lossy().into_owned())
                .collect();
            if parts.last().is_some_and(|p| p == "mod") {
                parts.pop();
            }
            if parts == ["lib"] || parts == ["main"] {
                continue;
            }
            files.insert(
                parts.join("::"),
                std::fs::read_to_string(&path).expect("readable"),
            );
        }
    }
}

/// The file's code, without its tests and comments.
fn code_lines(text: &str) -> impl Iterator<Item = &str> {
    let code = text.split("#[cfg(test)]\nmod tests").next().unwrap_or(text);
    code.lines().filter(|l| !l.trim_start().starts_with("//"))
}

/// A cycle of `graph`, if it has one.
fn cycle(graph: &Graph) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &Graph,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|p| p == node) {
            let mut found = path[at..].to_vec();
            found.push(node.to_owned());
            return Some(found);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_owned());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(found) = visit(next, graph, path, done) {
                return Some(found);
            }
        }
        path.pop();
        done.insert(node.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|node| visit(node, graph, &mut Vec::new(), &mut done))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_spas_modules_have_no_cycle_designer_kit_and_study_included() {
        let graph = graph(&crate::root().join("src"));
        assert!(graph.contains_key("pages::steps::otp"), "{graph:?}");
        assert!(graph["app"].contains("lazy"), "{:?}", graph["app"]);
        assert!(graph.contains_key("dev::flow_map"), "{graph:?}");
        assert!(graph.contains_key("study::panel"), "{graph:?}");
        assert_eq!(cycle(&graph), None);
    }

    #[test]
    fn the_contracts_modules_have_no_cycle() {
        let graph = graph(&crate::root().join("crates/contract/src"));
        assert!(graph.contains_key("route_table"), "{graph:?}");
        assert!(
            graph["messages::errors"].contains("api"),
            "{:?}",
            graph["messages::errors"]
        );
        assert_eq!(cycle(&graph), None);
    }

    #[test]
    fn a_cycle_is_found() {
        let mut graph = Graph::new();
        graph.insert("a".into(), ["b".into()].into());
        graph.insert("b".into(), ["c".into()].into());
        graph.insert("c".into(), ["a".into()].into());
        assert_eq!(
            cycle(&graph),
            Some(vec!["a".into(), "b".into(), "c".into(), "a".into()])
        );
        graph.get_mut("c").unwrap().clear();
        assert_eq!(cycle(&graph), None);
    }
}
