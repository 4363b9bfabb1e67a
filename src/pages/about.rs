//! `/gioi-thieu`, "Về bản mô phỏng này": what this prototype is, that the real method is
//! retired, what the mock keeps, and the test personas.

use crate::components::page_heading::{use_title, PageHeading};
use crate::i18n::use_i18n;
use contract::messages::LazyUi;
use contract::personas::{
    CARRIER_MISMATCH_PHONE, EXISTING_ID, EXISTING_PASSWORD, EXISTING_PHONE, SMS_NEVER_ARRIVES_PHONE,
};
use leptos::prelude::*;

#[component]
pub fn AboutPage() -> impl IntoView {
    let i18n = use_i18n();
    use_title(LazyUi::AboutHeading, || false);
    let persona = move |text: LazyUi, values: &'static [(&'static str, &'static str)]| {
        move || i18n.fill(text, values)
    };
    view! {
        <section class="page page--narrow">
            <PageHeading text=Signal::derive(move || i18n.get(LazyUi::AboutHeading).to_owned())/>
            <p class="lead">{i18n.t(LazyUi::AboutWhat)}</p>
            <p>{i18n.t(LazyUi::AboutRetired)}</p>
            <p>{i18n.t(LazyUi::AboutData)}</p>
            <h2>{i18n.t(LazyUi::AboutPersonasHeading)}</h2>
            <ul>
                <li>{persona(LazyUi::AboutPersonaExisting, &[
                    ("id", EXISTING_ID), ("password", EXISTING_PASSWORD), ("phone", EXISTING_PHONE),
                ])}</li>
                <li>{persona(LazyUi::AboutPersonaMismatch, &[("phone", CARRIER_MISMATCH_PHONE)])}</li>
                <li>{persona(LazyUi::AboutPersonaNoSms, &[("phone", SMS_NEVER_ARRIVES_PHONE)])}</li>
                <li>{i18n.t(LazyUi::AboutPersonaOthers)}</li>
            </ul>
        </section>
    }
}
