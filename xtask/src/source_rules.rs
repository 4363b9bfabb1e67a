//! Rules about the SPA's source that the compiler cannot hold, each a test: read the rule's
//! doc comment for its reason.

#[cfg(test)]
mod tests {
    use std::path::Path;

    fn rust_files(dir: &Path, out: &mut Vec<(String, String)>) {
        for entry in std::fs::read_dir(dir).expect("src is readable").flatten() {
            let path = entry.path();
            if path.is_dir() {
                rust_files(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).expect("a source file");
                out.push((path.display().to_string(), text));
            }
        }
    }

    /// Every screen's `<h1>` is a `PageHeading`: the one mechanism that moves focus to the
    /// heading when the citizen arrives, so a screen-reader user hears where they are. A bare
    /// `<h1>` would leave them on `<body>`, hearing nothing (the designer kit's own pages,
    /// `src/dev/`, are not screens of the route table).
    #[test]
    fn every_screen_heading_is_a_page_heading() {
        let src = crate::root().join("src");
        let mut files = Vec::new();
        rust_files(&src, &mut files);
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
