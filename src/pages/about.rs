//! `/gioi-thieu`, "Về bản mô phỏng này": what this prototype is, that the real method is
//! retired, what the mock keeps, and the test personas.

use crate::components::page_heading::{use_title, PageHeading};
use crate::i18n::use_i18n;
use contract::messages::{template, AboutUi};
use contract::personas::{
    CARRIER_MISMATCH_PHONE, EXISTING_ID, EXISTING_PASSWORD, EXISTING_PHONE, SMS_NEVER_ARRIVES_PHONE,
};
use leptos::prelude::*;

#[component]
pub fn AboutPage() -> impl IntoView {
    let i18n = use_i18n();
    use_title(AboutUi::AboutHeading, || false);
    view! {
        <section class="page page--narrow">
            <PageHeading text=AboutUi::AboutHeading/>
            <p class="lead">{i18n.t(AboutUi::AboutWhat)}</p>
            <p>{i18n.t(AboutUi::AboutRetired)}</p>
            <p>{i18n.t(AboutUi::AboutData)}</p>
            <h2>{i18n.t(AboutUi::AboutPersonasHeading)}</h2>
            <ul>
                <li>{move || i18n.fill(template::PersonaExisting {
                    id: EXISTING_ID, password: EXISTING_PASSWORD, phone: EXISTING_PHONE,
                })}</li>
                <li>{move || i18n.fill(template::PersonaMismatch { phone: CARRIER_MISMATCH_PHONE })}</li>
                <li>{move || i18n.fill(template::PersonaNoSms { phone: SMS_NEVER_ARRIVES_PHONE })}</li>
                <li>{i18n.t(AboutUi::AboutPersonaOthers)}</li>
            </ul>
        </section>
    }
}
