//! Request and response bodies of the API (spec §5), and its error codes.
//!
//! Requests refuse unknown fields, so a typo in a client is a 400, not a silent default.

use crate::password::PasswordRule;
use crate::registration::{FieldErrors, RegistrationForm};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CaptchaChallenge {
    pub captcha_id: String,
    pub image_svg: String,
    pub expires_in_s: u32,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct RegistrationRequest {
    pub id_number: String,
    pub full_name: String,
    /// `YYYY-MM-DD`.
    pub date_of_birth: String,
    pub phone: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    pub captcha_id: String,
    pub captcha_answer: String,
}

impl RegistrationRequest {
    /// The same fields, to run the same validation as the browser.
    pub fn form(&self) -> RegistrationForm {
        RegistrationForm {
            id_number: self.id_number.clone(),
            full_name: self.full_name.clone(),
            date_of_birth: self.date_of_birth.clone(),
            phone: self.phone.clone(),
            email: self.email.clone().unwrap_or_default(),
        }
    }
}

/// Where a one-time code stands. Times are the server's, so the client derives the
/// countdown from `expires_at - server_time` rather than trusting its own clock.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct OtpStatus {
    pub length: u8,
    #[serde(with = "time::serde::rfc3339")]
    pub expires_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub resend_available_at: OffsetDateTime,
    pub sends_left: u32,
    pub attempts_left: u32,
    #[serde(with = "time::serde::rfc3339")]
    pub server_time: OffsetDateTime,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct RegistrationStarted {
    pub registration_id: String,
    pub phone_masked: String,
    pub otp: OtpStatus,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PasswordResetRequest {
    pub id_number: String,
    pub phone: String,
    pub captcha_id: String,
    pub captcha_answer: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PasswordResetStarted {
    pub reset_id: String,
    pub phone_masked: String,
    pub otp: OtpStatus,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct OtpResent {
    pub otp: OtpStatus,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct VerifyOtpRequest {
    pub code: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct OtpVerified {
    pub password_token: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SetPasswordRequest {
    pub password_token: String,
    pub password: String,
    pub password_confirmation: String,
}

/// Answer to a password set at the end of registration or reset. A reset's code went to
/// the account's phone, so its answer signs the citizen in with these details.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct AccountReady {
    pub username: String,
    pub full_name: String,
    pub verification_level: u8,
}

impl AccountReady {
    /// Who is signed in once this account is.
    pub fn signed_in(&self) -> SignedIn {
        SignedIn {
            full_name: self.full_name.clone(),
            verification_level: self.verification_level,
        }
    }
}

/// The portal's sign-in: the ID number as username, the password and the captcha.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SignInRequest {
    pub username: String,
    pub password: String,
    pub captcha_id: String,
    pub captcha_answer: String,
}

/// A right ID and password: a code went to the account's phone; no session yet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SignInChallenge {
    pub challenge_id: String,
    pub phone_masked: String,
    pub otp: OtpStatus,
}

/// A right code at sign-in: who is signed in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SignedIn {
    pub full_name: String,
    pub verification_level: u8,
}

/// Accounts created through a carrier-verified phone are level 2.
pub const MOBILE_VERIFICATION_LEVEL: u8 = 2;

enumerated! {
/// The `error` field of every error answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    BadRequest,
    PayloadTooLarge,
    NotFound,
    Validation,
    CaptchaInvalid,
    AccountExists,
    CarrierMismatch,
    RateLimited,
    ResendTooSoon,
    ResendLimit,
    OtpIncorrect,
    OtpExpired,
    Locked,
    InvalidToken,
    InvalidCredentials,
    /// A fault of the server itself, never of the input (also what `/api/dev/faults` injects).
    Unavailable,
}
}

impl ErrorCode {
    /// The HTTP status that carries this code.
    pub fn status(self) -> u16 {
        use ErrorCode::*;
        match self {
            BadRequest | CaptchaInvalid | OtpIncorrect => 400,
            InvalidToken | InvalidCredentials => 401,
            NotFound => 404,
            AccountExists | CarrierMismatch => 409,
            OtpExpired => 410,
            PayloadTooLarge => 413,
            Validation => 422,
            Locked => 423,
            RateLimited | ResendTooSoon | ResendLimit => 429,
            Unavailable => 503,
        }
    }
}

/// The body of every error answer: `{"error": code, "message": text, ...details}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApiError {
    pub error: ErrorCode,
    pub message: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fields: Option<FieldErrors>,
    /// Password rules a refused password broke.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rules: Option<Vec<PasswordRule>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attempts_left: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_after_s: Option<u64>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "time::serde::rfc3339::option"
    )]
    pub locked_until: Option<OffsetDateTime>,
}

impl ApiError {
    pub fn new(error: ErrorCode, message: impl Into<String>) -> Self {
        ApiError {
            error,
            message: message.into(),
            fields: None,
            rules: None,
            attempts_left: None,
            retry_after_s: None,
            locked_until: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn otp_status_times_are_rfc3339() {
        let t = datetime!(2026-11-26 12:00:00 UTC);
        let otp = OtpStatus {
            length: 6,
            expires_at: t + time::Duration::seconds(300),
            resend_available_at: t + time::Duration::seconds(60),
            sends_left: 4,
            attempts_left: 5,
            server_time: t,
        };
        let json = serde_json::to_value(&otp).unwrap();
        assert_eq!(json["expires_at"], "2026-11-26T12:05:00Z");
        assert_eq!(json["server_time"], "2026-11-26T12:00:00Z");
        assert_eq!(serde_json::from_value::<OtpStatus>(json).unwrap(), otp);
    }

    #[test]
    fn requests_refuse_unknown_fields() {
        let err = serde_json::from_str::<VerifyOtpRequest>(r#"{"code":"1","extra":1}"#);
        assert!(err.is_err());
    }

    #[test]
    fn error_body_shape() {
        let mut e = ApiError::new(ErrorCode::OtpIncorrect, "Sai mã");
        e.attempts_left = Some(3);
        let json = serde_json::to_string(&e).unwrap();
        assert_eq!(
            json,
            r#"{"error":"otp_incorrect","message":"Sai mã","attempts_left":3}"#
        );
        assert_eq!(ErrorCode::Validation.status(), 422);
        assert_eq!(ErrorCode::RateLimited.status(), 429);
    }
}
