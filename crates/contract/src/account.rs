//! The forms after registration: signing in, and starting a password reset. Their rules
//! are the registration's (an ID number, a mobile number), checked the same on both sides.

use crate::api::{PasswordResetRequest, SignInRequest};
use crate::registration::FieldErrors;
use crate::{IdNumber, IdNumberError, Phone};
use serde::{Deserialize, Serialize};

enumerated! {
/// The sign-in password field: any text is tried, only an empty one is refused here.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SignInPasswordError {
    Required,
}
}

/// What the sign-in form says before asking the server.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SignInErrors {
    pub username: Option<IdNumberError>,
    pub password: Option<SignInPasswordError>,
}

impl SignInErrors {
    pub fn is_empty(&self) -> bool {
        self.username.is_none() && self.password.is_none()
    }
}

impl SignInRequest {
    /// The username is an ID number (spaces and dots allowed, as on the form); the
    /// password must not be empty. Anything else is for the server to judge.
    pub fn validate(&self) -> Result<IdNumber, SignInErrors> {
        let username = IdNumber::parse(&self.username);
        let errors = SignInErrors {
            username: username.as_ref().err().copied(),
            password: self
                .password
                .is_empty()
                .then_some(SignInPasswordError::Required),
        };
        match username {
            Ok(id) if errors.is_empty() => Ok(id),
            _ => Err(errors),
        }
    }
}

impl PasswordResetRequest {
    /// Both must parse; the answer never says whether they match an account.
    pub fn validate(&self) -> Result<(IdNumber, Phone), FieldErrors> {
        match (IdNumber::parse(&self.id_number), Phone::parse(&self.phone)) {
            (Ok(id), Ok(phone)) => Ok((id, phone)),
            (id, phone) => Err(FieldErrors {
                id_number: id.err(),
                phone: phone.err(),
                ..Default::default()
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::PhoneError;

    fn sign_in(username: &str, password: &str) -> SignInRequest {
        SignInRequest {
            username: username.into(),
            password: password.into(),
            ..Default::default()
        }
    }

    #[test]
    fn sign_in_needs_an_id_number_and_a_password() {
        assert_eq!(
            sign_in("001 090 000 001", "x").validate().unwrap().as_str(),
            "001090000001"
        );
        assert_eq!(
            sign_in("", "").validate().unwrap_err(),
            SignInErrors {
                username: Some(IdNumberError::Required),
                password: Some(SignInPasswordError::Required),
            }
        );
        let e = sign_in("12ab", "secret").validate().unwrap_err();
        assert_eq!(e.username, Some(IdNumberError::NotDigits));
        assert_eq!(e.password, None);
        // A password of spaces is a password: the server decides.
        assert!(sign_in("001090000001", "   ").validate().is_ok());
    }

    #[test]
    fn reset_needs_an_id_number_and_a_mobile_number() {
        let ok = PasswordResetRequest {
            id_number: "001090000001".into(),
            phone: "+84 912 345 678".into(),
            captcha_id: "c".into(),
            captcha_answer: "ABCDE".into(),
        };
        let (id, phone) = ok.validate().unwrap();
        assert_eq!(
            (id.as_str(), phone.as_str()),
            ("001090000001", "0912345678")
        );
        let bad = PasswordResetRequest {
            id_number: String::new(),
            phone: "024 3825 1234".into(),
            captcha_id: String::new(),
            captcha_answer: String::new(),
        };
        let e = bad.validate().unwrap_err();
        assert_eq!(e.id_number, Some(IdNumberError::Required));
        assert_eq!(e.phone, Some(PhoneError::Landline));
        assert_eq!(e.full_name, None);
    }
}
