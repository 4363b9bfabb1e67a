use crate::i18n::use_i18n;
use contract::messages::Ui;
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

/// Sets `document.title` to "<heading> – <portal name>", prefixed "Lỗi: "/"Error: "
/// while `has_errors` holds.
pub fn use_title(heading: Ui, has_errors: impl Fn() -> bool + Send + Sync + 'static) {
    let i18n = use_i18n();
    Effect::new(move |_| {
        let prefix = if has_errors() {
            i18n.get(Ui::ErrorTitlePrefix)
        } else {
            ""
        };
        document().set_title(&format!(
            "{prefix}{} – {}",
            i18n.get(heading),
            i18n.get(Ui::PortalName)
        ));
    });
}
