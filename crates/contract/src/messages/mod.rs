//! The one message table: every error code, rule, label and notice, in Vietnamese and
//! English. Each arm gives both languages, so the compiler refuses a missing one; the tests
//! below refuse an empty one, a text enum left off their list, and placeholders that differ
//! between languages or from their template's values (`template.rs`).
//!
//! One file per screen (or group of screens); each text enum is read only by its screen's
//! code, so a screen's split wasm module carries its own words and no other's.
//!
//! Wording follows the GOV.UK pattern: say what to do ("Nhập…"/"Enter…"), never "invalid".

mod about;
mod account;
mod choose_method;
mod errors;
mod form;
mod otp;
mod password;
mod rules;
mod shell;
mod study;
pub mod template;

pub use about::AboutUi;
pub use account::AccountUi;
pub use form::FormUi;
pub use otp::OtpUi;
pub use password::PasswordUi;
pub use shell::Ui;
pub use study::StudyUi;
pub use template::{Template, Wait};

use crate::Lang;

/// Anything with a text in both languages.
pub trait Localize {
    /// `(Vietnamese, English)`.
    fn texts(&self) -> (&'static str, &'static str);

    fn text(&self, lang: Lang) -> &'static str {
        let (vi, en) = self.texts();
        lang.pick(vi, en)
    }
}

/// A wait as the screens and the server's messages show it: `mm:ss`.
pub fn mmss(seconds: u64) -> String {
    format!("{:02}:{:02}", seconds / 60, seconds % 60)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::ErrorCode;
    use crate::methods::{ChoiceNote, Method, Subject};
    use crate::registration::{CaptchaError, Field};
    use crate::{
        BirthDateError, EmailError, FullNameError, IdNumberError, OtpCodeError, PasswordRule,
        PhoneError,
    };

    fn placeholders(s: &str) -> Vec<&str> {
        let mut out: Vec<&str> = s
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .collect();
        out.sort_unstable();
        out
    }

    /// Checks each item's two texts; returns its type's name and the texts.
    fn check_all<T: Localize + std::fmt::Debug>(
        items: &[T],
    ) -> (&'static str, Vec<(&'static str, &'static str)>) {
        for item in items {
            let (vi, en) = item.texts();
            assert!(!vi.trim().is_empty(), "{item:?} lacks Vietnamese");
            assert!(!en.trim().is_empty(), "{item:?} lacks English");
            assert_eq!(
                placeholders(vi),
                placeholders(en),
                "{item:?} placeholders differ"
            );
        }
        let name = std::any::type_name::<T>()
            .rsplit("::")
            .next()
            .unwrap_or_default();
        (name, items.iter().map(Localize::texts).collect())
    }

    /// Every text enum, checked.
    fn every_text() -> Vec<(&'static str, Vec<(&'static str, &'static str)>)> {
        vec![
            check_all(Field::ALL),
            check_all(IdNumberError::ALL),
            check_all(FullNameError::ALL),
            check_all(BirthDateError::ALL),
            check_all(PhoneError::ALL),
            check_all(EmailError::ALL),
            check_all(CaptchaError::ALL),
            check_all(OtpCodeError::ALL),
            check_all(PasswordRule::ALL),
            check_all(ErrorCode::ALL),
            check_all(Ui::ALL),
            check_all(FormUi::ALL),
            check_all(AboutUi::ALL),
            check_all(OtpUi::ALL),
            check_all(AccountUi::ALL),
            check_all(PasswordUi::ALL),
            check_all(crate::account::SignInPasswordError::ALL),
            check_all(Subject::ALL),
            check_all(Method::ALL),
            check_all(ChoiceNote::ALL),
            check_all(StudyUi::ALL),
        ]
    }

    /// The types that implement `Localize` anywhere in the contract, read from its source.
    fn localized_types() -> std::collections::BTreeSet<String> {
        fn walk(dir: &std::path::Path, out: &mut std::collections::BTreeSet<String>) {
            for entry in std::fs::read_dir(dir).expect("src").flatten() {
                let path = entry.path();
                if path.is_dir() {
                    walk(&path, out);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let text = std::fs::read_to_string(&path).expect("a source file");
                    for line in text.lines() {
                        if let Some(rest) = line.trim_start().strip_prefix("impl Localize for ") {
                            let ty = rest
                                .trim_end_matches(" {")
                                .rsplit("::")
                                .next()
                                .unwrap_or_default();
                            out.insert(ty.to_owned());
                        }
                    }
                }
            }
        }
        let mut out = std::collections::BTreeSet::new();
        walk(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut out,
        );
        out
    }

    #[test]
    fn every_code_rule_and_label_has_both_languages() {
        let n: usize = every_text().iter().map(|(_, texts)| texts.len()).sum();
        assert!(n >= 80, "{n}");
    }

    #[test]
    fn no_text_enum_is_left_off_the_checked_list() {
        let checked: std::collections::BTreeSet<String> = every_text()
            .iter()
            .map(|(name, _)| (*name).to_owned())
            .collect();
        let declared = localized_types();
        assert!(declared.len() >= 20, "{declared:?}");
        let missing: Vec<&String> = declared.difference(&checked).collect();
        assert!(missing.is_empty(), "add to every_text(): {missing:?}");
    }

    #[test]
    fn every_template_names_the_placeholders_of_its_text_and_every_placeholder_has_a_template() {
        let mut templated = Vec::new();
        for (name, texts, fields) in template::ALL {
            let (vi, en) = texts();
            let mut fields = fields.to_vec();
            fields.sort_unstable();
            assert_eq!(placeholders(vi), fields, "{name}: Vietnamese");
            assert_eq!(placeholders(en), fields, "{name}: English");
            templated.push(vi);
        }
        for (ty, texts) in every_text() {
            for (vi, _) in texts {
                if !placeholders(vi).is_empty() {
                    assert!(
                        templated.contains(&vi),
                        "{ty}: {vi:?} has placeholders but no template"
                    );
                }
            }
        }
    }

    #[test]
    fn formats_minutes_and_seconds() {
        assert_eq!(mmss(300), "05:00");
        assert_eq!(mmss(61), "01:01");
        assert_eq!(mmss(9), "00:09");
    }
}
