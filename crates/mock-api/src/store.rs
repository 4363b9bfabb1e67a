//! Everything the mock remembers. One mutex guards it: handlers hold it only for
//! in-memory work (never across an await or a password hash).

use crate::otp::Otp;
use crate::ratelimit::Limiter;
use contract::{Phone, ValidRegistration};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::net::IpAddr;
use time::{Duration, OffsetDateTime};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Account {
    pub id_number: String,
    pub full_name: String,
    pub phone: String,
    /// `YYYY-MM-DD`.
    pub birth_date: String,
    #[serde(default)]
    pub email: Option<String>,
    /// Argon2id PHC string; the password itself is never stored.
    pub password_hash: String,
    #[serde(default)]
    pub failed_sign_ins: u32,
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub locked_until: Option<OffsetDateTime>,
}

pub use contract::flow::FlowKind;

/// Who a flow's code was sent for.
pub enum Applicant {
    /// A registration: the validated details, turned into an account at the end.
    New(ValidRegistration),
    /// A reset: the account, if the ID and phone matched one. `None` answers exactly like
    /// a match (no account enumeration), but no code is sent and none can verify.
    Existing {
        username: Option<String>,
        phone: Phone,
    },
}

pub struct Flow {
    pub kind: FlowKind,
    pub otp: Otp,
    pub applicant: Applicant,
    /// Issued by a verified code; spent by the password step.
    pub password_token: Option<(String, OffsetDateTime)>,
    /// Host of the page that started the flow, for the WebOTP line of each SMS.
    pub sms_host: String,
    pub started_at: OffsetDateTime,
}

impl Flow {
    pub fn phone(&self) -> &Phone {
        match &self.applicant {
            Applicant::New(r) => &r.phone,
            Applicant::Existing { phone, .. } => phone,
        }
    }
}

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
    pub accounts: HashMap<String, Account>,
    pub captchas: HashMap<String, CaptchaEntry>,
    pub flows: HashMap<String, Flow>,
    /// Newest last; the outbox endpoint reverses it.
    pub outbox: Vec<Sms>,
    pub phone_limit: Limiter<String>,
    pub ip_limit: Limiter<IpAddr>,
    pub faults: Faults,
    last_prune: Option<OffsetDateTime>,
}

/// A flow untouched this long is forgotten (longer than a code, a lock and a token live).
pub const FLOW_LIFETIME: Duration = Duration::hours(2);
/// How often the clean-up runs: it walks every entry, so not on every request.
const PRUNE_EVERY: Duration = Duration::minutes(1);

/// Outbox entries kept (oldest dropped first), so a long soak cannot grow memory.
pub const OUTBOX_MAX: usize = 1000;

impl Store {
    pub fn new(accounts: HashMap<String, Account>, ip_limit: u32) -> Self {
        Store {
            accounts,
            captchas: HashMap::new(),
            flows: HashMap::new(),
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

    /// Drops expired captchas, old flows and idle rate-limit keys, at most once a minute.
    pub fn prune(&mut self, now: OffsetDateTime) {
        if self.last_prune.is_some_and(|t| now < t + PRUNE_EVERY) {
            return;
        }
        self.last_prune = Some(now);
        self.captchas.retain(|_, c| c.expires_at > now);
        self.flows.retain(|_, f| f.started_at + FLOW_LIFETIME > now);
        self.phone_limit.prune(now);
        self.ip_limit.prune(now);
    }
}
