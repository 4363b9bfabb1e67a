use crate::components::page_heading::PageHeading;
use crate::i18n::use_i18n;
use contract::messages::Ui;
use contract::route_table::{CHOOSE_METHOD, SIGN_IN};
use leptos::prelude::*;

/// Screen 1, "Trang chủ": the two entry points.
#[component]
pub fn Home() -> impl IntoView {
    let i18n = use_i18n();
    crate::components::page_heading::use_title(Ui::HomeHeading, || false);
    view! {
        <section class="page page--home">
            <PageHeading text=Ui::HomeHeading/>
            <p class="lead">{i18n.t(Ui::HomeIntro)}</p>
            <div class="actions">
                <a href=SIGN_IN class="button button--secondary">{i18n.t(Ui::SignIn)}</a>
                <a href=CHOOSE_METHOD class="button">{i18n.t(Ui::Register)}</a>
            </div>
        </section>
    }
}
