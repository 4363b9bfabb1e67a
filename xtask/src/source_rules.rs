//! Rules about the SPA's source that the compiler cannot hold, each a test: read the rule's
//! doc comment for its reason.

#[cfg(test)]
mod tests {
    /// (path, text) of every Rust file under `dir`.
    fn rust_files(dir: &std::path::Path) -> Vec<(String, String)> {
        crate::tree::files_under(dir)
            .into_iter()
            .filter(|path| path.extension().is_some_and(|e| e == "rs"))
            .map(|path| {
                let text = std::fs::read_to_string(&path).expect("a source file");
                (path.display().to_string(), text)
            })
            .collect()
    }

    /// Every screen's `<h1>` is a `PageHeading`: the one mechanism that moves focus to the
    /// heading when the citizen arrives, so a screen-reader user hears where they are. A bare
    /// `<h1>` would leave them on `<body>`, hearing nothing (the designer kit's own pages,
    /// `src/dev/`, are not screens of the route table).
    #[test]
    fn every_screen_heading_is_a_page_heading() {
        let src = crate::root().join("src");
        let files = rust_files(&src);
        assert!(files.len() > 20, "read {} files", files.len());
        let bare: Vec<&str> = files
            .iter()
            .filter(|(path, text)| {
                !path.contains("/src/dev/")
                    && !path.ends_with("components/page_heading.rs")
                    && text.contains("<h1")
            })
            .map(|(path, _)| path.as_str())
            .collect();
        assert!(bare.is_empty(), "a bare <h1> (use PageHeading): {bare:?}");
    }
}
