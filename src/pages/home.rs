use crate::i18n::use_i18n;
use contract::messages::Ui;
use contract::route_table::{CHOOSE_METHOD, SIGN_IN};
use leptos::prelude::*;
use leptos_router::components::A;

/// Screen 1, "Trang chủ": the two entry points.
#[component]
pub fn Home() -> impl IntoView {
    let i18n = use_i18n();
    crate::components::page_heading::use_title(Ui::HomeHeading, || false);
    view! {
        <section class="page page--home">
            <h1>{i18n.t(Ui::HomeHeading)}</h1>
            <p class="lead">{i18n.t(Ui::HomeIntro)}</p>
            <div class="actions">
                <A href=SIGN_IN attr:class="button button--secondary">{i18n.t(Ui::SignIn)}</A>
                <A href=CHOOSE_METHOD attr:class="button">{i18n.t(Ui::Register)}</A>
            </div>
        </section>
    }
}
