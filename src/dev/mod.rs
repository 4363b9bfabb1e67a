//! The designer kit, compiled only with the `dev` feature (`cargo xtask dev`): a panel to
//! fill the form from a persona, read the SMS inbox, move the clock and inject faults, and
//! `/__gallery`, every screen state built from the real components with injected state.

pub mod flow_map;
pub mod gallery;
pub mod hooks;
pub mod panel;
pub mod reach;
pub mod script;
pub mod states;

/// Present in development builds only; the release test checks the wasm lacks it.
pub const DEV_MARKER: &str = "portal-dev-kit-3f9c1a";
