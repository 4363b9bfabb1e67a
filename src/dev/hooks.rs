//! The two places production code consults the dev kit: the clock (moved with the mock's)
//! and the API client (offline mode, and the gallery's canned answers).

use std::cell::{Cell, RefCell};

thread_local! {
    static SKEW_MS: Cell<i64> = const { Cell::new(0) };
    static OFFLINE: Cell<bool> = const { Cell::new(false) };
    static CANNED: RefCell<Vec<Canned>> = const { RefCell::new(Vec::new()) };
}

/// An answer the gallery gives instead of the network, for requests whose path ends so.
#[derive(Clone, Debug)]
pub struct Canned {
    pub method: &'static str,
    pub path_suffix: &'static str,
    pub status: u16,
    pub body: String,
}

pub fn clock_skew_ms() -> i64 {
    SKEW_MS.with(Cell::get)
}

pub fn advance_clock_ms(ms: i64) {
    SKEW_MS.with(|s| s.set(s.get() + ms));
}

pub fn offline() -> bool {
    OFFLINE.with(Cell::get)
}

pub fn set_offline(on: bool) {
    OFFLINE.with(|o| o.set(on));
}

pub fn set_canned(answers: Vec<Canned>) {
    CANNED.with(|c| *c.borrow_mut() = answers);
}

/// What the kit does with a request instead of the network (the client knows what each
/// means; the kit does not know the client).
pub enum Intercepted {
    /// The panel's "offline": as if the network failed.
    Offline,
    /// A canned answer: its status and body.
    Answer(u16, String),
}

pub fn intercept(method: &str, path: &str) -> Option<Intercepted> {
    if offline() {
        return Some(Intercepted::Offline);
    }
    CANNED.with(|c| {
        c.borrow()
            .iter()
            .find(|a| a.method == method && path.ends_with(a.path_suffix))
            .map(|a| Intercepted::Answer(a.status, a.body.clone()))
    })
}
