//! Parsers never panic, whatever arrives, and normalising is idempotent.

use contract::phone_plan::MOBILE_BLOCKS;
use contract::provinces::PROVINCES;
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

/// `digits` as a citizen may write them: a separator (space, dot or dash) or none after each.
fn spaced(digits: String) -> impl Strategy<Value = String> {
    let n = digits.len();
    prop::collection::vec(
        prop_oneof![4 => Just(""), 1 => Just(" "), 1 => Just("."), 1 => Just("-")],
        n,
    )
    .prop_map(move |seps| {
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            out.push(c);
            if i + 1 < n {
                out.push_str(seps[i]);
            }
        }
        out
    })
}

/// A valid ID number's digits: a CMND (9) or a CCCD (12) of a real province.
fn id_digits() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9]{9}",
        (prop::sample::select(PROVINCES), "[0-9]{9}")
            .prop_map(|((code, _), rest)| format!("{code:03}{rest}")),
    ]
}

/// A national mobile number `0…` in a block of the numbering plan.
fn national_phone() -> impl Strategy<Value = String> {
    (prop::sample::select(MOBILE_BLOCKS), "[0-9]{9}").prop_map(|((block, _), fill)| {
        // The key is `1` then the block's digits after the trunk 0.
        let prefix = &block.to_string()[1..];
        format!("0{prefix}{}", &fill[..9 - prefix.len()])
    })
}

/// The national number as it may be written: as is or after a country code, separated.
fn written_phone() -> impl Strategy<Value = (String, String)> {
    national_phone().prop_flat_map(|national| {
        let rest = national[1..].to_owned();
        let forms = prop_oneof![
            Just(national.clone()),
            Just(format!("+84{rest}")),
            Just(format!("84{rest}")),
            Just(format!("0084{rest}")),
            Just(format!("+840{rest}")),
        ];
        (
            Just(national),
            forms.prop_flat_map(|form| {
                // The `+` stays in front; the digits after it may be spaced.
                let (plus, digits) = form
                    .strip_prefix('+')
                    .map_or(("", form.clone()), |d| ("+", d.to_owned()));
                spaced(digits).prop_map(move |d| format!("{plus}{d}"))
            }),
        )
    })
}

/// A name of Vietnamese words, with any amount of space around and between them.
fn written_name() -> impl Strategy<Value = (String, String)> {
    let word = prop::sample::select(
        &[
            "Nguyễn",
            "Trần",
            "Lê",
            "Phạm",
            "Thị",
            "Văn",
            "Hà",
            "Đức",
            "Ngọc",
            "Ánh",
            "H'Hen",
            "Niê",
            "Thu-Trang",
        ][..],
    );
    (
        prop::collection::vec(word, 1..5),
        prop::collection::vec("[ \t]{1,3}", 6),
    )
        .prop_map(|(words, gaps)| {
            let canonical = words.join(" ");
            let mut written = gaps[0].clone();
            for (i, w) in words.iter().enumerate() {
                written.push_str(w);
                written.push_str(&gaps[i + 1]);
            }
            (canonical, written)
        })
}

/// A real date from 1900 to today, written in one of the accepted shapes.
fn written_date() -> impl Strategy<Value = (time::Date, String)> {
    let first = date!(1900 - 01 - 01).to_julian_day();
    (first..=TODAY.to_julian_day(), 0..6usize).prop_map(|(day, shape)| {
        let d = time::Date::from_julian_day(day).expect("in range");
        let (y, m, dd) = (d.year(), u8::from(d.month()), d.day());
        let written = match shape {
            0 => format!("{dd:02}/{m:02}/{y}"),
            1 => format!("{dd}/{m}/{y}"),
            2 => format!("{dd:02}-{m:02}-{y}"),
            3 => format!("{dd:02}.{m:02}.{y}"),
            4 => format!("{dd:02}{m:02}{y}"),
            _ => format!("{y}-{m:02}-{dd:02}"),
        };
        (d, written)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    /// Valid values, generated and then written as citizens write them, parse to their
    /// canonical form, and that form parses to the same value.
    #[test]
    fn valid_values_in_any_written_form_parse_and_reparse_to_themselves(
        id in id_digits().prop_flat_map(|d| (Just(d.clone()), spaced(d))),
        phone in written_phone(),
        name in written_name(),
        born in written_date(),
        email in ("[a-z0-9]{1,8}(\\.[a-z0-9]{1,8})?", "[a-z0-9]{1,10}", "[a-z]{2,4}", "[ ]{0,2}"),
        code in "[0-9]{6}".prop_flat_map(spaced),
    ) {
        let (digits, written) = id;
        let parsed = IdNumber::parse(&written);
        prop_assert!(parsed.is_ok(), "{written:?}: {parsed:?}");
        let parsed = parsed.unwrap();
        prop_assert_eq!(parsed.as_str(), digits.as_str());
        prop_assert_eq!(IdNumber::parse(parsed.as_str()), Ok(parsed.clone()));

        let (national, written) = phone;
        let parsed = Phone::parse(&written);
        prop_assert!(parsed.is_ok(), "{written:?}: {parsed:?}");
        let parsed = parsed.unwrap();
        prop_assert_eq!(parsed.as_str(), national.as_str());
        prop_assert_eq!(Phone::parse(parsed.as_str()), Ok(parsed.clone()));

        let (canonical, written) = name;
        let parsed = FullName::parse(&written);
        prop_assert!(parsed.is_ok(), "{written:?}: {parsed:?}");
        let parsed = parsed.unwrap();
        prop_assert_eq!(parsed.as_str(), canonical.as_str());
        prop_assert_eq!(FullName::parse(parsed.as_str()), Ok(parsed.clone()));

        let (date, written) = born;
        let parsed = BirthDate::parse(&written, TODAY);
        prop_assert!(parsed.is_ok(), "{written:?}: {parsed:?}");
        let parsed = parsed.unwrap();
        prop_assert_eq!(parsed.to_iso(), date.to_string());
        prop_assert_eq!(BirthDate::parse(&parsed.to_iso(), TODAY), Ok(parsed));
        prop_assert_eq!(BirthDate::parse(&parsed.to_string(), TODAY), Ok(parsed));

        let (local, host, tld, pad) = email;
        let canonical = format!("{local}@{host}.{tld}");
        let parsed = Email::parse_optional(&format!("{pad}{canonical}{pad}"));
        prop_assert!(matches!(parsed, Ok(Some(_))), "{canonical:?}: {parsed:?}");
        let parsed = parsed.unwrap().unwrap();
        prop_assert_eq!(parsed.as_str(), canonical.as_str());
        prop_assert_eq!(Email::parse_optional(parsed.as_str()), Ok(Some(parsed.clone())));

        let parsed = OtpCode::parse(&code);
        prop_assert!(parsed.is_ok(), "{code:?}: {parsed:?}");
        let parsed = parsed.unwrap();
        prop_assert_eq!(parsed.as_str().len(), 6);
        prop_assert_eq!(OtpCode::parse(parsed.as_str()).map(|c| c.as_str().to_owned()), Ok(parsed.as_str().to_owned()));
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
