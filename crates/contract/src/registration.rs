//! The details form (screen 3) validated as a whole: every field, then the cross-field
//! rules, so that a submit reports all errors at once.

use crate::{
    BirthDate, BirthDateError, Email, EmailError, FullName, FullNameError, IdNumber, IdNumberError,
    Phone, PhoneError,
};
use serde::{Deserialize, Serialize};
use time::Date;

/// What the citizen typed, untouched. The browser keeps this across failed submits.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegistrationForm {
    pub id_number: String,
    pub full_name: String,
    pub date_of_birth: String,
    pub phone: String,
    pub email: String,
}

/// The form once every rule holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidRegistration {
    pub id_number: IdNumber,
    pub full_name: FullName,
    pub birth_date: BirthDate,
    pub phone: Phone,
    pub email: Option<Email>,
}

enumerated! {
/// A form field, in the order the form shows them (and the error summary lists them).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    IdNumber,
    FullName,
    DateOfBirth,
    Phone,
    Email,
    CaptchaAnswer,
}
}

impl Field {
    /// The wire name, also used as the input's `id` and `name`.
    pub fn key(self) -> &'static str {
        match self {
            Field::IdNumber => "id_number",
            Field::FullName => "full_name",
            Field::DateOfBirth => "date_of_birth",
            Field::Phone => "phone",
            Field::Email => "email",
            Field::CaptchaAnswer => "captcha_answer",
        }
    }
}

/// Errors per field; the API's 422 `fields` object.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct FieldErrors {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_number: Option<IdNumberError>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub full_name: Option<FullNameError>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_of_birth: Option<BirthDateError>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<PhoneError>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<EmailError>,
    /// Only "required" is checked locally; a wrong answer is the server's `captcha_invalid`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub captcha_answer: Option<CaptchaError>,
}

enumerated! {
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CaptchaError {
    Required,
    Incorrect,
}
}

impl FieldErrors {
    pub fn is_empty(&self) -> bool {
        self.fields().is_empty()
    }

    /// Forgets `field`'s error (the citizen edited it).
    pub fn clear(&mut self, field: Field) {
        match field {
            Field::IdNumber => self.id_number = None,
            Field::FullName => self.full_name = None,
            Field::DateOfBirth => self.date_of_birth = None,
            Field::Phone => self.phone = None,
            Field::Email => self.email = None,
            Field::CaptchaAnswer => self.captcha_answer = None,
        }
    }

    /// The fields in error, in form order.
    pub fn fields(&self) -> Vec<Field> {
        Field::ALL
            .iter()
            .copied()
            .filter(|f| match f {
                Field::IdNumber => self.id_number.is_some(),
                Field::FullName => self.full_name.is_some(),
                Field::DateOfBirth => self.date_of_birth.is_some(),
                Field::Phone => self.phone.is_some(),
                Field::Email => self.email.is_some(),
                Field::CaptchaAnswer => self.captcha_answer.is_some(),
            })
            .collect()
    }
}

/// The captcha answer as typed: case-insensitive, spaces ignored.
pub fn normalize_captcha_answer(input: &str) -> String {
    input
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_uppercase)
        .collect()
}

impl RegistrationForm {
    /// Every field rule, then the CCCD/birth-year rule when both parts parsed.
    pub fn validate(&self, today: Date) -> Result<ValidRegistration, FieldErrors> {
        let id = IdNumber::parse(&self.id_number);
        let name = FullName::parse(&self.full_name);
        let birth = BirthDate::parse(&self.date_of_birth, today);
        let phone = Phone::parse(&self.phone);
        let email = Email::parse_optional(&self.email);
        let cross = match (&id, &birth) {
            (Ok(id), Ok(birth)) => id.check_birth_year(birth.year()),
            _ => Ok(()),
        };
        match (id, name, birth, phone, email, cross) {
            (Ok(id_number), Ok(full_name), Ok(birth_date), Ok(phone), Ok(email), Ok(())) => {
                Ok(ValidRegistration {
                    id_number,
                    full_name,
                    birth_date,
                    phone,
                    email,
                })
            }
            (id, name, birth, phone, email, cross) => Err(FieldErrors {
                id_number: id.err().or(cross.err()),
                full_name: name.err(),
                date_of_birth: birth.err(),
                phone: phone.err(),
                email: email.err(),
                captcha_answer: None,
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const TODAY: Date = date!(2026 - 11 - 26);

    fn form() -> RegistrationForm {
        RegistrationForm {
            id_number: "001 090 000 123".into(),
            full_name: " Nguyễn  Văn An ".into(),
            date_of_birth: "15/03/1990".into(),
            phone: "+84 912 345 678".into(),
            email: "".into(),
        }
    }

    #[test]
    fn clearing_a_field_forgets_only_its_error() {
        let mut errors = RegistrationForm::default()
            .validate(Date::MIN)
            .expect_err("an empty form is refused");
        let before = errors.fields();
        errors.clear(Field::Phone);
        assert!(!errors.fields().contains(&Field::Phone));
        assert_eq!(errors.fields().len(), before.len() - 1);
        for field in Field::ALL {
            errors.clear(*field);
        }
        assert!(errors.is_empty());
    }

    #[test]
    fn valid_form_is_normalised() {
        let v = form().validate(TODAY).unwrap();
        assert_eq!(v.id_number.as_str(), "001090000123");
        assert_eq!(v.full_name.as_str(), "Nguyễn Văn An");
        assert_eq!(v.birth_date.to_iso(), "1990-03-15");
        assert_eq!(v.phone.as_str(), "0912345678");
        assert_eq!(v.email, None);
    }

    #[test]
    fn all_errors_at_once() {
        let errors = RegistrationForm::default().validate(TODAY).unwrap_err();
        assert_eq!(errors.id_number, Some(IdNumberError::Required));
        assert_eq!(errors.full_name, Some(FullNameError::Required));
        assert_eq!(errors.date_of_birth, Some(BirthDateError::Required));
        assert_eq!(errors.phone, Some(PhoneError::Required));
        assert_eq!(errors.email, None, "email is optional");
        assert_eq!(
            errors.fields(),
            vec![
                Field::IdNumber,
                Field::FullName,
                Field::DateOfBirth,
                Field::Phone
            ]
        );
    }

    #[test]
    fn cccd_year_must_match_birth_date() {
        let f = RegistrationForm {
            date_of_birth: "15/03/1991".into(),
            ..form()
        };
        let errors = f.validate(TODAY).unwrap_err();
        assert_eq!(errors.id_number, Some(IdNumberError::BirthYearMismatch));
        assert_eq!(errors.fields(), vec![Field::IdNumber]);
        // A bad date reports the date, not a mismatch.
        let f = RegistrationForm {
            date_of_birth: "31/04/1990".into(),
            ..form()
        };
        let errors = f.validate(TODAY).unwrap_err();
        assert_eq!(errors.id_number, None);
        assert_eq!(errors.date_of_birth, Some(BirthDateError::NotReal));
    }

    #[test]
    fn field_errors_wire_form() {
        let errors = FieldErrors {
            phone: Some(PhoneError::Landline),
            ..FieldErrors::default()
        };
        let json = serde_json::to_string(&errors).unwrap();
        assert_eq!(json, r#"{"phone":"landline"}"#);
        assert_eq!(serde_json::from_str::<FieldErrors>(&json).unwrap(), errors);
    }

    #[test]
    fn captcha_answer_is_case_and_space_insensitive() {
        assert_eq!(normalize_captcha_answer(" a b7k "), "AB7K");
    }
}
