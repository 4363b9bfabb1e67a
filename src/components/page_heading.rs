use leptos::html;
use leptos::prelude::*;

/// The step's `<h1>`, focused when the step opens so screen-reader and keyboard users
/// start at the new content (a route change does not move focus by itself).
#[component]
pub fn PageHeading(#[prop(into)] text: Signal<String>) -> impl IntoView {
    let heading = NodeRef::<html::H1>::new();
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
    view! { <h1 tabindex="-1" node_ref=heading>{move || text.get()}</h1> }
}

/// Sets `document.title`, prefixed "Lỗi: "/"Error: " while the page shows errors.
pub fn use_title(title: impl Fn() -> String + Send + Sync + 'static) {
    Effect::new(move |_| document().set_title(&title()));
}
