use crate::effect::effect;
use crate::i18n::use_i18n;
use contract::messages::Ui;
use contract::Localize;
use leptos::html;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// The step's `<h1>`, focused when the citizen moves to the step so screen-reader and keyboard
/// users start at the new content (a route change does not move focus by itself).
///
/// Not on the page a document opens with (a link, a bookmark, a reload): there the browser
/// already starts at the top, like on any page, and the skip link stays the first stop. It
/// also spares the first render a forced layout.
#[component]
pub fn PageHeading(#[prop(into)] text: Signal<String>) -> impl IntoView {
    let heading = NodeRef::<html::H1>::new();
    let opening = use_context::<OpeningPage>();
    effect(move |_| {
        if let Some(h) = heading.get() {
            if opening.is_none_or(|o| o.left()) {
                let _ = h.focus();
            }
        }
    });
    view! { <h1 tabindex="-1" node_ref=heading>{move || text.get()}</h1> }
}

/// Whether the citizen has left the page this document opened with (see [`PageHeading`]).
#[derive(Clone, Copy)]
struct OpeningPage {
    path: StoredValue<String>,
    pathname: Memo<String>,
    left: StoredValue<bool>,
}

impl OpeningPage {
    fn left(&self) -> bool {
        self.left.get_value() || self.pathname.get_untracked() != self.path.get_value()
    }
}

/// Starts tracking the opening page; inside the `<Router>`, before the routes.
#[component]
pub fn TrackOpeningPage() -> impl IntoView {
    let pathname = use_location().pathname;
    let opening = OpeningPage {
        path: StoredValue::new(pathname.get_untracked()),
        pathname,
        left: StoredValue::new(false),
    };
    // Sticky: coming back to the opening page later is a move like any other.
    effect(move |_| {
        if pathname.get() != opening.path.get_value() {
            opening.left.set_value(true);
        }
    });
    provide_context(opening);
}

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
