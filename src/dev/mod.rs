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

// The modules share these through their parent (a constant of one module used by another
// made the kit's modules a cycle).

/// The gallery's address.
pub const GALLERY: &str = "/__gallery";
/// `/__gallery/flow`: the flow map (not a state's key: keys are tested not to be it).
pub const GALLERY_FLOW: &str = "flow";

// The dev panel's button names, also used by the gallery's notes on reaching each state.
pub const RANDOM_CITIZEN: &str = "random valid citizen";
pub const ONE_MINUTE: &str = "+1 min";
pub const EXPIRE_CODE: &str = "Expire the code now";
pub const NEXT_REQUEST_FAILS: &str = "Next request fails (500)";
pub const CLEAR_DATA: &str = "Clear data";

/// Present in development builds only; the release test checks the wasm lacks it.
pub const DEV_MARKER: &str = "portal-dev-kit-3f9c1a";
