//! The citizen registration SPA of the National Public Service Portal.
//!
//! Logic (validation, rules, messages) lives in `contract`; this crate wires it to
//! screens. `main.rs` only mounts [`app::App`].

/// Runs its statements in the study build only (research sessions record what happened);
/// every other build compiles none of it, and its wasm has no study code (a test checks).
#[macro_export]
macro_rules! study {
    ($($body:tt)*) => {
        #[cfg(feature = "study")]
        {
            $($body)*
        }
    };
}

pub mod api;
pub mod app;
pub mod boot;
pub mod clock;
pub mod components;
#[cfg(feature = "dev")]
pub mod dev;
pub mod effect;
pub mod flow;
pub mod guards;
pub mod i18n;
pub mod lazy;
pub mod pages;
pub mod paint;
pub mod route_path;
pub mod session;
pub mod storage;
#[cfg(feature = "study")]
pub mod study;
pub mod web_otp;
