//! Where the citizen is in a flow that sends a code (registration, a reset after a
//! forgotten password, signing in), and which step a URL may show.

use super::countdown::OtpClock;
use contract::api::{AccountReady, OtpVerified, SignedIn};
use contract::{IdNumber, RegistrationForm};
use serde::{Deserialize, Serialize};

pub use contract::flow::{FlowKind, Step};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Started {
    /// `registration_id` or `reset_id`.
    pub flow_id: String,
    pub phone_masked: String,
    pub otp: OtpClock,
}

impl Started {
    /// A flow (registration or reset) as the server started it; the countdown runs from
    /// the server's times.
    pub fn from_server(
        flow_id: String,
        phone_masked: String,
        otp: &contract::api::OtpStatus,
        client_now_ms: i64,
    ) -> Self {
        Started {
            flow_id,
            phone_masked,
            otp: OtpClock::from_status(otp, client_now_ms),
        }
    }
}

/// A server's answer that starts a flow: the registration's or the reset's.
pub trait FlowStarted {
    fn into_started(self, client_now_ms: i64) -> Started;
}

impl FlowStarted for contract::api::RegistrationStarted {
    fn into_started(self, client_now_ms: i64) -> Started {
        Started::from_server(
            self.registration_id,
            self.phone_masked,
            &self.otp,
            client_now_ms,
        )
    }
}

impl FlowStarted for contract::api::PasswordResetStarted {
    fn into_started(self, client_now_ms: i64) -> Started {
        Started::from_server(self.reset_id, self.phone_masked, &self.otp, client_now_ms)
    }
}

impl FlowStarted for contract::api::SignInChallenge {
    fn into_started(self, client_now_ms: i64) -> Started {
        Started::from_server(
            self.challenge_id,
            self.phone_masked,
            &self.otp,
            client_now_ms,
        )
    }
}

/// What a right code answers: the password step's token, or (signing in) who is signed in.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum CodeAccepted {
    PasswordStep(OtpVerified),
    SignedIn(SignedIn),
}

/// The sessionStorage key of a flow's non-secret state.
pub fn storage_key(kind: FlowKind) -> &'static str {
    match kind {
        FlowKind::Registration => "portal.registration",
        FlowKind::Reset => "portal.reset",
        FlowKind::SignIn => "portal.sign-in",
    }
}

/// Everything the flow keeps. Saved to sessionStorage so a reload resumes the step;
/// it holds no password and no code (the captcha answer is not kept either). Signing in
/// keeps only the ID number typed (`form.id_number`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FlowState {
    pub form: RegistrationForm,
    pub started: Option<Started>,
    /// Single-use, short-lived proof that the code was verified.
    pub password_token: Option<String>,
    /// The username of the account the flow made (or reset): what its last step shows.
    pub done: Option<String>,
}

impl FlowState {
    /// The step a request for `wanted` may show: never one whose state is missing.
    pub fn reachable(&self, wanted: Step) -> Step {
        let furthest = if self.done.is_some() {
            Step::Done
        } else if self.password_token.is_some() {
            Step::Password
        } else if self.started.is_some() {
            Step::Otp
        } else {
            Step::Details
        };
        match (wanted, furthest) {
            // Once done, earlier steps would only resubmit: show the result.
            (_, Step::Done) => Step::Done,
            (Step::Done, f) => f,
            (Step::Password, Step::Otp) => Step::Otp,
            (Step::Password | Step::Otp, Step::Details) => Step::Details,
            (w, _) => w,
        }
    }

    /// The server accepted the details: on to the code.
    pub fn start(&mut self, started: Started) {
        self.started = Some(started);
        self.password_token = None;
    }

    /// "Đổi số điện thoại": back to the form, keeping what was typed.
    pub fn change_phone(&mut self) {
        self.started = None;
        self.password_token = None;
    }

    pub fn verified(&mut self, token: String) {
        self.password_token = Some(token);
    }

    /// Signing in: the code was right, so the account with the ID typed is signed in.
    pub fn signed_in(&mut self, signed_in: SignedIn) -> AccountReady {
        let typed = &self.form.id_number;
        let account = AccountReady {
            username: IdNumber::parse(typed)
                .map_or_else(|_| typed.clone(), |id| id.as_str().to_owned()),
            full_name: signed_in.full_name,
            verification_level: signed_in.verification_level,
        };
        self.finished(account.username.clone());
        account
    }

    pub fn finished(&mut self, username: String) {
        self.done = Some(username);
        self.started = None;
        self.password_token = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn started() -> Started {
        Started {
            flow_id: "r1".into(),
            phone_masked: "09******78".into(),
            otp: OtpClock {
                expires_at_ms: 0,
                resend_at_ms: 0,
                offset_ms: 0,
                sends_left: 4,
                attempts_left: 5,
            },
        }
    }

    #[test]
    fn guards_redirect_to_the_furthest_step_with_state() {
        let mut f = FlowState::default();
        assert_eq!(f.reachable(Step::Otp), Step::Details, "a fresh tab on /otp");
        assert_eq!(f.reachable(Step::Password), Step::Details);
        assert_eq!(f.reachable(Step::Done), Step::Details);
        f.start(started());
        assert_eq!(f.reachable(Step::Otp), Step::Otp);
        assert_eq!(
            f.reachable(Step::Details),
            Step::Details,
            "Back to the form is allowed"
        );
        assert_eq!(f.reachable(Step::Password), Step::Otp);
        f.verified("t".into());
        assert_eq!(f.reachable(Step::Password), Step::Password);
        f.finished("001090000123".into());
        assert_eq!(f.reachable(Step::Details), Step::Done);
        assert_eq!(f.reachable(Step::Done), Step::Done);
    }

    #[test]
    fn each_flow_has_its_own_urls_and_saved_state() {
        for step in [Step::Details, Step::Otp, Step::Password] {
            assert!(FlowKind::Registration
                .path(step)
                .starts_with("/dang-ky/thue-bao-di-dong"));
            assert!(FlowKind::Reset.path(step).starts_with("/quen-mat-khau"));
        }
        assert_eq!(FlowKind::SignIn.path(Step::Otp), "/dang-nhap/otp");
        let keys: std::collections::HashSet<_> =
            FlowKind::ALL.iter().map(|&k| storage_key(k)).collect();
        assert_eq!(keys.len(), FlowKind::ALL.len());
    }

    #[test]
    fn a_right_code_answers_the_password_step_or_the_signed_in_account() {
        let token: CodeAccepted = serde_json::from_str(r#"{"password_token":"t"}"#).unwrap();
        assert!(matches!(token, CodeAccepted::PasswordStep(v) if v.password_token == "t"));
        let signed_in: CodeAccepted =
            serde_json::from_str(r#"{"full_name":"Nguyễn Văn An","verification_level":2}"#)
                .unwrap();
        let CodeAccepted::SignedIn(signed_in) = signed_in else {
            panic!("{signed_in:?}")
        };
        let mut f = FlowState::default();
        f.form.id_number = "001 090 000 001".into();
        f.start(started());
        let account = f.signed_in(signed_in);
        assert_eq!(account.username, "001090000001");
        assert_eq!(account.full_name, "Nguyễn Văn An");
        assert_eq!(
            f.reachable(Step::Otp),
            Step::Done,
            "the code step leads on to the account"
        );
    }

    #[test]
    fn changing_phone_keeps_the_form() {
        let mut f = FlowState::default();
        f.form.phone = "0912345678".into();
        f.start(started());
        f.change_phone();
        assert_eq!(f.reachable(Step::Otp), Step::Details);
        assert_eq!(f.form.phone, "0912345678");
    }

    #[test]
    fn saved_form_has_no_secrets_fields() {
        let json = serde_json::to_string(&FlowState::default()).unwrap();
        assert!(!json.contains("password\""), "{json}");
        assert!(!json.contains("captcha"), "{json}");
        assert!(!json.contains("code"), "{json}");
    }
}
