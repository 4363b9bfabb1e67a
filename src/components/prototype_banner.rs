//! The line above the header's content on every screen: this is a reproduction, not the
//! real portal, and nothing real should be typed into it. Plain text in document order, so
//! a screen reader reads it once with the header (not a live region that repeats); it
//! cannot be dismissed.

use crate::i18n::use_i18n;
use contract::messages::Ui;
use contract::route_table::ABOUT;
use leptos::prelude::*;

#[component]
pub fn PrototypeBanner() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="prototype-banner">
            <strong>{i18n.t(Ui::PrototypeBanner)}</strong> " "
            <a href=ABOUT>{i18n.t(Ui::PrototypeMore)}</a>
        </p>
    }
}
