//! The test personas of the README (like a payment provider's test card numbers): the mock
//! API seeds and recognises them, the development panel fills the form from them.

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

/// A registration form's worth of input for one persona.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Persona {
    pub key: &'static str,
    pub id_number: &'static str,
    pub full_name: &'static str,
    /// As a citizen types it (dd/mm/yyyy).
    pub date_of_birth: &'static str,
    pub phone: &'static str,
}

/// The spec's table, each with otherwise valid details.
pub const PERSONAS: &[Persona] = &[
    Persona {
        key: "account-exists",
        id_number: EXISTING_ID,
        full_name: EXISTING_NAME,
        date_of_birth: "01/01/1990",
        phone: EXISTING_PHONE,
    },
    Persona {
        key: "carrier-mismatch",
        id_number: "001090000124",
        full_name: "Trần Thị Bình",
        date_of_birth: "15/03/1990",
        phone: CARRIER_MISMATCH_PHONE,
    },
    Persona {
        key: "sms-never-arrives",
        id_number: "001090000125",
        full_name: "Lê Văn Cường",
        date_of_birth: "15/03/1990",
        phone: SMS_NEVER_ARRIVES_PHONE,
    },
];

/// A valid citizen no persona rule applies to, from `seed` (any number): a CCCD of Hà Nội
/// born in 1990 and a Vinaphone number, both derived from the seed so repeats are rare.
pub fn random_citizen(seed: u32) -> (String, String) {
    let serial = 100_000 + seed % 900_000;
    (format!("001090{serial}"), format!("0914{serial}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registration::RegistrationForm;

    fn form(id: &str, name: &str, dob: &str, phone: &str) -> RegistrationForm {
        RegistrationForm {
            id_number: id.into(),
            full_name: name.into(),
            date_of_birth: dob.into(),
            phone: phone.into(),
            email: String::new(),
        }
    }

    #[test]
    fn every_persona_and_random_citizen_passes_the_form_rules() {
        let today = time::macros::date!(2026 - 11 - 26);
        for p in PERSONAS {
            let f = form(p.id_number, p.full_name, p.date_of_birth, p.phone);
            assert!(f.validate(today).is_ok(), "{}", p.key);
        }
        for seed in [0, 1, 899_999, u32::MAX] {
            let (id, phone) = random_citizen(seed);
            let f = form(&id, "Phạm Thu Hà", "15/03/1990", &phone);
            assert!(f.validate(today).is_ok(), "{seed}: {id} {phone}");
        }
    }
}
