//! The dev panel (development builds): fill the form from a persona, the mock's SMS inbox
//! (a click fills the code), clock and fault controls, language, and jumps to any step with
//! synthetic state. Collapsed to one button by default so it never covers the form.

use super::hooks::{advance_clock_ms, offline, set_offline};
use super::script;
use super::states::{flow_state, Setup, JUMPS};
use super::{
    CLEAR_DATA, DEV_MARKER, EXPIRE_CODE, GALLERY, NEXT_REQUEST_FAILS, ONE_MINUTE, RANDOM_CITIZEN,
};
use crate::api::{fetch_text, Method};
use crate::flow::state::{FlowKind, Step};
use crate::i18n::use_i18n;
use contract::endpoints;
use contract::personas::{random_citizen, PERSONAS};
use contract::{Lang, OtpPolicy};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;
use send_wrapper::SendWrapper;
use serde::Deserialize;
use std::time::Duration;
use wasm_bindgen_futures::JsFuture;

#[derive(Clone, Debug, Deserialize)]
struct Sms {
    to: String,
    code: String,
}

#[derive(Deserialize)]
struct CaptchaAnswer {
    answer: String,
}

/// What `DELETE /api/dev/data` removed.
#[derive(Deserialize)]
struct Cleared {
    accounts: usize,
    flows: usize,
}

/// The dev endpoints, straight to the network (never through "offline" or canned answers).
async fn dev_call(method: Method, path: &str, body: Option<String>) -> Option<String> {
    match fetch_text(method, path, body.as_deref(), Lang::default(), None).await {
        Ok((status, text)) if (200..300).contains(&status) => text,
        _ => None,
    }
}

async fn sleep_ms(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = JsFuture::from(promise).await;
}

/// Types the details in (as a citizen would), then the live captcha's answer.
async fn fill_details(id: String, name: &'static str, dob: &'static str, phone: String) {
    // The form may still be mounting after a navigation.
    for _ in 0..30 {
        if script::fill("id_number", &id) {
            break;
        }
        sleep_ms(100).await;
    }
    script::fill("full_name", name);
    script::fill("date_of_birth", dob);
    script::fill("phone", &phone);
    for _ in 0..30 {
        let captcha_id = document()
            .query_selector("img[data-captcha-id]")
            .ok()
            .flatten()
            .and_then(|img| img.get_attribute("data-captcha-id"));
        if let Some(captcha_id) = captcha_id {
            let path = format!("{}/{captcha_id}", endpoints::DEV_CAPTCHAS);
            if let Some(json) = dev_call(Method::GET, &path, None).await {
                if let Ok(c) = serde_json::from_str::<CaptchaAnswer>(&json) {
                    script::fill("captcha_answer", &c.answer);
                }
            }
            return;
        }
        sleep_ms(100).await;
    }
}

/// Puts a synthetic flow in the tab's storage and loads the step, as a reload would.
fn jump(kind: FlowKind, step: Step, setup: Setup) {
    crate::storage::Storage::Session
        .write_json(crate::flow::state::storage_key(kind), &flow_state(setup));
    let _ = window().location().assign(kind.path(step));
}

fn set_faults(latency_ms: u32, fail_next: u32) {
    let body = format!(r#"{{"latency_ms":{latency_ms},"fail_next":{fail_next},"status":500}}"#);
    spawn_local(async move {
        dev_call(Method::POST, endpoints::DEV_FAULTS, Some(body)).await;
    });
}

fn advance(seconds: u32) {
    spawn_local(async move {
        let body = format!(r#"{{"advance_s":{seconds}}}"#);
        if dev_call(Method::POST, endpoints::DEV_CLOCK, Some(body))
            .await
            .is_some()
        {
            advance_clock_ms(i64::from(seconds) * 1000);
        }
    });
}

/// The panel, once the mock has answered a dev endpoint: a mock started with `--no-dev` has
/// none, and then there is no panel either.
#[component]
pub fn DevPanel() -> impl IntoView {
    let available = RwSignal::new(false);
    spawn_local(async move {
        available.set(
            dev_call(Method::GET, endpoints::DEV_OUTBOX, None)
                .await
                .is_some(),
        );
    });
    view! { <Show when=move || available.get()><Panel/></Show> }
}

#[component]
fn Panel() -> impl IntoView {
    let open = RwSignal::new(false);
    view! {
        <aside class="dev-panel" lang="en" aria-label="Dev panel" data-dev-marker=DEV_MARKER>
            <button type="button" class="dev-panel__toggle" aria-expanded=move || open.get().to_string()
                aria-controls="dev-panel-body" on:click=move |_| open.update(|o| *o = !*o)>
                {move || if open.get() { "Close dev panel" } else { "Dev" }}
            </button>
            <div id="dev-panel-body" class="dev-panel__body" hidden=move || !open.get()>
                <FillSection open/>
                <InboxSection open/>
                <ClockSection/>
                <FaultsSection/>
                <DataSection/>
                <LanguageSection/>
                <JumpSection/>
            </div>
        </aside>
    }
}

/// Fill the details form from a persona or a random valid citizen.
#[component]
fn FillSection(open: RwSignal<bool>) -> impl IntoView {
    let navigate = SendWrapper::new(use_navigate());
    let fill_from = move |id: String, name: &'static str, dob: &'static str, phone: String| {
        let details = FlowKind::Registration.path(Step::Details);
        if document().get_element_by_id("id_number").is_none() {
            (*navigate)(details, Default::default());
        }
        // Out of the way: the filled form is what the designer looks at next.
        open.set(false);
        spawn_local(fill_details(id, name, dob, phone));
    };
    let fill_random = fill_from.clone();
    view! {
        <h2>"Fill the form"</h2>
        <ul class="dev-panel__buttons">
            {PERSONAS.iter().map(|p| {
                let fill_from = fill_from.clone();
                view! { <li><button type="button" on:click=move |_| fill_from(
                    p.id_number.into(), p.full_name, p.date_of_birth, p.phone.into())>{p.key}</button></li> }
            }).collect_view()}
            <li><button type="button" on:click=move |_| {
                let (id, phone) = random_citizen((js_sys::Math::random() * 1e9) as u32);
                fill_random(id, "Phạm Thu Hà", "15/03/1990", phone);
            }>{RANDOM_CITIZEN}</button></li>
        </ul>
    }
}

/// The mock's SMS outbox, live while the panel is open; "Fill" types a code in.
#[component]
fn InboxSection(open: RwSignal<bool>) -> impl IntoView {
    let inbox = RwSignal::new(Vec::<Sms>::new());
    // The inbox refreshes every 2 s while the panel is open; released with the panel.
    let refresh = move || {
        if !open.get_untracked() {
            return;
        }
        spawn_local(async move {
            if let Some(json) = dev_call(Method::GET, endpoints::DEV_OUTBOX, None).await {
                if let Ok(list) = serde_json::from_str::<Vec<Sms>>(&json) {
                    inbox.set(list.into_iter().take(6).collect());
                }
            }
        });
    };
    if let Ok(handle) = set_interval_with_handle(refresh, Duration::from_secs(2)) {
        on_cleanup(move || handle.clear());
    }
    crate::effect::effect(move |_| {
        if open.get() {
            refresh();
        }
    });
    view! {
        <h2>"SMS inbox"</h2>
        <ul class="dev-panel__inbox" aria-live="polite">
            {move || inbox.get().into_iter().map(|sms| {
                let code = sms.code.clone();
                view! {
                    <li>{sms.to} " "
                        <button type="button" on:click=move |_| { script::fill("otp", &code); }>
                            {format!("Fill {}", sms.code)}
                        </button>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

/// Moves the mock's clock and the page's together.
#[component]
fn ClockSection() -> impl IntoView {
    view! {
        <h2>"Clock"</h2>
        <p class="dev-panel__buttons">
            <button type="button" on:click=move |_| advance(60)>{ONE_MINUTE}</button>
            <button type="button" on:click=move |_| advance(300)>"+5 min"</button>
            <button type="button" on:click=move |_| advance(OtpPolicy::default().ttl_s + 1)>{EXPIRE_CODE}</button>
        </p>
    }
}

/// Slow answers, a failing next request, offline.
#[component]
fn FaultsSection() -> impl IntoView {
    let slow = RwSignal::new(false);
    let is_offline = RwSignal::new(offline());
    view! {
        <h2>"Faults"</h2>
        <p class="dev-panel__buttons">
            <label><input type="checkbox" prop:checked=move || slow.get()
                on:change=move |_| { slow.update(|s| *s = !*s); set_faults(if slow.get_untracked() { 3000 } else { 0 }, 0); }/>
                " Slow answers (3 s)"</label>
            <button type="button" on:click=move |_| set_faults(if slow.get_untracked() { 3000 } else { 0 }, 1)>
                {NEXT_REQUEST_FAILS}</button>
            <label><input type="checkbox" prop:checked=move || is_offline.get()
                on:change=move |_| { is_offline.update(|o| *o = !*o); set_offline(is_offline.get_untracked()); }/>
                " Offline"</label>
        </p>
    }
}

/// Empties the mock's database (kept across restarts under `cargo xtask dev`), after a
/// confirmation; the personas' account comes back.
#[component]
fn DataSection() -> impl IntoView {
    let said = RwSignal::new(String::new());
    let clear = move |_| {
        let sure = window()
            .confirm_with_message("Delete every account and every flow under way the mock keeps?")
            .unwrap_or(false);
        if !sure {
            return;
        }
        spawn_local(async move {
            let cleared = dev_call(Method::DELETE, endpoints::DEV_DATA, None)
                .await
                .and_then(|json| serde_json::from_str::<Cleared>(&json).ok());
            said.set(match cleared {
                Some(c) => format!(
                    "Cleared {} accounts and {} flows under way; the personas' account is back.",
                    c.accounts, c.flows
                ),
                None => "The mock did not clear its data; is it still running?".into(),
            });
        });
    };
    view! {
        <h2>"Data"</h2>
        <p><button type="button" on:click=clear>{CLEAR_DATA}</button></p>
        <p role="status">{move || said.get()}</p>
    }
}

#[component]
fn LanguageSection() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h2>"Language"</h2>
        <p><button type="button" on:click=move |_| i18n.toggle()>"Tiếng Việt ⇄ English"</button></p>
    }
}

/// Any step, with a synthetic flow behind it.
#[component]
fn JumpSection() -> impl IntoView {
    view! {
        <h2>"Jump to a step (synthetic state)"</h2>
        <p class="dev-panel__buttons">
            {JUMPS.iter().map(|j| view! {
                <button type="button" on:click=move |_| jump(j.kind, j.step, j.setup)>{j.label}</button>
            }).collect_view()}
            <a href=GALLERY rel="external">"Gallery"</a>
        </p>
    }
}
