//! Texts with values in them. Each template is a type whose fields are its values, so a
//! missing, misspelt or extra value does not compile; a test holds each type's field names to
//! the `{name}` placeholders of its text in both languages, and every text with a placeholder
//! to a template (so none can reach a citizen unfilled).

use super::{mmss, AboutUi, AccountUi, FormUi, Localize, OtpUi, PasswordUi, StudyUi};
use crate::api::ErrorCode;
use crate::Lang;
use std::fmt;

/// A text with its values: `fill` puts them in.
pub trait Template {
    /// The text in `lang` with every `{name}` replaced by its value.
    fn fill(&self, lang: Lang) -> String;
}

/// A wait, shown as `mm:ss`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Wait(pub u64);

impl fmt::Display for Wait {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&mmss(self.0))
    }
}

/// Replaces each `{name}` in `text` with its value (one copy of the code for every template).
fn fill_in(text: &str, values: &[(&str, &str)]) -> String {
    values.iter().fold(text.to_owned(), |acc, (name, value)| {
        acc.replace(&format!("{{{name}}}"), value)
    })
}

macro_rules! templates {
    ($($(#[$doc:meta])* $name:ident { $($field:ident: $ty:ty),+ $(,)? } = $text:expr;)+) => {
        $(
            $(#[$doc])*
            #[derive(Clone, Debug, PartialEq, Eq)]
            pub struct $name { $(pub $field: $ty),+ }

            impl Template for $name {
                fn fill(&self, lang: Lang) -> String {
                    fill_in($text.text(lang), &[$((stringify!($field), &self.$field.to_string())),+])
                }
            }
        )+

        /// Every template: its name, its text in both languages and its fields' names.
        #[cfg(test)]
        pub(super) const ALL: &[(&str, fn() -> (&'static str, &'static str), &[&str])] = &[
            $((stringify!($name), || $text.texts(), &[$(stringify!($field)),+])),+
        ];
    };
}

templates! {
    /// A wrong code, and how many tries are left.
    OtpIncorrect { n: u32 } = ErrorCode::OtpIncorrect;
    /// The code step locked, until the wait is over.
    Locked { time: Wait } = ErrorCode::Locked;
    /// Another code can be sent after the wait.
    ResendTooSoon { time: Wait } = ErrorCode::ResendTooSoon;
    /// Too many requests; the wait before the next.
    RateLimited { time: Wait } = ErrorCode::RateLimited;
    /// The typed number's network and its customer care line.
    CarrierCareLine { carrier: &'static str, number: &'static str } = FormUi::CarrierCareLine;
    /// The form's rate-limit notice, counting down.
    RateLimitedBody { time: Wait } = FormUi::RateLimitedBody;
    /// The existing-account persona on the about page.
    PersonaExisting { id: &'static str, password: &'static str, phone: &'static str } =
        AboutUi::AboutPersonaExisting;
    /// The carrier-mismatch persona on the about page.
    PersonaMismatch { phone: &'static str } = AboutUi::AboutPersonaMismatch;
    /// The no-SMS persona on the about page.
    PersonaNoSms { phone: &'static str } = AboutUi::AboutPersonaNoSms;
    /// The code step's resend button, waiting.
    ResendIn { time: Wait } = OtpUi::ResendIn;
    /// The code step's resends left.
    SendsLeft { n: u32 } = OtpUi::SendsLeft;
    /// The code step's tries left.
    AttemptsLeft { n: u32 } = OtpUi::AttemptsLeft;
    /// Sign-in locked until a time of day (Vietnam time).
    SignInLocked { time: String } = AccountUi::SignInLocked;
    /// The account's verification level.
    AccountLevelValue { n: u8 } = AccountUi::AccountLevelValue;
    /// The password rules not met yet.
    RulesLeft { n: usize } = PasswordUi::RulesLeft;
    /// The study panel's "task n of total".
    TaskOf { n: usize, total: usize } = StudyUi::TaskOf;
}

impl ErrorCode {
    /// The error's message in `lang`, its template filled from the answer's details (a
    /// detail the answer lacks shows as 0 or 00:00; the codes that use them always carry them).
    pub fn message(
        self,
        lang: Lang,
        attempts_left: Option<u32>,
        retry_after_s: Option<u64>,
    ) -> String {
        let time = Wait(retry_after_s.unwrap_or(0));
        match self {
            ErrorCode::OtpIncorrect => OtpIncorrect {
                n: attempts_left.unwrap_or(0),
            }
            .fill(lang),
            ErrorCode::Locked => Locked { time }.fill(lang),
            ErrorCode::ResendTooSoon => ResendTooSoon { time }.fill(lang),
            ErrorCode::RateLimited => RateLimited { time }.fill(lang),
            code => code.text(lang).to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_template_fills_each_of_its_values() {
        assert_eq!(
            OtpIncorrect { n: 3 }.fill(Lang::En),
            "The code is not correct. You have 3 attempts left"
        );
        assert_eq!(TaskOf { n: 1, total: 2 }.fill(Lang::Vi), "Nhiệm vụ 1/2");
        assert_eq!(
            ResendIn { time: Wait(61) }.fill(Lang::En),
            "Send again in 01:01"
        );
    }

    #[test]
    fn an_error_message_fills_its_code_s_template_and_leaves_the_others_alone() {
        assert_eq!(
            ErrorCode::Locked.message(Lang::En, None, Some(90)),
            "Locked after too many wrong attempts. Try again after 01:30"
        );
        assert_eq!(
            ErrorCode::OtpExpired.message(Lang::En, Some(2), None),
            ErrorCode::OtpExpired.text(Lang::En)
        );
    }
}
