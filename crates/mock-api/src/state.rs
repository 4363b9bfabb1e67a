use crate::clock::Clock;
use crate::config::Config;
use crate::db::Db;
use crate::store::Store;
use contract::OtpPolicy;
use rand::Rng;
use std::sync::{Arc, Mutex, MutexGuard};

/// Shared by every handler.
#[derive(Clone)]
pub struct AppState(pub Arc<Shared>);

pub struct Shared {
    pub config: Config,
    pub policy: OtpPolicy,
    pub clock: Clock,
    /// Accounts and flows: what must survive a restart.
    pub db: Db,
    /// Captchas, the outbox, rate limits, faults: what may not.
    store: Mutex<Store>,
}

impl std::ops::Deref for AppState {
    type Target = Shared;
    fn deref(&self) -> &Shared {
        &self.0
    }
}

impl AppState {
    pub fn new(config: Config, clock: Clock, db: Db) -> Self {
        let store = Store::new(config.ip_limit);
        AppState(Arc::new(Shared {
            policy: config.otp_policy(),
            config,
            clock,
            db,
            store: Mutex::new(store),
        }))
    }

    /// A poisoned lock (a panic elsewhere) still yields the data: the mock keeps serving.
    pub fn store(&self) -> MutexGuard<'_, Store> {
        self.store.lock().unwrap_or_else(|p| p.into_inner())
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
