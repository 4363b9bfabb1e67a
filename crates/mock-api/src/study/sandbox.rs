//! A participant's own prototype: accounts, flows, captchas and SMS in memory, their task's
//! scenario applied. Made at their first request, made afresh at each task (a task starts
//! from its scenario) and when the facilitator resets them; never written to disk.

use super::store::{Participant, StudyId};
use crate::clock::Clock;
use crate::config::Config;
use crate::db::{accounts, Db};
use crate::{passwords, personas, AppState};
use axum::Router;
use contract::study::{Scenario, SHORT_OTP_TTL_S};
use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

#[derive(Clone)]
pub struct Sandbox {
    pub state: AppState,
    pub router: Router,
}

pub struct Sandboxes {
    config: Config,
    /// The persona's password hash, made once (Argon2 is slow on purpose).
    persona_hash: OnceLock<String>,
    all: Mutex<HashMap<(StudyId, String), Sandbox>>,
}

impl Sandboxes {
    pub fn new(config: Config) -> Self {
        Sandboxes {
            config,
            persona_hash: OnceLock::new(),
            all: Mutex::new(HashMap::new()),
        }
    }

    /// The participant's sandbox, made with `scenario` if they have none yet.
    pub fn get(&self, p: &Participant, scenario: Scenario) -> Sandbox {
        let key = (p.study_id, p.code.clone());
        if let Some(s) = self.lock().get(&key) {
            return s.clone();
        }
        let made = self.make(scenario);
        self.lock().entry(key).or_insert(made).clone()
    }

    /// A fresh sandbox for the participant: whatever they made before is gone.
    pub fn renew(&self, p: &Participant, scenario: Scenario) {
        let made = self.make(scenario);
        self.lock().insert((p.study_id, p.code.clone()), made);
    }

    /// Forgets every sandbox of a closed study.
    pub fn drop_study(&self, study: StudyId) {
        self.lock().retain(|(s, _), _| *s != study);
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<(StudyId, String), Sandbox>> {
        self.all.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn make(&self, scenario: Scenario) -> Sandbox {
        let config = sandbox_config(&self.config, scenario);
        let db = Db::in_memory();
        let hash = self
            .persona_hash
            .get_or_init(|| passwords::hash(personas::EXISTING_PASSWORD))
            .clone();
        // In memory: a failure here is a bug, and the sandbox works without the persona.
        let _ =
            db.blocking_write(move |tx| accounts::insert(tx, &personas::existing_account(hash)));
        let state = AppState::new(config, Clock::system(), db);
        Sandbox {
            router: crate::site(&state),
            state,
        }
    }
}

/// The server's settings for a participant: no dev endpoints (their "phone" is the task
/// panel), no credentials of their own, and the scenario's.
pub fn sandbox_config(base: &Config, scenario: Scenario) -> Config {
    let mut config = base.clone();
    config.study = false;
    config.basic_auth = None;
    config.no_dev = true;
    config.db = None;
    config.state_file = None;
    config.scenario = Some(scenario);
    if scenario == Scenario::CodeAboutToExpire {
        config.otp_ttl_s = config.otp_ttl_s.min(SHORT_OTP_TTL_S);
        config.resend_after_s = config.resend_after_s.min(SHORT_OTP_TTL_S / 3);
    }
    config
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sandbox_has_no_dev_endpoints_and_no_credentials() {
        let base = Config {
            study: true,
            basic_auth: "f:secret".parse().ok(),
            ..Config::default()
        };
        let c = sandbox_config(&base, Scenario::FreshCitizen);
        assert!(c.no_dev && c.basic_auth.is_none() && !c.study && c.db.is_none());
        assert_eq!(c.otp_ttl_s, base.otp_ttl_s);
    }

    #[test]
    fn a_code_about_to_expire_runs_out_soon() {
        let c = sandbox_config(&Config::default(), Scenario::CodeAboutToExpire);
        assert_eq!(c.otp_ttl_s, SHORT_OTP_TTL_S);
        assert!(c.resend_after_s < c.otp_ttl_s);
    }
}
