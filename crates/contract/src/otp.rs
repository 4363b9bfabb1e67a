//! One-time codes sent by SMS, and the policy that governs them.

use crate::text::clean;
use serde::{Deserialize, Serialize};

pub const OTP_LENGTH: usize = 6;

enumerated! {
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OtpCodeError {
    Required,
    /// Not exactly six digits once separators are removed.
    Format,
}
}

/// Six ASCII digits.
#[derive(Clone, PartialEq, Eq)]
pub struct OtpCode(String);

impl std::fmt::Debug for OtpCode {
    // Codes never reach logs, even through a debug print.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("OtpCode(******)")
    }
}

impl OtpCode {
    /// The digits a paste or keyboard gives, without the separators and the leading `#`
    /// of the WebOTP line (`123 456`, `123-456`, `#123456`). Used to tidy the field as
    /// the citizen types, before it is complete.
    pub fn normalize(input: &str) -> String {
        clean(input)
            .filter(|c| !(c.is_whitespace() || matches!(c, '-' | '#' | '.')))
            .collect()
    }

    pub fn parse(input: &str) -> Result<Self, OtpCodeError> {
        let s = Self::normalize(input);
        if s.is_empty() {
            return Err(OtpCodeError::Required);
        }
        if s.len() != OTP_LENGTH || !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(OtpCodeError::Format);
        }
        Ok(OtpCode(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// How long codes live and how often they may be sent or tried. The mock API's flags
/// override the first two; the client only ever reads the server's answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OtpPolicy {
    pub ttl_s: u32,
    pub resend_after_s: u32,
    pub max_sends: u32,
    pub max_attempts: u32,
    pub lock_s: u32,
}

impl Default for OtpPolicy {
    fn default() -> Self {
        OtpPolicy {
            ttl_s: 300,
            resend_after_s: 60,
            max_sends: 5,
            max_attempts: 5,
            lock_s: 15 * 60,
        }
    }
}

/// Registrations allowed per phone number per hour.
pub const REGISTRATIONS_PER_PHONE_PER_HOUR: u32 = 5;
/// Registration attempts allowed per client IP per 10 minutes (default of `--ip-limit`).
pub const DEFAULT_IP_LIMIT_PER_10_MIN: u32 = 300;
/// Failed sign-ins before an account locks.
pub const MAX_SIGN_IN_FAILURES: u32 = 5;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let cases: &[(&str, Result<&str, OtpCodeError>)] = &[
            ("123456", Ok("123456")),
            ("123 456", Ok("123456")),
            ("123-456", Ok("123456")),
            ("#123456", Ok("123456")),
            (" #123 456 ", Ok("123456")),
            ("１２３４５６", Ok("123456")),
            ("12\u{200B}3456", Ok("123456")),
            ("", Err(OtpCodeError::Required)),
            ("#", Err(OtpCodeError::Required)),
            ("12345", Err(OtpCodeError::Format)),
            ("1234567", Err(OtpCodeError::Format)),
            ("12345a", Err(OtpCodeError::Format)),
            ("١٢٣٤٥٦", Err(OtpCodeError::Format)),
        ];
        for (input, want) in cases {
            let got = OtpCode::parse(input);
            assert_eq!(
                got.as_ref().map(|c| c.as_str()),
                want.as_ref().map(|s| *s),
                "{input:?}"
            );
        }
    }

    #[test]
    fn debug_hides_the_code() {
        assert!(!format!("{:?}", OtpCode::parse("123456").unwrap()).contains("123"));
    }
}
