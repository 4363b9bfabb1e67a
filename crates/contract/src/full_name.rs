//! "Họ và tên": letters (every Vietnamese diacritic), spaces, and the apostrophe and
//! hyphen some ethnic-minority names use (e.g. "H'Hen Niê").

use crate::text::clean;
use serde::{Deserialize, Serialize};
use std::fmt;

pub const FULL_NAME_MAX_CHARS: usize = 100;

enumerated! {
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum FullNameError {
    Required,
    InvalidCharacters,
    TooShort,
    TooLong,
}
}

#[cfg(not(target_arch = "wasm32"))]
fn nfc(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    s.nfc().collect()
}

#[cfg(target_arch = "wasm32")]
fn nfc(s: &str) -> String {
    js_sys::JsString::from(s).normalize("NFC").into()
}

/// A name trimmed, with single spaces, in Unicode NFC.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FullName(String);

fn is_latin_letter(c: char) -> bool {
    c.is_alphabetic() && (u32::from(c) < 0x0250 || (0x1E00..=0x1EFF).contains(&u32::from(c)))
}

impl FullName {
    /// The normal form a name is stored and compared in.
    pub fn normalize(input: &str) -> String {
        let composed = nfc(&clean(input).collect::<String>());
        composed.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    pub fn parse(input: &str) -> Result<Self, FullNameError> {
        let name = Self::normalize(input);
        if name.is_empty() {
            return Err(FullNameError::Required);
        }
        if name.chars().count() > FULL_NAME_MAX_CHARS {
            return Err(FullNameError::TooLong);
        }
        if !name
            .chars()
            .all(|c| is_latin_letter(c) || matches!(c, ' ' | '\'' | '’' | '-'))
        {
            return Err(FullNameError::InvalidCharacters);
        }
        if name.chars().filter(|c| is_latin_letter(*c)).count() < 2 {
            return Err(FullNameError::TooShort);
        }
        Ok(FullName(name))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for FullName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use FullNameError::*;

    #[test]
    fn table() {
        let long = "a".repeat(101);
        let exactly_100 = "a".repeat(100);
        let cases: &[(&str, Result<&str, FullNameError>)] = &[
            ("Nguyễn Văn An", Ok("Nguyễn Văn An")),
            ("  nguyễn   thị   ánh  ", Ok("nguyễn thị ánh")),
            ("Đặng Thị Hồng Ngọc", Ok("Đặng Thị Hồng Ngọc")),
            ("H'Hen Niê", Ok("H'Hen Niê")),
            ("Trần\u{200B}Văn\u{00A0}Bình", Ok("TrầnVăn Bình")),
            ("Ｌê Ｖăn", Ok("Lê Văn")),
            ("Vy", Ok("Vy")),
            (exactly_100.as_str(), Ok(exactly_100.as_str())),
            ("", Err(Required)),
            ("   \u{200B} ", Err(Required)),
            ("A", Err(TooShort)),
            ("A -", Err(TooShort)),
            ("Nguyen Van 3", Err(InvalidCharacters)),
            ("Nguyễn @n", Err(InvalidCharacters)),
            ("Lê 😀", Err(InvalidCharacters)),
            ("Lê 王", Err(InvalidCharacters)),
            ("Lê\u{202E}Văn", Ok("LêVăn")),
            (long.as_str(), Err(TooLong)),
        ];
        for (input, want) in cases {
            let got = FullName::parse(input);
            assert_eq!(
                got.as_ref().map(|n| n.as_str()),
                want.as_ref().map(|s| *s),
                "{input:?}"
            );
        }
    }

    #[test]
    fn decomposed_input_equals_composed() {
        // "Nguyễn" typed as NFD: e + circumflex + tilde.
        let nfd = "Nguye\u{0302}\u{0303}n Thi\u{0323} A\u{0301}nh";
        let nfc = "Nguyễn Thị Ánh";
        assert_ne!(nfd, nfc);
        assert_eq!(FullName::parse(nfd), FullName::parse(nfc));
        assert_eq!(FullName::parse(nfd).unwrap().as_str(), nfc);
    }
}
