//! The steps a registration and a password reset share (code, then password) under one
//! layout route per flow. The layout owns the flow's state, saves it to sessionStorage
//! (a reload resumes the step) and each step is guarded.

pub mod otp;
pub mod password;

use crate::components::stepper::Stepper;
use crate::flow::state::{FlowKind, FlowState, Step};
use leptos::prelude::*;
use leptos_router::components::{Outlet, Redirect};

#[derive(Clone, Copy)]
pub struct FlowCtx {
    pub kind: FlowKind,
    pub state: RwSignal<FlowState>,
}

pub fn use_flow() -> RwSignal<FlowState> {
    expect_context::<FlowCtx>().state
}

pub fn use_flow_kind() -> FlowKind {
    expect_context::<FlowCtx>().kind
}

fn session() -> Option<web_sys::Storage> {
    window().session_storage().ok().flatten()
}

fn load(kind: FlowKind) -> FlowState {
    session()
        .and_then(|s| s.get_item(kind.storage_key()).ok().flatten())
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default()
}

fn flow_layout(kind: FlowKind) -> impl IntoView {
    let mut initial = load(kind);
    // A finished reset has signed the citizen in and left; coming back starts a new one.
    if kind == FlowKind::Reset && initial.done.is_some() {
        initial = FlowState::default();
    }
    let state = RwSignal::new(initial);
    provide_context(FlowCtx { kind, state });
    Effect::new(move |_| {
        let state = state.get();
        if let (Some(s), Ok(json)) = (session(), serde_json::to_string(&state)) {
            let _ = s.set_item(kind.storage_key(), &json);
        }
    });
    view! { <Outlet/> }
}

/// Screens 3–6.
#[component]
pub fn RegistrationLayout() -> impl IntoView {
    flow_layout(FlowKind::Registration)
}

/// Screen 8 and its code and password steps.
#[component]
pub fn ResetLayout() -> impl IntoView {
    flow_layout(FlowKind::Reset)
}

/// Renders `children` only if the flow has reached `step`; otherwise redirects to the
/// furthest step it has (a fresh tab on `/otp` lands on the form).
#[component]
pub fn StepGuard(step: Step, children: ChildrenFn) -> impl IntoView {
    let FlowCtx { kind, state } = expect_context::<FlowCtx>();
    let reachable = Memo::new(move |_| state.with(|f| f.reachable(step)));
    view! {
        <Show when=move || reachable.get() == step
            fallback=move || view! { <Redirect path=kind.path(reachable.get())/> }>
            // The article's five steps are the registration's; a reset has no stepper.
            {(kind == FlowKind::Registration).then(|| view! {
                <div class="page page--top">
                    <Stepper current=Signal::derive(move || step.article_step())/>
                </div>
            })}
            {children()}
        </Show>
    }
}
