use crate::clock::Clock;
use crate::config::Config;
use crate::persist;
use crate::store::{Account, Store};
use contract::OtpPolicy;
use rand::Rng;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};

/// Shared by every handler.
#[derive(Clone)]
pub struct AppState(pub Arc<Shared>);

pub struct Shared {
    pub config: Config,
    pub policy: OtpPolicy,
    pub clock: Clock,
    store: Mutex<Store>,
}

impl std::ops::Deref for AppState {
    type Target = Shared;
    fn deref(&self) -> &Shared {
        &self.0
    }
}

impl AppState {
    pub fn new(config: Config, clock: Clock, accounts: HashMap<String, Account>) -> Self {
        let store = Store::new(accounts, config.ip_limit);
        AppState(Arc::new(Shared {
            policy: config.otp_policy(),
            config,
            clock,
            store: Mutex::new(store),
        }))
    }

    /// A poisoned lock (a panic elsewhere) still yields the data: the mock keeps serving.
    pub fn store(&self) -> MutexGuard<'_, Store> {
        self.store.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Writes accounts to `--state-file`, if set. A failed write is logged, not fatal.
    pub fn persist(&self, accounts: &HashMap<String, Account>) {
        if let Some(path) = &self.config.state_file {
            if let Err(e) = persist::save(path, accounts) {
                tracing::error!(path = %path.display(), error = %e, "could not write the state file");
            }
        }
    }
}

/// A random identifier (ids and tokens): 128 bits from the thread CSPRNG, hex.
pub fn random_id() -> String {
    let bytes: [u8; 16] = rand::rng().random();
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A six-digit code, uniformly distributed.
pub fn random_code() -> String {
    format!("{:06}", rand::rng().random_range(0..1_000_000u32))
}
