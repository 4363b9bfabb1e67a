use crate::effect::effect;
use crate::i18n::{use_i18n, Text};
use contract::messages::Ui;
use contract::Localize;
use leptos::html;
use leptos::prelude::*;
use std::sync::atomic::{AtomicBool, Ordering};

/// The screen's `<h1>`, focused when the citizen moves to the screen so screen-reader and
/// keyboard users start at the new content (a route change does not move focus by itself).
/// Every screen's heading is one (a source rule in xtask holds it).
///
/// Not on the page a document opens with (a link, a bookmark, a reload): there the browser
/// already starts at the top, like on any page, and the skip link stays the first stop. It
/// also spares the first render a forced layout.
#[component]
pub fn PageHeading(#[prop(into)] text: Text) -> impl IntoView {
    let i18n = use_i18n();
    let heading = NodeRef::<html::H1>::new();
    effect(move |_| {
        if let Some(h) = heading.get() {
            if HEADING_SHOWN.swap(true, Ordering::Relaxed) {
                let _ = h.focus();
            }
        }
    });
    view! { <h1 tabindex="-1" node_ref=heading>{move || i18n.text(text)}</h1> }
}

/// Whether a screen's heading has been shown since the document opened: the first one is
/// the opening page's (or the one a guard sent it on to, which the document also opened
/// with); every later one is a move.
static HEADING_SHOWN: AtomicBool = AtomicBool::new(false);

/// Sets `document.title` to "<heading> – <portal name>", prefixed "Lỗi: "/"Error: "
/// while `has_errors` holds.
pub fn use_title(
    heading: impl Localize + Copy + Send + Sync + 'static,
    has_errors: impl Fn() -> bool + Send + Sync + 'static,
) {
    let i18n = use_i18n();
    effect(move |_| {
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
