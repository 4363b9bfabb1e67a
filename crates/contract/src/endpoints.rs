//! Every `/api` path, written once: the mock's router, its OpenAPI document (checked by a
//! test against these) and the SPA's client all take them from here.

use crate::flow::FlowKind;

/// The prefix every API path has (the mock nests its router under it).
pub const API: &str = "/api";

pub const CAPTCHA: &str = "/api/captcha";
pub const REGISTRATIONS: &str = "/api/registrations";
pub const PASSWORD_RESETS: &str = "/api/password-resets";
pub const SESSION: &str = "/api/session";
pub const OPENAPI: &str = "/api/openapi.json";

/// Development endpoints (the mock without `--no-dev`): the dev panel and tests use them.
pub const DEV_OUTBOX: &str = "/api/dev/outbox";
pub const DEV_CAPTCHAS: &str = "/api/dev/captchas";
pub const DEV_CLOCK: &str = "/api/dev/clock";
pub const DEV_FAULTS: &str = "/api/dev/faults";
/// `DELETE`: every account and flow (the personas' account comes back), the outbox, limits.
pub const DEV_DATA: &str = "/api/dev/data";
/// The committed gallery baseline's images (`{key}-{width}.png`), the flow map's thumbnails.
pub const DEV_GALLERY_BASELINE: &str = "/api/dev/gallery-baseline";

/// Research sessions (the mock's study mode, the study build of the SPA): the participant's
/// place in the study (and the SMS their "phone" shows), ending a task, the events recorded.
pub const STUDY_SESSION: &str = "/api/study/session";
pub const STUDY_TASK: &str = "/api/study/task";
pub const STUDY_EVENTS: &str = "/api/study/events";

/// What a started flow's id is posted to, under its kind's base path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FlowAction {
    Resend,
    Verify,
    Password,
}

impl FlowAction {
    /// The part after `{base}/{id}/`.
    pub fn suffix(self) -> &'static str {
        match self {
            FlowAction::Resend => "otp/resend",
            FlowAction::Verify => "otp/verify",
            FlowAction::Password => "password",
        }
    }
}

impl FlowKind {
    /// What a started flow's id is posted to: the code actions, and the password but when
    /// signing in.
    pub fn actions(self) -> &'static [FlowAction] {
        use FlowAction::{Password, Resend, Verify};
        match self {
            FlowKind::Registration | FlowKind::Reset => &[Resend, Verify, Password],
            FlowKind::SignIn => &[Resend, Verify],
        }
    }

    /// Where the flow's OTP and password sub-paths live (`{base}/{id}/otp/verify`...).
    pub fn api_base(self) -> &'static str {
        match self {
            FlowKind::Registration => REGISTRATIONS,
            FlowKind::Reset => PASSWORD_RESETS,
            FlowKind::SignIn => SESSION,
        }
    }

    /// `{base}/{id}/{action}` for the flow's started id.
    pub fn api_path(self, flow_id: &str, action: FlowAction) -> String {
        format!("{}/{flow_id}/{}", self.api_base(), action.suffix())
    }
}

/// The router's pattern of a flow action (`/api/registrations/{id}/otp/verify`).
pub fn flow_pattern(kind: FlowKind, action: FlowAction) -> String {
    kind.api_path("{id}", action)
}

/// The router's pattern of one dev captcha's answer.
pub fn dev_captcha_pattern() -> String {
    format!("{DEV_CAPTCHAS}/{{id}}")
}

/// The router's pattern of one baseline image.
pub fn dev_gallery_baseline_pattern() -> String {
    format!("{DEV_GALLERY_BASELINE}/{{file}}")
}

/// The path under [`API`] (what a router nested there matches).
pub fn under_api(path: &str) -> &str {
    path.strip_prefix(API)
        .expect("every API path starts with /api")
}

/// Every path with its router pattern, for the tests that compare them with the router and
/// the OpenAPI document.
pub fn all_patterns() -> Vec<String> {
    let mut all: Vec<String> = [CAPTCHA, REGISTRATIONS, PASSWORD_RESETS, SESSION, OPENAPI]
        .map(String::from)
        .to_vec();
    for kind in FlowKind::ALL {
        all.extend(
            kind.actions()
                .iter()
                .map(|&action| flow_pattern(kind, action)),
        );
    }
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flow_paths_are_under_their_kind() {
        assert_eq!(
            FlowKind::Reset.api_path("abc", FlowAction::Verify),
            "/api/password-resets/abc/otp/verify"
        );
        assert_eq!(
            FlowKind::Registration.api_path("abc", FlowAction::Password),
            "/api/registrations/abc/password"
        );
        assert_eq!(
            flow_pattern(FlowKind::Registration, FlowAction::Password),
            "/api/registrations/{id}/password"
        );
        assert_eq!(
            flow_pattern(FlowKind::SignIn, FlowAction::Verify),
            "/api/session/{id}/otp/verify"
        );
        assert!(!all_patterns().contains(&"/api/session/{id}/password".to_owned()));
        for path in all_patterns() {
            assert!(under_api(&path).starts_with('/'), "{path}");
        }
    }
}
