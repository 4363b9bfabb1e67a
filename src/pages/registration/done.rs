//! Screen 6: the account exists.

use crate::components::page_heading::{use_title, PageHeading};
use crate::i18n::use_i18n;
use crate::pages::steps::use_flow;
use contract::messages::AccountUi;
use contract::route_table::SIGN_IN;
use leptos::prelude::*;

/// Screen 6.
#[component]
pub fn DonePage() -> impl IntoView {
    let i18n = use_i18n();
    let flow = use_flow();
    let username = move || flow.with(|f| f.done.clone().unwrap_or_default());
    use_title(AccountUi::DoneHeading, || false);
    view! {
        <section class="page">
            <div class="panel panel--success">
                <PageHeading text=AccountUi::DoneHeading/>
                <p>{i18n.t(AccountUi::DoneUsername)}</p>
                <p class="panel__value">{username}</p>
            </div>
            <p>{i18n.t(AccountUi::DoneLevel)}</p>
            <a href=SIGN_IN class="button">{i18n.t(AccountUi::GoToSignIn)}</a>
        </section>
    }
}
