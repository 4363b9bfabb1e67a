//! Password rules (spec §4), evaluated rule by rule so the client can show a live
//! checklist and the server can name exactly which rules a refused password broke.

use crate::{BirthDate, IdNumber, Phone};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::sync::OnceLock;

pub const PASSWORD_MIN_CHARS: usize = 8;
pub const PASSWORD_MAX_CHARS: usize = 128;

enumerated! {
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PasswordRule {
    MinLength,
    MaxLength,
    Lowercase,
    Uppercase,
    Digit,
    Special,
    NoIdNumber,
    NoPhone,
    NoBirthDate,
    NotCommon,
    ConfirmationMatches,
}
}

/// What a password must not contain. Any part may be unknown (e.g. a reset flow
/// knows only the ID and phone).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PersonalInfo {
    pub id_number: Option<IdNumber>,
    pub phone: Option<Phone>,
    pub birth_date: Option<BirthDate>,
}

/// The state of every rule for one password and its confirmation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PasswordCheck {
    pub results: Vec<(PasswordRule, bool)>,
}

impl PasswordCheck {
    pub fn is_met(&self, rule: PasswordRule) -> bool {
        self.results.iter().any(|(r, ok)| *r == rule && *ok)
    }

    pub fn failed(&self) -> Vec<PasswordRule> {
        self.results
            .iter()
            .filter(|(_, ok)| !ok)
            .map(|(r, _)| *r)
            .collect()
    }

    pub fn all_met(&self) -> bool {
        self.results.iter().all(|(_, ok)| *ok)
    }
}

fn common_passwords() -> &'static HashSet<&'static str> {
    static LIST: OnceLock<HashSet<&'static str>> = OnceLock::new();
    LIST.get_or_init(|| {
        include_str!("common_passwords.txt")
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    })
}

/// Whether the password is in the bundled list (compared case-insensitively).
pub fn is_common(password: &str) -> bool {
    common_passwords().contains(password.to_lowercase().as_str())
}

pub fn common_password_count() -> usize {
    common_passwords().len()
}

/// Evaluates every rule. The server accepts a password only when all are met.
pub fn check(password: &str, confirmation: &str, info: &PersonalInfo) -> PasswordCheck {
    let chars = password.chars().count();
    let contains = |needle: Option<String>| needle.is_some_and(|n| password.contains(&n));
    let phone = info.phone.as_ref();
    let contains_phone = contains(phone.map(|p| p.as_str().to_owned()))
        || contains(phone.map(|p| p.as_str()[1..].to_owned()));
    let birth = info.birth_date;
    let contains_birth_date =
        contains(birth.map(BirthDate::ddmmyyyy)) || contains(birth.map(|b| b.year().to_string()));
    use PasswordRule::*;
    let results = PasswordRule::ALL
        .iter()
        .map(|&rule| {
            let ok = match rule {
                MinLength => chars >= PASSWORD_MIN_CHARS,
                MaxLength => chars <= PASSWORD_MAX_CHARS,
                Lowercase => password.chars().any(char::is_lowercase),
                Uppercase => password.chars().any(char::is_uppercase),
                Digit => password.chars().any(|c| c.is_ascii_digit()),
                Special => password
                    .chars()
                    .any(|c| !(c.is_alphanumeric() || c.is_whitespace())),
                NoIdNumber => !contains(info.id_number.as_ref().map(|i| i.as_str().to_owned())),
                NoPhone => !contains_phone,
                NoBirthDate => !contains_birth_date,
                NotCommon => !password.is_empty() && !is_common(password),
                ConfirmationMatches => !confirmation.is_empty() && password == confirmation,
            };
            (rule, ok)
        })
        .collect();
    PasswordCheck { results }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;
    use PasswordRule::*;

    fn info() -> PersonalInfo {
        PersonalInfo {
            id_number: Some(IdNumber::parse("001090000001").unwrap()),
            phone: Some(Phone::parse("0912345678").unwrap()),
            birth_date: Some(BirthDate::parse("15/03/1990", date!(2026 - 11 - 26)).unwrap()),
        }
    }

    fn failed(pw: &str) -> Vec<PasswordRule> {
        check(pw, pw, &info()).failed()
    }

    #[test]
    fn a_good_password_meets_every_rule() {
        assert_eq!(failed("Sen#vang7Ho"), vec![]);
        assert!(check("Sen#vang7Ho", "Sen#vang7Ho", &info()).all_met());
    }

    #[test]
    fn each_rule_alone() {
        assert_eq!(failed("Se#vng7"), vec![MinLength]);
        assert_eq!(
            failed(&format!("Sen#vang7{}", "a".repeat(120))),
            vec![MaxLength]
        );
        assert_eq!(failed("SEN#VANG7HO"), vec![Lowercase]);
        assert_eq!(failed("sen#vang7ho"), vec![Uppercase]);
        assert_eq!(failed("Sen#vangHo"), vec![Digit]);
        assert_eq!(failed("Senvang7Ho"), vec![Special]);
        assert_eq!(
            failed("Sen vang7Ho"),
            vec![Special],
            "a space is not special"
        );
        assert_eq!(failed("A#001090000001b"), vec![NoIdNumber]);
        assert_eq!(failed("A#0912345678b"), vec![NoPhone]);
        assert_eq!(
            failed("A#912345678b"),
            vec![NoPhone],
            "without the leading 0"
        );
        assert_eq!(failed("Sen#15031990x"), vec![NoBirthDate]);
        assert_eq!(
            failed("Sen#vang1990"),
            vec![NoBirthDate],
            "the birth year alone"
        );
        assert_eq!(failed("P@ssw0rd"), vec![NotCommon]);
        assert_eq!(
            failed("Matkhau@123"),
            vec![NotCommon],
            "compared case-insensitively"
        );
        assert_eq!(
            check("Sen#vang7Ho", "Sen#vang7Hp", &info()).failed(),
            vec![ConfirmationMatches]
        );
        assert_eq!(
            check("Sen#vang7Ho", "", &info()).failed(),
            vec![ConfirmationMatches]
        );
    }

    #[test]
    fn boundaries() {
        assert!(check("Ab#45678", "", &info()).is_met(MinLength));
        assert!(!check("Ab#4567", "", &info()).is_met(MinLength));
        let max = format!("Ab#4{}", "x".repeat(124));
        assert!(check(&max, "", &info()).is_met(MaxLength));
        assert!(!check(&format!("{max}y"), "", &info()).is_met(MaxLength));
        // Vietnamese letters count as letters of their case.
        assert!(check("ĐƯỜNG#ăn7", "", &info()).is_met(Lowercase));
        assert!(check("đường#Ă7x", "", &info()).is_met(Uppercase));
    }

    #[test]
    fn empty_password_meets_nothing_that_needs_content() {
        let c = check("", "", &PersonalInfo::default());
        assert_eq!(
            c.failed(),
            vec![
                MinLength,
                Lowercase,
                Uppercase,
                Digit,
                Special,
                NotCommon,
                ConfirmationMatches
            ]
        );
    }

    #[test]
    fn unknown_personal_info_is_not_checked() {
        assert!(check("A#001090000001b", "", &PersonalInfo::default()).is_met(NoIdNumber));
    }

    #[test]
    fn bundled_list_has_at_least_1000_entries() {
        assert!(
            common_password_count() >= 1000,
            "{}",
            common_password_count()
        );
        assert!(is_common("123456") && is_common("Password") && !is_common("Sen#vang7Ho"));
    }
}
