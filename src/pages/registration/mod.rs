//! Screens 3–6 under one layout route that owns the flow state, saves it to
//! sessionStorage (a reload resumes the step) and guards each step.

pub mod details;
pub mod done;
pub mod otp;
pub mod password;

use crate::components::stepper::Stepper;
use crate::flow::state::{RegistrationFlow, Step};
use leptos::prelude::*;
use leptos_router::components::{Outlet, Redirect};

const STORAGE_KEY: &str = "portal.registration";

#[derive(Clone, Copy)]
pub struct FlowCtx(pub RwSignal<RegistrationFlow>);

pub fn use_flow() -> RwSignal<RegistrationFlow> {
    expect_context::<FlowCtx>().0
}

fn session() -> Option<web_sys::Storage> {
    window().session_storage().ok().flatten()
}

fn load() -> RegistrationFlow {
    session()
        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default()
}

/// The browser's clock in ms (for countdowns; they also use the server's offset).
pub fn client_now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// Today in Vietnam (UTC+7), for "not in the future".
pub fn today_in_vietnam() -> time::Date {
    let seconds = client_now_ms().div_euclid(1000);
    let offset = time::UtcOffset::from_hms(7, 0, 0).unwrap_or(time::UtcOffset::UTC);
    time::OffsetDateTime::from_unix_timestamp(seconds)
        .map(|t| t.to_offset(offset).date())
        .unwrap_or(time::Date::MIN)
}

#[component]
pub fn RegistrationLayout() -> impl IntoView {
    let flow = RwSignal::new(load());
    provide_context(FlowCtx(flow));
    Effect::new(move |_| {
        let state = flow.get();
        if let (Some(s), Ok(json)) = (session(), serde_json::to_string(&state)) {
            let _ = s.set_item(STORAGE_KEY, &json);
        }
    });
    view! { <Outlet/> }
}

/// Renders `children` only if the flow has reached `step`; otherwise redirects to the
/// furthest step it has (a fresh tab on `/otp` lands on the form).
#[component]
pub fn StepGuard(step: Step, children: ChildrenFn) -> impl IntoView {
    let flow = use_flow();
    let reachable = Memo::new(move |_| flow.with(|f| f.reachable(step)));
    view! {
        <Show when=move || reachable.get() == step
            fallback=move || view! { <Redirect path=reachable.get().path()/> }>
            <div class="page page--top">
                <Stepper current=Signal::derive(move || step.article_step())/>
            </div>
            {children()}
        </Show>
    }
}
