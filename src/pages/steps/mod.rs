//! The steps a registration and a password reset share (code, then password; signing in
//! shares the code step) and each flow's state, which the app owns for the tab and saves to
//! sessionStorage (a reload resumes the step); each step's guard is the route table's
//! (`crate::guards`).

pub mod otp;
pub mod password;
pub mod start;

use crate::effect::effect;
use crate::flow::state::{FlowKind, FlowState};
use crate::storage::Storage;
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

fn load(kind: FlowKind) -> FlowState {
    Storage::Session
        .read_json(crate::flow::state::storage_key(kind))
        .unwrap_or_default()
}

/// Each flow's state while the citizen is in it: read from sessionStorage when they enter
/// the flow (from a screen outside it, or on a reload: a reload resumes the step) and saved
/// there on every change. Moving between a flow's steps keeps it in memory, as a layout
/// route around the steps would.
///
/// The app owns the states, but only the steps (all in split modules) read or save them:
/// their storage code stays out of the first load.
#[derive(Clone, Copy)]
struct Flows {
    states: [RwSignal<FlowState>; 3],
    /// The flow whose step is on screen, if any.
    entered: StoredValue<Option<FlowKind>>,
    /// Which flows' states are saved on change yet (from their first entry on).
    saved_on_change: StoredValue<[bool; 3]>,
    /// The app's owner: a flow's saving outlives the screen that started it.
    owner: StoredValue<Owner>,
}

fn index(kind: FlowKind) -> usize {
    FlowKind::ALL.iter().position(|k| *k == kind).unwrap_or(0)
}

pub fn provide_flows() {
    provide_context(Flows {
        states: FlowKind::ALL.map(|_| RwSignal::new(FlowState::default())),
        entered: StoredValue::new(None),
        saved_on_change: StoredValue::new([false; 3]),
        owner: StoredValue::new(Owner::current().unwrap_or_default()),
    });
}

/// A route's screen is shown: a screen outside every flow leaves them (entering one again
/// reads its saved state).
pub fn leave_flows(flow: Option<FlowKind>) {
    if flow.is_none() {
        expect_context::<Flows>().entered.set_value(None);
    }
}

/// A step of `kind` is shown: provides that flow to its screen and guard (entering it from
/// outside reads its saved state).
pub fn enter_flow(kind: FlowKind) {
    let flows = expect_context::<Flows>();
    let before = flows.entered.get_value();
    flows.entered.set_value(Some(kind));
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
    if !flows.saved_on_change.with_value(|w| w[index(kind)]) {
        flows
            .saved_on_change
            .update_value(|w| w[index(kind)] = true);
        flows
            .owner
            .with_value(|owner| owner.with(|| save_on_change(kind, state)));
    }
    provide_context(FlowCtx { kind, state });
}

/// Saves `state` to sessionStorage whenever it changes (not on the first run: it was just
/// read from there).
fn save_on_change(kind: FlowKind, state: RwSignal<FlowState>) {
    effect(move |first: Option<()>| {
        state.with(|state| {
            if first.is_some() {
                Storage::Session.write_json(crate::flow::state::storage_key(kind), state);
            }
        });
    });
}
