//! The lifecycle of one flow's one-time codes: issue, resend, verify, lock. Pure: the
//! caller passes `now` and the code generator, so every window is tested exactly. The code
//! itself is kept only as a salted SHA-256 (the flow is stored in the database); the SMS
//! carries it in clear, once.

use contract::api::OtpStatus;
use contract::otp::OTP_LENGTH;
use contract::{OtpCode, OtpPolicy};
use rand::Rng;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;
use time::{Duration, OffsetDateTime};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OtpError {
    TooSoon {
        retry_after_s: u64,
    },
    SendLimit,
    Locked {
        until: OffsetDateTime,
        retry_after_s: u64,
    },
    Expired,
    Incorrect {
        attempts_left: u32,
    },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Otp {
    /// Hex of SHA-256(salt ‖ code): the code is never stored in clear.
    code_hash: String,
    salt: String,
    #[serde(with = "time::serde::timestamp")]
    expires_at: OffsetDateTime,
    #[serde(with = "time::serde::timestamp")]
    resend_available_at: OffsetDateTime,
    sends: u32,
    attempts_left: u32,
    #[serde(with = "time::serde::timestamp::option")]
    locked_until: Option<OffsetDateTime>,
    used: bool,
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn hash_code(salt: &str, code: &str) -> String {
    hex(&Sha256::new()
        .chain_update(salt.as_bytes())
        .chain_update(code.as_bytes())
        .finalize())
}

/// Whole seconds from `now` to `later`, at least 1 (a wait always has something left).
pub fn seconds_until(later: OffsetDateTime, now: OffsetDateTime) -> u64 {
    u64::try_from((later - now).whole_seconds().max(1)).unwrap_or(1)
}

impl Otp {
    /// The first code of a flow (counts as the first send).
    pub fn issue(code: &str, policy: &OtpPolicy, now: OffsetDateTime) -> Self {
        let salt = hex(&rand::rng().random::<[u8; 16]>());
        Otp {
            code_hash: hash_code(&salt, code),
            salt,
            expires_at: now + Duration::seconds(policy.ttl_s.into()),
            resend_available_at: now + Duration::seconds(policy.resend_after_s.into()),
            sends: 1,
            attempts_left: policy.max_attempts,
            locked_until: None,
            used: false,
        }
    }

    pub fn status(&self, policy: &OtpPolicy, now: OffsetDateTime) -> OtpStatus {
        OtpStatus {
            length: OTP_LENGTH as u8,
            expires_at: self.expires_at,
            resend_available_at: self.resend_available_at,
            sends_left: policy.max_sends.saturating_sub(self.sends),
            attempts_left: self.attempts_left,
            server_time: now,
        }
    }

    fn check_lock(&mut self, policy: &OtpPolicy, now: OffsetDateTime) -> Result<(), OtpError> {
        match self.locked_until {
            Some(until) if now < until => Err(OtpError::Locked {
                until,
                retry_after_s: seconds_until(until, now),
            }),
            Some(_) => {
                // The lock has passed: a fresh set of attempts.
                self.locked_until = None;
                self.attempts_left = policy.max_attempts;
                Ok(())
            }
            None => Ok(()),
        }
    }

    /// A new code replaces the old one, which stops working.
    pub fn resend(
        &mut self,
        code: &str,
        policy: &OtpPolicy,
        now: OffsetDateTime,
    ) -> Result<(), OtpError> {
        self.check_lock(policy, now)?;
        if self.sends >= policy.max_sends {
            return Err(OtpError::SendLimit);
        }
        if now < self.resend_available_at {
            return Err(OtpError::TooSoon {
                retry_after_s: seconds_until(self.resend_available_at, now),
            });
        }
        self.code_hash = hash_code(&self.salt, code);
        self.sends += 1;
        self.used = false;
        self.expires_at = now + Duration::seconds(policy.ttl_s.into());
        self.resend_available_at = now + Duration::seconds(policy.resend_after_s.into());
        Ok(())
    }

    /// A code works once, before it expires, while attempts remain.
    pub fn verify(
        &mut self,
        code: &OtpCode,
        policy: &OtpPolicy,
        now: OffsetDateTime,
    ) -> Result<(), OtpError> {
        self.check_lock(policy, now)?;
        if self.used || now >= self.expires_at {
            return Err(OtpError::Expired);
        }
        let given = hash_code(&self.salt, code.as_str());
        let matches: bool = self.code_hash.as_bytes().ct_eq(given.as_bytes()).into();
        if matches {
            self.used = true;
            return Ok(());
        }
        self.attempts_left = self.attempts_left.saturating_sub(1);
        if self.attempts_left == 0 {
            let until = now + Duration::seconds(policy.lock_s.into());
            self.locked_until = Some(until);
            return Err(OtpError::Locked {
                until,
                retry_after_s: policy.lock_s.into(),
            });
        }
        Err(OtpError::Incorrect {
            attempts_left: self.attempts_left,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    const T0: OffsetDateTime = datetime!(2026-11-26 12:00:00 UTC);

    fn code(s: &str) -> OtpCode {
        OtpCode::parse(s).unwrap()
    }

    fn at(s: i64) -> OffsetDateTime {
        T0 + Duration::seconds(s)
    }

    #[test]
    fn right_code_once_within_ttl() {
        let p = OtpPolicy::default();
        let mut otp = Otp::issue("123456", &p, T0);
        assert_eq!(otp.verify(&code("123456"), &p, at(299)), Ok(()));
        assert_eq!(
            otp.verify(&code("123456"), &p, at(299)),
            Err(OtpError::Expired),
            "replay"
        );
    }

    #[test]
    fn expires_at_ttl() {
        let p = OtpPolicy::default();
        let mut otp = Otp::issue("123456", &p, T0);
        assert_eq!(
            otp.verify(&code("123456"), &p, at(300)),
            Err(OtpError::Expired)
        );
    }

    #[test]
    fn wrong_codes_count_down_then_lock_for_15_minutes() {
        let p = OtpPolicy::default();
        let mut otp = Otp::issue("123456", &p, T0);
        for left in (1..5).rev() {
            assert_eq!(
                otp.verify(&code("000000"), &p, at(1)),
                Err(OtpError::Incorrect {
                    attempts_left: left
                })
            );
        }
        let until = at(1 + 900);
        assert_eq!(
            otp.verify(&code("000000"), &p, at(1)),
            Err(OtpError::Locked {
                until,
                retry_after_s: 900
            })
        );
        // Even the right code is refused while locked, and resend too.
        assert!(matches!(
            otp.verify(&code("123456"), &p, at(2)),
            Err(OtpError::Locked { .. })
        ));
        assert!(matches!(
            otp.resend("222222", &p, at(2)),
            Err(OtpError::Locked { .. })
        ));
        // After the lock: a new code, fresh attempts.
        assert_eq!(otp.resend("222222", &p, at(901)), Ok(()));
        assert_eq!(otp.status(&p, at(901)).attempts_left, 5);
        assert_eq!(otp.verify(&code("222222"), &p, at(902)), Ok(()));
    }

    #[test]
    fn the_code_is_kept_only_hashed_and_salted_per_flow() {
        let p = OtpPolicy::default();
        let a = Otp::issue("123456", &p, T0);
        let b = Otp::issue("123456", &p, T0);
        let json = serde_json::to_string(&a).unwrap();
        assert!(!json.contains("123456"), "{json}");
        assert_ne!(a.code_hash, b.code_hash, "salted");
        let mut back: Otp = serde_json::from_str(&json).unwrap();
        assert_eq!(back, a);
        assert_eq!(back.verify(&code("123456"), &p, at(1)), Ok(()));
    }

    #[test]
    fn resend_waits_and_is_limited() {
        let p = OtpPolicy::default();
        let mut otp = Otp::issue("111111", &p, T0);
        assert_eq!(otp.status(&p, T0).sends_left, 4);
        assert_eq!(
            otp.resend("222222", &p, at(59)),
            Err(OtpError::TooSoon { retry_after_s: 1 })
        );
        assert_eq!(otp.resend("222222", &p, at(60)), Ok(()));
        // The old code stops working; the new one's expiry restarts.
        assert_eq!(
            otp.verify(&code("111111"), &p, at(61)),
            Err(OtpError::Incorrect { attempts_left: 4 })
        );
        assert_eq!(otp.status(&p, at(61)).expires_at, at(360));
        for i in 2..5 {
            assert_eq!(otp.resend(&format!("33333{i}"), &p, at(60 * i)), Ok(()));
        }
        assert_eq!(otp.status(&p, at(240)).sends_left, 0);
        assert_eq!(
            otp.resend("444444", &p, at(10_000)),
            Err(OtpError::SendLimit)
        );
    }
}
