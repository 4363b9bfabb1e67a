//! The test personas of the README (like a payment provider's test card numbers).

use crate::db::accounts::{self, Account};
use crate::db::{Db, DbError};
use crate::passwords;

pub use contract::personas::{
    CARRIER_MISMATCH_PHONE, EXISTING_BIRTH_DATE, EXISTING_ID, EXISTING_NAME, EXISTING_PASSWORD,
    EXISTING_PHONE, SMS_NEVER_ARRIVES_PHONE,
};

pub fn existing_account(password_hash: String) -> Account {
    Account {
        id_number: EXISTING_ID.into(),
        full_name: EXISTING_NAME.into(),
        phone: EXISTING_PHONE.into(),
        birth_date: EXISTING_BIRTH_DATE.into(),
        email: None,
        password_hash,
        failed_sign_ins: 0,
        locked_until: None,
    }
}

/// Makes sure the existing-account persona can sign in (a new or cleared database).
pub fn seed(db: &Db) -> Result<(), DbError> {
    if db.blocking_read(|c| accounts::exists(c, EXISTING_ID))? {
        return Ok(());
    }
    let account = existing_account(passwords::hash(EXISTING_PASSWORD));
    db.blocking_write(move |tx| accounts::insert(tx, &account))?;
    Ok(())
}
