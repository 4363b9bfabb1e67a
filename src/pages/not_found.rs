use crate::components::page_heading::PageHeading;
use crate::i18n::use_i18n;
use contract::messages::Ui;
use contract::route_table::HOME;
use leptos::prelude::*;

#[component]
pub fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    crate::components::page_heading::use_title(Ui::NotFoundHeading, || false);
    view! {
        <section class="page">
            <PageHeading text=Ui::NotFoundHeading/>
            <p>{i18n.t(Ui::NotFoundBody)}</p>
            <a href=HOME>{i18n.t(Ui::BackHome)}</a>
        </section>
    }
}
