//! Parsers never panic, whatever arrives, and normalising is idempotent.

use contract::{BirthDate, Email, FullName, IdNumber, OtpCode, Phone, RegistrationForm};
use proptest::prelude::*;
use time::macros::date;

const TODAY: time::Date = date!(2026 - 11 - 26);

/// Mostly the characters that matter here (digits, separators, Vietnamese letters,
/// invisibles, full-width forms), plus any Unicode.
fn input() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9 .+#/()\\-]{0,20}",
        "[a-zA-ZàáạảãâầấậẩẫăằắặẳẵđĐêếềệễểôốồộổỗơớờợởỡưứừựửữ'\\- \u{200B}\u{202E}\u{FF10}-\u{FF19}]{0,40}",
        any::<String>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn parsers_never_panic(s in input()) {
        let _ = IdNumber::parse(&s);
        let _ = FullName::parse(&s);
        let _ = BirthDate::parse(&s, TODAY);
        let _ = Phone::parse(&s);
        let _ = Email::parse_optional(&s);
        let _ = OtpCode::parse(&s);
        let _ = contract::password::check(&s, &s, &Default::default());
    }

    #[test]
    fn parsed_values_reparse_to_themselves(s in input()) {
        if let Ok(id) = IdNumber::parse(&s) {
            prop_assert_eq!(IdNumber::parse(id.as_str()), Ok(id));
        }
        if let Ok(name) = FullName::parse(&s) {
            prop_assert_eq!(FullName::parse(name.as_str()), Ok(name.clone()));
        }
        prop_assert_eq!(FullName::normalize(&FullName::normalize(&s)), FullName::normalize(&s));
        if let Ok(d) = BirthDate::parse(&s, TODAY) {
            prop_assert_eq!(BirthDate::parse(&d.to_iso(), TODAY), Ok(d));
            prop_assert_eq!(BirthDate::parse(&d.to_string(), TODAY), Ok(d));
        }
        if let Ok(p) = Phone::parse(&s) {
            prop_assert_eq!(Phone::parse(p.as_str()), Ok(p));
        }
        if let Ok(Some(e)) = Email::parse_optional(&s) {
            prop_assert_eq!(Email::parse_optional(e.as_str()), Ok(Some(e.clone())));
        }
        if let Ok(c) = OtpCode::parse(&s) {
            prop_assert_eq!(OtpCode::parse(c.as_str()).map(|c| c.as_str().to_owned()), Ok(c.as_str().to_owned()));
        }
    }
}

/// Up to 1 MB of arbitrary text in every field: a result, never a panic, in bounded time.
#[test]
fn megabyte_inputs_do_not_panic() {
    let chunks = ["9", "a", "ễ", "\u{200B}", "😀", "/", " ", "\u{0303}"];
    for chunk in chunks {
        let big = chunk.repeat(1_000_000 / chunk.len());
        let form = RegistrationForm {
            id_number: big.clone(),
            full_name: big.clone(),
            date_of_birth: big.clone(),
            phone: big.clone(),
            email: big.clone(),
        };
        assert!(form.validate(TODAY).is_err());
        let _ = OtpCode::parse(&big);
        let _ = contract::password::check(&big, &big, &Default::default());
    }
}
