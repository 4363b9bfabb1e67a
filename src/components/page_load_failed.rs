use crate::components::page_heading::{use_title, PageHeading};
use crate::i18n::use_i18n;
use contract::messages::Ui;
use leptos::prelude::*;

/// Shown in place of a screen whose code did not download (the connection dropped). The
/// flow's state is in the tab, so reloading the same address resumes where the citizen was.
#[component]
pub fn PageLoadFailed() -> impl IntoView {
    let i18n = use_i18n();
    use_title(Ui::PageLoadFailedTitle, || false);
    let reload = move |_| {
        let _ = window().location().reload();
    };
    view! {
        <section class="page">
            <div class="notice notice--warning">
                <PageHeading text=Signal::derive(move || i18n.get(Ui::PageLoadFailedTitle).to_owned())/>
                <p>{i18n.t(Ui::RetryBody)}</p>
                <button type="button" class="button" on:click=reload>{i18n.t(Ui::Retry)}</button>
            </div>
        </section>
    }
}
