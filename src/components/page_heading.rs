use crate::i18n::use_i18n;
use contract::messages::Ui;
use leptos::html;
use leptos::prelude::*;

/// The step's `<h1>`, focused when the citizen moves to the step so screen-reader and keyboard
/// users start at the new content (a route change does not move focus by itself).
///
/// Not on the page a document opens with (a link, a bookmark, a reload): there the browser
/// already starts at the top, like on any page, and the skip link stays the first stop. It
/// also spares the first render a forced layout.
#[component]
pub fn PageHeading(#[prop(into)] text: Signal<String>) -> impl IntoView {
    let heading = NodeRef::<html::H1>::new();
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            if citizen_has_interacted() {
                let _ = h.focus();
            }
        }
    });
    view! { <h1 tabindex="-1" node_ref=heading>{move || text.get()}</h1> }
}

/// Whether the citizen has clicked, tapped or pressed a key in this document: only then can a
/// new page be their doing. `navigator.userActivation` (sticky activation); a browser without
/// it is treated as interacted, so focus still follows every step there.
fn citizen_has_interacted() -> bool {
    let navigator = window().navigator();
    js_sys::Reflect::get(&navigator, &"userActivation".into())
        .ok()
        .filter(|activation| activation.is_object())
        .and_then(|activation| js_sys::Reflect::get(&activation, &"hasBeenActive".into()).ok())
        .and_then(|active| active.as_bool())
        .unwrap_or(true)
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
