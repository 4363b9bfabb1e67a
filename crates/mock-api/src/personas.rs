//! The test personas of the README (like a payment provider's test card numbers).

use crate::store::Account;

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
