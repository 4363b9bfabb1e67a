//! The steps a registration and a password reset share (code, then password; signing in
//! shares the code step) and each flow's state, which the app owns for the tab and saves to
//! sessionStorage (a reload resumes the step); each step's guard is the route table's
//! (`crate::guards`).

pub mod otp;
pub mod password;
pub mod start;

use crate::flow::state::{FlowKind, FlowState};
use leptos::prelude::*;

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

/// Each flow's state while the citizen is in it: read from sessionStorage when they enter
/// the flow (from a screen outside it, or on a reload: a reload resumes the step) and saved
/// there on every change. Moving between a flow's steps keeps it in memory, as a layout
/// route around the steps would.
#[derive(Clone, Copy)]
struct Flows {
    states: [RwSignal<FlowState>; 3],
    /// The flow whose step is on screen, if any.
    entered: StoredValue<Option<FlowKind>>,
}

fn index(kind: FlowKind) -> usize {
    FlowKind::ALL.iter().position(|k| *k == kind).unwrap_or(0)
}

pub fn provide_flows() {
    let states = FlowKind::ALL.map(|kind| {
        let state = RwSignal::new(FlowState::default());
        Effect::new(move |first: Option<()>| {
            state.with(|state| {
                // Not before the flow is entered: the default would overwrite the saved state.
                if first.is_some() {
                    if let (Some(s), Ok(json)) = (session(), serde_json::to_string(state)) {
                        let _ = s.set_item(crate::flow::state::storage_key(kind), &json);
                    }
                }
            });
        });
        state
    });
    provide_context(Flows {
        states,
        entered: StoredValue::new(None),
    });
}

/// A route's screen is shown: a step of `flow` provides that flow to its screen and guard
/// (entering it reads its saved state); any other screen leaves the flows.
pub fn enter_flow(flow: Option<FlowKind>) {
    let flows = expect_context::<Flows>();
    let before = flows.entered.get_value();
    flows.entered.set_value(flow);
    let Some(kind) = flow else { return };
    let state = flows.states[index(kind)];
    if before != Some(kind) {
        let mut saved = load(kind);
        // A finished reset or sign-in has signed the citizen in and left; coming back
        // starts a new one.
        if kind.ends_signed_in() && saved.done.is_some() {
            saved = FlowState::default();
        }
        state.set(saved);
    }
    provide_context(FlowCtx { kind, state });
}
