//! "Số CMND/CCCD": the 9-digit identity card (CMND) or the 12-digit citizen identity card (CCCD).

use crate::provinces::province_name;
use crate::text::digits_ignoring;
use serde::{Deserialize, Serialize};
use std::fmt;

enumerated! {
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum IdNumberError {
    Required,
    NotDigits,
    WrongLength,
    UnknownProvince,
    /// The CCCD's century digit and year digits do not give the birth year entered.
    BirthYearMismatch,
}
}

/// A parsed identity number. Its string form is the digits only, which is also the
/// portal username.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum IdNumber {
    /// Old 9-digit identity card.
    Cmnd(String),
    /// 12-digit citizen identity card: province (3) · century/gender (1) · year (2) · serial (6).
    Cccd(String),
}

impl IdNumber {
    /// Accepts digits with spaces, dots or dashes between them.
    pub fn parse(input: &str) -> Result<Self, IdNumberError> {
        let digits = digits_ignoring(input, &['.', '-']).map_err(|()| IdNumberError::NotDigits)?;
        match digits.len() {
            0 => Err(IdNumberError::Required),
            9 => Ok(IdNumber::Cmnd(digits)),
            12 => {
                let province: u16 = digits[..3].parse().unwrap_or(0);
                if province_name(province).is_none() {
                    return Err(IdNumberError::UnknownProvince);
                }
                Ok(IdNumber::Cccd(digits))
            }
            _ => Err(IdNumberError::WrongLength),
        }
    }

    pub fn as_str(&self) -> &str {
        match self {
            IdNumber::Cmnd(s) | IdNumber::Cccd(s) => s,
        }
    }

    /// The province of a CCCD.
    pub fn province(&self) -> Option<&'static str> {
        match self {
            IdNumber::Cccd(s) => province_name(s[..3].parse().ok()?),
            IdNumber::Cmnd(_) => None,
        }
    }

    /// The birth year a CCCD encodes (century digit + two year digits); `None` for a CMND.
    pub fn encoded_birth_year(&self) -> Option<i32> {
        let IdNumber::Cccd(s) = self else { return None };
        let bytes = s.as_bytes();
        let century = match bytes[3] - b'0' {
            0 | 1 => 1900,
            2 | 3 => 2000,
            4 | 5 => 2100,
            6 | 7 => 2200,
            _ => 1800, // 8 | 9
        };
        let yy = i32::from(bytes[4] - b'0') * 10 + i32::from(bytes[5] - b'0');
        Some(century + yy)
    }

    /// Cross-field rule: a CCCD must agree with the birth year.
    pub fn check_birth_year(&self, birth_year: i32) -> Result<(), IdNumberError> {
        match self.encoded_birth_year() {
            Some(year) if year != birth_year => Err(IdNumberError::BirthYearMismatch),
            _ => Ok(()),
        }
    }
}

impl fmt::Display for IdNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use IdNumberError::*;

    #[test]
    fn table() {
        let cases: &[(&str, Result<&str, IdNumberError>)] = &[
            ("001090000001", Ok("001090000001")),
            ("001 090 000 001", Ok("001090000001")),
            ("001.090.000.001", Ok("001090000001")),
            ("０７９２０５１２３４５６", Ok("079205123456")),
            ("\u{200B}001090000001", Ok("001090000001")),
            ("123456789", Ok("123456789")),
            ("", Err(Required)),
            ("   ", Err(Required)),
            ("00109000000", Err(WrongLength)),
            ("0010900000012", Err(WrongLength)),
            ("12345678", Err(WrongLength)),
            ("00109000000A", Err(NotDigits)),
            ("abc", Err(NotDigits)),
            ("003090000001", Err(UnknownProvince)),
            ("097090000001", Err(UnknownProvince)),
            ("000090000001", Err(UnknownProvince)),
        ];
        for (input, want) in cases {
            let got = IdNumber::parse(input);
            assert_eq!(
                got.as_ref().map(|i| i.as_str()),
                want.as_ref().map(|s| *s),
                "{input:?}"
            );
        }
    }

    #[test]
    fn century_digit_and_year() {
        let year = |s: &str| IdNumber::parse(s).unwrap().encoded_birth_year();
        assert_eq!(year("001090000001"), Some(1990));
        assert_eq!(year("001190000001"), Some(1990));
        assert_eq!(year("001205000001"), Some(2005));
        assert_eq!(year("001305000001"), Some(2005));
        assert_eq!(year("001899000001"), Some(1899));
        assert_eq!(year("001450000001"), Some(2150));
        assert_eq!(year("001650000001"), Some(2250));
        assert_eq!(year("123456789"), None);
    }

    #[test]
    fn birth_year_cross_check() {
        let id = IdNumber::parse("001090000001").unwrap();
        assert_eq!(id.check_birth_year(1990), Ok(()));
        assert_eq!(id.check_birth_year(1991), Err(BirthYearMismatch));
        assert_eq!(id.check_birth_year(2090), Err(BirthYearMismatch));
        // A female born in 2005 (digit 3) must not pass as 1905.
        let id = IdNumber::parse("079305000001").unwrap();
        assert_eq!(id.check_birth_year(1905), Err(BirthYearMismatch));
        assert_eq!(id.check_birth_year(2005), Ok(()));
        // The old CMND carries no year.
        assert_eq!(
            IdNumber::parse("123456789").unwrap().check_birth_year(1950),
            Ok(())
        );
    }

    #[test]
    fn province_of_cccd() {
        assert_eq!(
            IdNumber::parse("079205123456").unwrap().province(),
            Some("TP. Hồ Chí Minh")
        );
        assert_eq!(IdNumber::parse("123456789").unwrap().province(), None);
    }
}
