//! What the mock remembers only while it runs: captchas (each lives minutes), the SMS
//! outbox, rate-limit windows and injected faults. One mutex guards it, held only for
//! in-memory work (never across an await, a password hash or a database call). Accounts
//! and flows are in the database (`db/`).

use crate::ratelimit::Limiter;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::net::IpAddr;
use time::{Duration, OffsetDateTime};

#[derive(Clone, Debug, Serialize)]
pub struct Sms {
    pub to: String,
    pub text: String,
    pub code: String,
    #[serde(with = "time::serde::rfc3339")]
    pub sent_at: OffsetDateTime,
}

pub struct CaptchaEntry {
    pub answer: String,
    pub expires_at: OffsetDateTime,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Faults {
    #[serde(default)]
    pub latency_ms: u64,
    #[serde(default)]
    pub fail_next: u32,
    /// Status of the injected failures (default 503).
    #[serde(default)]
    pub status: Option<u16>,
}

pub struct Store {
    pub captchas: HashMap<String, CaptchaEntry>,
    /// Newest last; the outbox endpoint reverses it.
    pub outbox: Vec<Sms>,
    pub phone_limit: Limiter<String>,
    pub ip_limit: Limiter<IpAddr>,
    pub faults: Faults,
    last_prune: Option<OffsetDateTime>,
}

/// How often the clean-up runs: it walks every entry, so not on every request.
const PRUNE_EVERY: Duration = Duration::minutes(1);

/// Outbox entries kept (oldest dropped first), so a long soak cannot grow memory.
pub const OUTBOX_MAX: usize = 1000;

impl Store {
    pub fn new(ip_limit: u32) -> Self {
        Store {
            captchas: HashMap::new(),
            outbox: Vec::new(),
            phone_limit: Limiter::new(
                contract::otp::REGISTRATIONS_PER_PHONE_PER_HOUR,
                Duration::hours(1),
            ),
            ip_limit: Limiter::new(ip_limit, Duration::minutes(10)),
            faults: Faults::default(),
            last_prune: None,
        }
    }

    pub fn send_sms(&mut self, sms: Sms) {
        if self.outbox.len() >= OUTBOX_MAX {
            self.outbox.remove(0);
        }
        self.outbox.push(sms);
    }

    /// Drops expired captchas and idle rate-limit keys, at most once a minute; `true` when
    /// it did, and the database's old flows are due to go too.
    pub fn prune(&mut self, now: OffsetDateTime) -> bool {
        if self.last_prune.is_some_and(|t| now < t + PRUNE_EVERY) {
            return false;
        }
        self.last_prune = Some(now);
        self.captchas.retain(|_, c| c.expires_at > now);
        self.phone_limit.prune(now);
        self.ip_limit.prune(now);
        true
    }

    /// Forgets the outbox and the rate limits (the dev panel's "Clear data").
    pub fn clear(&mut self) {
        let ip_limit = self.ip_limit.limit();
        *self = Store {
            captchas: std::mem::take(&mut self.captchas),
            faults: self.faults,
            ..Store::new(ip_limit)
        };
    }
}
