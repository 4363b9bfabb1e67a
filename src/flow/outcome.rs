//! What an API failure means on screen. Every failure maps to something the citizen can
//! act on; nothing they typed is lost.

use crate::api::Failure;
use contract::api::ErrorCode;
use contract::registration::{CaptchaError, FieldErrors};
use contract::PasswordRule;
use time::OffsetDateTime;

/// Notices on the details form (spec §2), beside the field errors.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormNotice {
    AccountExists,
    CarrierMismatch,
    RateLimited {
        retry_after_s: u64,
    },
    /// Network failure, 5xx or timeout: "Thử lại".
    Retry,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormOutcome {
    pub fields: FieldErrors,
    pub notice: Option<FormNotice>,
}

impl FormOutcome {
    /// When a rate-limited form may be sent again, on the client's clock.
    pub fn retry_at_ms(&self, client_now_ms: i64) -> Option<i64> {
        match self.notice {
            Some(FormNotice::RateLimited { retry_after_s }) => {
                Some(client_now_ms + retry_after_s as i64 * 1000)
            }
            _ => None,
        }
    }
}

/// The details form after a failed `POST /api/registrations`. The captcha is always
/// spent by then, so the form always fetches a new one.
pub fn form_outcome(failure: &Failure) -> FormOutcome {
    let mut fields = FieldErrors::default();
    let notice = match failure {
        Failure::Api(e) => match e.error {
            ErrorCode::Validation => {
                fields = e.fields.clone().unwrap_or_default();
                None
            }
            ErrorCode::CaptchaInvalid => {
                fields.captcha_answer = Some(CaptchaError::Incorrect);
                None
            }
            ErrorCode::AccountExists => Some(FormNotice::AccountExists),
            ErrorCode::CarrierMismatch => Some(FormNotice::CarrierMismatch),
            ErrorCode::RateLimited => Some(FormNotice::RateLimited {
                retry_after_s: e.retry_after_s.unwrap_or(60),
            }),
            _ => Some(FormNotice::Retry),
        },
        Failure::Network | Failure::Unreadable { .. } => Some(FormNotice::Retry),
    };
    FormOutcome { fields, notice }
}

/// The OTP screen after a failed verify or resend.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OtpNotice {
    Incorrect {
        attempts_left: u32,
    },
    Expired,
    Locked {
        retry_after_s: u64,
    },
    ResendTooSoon {
        retry_after_s: u64,
    },
    ResendLimit,
    /// The registration is unknown to the server (restarted, or too old): start again.
    StartAgain,
    Retry,
}

pub fn otp_outcome(failure: &Failure) -> OtpNotice {
    match failure {
        Failure::Api(e) => match e.error {
            ErrorCode::OtpIncorrect => OtpNotice::Incorrect {
                attempts_left: e.attempts_left.unwrap_or(0),
            },
            ErrorCode::OtpExpired => OtpNotice::Expired,
            ErrorCode::Locked => OtpNotice::Locked {
                retry_after_s: e.retry_after_s.unwrap_or(900),
            },
            ErrorCode::ResendTooSoon => OtpNotice::ResendTooSoon {
                retry_after_s: e.retry_after_s.unwrap_or(60),
            },
            ErrorCode::ResendLimit => OtpNotice::ResendLimit,
            ErrorCode::NotFound | ErrorCode::InvalidToken => OtpNotice::StartAgain,
            _ => OtpNotice::Retry,
        },
        _ => OtpNotice::Retry,
    }
}

/// The sign-in screen after a refused `POST /api/session`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SignInNotice {
    /// The captcha's field error (a new image comes with it); nothing else was checked.
    CaptchaInvalid,
    InvalidCredentials,
    /// Locked after 5 failures; `until` is the wall-clock time in Vietnam, "16:05 26/11/2026".
    Locked {
        until: String,
    },
    Retry,
}

pub fn sign_in_outcome(failure: &Failure, client_now_ms: i64) -> SignInNotice {
    match failure {
        Failure::Api(e) => match e.error {
            ErrorCode::CaptchaInvalid => SignInNotice::CaptchaInvalid,
            ErrorCode::InvalidCredentials | ErrorCode::BadRequest => {
                SignInNotice::InvalidCredentials
            }
            ErrorCode::Locked => {
                // The server's time when it gave it; else now plus the wait it gave.
                let until = e.locked_until.unwrap_or_else(|| {
                    let wait_ms = e.retry_after_s.unwrap_or(900) as i64 * 1000;
                    OffsetDateTime::from_unix_timestamp((client_now_ms + wait_ms) / 1000)
                        .unwrap_or(OffsetDateTime::UNIX_EPOCH)
                });
                SignInNotice::Locked {
                    until: vietnam_time(until),
                }
            }
            _ => SignInNotice::Retry,
        },
        _ => SignInNotice::Retry,
    }
}

/// The password step after a refused `POST …/password`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PasswordRefusal {
    /// The server's verdict on the rules: the checklist and summary mark these.
    Rules(Vec<PasswordRule>),
    /// The verification ran out (or the flow is gone): back to the code step.
    VerifyAgain,
    /// An account with this ID was registered meanwhile.
    AccountExists,
    /// Network, 5xx, anything else: try again.
    Retry,
}

pub fn password_outcome(failure: &Failure) -> PasswordRefusal {
    match failure {
        Failure::Api(e) => match e.error {
            ErrorCode::Validation => PasswordRefusal::Rules(e.rules.clone().unwrap_or_default()),
            ErrorCode::InvalidToken | ErrorCode::NotFound => PasswordRefusal::VerifyAgain,
            ErrorCode::AccountExists => PasswordRefusal::AccountExists,
            _ => PasswordRefusal::Retry,
        },
        _ => PasswordRefusal::Retry,
    }
}

/// "HH:MM dd/mm/yyyy" in Vietnam's time (UTC+7), the way the portal writes times.
pub fn vietnam_time(t: OffsetDateTime) -> String {
    let t = t.to_offset(crate::clock::vietnam_offset());
    format!(
        "{:02}:{:02} {:02}/{:02}/{}",
        t.hour(),
        t.minute(),
        t.day(),
        u8::from(t.month()),
        t.year()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use contract::api::ApiError;
    use contract::PhoneError;

    fn api(code: ErrorCode) -> ApiError {
        ApiError::new(code, "")
    }

    #[test]
    fn form_failures() {
        let mut v = api(ErrorCode::Validation);
        v.fields = Some(FieldErrors {
            phone: Some(PhoneError::Landline),
            ..Default::default()
        });
        assert_eq!(
            form_outcome(&Failure::Api(v)).fields.phone,
            Some(PhoneError::Landline)
        );
        let c = form_outcome(&Failure::Api(api(ErrorCode::CaptchaInvalid)));
        assert_eq!(c.fields.captcha_answer, Some(CaptchaError::Incorrect));
        assert_eq!(c.notice, None);
        assert_eq!(
            form_outcome(&Failure::Api(api(ErrorCode::AccountExists))).notice,
            Some(FormNotice::AccountExists)
        );
        assert_eq!(
            form_outcome(&Failure::Api(api(ErrorCode::CarrierMismatch))).notice,
            Some(FormNotice::CarrierMismatch)
        );
        let mut r = api(ErrorCode::RateLimited);
        r.retry_after_s = Some(42);
        let limited = form_outcome(&Failure::Api(r));
        assert_eq!(
            limited.notice,
            Some(FormNotice::RateLimited { retry_after_s: 42 })
        );
        assert_eq!(limited.retry_at_ms(1_000), Some(43_000));
        assert_eq!(form_outcome(&Failure::Network).retry_at_ms(1_000), None);
        assert_eq!(
            form_outcome(&Failure::Network).notice,
            Some(FormNotice::Retry)
        );
        assert_eq!(
            form_outcome(&Failure::Unreadable { status: 502 }).notice,
            Some(FormNotice::Retry)
        );
        assert_eq!(
            form_outcome(&Failure::Api(api(ErrorCode::Unavailable))).notice,
            Some(FormNotice::Retry)
        );
    }

    #[test]
    fn otp_failures() {
        let mut e = api(ErrorCode::OtpIncorrect);
        e.attempts_left = Some(3);
        assert_eq!(
            otp_outcome(&Failure::Api(e)),
            OtpNotice::Incorrect { attempts_left: 3 }
        );
        assert_eq!(
            otp_outcome(&Failure::Api(api(ErrorCode::OtpExpired))),
            OtpNotice::Expired
        );
        assert_eq!(
            otp_outcome(&Failure::Api(api(ErrorCode::NotFound))),
            OtpNotice::StartAgain
        );
        assert_eq!(
            otp_outcome(&Failure::Api(api(ErrorCode::ResendLimit))),
            OtpNotice::ResendLimit
        );
        assert_eq!(otp_outcome(&Failure::Network), OtpNotice::Retry);
    }

    #[test]
    fn sign_in_failures() {
        assert_eq!(
            sign_in_outcome(&Failure::Api(api(ErrorCode::InvalidCredentials)), 0),
            SignInNotice::InvalidCredentials
        );
        let mut locked = api(ErrorCode::Locked);
        locked.locked_until = Some(time::macros::datetime!(2026-11-26 09:05:00 UTC));
        assert_eq!(
            sign_in_outcome(&Failure::Api(locked), 0),
            SignInNotice::Locked {
                until: "16:05 26/11/2026".into()
            }
        );
        // Without the time, now + the wait: 15 min after 23:50 in Vietnam is the next day.
        let mut wait = api(ErrorCode::Locked);
        wait.retry_after_s = Some(900);
        let now = time::macros::datetime!(2026-12-31 16:50:00 UTC).unix_timestamp() * 1000;
        assert_eq!(
            sign_in_outcome(&Failure::Api(wait), now),
            SignInNotice::Locked {
                until: "00:05 01/01/2027".into()
            }
        );
        assert_eq!(sign_in_outcome(&Failure::Network, 0), SignInNotice::Retry);
        assert_eq!(
            sign_in_outcome(&Failure::Api(api(ErrorCode::CaptchaInvalid)), 0),
            SignInNotice::CaptchaInvalid
        );
        assert_eq!(
            sign_in_outcome(&Failure::Unreadable { status: 502 }, 0),
            SignInNotice::Retry
        );
    }

    #[test]
    fn password_refusals() {
        let mut rules = api(ErrorCode::Validation);
        rules.rules = Some(vec![PasswordRule::ConfirmationMatches]);
        assert_eq!(
            password_outcome(&Failure::Api(rules)),
            PasswordRefusal::Rules(vec![PasswordRule::ConfirmationMatches])
        );
        assert_eq!(
            password_outcome(&Failure::Api(api(ErrorCode::Validation))),
            PasswordRefusal::Rules(Vec::new())
        );
        for code in [ErrorCode::InvalidToken, ErrorCode::NotFound] {
            assert_eq!(
                password_outcome(&Failure::Api(api(code))),
                PasswordRefusal::VerifyAgain
            );
        }
        assert_eq!(
            password_outcome(&Failure::Api(api(ErrorCode::AccountExists))),
            PasswordRefusal::AccountExists
        );
        assert_eq!(password_outcome(&Failure::Network), PasswordRefusal::Retry);
        assert_eq!(
            password_outcome(&Failure::Unreadable { status: 502 }),
            PasswordRefusal::Retry
        );
        assert_eq!(
            password_outcome(&Failure::Api(api(ErrorCode::Unavailable))),
            PasswordRefusal::Retry
        );
    }
}
