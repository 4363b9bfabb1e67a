use crate::components::page_heading::{use_title, PageHeading};
use crate::i18n::use_i18n;
use contract::messages::Ui;
use leptos::prelude::*;

/// Shown in place of a screen whose code did not download (the connection dropped).
#[component]
pub fn PageLoadFailed() -> impl IntoView {
    let i18n = use_i18n();
    use_title(Ui::PageLoadFailedTitle, || false);
    view! {
        <section class="page">
            <div class="notice notice--warning">
                <PageHeading text=Ui::PageLoadFailedTitle/>
                <p>{i18n.t(Ui::RetryBody)}</p>
                <button type="button" class="button" on:click=reload>{i18n.t(Ui::Retry)}</button>
            </div>
        </section>
    }
}

/// The flow's state is in the tab: the same address resumes where the citizen was.
fn reload(_: leptos::ev::MouseEvent) {
    let _ = window().location().reload();
}
