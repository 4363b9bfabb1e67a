//! Who is signed in: set by the sign-in's code step (or a finished password reset), shown by the
//! account page, cleared by "Đăng xuất". Kept in sessionStorage (name and level, never a
//! password) so a reload stays signed in; closing the tab ends it.

use crate::effect::effect;
use crate::storage::Storage;
use contract::api::SignedIn;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

const STORAGE_KEY: &str = "portal.session";

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    pub username: String,
    pub full_name: String,
    pub verification_level: u8,
}

/// A one-time message for the next screen after a sign-in state change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flash {
    SignedOut,
    /// A reset finished and signed the citizen in.
    PasswordChanged,
}

#[derive(Clone, Copy)]
pub struct Session {
    pub account: RwSignal<Option<Account>>,
    flash: RwSignal<Option<Flash>>,
}

impl Session {
    pub fn sign_in(self, username: String, signed_in: SignedIn, flash: Option<Flash>) {
        self.flash.set(flash);
        self.account.set(Some(Account {
            username,
            full_name: signed_in.full_name,
            verification_level: signed_in.verification_level,
        }));
    }

    /// Signed out, with the message the sign-in page shows next.
    pub fn sign_out(self) {
        self.account.set(None);
        self.flash.set(Some(Flash::SignedOut));
    }

    /// The pending message, once: the screen that shows it clears it.
    pub fn take_flash(self) -> Option<Flash> {
        let flash = self.flash.get_untracked();
        self.flash.set(None);
        flash
    }
}

pub fn provide_session() -> Session {
    let saved = Storage::Session.read_json(STORAGE_KEY);
    let session = Session {
        account: RwSignal::new(saved),
        flash: RwSignal::new(None),
    };
    effect(move |_| match session.account.get() {
        Some(account) => Storage::Session.write_json(STORAGE_KEY, &account),
        None => Storage::Session.remove(STORAGE_KEY),
    });
    provide_context(session);
    session
}

pub fn use_session() -> Session {
    expect_context::<Session>()
}
