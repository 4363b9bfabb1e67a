//! The test personas of the README (like a payment provider's test card numbers).

use crate::store::Account;

/// Already has an account (born 1990, male, Hà Nội).
pub const EXISTING_ID: &str = "001090000001";
pub const EXISTING_PASSWORD: &str = "Matkhau@2024";
pub const EXISTING_NAME: &str = "Nguyễn Văn An";
/// The phone registered to the existing account (for "Quên mật khẩu").
pub const EXISTING_PHONE: &str = "0912345678";
pub const EXISTING_BIRTH_DATE: &str = "1990-01-01";
/// The carrier says this number is not registered to the ID entered.
pub const CARRIER_MISMATCH_PHONE: &str = "0912000000";
/// The SMS never arrives.
pub const SMS_NEVER_ARRIVES_PHONE: &str = "0988000000";

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
