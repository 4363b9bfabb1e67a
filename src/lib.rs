//! The citizen registration SPA of the National Public Service Portal.
//!
//! Logic (validation, rules, messages) lives in `contract`; this crate wires it to
//! screens. `main.rs` only mounts [`app::App`].

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
pub mod web_otp;
