//! The registration flow as plain Rust: which step, what the server accepted, OTP timing,
//! and what an API failure means for the screen. Tested natively; pages only wire it.

pub mod countdown;
pub mod outcome;
pub mod state;
