//! The notices a form shows for server answers that are not field errors, each with
//! what the citizen can do next (spec §2).

use crate::clock::use_now_ms;
use crate::flow::countdown::seconds_left;
use crate::flow::outcome::FormNotice;
use crate::i18n::{use_i18n, I18n};
use contract::messages::{template, FormUi, Ui, Wait};
use contract::registration::Field;
use contract::route_table::{RESET, SIGN_IN};
use contract::Phone;
use leptos::prelude::*;

/// The server's answers that are not field errors, with what the citizen can do next.
/// `phone`: the number typed, whose network's customer-care line the carrier notice names.
#[component]
pub fn FormNoticeView(
    notice: RwSignal<Option<FormNotice>>,
    wait_until_ms: RwSignal<i64>,
    retry: Callback<()>,
    #[prop(optional)] phone: Option<RwSignal<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        notice.get().map(|n| match n {
            FormNotice::AccountExists => view! {
                <div class="notice notice--warning" role="region" aria-labelledby="notice-title">
                    <h2 id="notice-title">{i18n.get(FormUi::AccountExistsTitle)}</h2>
                    <ul>
                        <li><a href=RESET>{i18n.get(FormUi::AccountExistsForgot)}</a></li>
                        <li><a href=SIGN_IN>{i18n.get(FormUi::AccountExistsSignIn)}</a></li>
                    </ul>
                    <p>{i18n.get(FormUi::AccountExistsCounter)}</p>
                    <p>{i18n.get(FormUi::AccountExistsComplaint)}</p>
                </div>
            }.into_any(),
            FormNotice::CarrierMismatch => view! {
                <div class="notice notice--warning" role="region" aria-labelledby="notice-title">
                    <h2 id="notice-title">{i18n.get(FormUi::CarrierMismatchTitle)}</h2>
                    <p>{i18n.get(FormUi::CarrierMismatchBody)}</p>
                    <p>{i18n.get(FormUi::CarrierWhichId)}</p>
                    <p>{i18n.get(FormUi::CarrierMismatchTip)}
                        {care_line(i18n, phone)}</p>
                    <p><a href="#phone">{i18n.get(Field::Phone)}</a></p>
                </div>
            }.into_any(),
            FormNotice::RateLimited { .. } => view! {
                <div class="notice notice--warning" role="region" aria-labelledby="notice-title">
                    <h2 id="notice-title">{i18n.get(FormUi::RateLimitedTitle)}</h2>
                    <RateLimitWait wait_until_ms=wait_until_ms/>
                </div>
            }.into_any(),
            FormNotice::Retry => view! {
                <div class="notice notice--error" role="region" aria-labelledby="notice-title">
                    <h2 id="notice-title">{i18n.get(FormUi::RetryTitle)}</h2>
                    <p>{i18n.get(Ui::RetryBody)}</p>
                    <button type="button" class="button" on:click=move |_| retry.run(())>{i18n.get(Ui::Retry)}</button>
                </div>
            }.into_any(),
        })
    }
}

/// " Or call Vinaphone…": the typed number's network's line, where the guides give one.
fn care_line(i18n: I18n, phone: Option<RwSignal<String>>) -> String {
    let carrier = phone
        .and_then(|p| p.with_untracked(|p| Phone::parse(p).ok()))
        .and_then(|p| p.carrier());
    match carrier.and_then(|c| Some((c.name(), c.care_line()?))) {
        Some((name, number)) => {
            format!(
                " {}",
                i18n.fill(template::CarrierCareLine {
                    carrier: name,
                    number
                })
            )
        }
        None => String::new(),
    }
}

/// The rate-limit wait, counting down each second; the interval lives only while it shows.
#[component]
fn RateLimitWait(wait_until_ms: RwSignal<i64>) -> impl IntoView {
    let i18n = use_i18n();
    let now = use_now_ms(std::time::Duration::from_secs(1));
    view! {
        <p>{move || {
            let left = seconds_left(wait_until_ms.get(), now.get());
            i18n.fill(template::RateLimitedBody { time: Wait(left) })
        }}</p>
    }
}
