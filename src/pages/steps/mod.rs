//! The steps a registration and a password reset share (code, then password; signing in
//! shares the code step) under one layout route per flow. The layout owns the flow's state
//! and saves it to sessionStorage (a reload resumes the step); each step's guard is the
//! route table's (`crate::guards`).

pub mod otp;
pub mod password;
pub mod start;

use crate::flow::state::{FlowKind, FlowState};
use leptos::prelude::*;
use leptos_router::components::Outlet;

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
        .and_then(|s| {
            s.get_item(crate::flow::state::storage_key(kind))
                .ok()
                .flatten()
        })
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default()
}

fn flow_layout(kind: FlowKind) -> impl IntoView {
    let mut initial = load(kind);
    // A finished reset or sign-in has signed the citizen in and left; coming back starts a
    // new one.
    if kind.ends_signed_in() && initial.done.is_some() {
        initial = FlowState::default();
    }
    let state = RwSignal::new(initial);
    provide_context(FlowCtx { kind, state });
    Effect::new(move |_| {
        let state = state.get();
        if let (Some(s), Ok(json)) = (session(), serde_json::to_string(&state)) {
            let _ = s.set_item(crate::flow::state::storage_key(kind), &json);
        }
    });
    view! { <Outlet/> }
}

/// The layout route of a flow (screens 3–6, screen 7 and its code step, or screen 8 and its
/// code and password steps): it owns the flow's state for all of its steps.
#[component]
pub fn FlowLayout(kind: FlowKind) -> impl IntoView {
    flow_layout(kind)
}
