//! "Số điện thoại": a Vietnamese mobile number, in any common written form.

use crate::text::digits_ignoring;
use serde::{Deserialize, Serialize};
use std::fmt;

enumerated! {
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PhoneError {
    Required,
    InvalidCharacters,
    WrongLength,
    /// A fixed-line number (area codes 02x).
    Landline,
    /// Ten digits, but no mobile network uses that prefix.
    UnknownPrefix,
}
}

enumerated! {
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Carrier {
    Viettel,
    Vinaphone,
    MobiFone,
    Vietnamobile,
    Gmobile,
    Itelecom,
    Reddi,
}
}

impl Carrier {
    pub fn name(self) -> &'static str {
        match self {
            Carrier::Viettel => "Viettel",
            Carrier::Vinaphone => "Vinaphone",
            Carrier::MobiFone => "MobiFone",
            Carrier::Vietnamobile => "Vietnamobile",
            Carrier::Gmobile => "Gmobile",
            Carrier::Itelecom => "Itelecom",
            Carrier::Reddi => "Reddi",
        }
    }

    /// The free customer-care line the portal's guides name for checking who a number is
    /// registered to, where they name one.
    pub fn care_line(self) -> Option<&'static str> {
        match self {
            Carrier::Viettel => Some("18008098"),
            Carrier::Vinaphone => Some("18001091"),
            Carrier::MobiFone => Some("9090"),
            _ => None,
        }
    }

    /// The network of a three-digit mobile prefix (after the 2018 renumbering).
    pub fn of_prefix(prefix: u16) -> Option<Carrier> {
        use Carrier::*;
        Some(match prefix {
            32..=39 | 86 | 96..=98 => Viettel,
            81..=85 | 88 | 91 | 94 => Vinaphone,
            70 | 76..=79 | 89 | 90 | 93 => MobiFone,
            52 | 56 | 58 | 92 => Vietnamobile,
            59 | 99 => Gmobile,
            87 => Itelecom,
            55 => Reddi,
            _ => return None,
        })
    }
}

/// A mobile number in its national form `0xxxxxxxxx`, with its network.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Phone {
    national: String,
    carrier: Carrier,
}

impl Phone {
    /// Accepts `0xxxxxxxxx`, `+84…`, `84…` and `0084…` (with or without the trunk `0` after
    /// the country code, as in `+84 (0) 912 345 678`), with spaces, dots, dashes or brackets
    /// (the `+` may be inside one: `(+84) 912 345 678`).
    pub fn parse(input: &str) -> Result<Self, PhoneError> {
        // Brackets and spaces before the `+` hold no digits: the number starts after them.
        let rest = input.trim_start_matches(|c: char| c == '(' || c.is_whitespace());
        let plus = rest.starts_with(['+', '＋']);
        let body = rest.trim_start_matches(['+', '＋']);
        let digits = digits_ignoring(body, &['.', '-', '(', ')'])
            .map_err(|()| PhoneError::InvalidCharacters)?;
        if digits.is_empty() {
            return Err(if plus {
                PhoneError::WrongLength
            } else {
                PhoneError::Required
            });
        }
        let after_country_code = digits.strip_prefix("0084").or_else(|| {
            digits
                .strip_prefix("84")
                .filter(|_| plus || digits.len() >= 11)
        });
        let national = if let Some(rest) = after_country_code {
            // The trunk 0 some people keep after the country code (`+84 0912…`): a number
            // after a country code never starts with 0 itself.
            format!("0{}", rest.strip_prefix('0').unwrap_or(rest))
        } else if plus {
            // An international number that is not Vietnamese.
            return Err(PhoneError::UnknownPrefix);
        } else {
            digits
        };
        if national.starts_with("02") {
            return Err(PhoneError::Landline);
        }
        if national.len() != 10 || !national.starts_with('0') {
            return Err(PhoneError::WrongLength);
        }
        let prefix: u16 = national[1..3].parse().unwrap_or(0);
        let carrier = Carrier::of_prefix(prefix).ok_or(PhoneError::UnknownPrefix)?;
        Ok(Phone { national, carrier })
    }

    /// `0xxxxxxxxx`.
    pub fn as_str(&self) -> &str {
        &self.national
    }

    pub fn carrier(&self) -> Carrier {
        self.carrier
    }

    /// As shown on the OTP screen: the first two and last two digits, e.g. `09******78`.
    pub fn masked(&self) -> String {
        let n = &self.national;
        format!(
            "{}{}{}",
            &n[..2],
            "*".repeat(n.len() - 4),
            &n[n.len() - 2..]
        )
    }
}

impl fmt::Display for Phone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.national)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use PhoneError::*;

    #[test]
    fn every_carrier_prefix() {
        use Carrier::*;
        let table: &[(Carrier, &[u16])] = &[
            (Viettel, &[32, 33, 34, 35, 36, 37, 38, 39, 86, 96, 97, 98]),
            (MobiFone, &[70, 76, 77, 78, 79, 89, 90, 93]),
            (Vinaphone, &[81, 82, 83, 84, 85, 88, 91, 94]),
            (Vietnamobile, &[52, 56, 58, 92]),
            (Gmobile, &[59, 99]),
            (Reddi, &[55]),
            (Itelecom, &[87]),
        ];
        let mut known = 0;
        for (carrier, prefixes) in table {
            for p in *prefixes {
                let phone = Phone::parse(&format!("0{p}1234567")).unwrap();
                assert_eq!(phone.carrier(), *carrier, "0{p}");
                known += 1;
            }
        }
        // Every other 0x prefix is refused.
        let mut refused = 0;
        for p in 10..100u16 {
            if Carrier::of_prefix(p).is_none() {
                assert!(Phone::parse(&format!("0{p}1234567")).is_err(), "0{p}");
                refused += 1;
            }
        }
        assert_eq!(known + refused, 90);
    }

    #[test]
    fn table() {
        let cases: &[(&str, Result<&str, PhoneError>)] = &[
            ("0912345678", Ok("0912345678")),
            ("091 234 5678", Ok("0912345678")),
            ("091.234.5678", Ok("0912345678")),
            ("091-234-5678", Ok("0912345678")),
            ("(091) 234 5678", Ok("0912345678")),
            ("+84912345678", Ok("0912345678")),
            ("+84 91 234 5678", Ok("0912345678")),
            ("84912345678", Ok("0912345678")),
            ("0084912345678", Ok("0912345678")),
            ("０９１２３４５６７８", Ok("0912345678")),
            // The country code with the trunk 0 kept, or the + inside a bracket.
            ("+84 (0) 912 345 678", Ok("0912345678")),
            ("+84 0912345678", Ok("0912345678")),
            ("84 0912345678", Ok("0912345678")),
            ("0084 (0) 91 234 5678", Ok("0912345678")),
            ("(+84) 912 345 678", Ok("0912345678")),
            ("(+84) 0912 345 678", Ok("0912345678")),
            ("  ( +84 ) 912-345-678", Ok("0912345678")),
            ("8412345678", Err(WrongLength)),
            ("+84 (0) 24 3825 3535", Err(Landline)),
            ("(+1) 650 253 0000", Err(UnknownPrefix)),
            ("91+2345678", Err(InvalidCharacters)),
            ("0988000000", Ok("0988000000")),
            ("", Err(Required)),
            ("091234567", Err(WrongLength)),
            ("09123456789", Err(WrongLength)),
            ("+8491234567", Err(WrongLength)),
            ("912345678", Err(WrongLength)),
            ("02438253535", Err(Landline)),
            ("+84 24 3825 3535", Err(Landline)),
            ("0212345678", Err(Landline)),
            ("0112345678", Err(UnknownPrefix)),
            ("0801234567", Err(UnknownPrefix)),
            ("0951234567", Err(UnknownPrefix)),
            ("+1 650 253 0000", Err(UnknownPrefix)),
            ("091234567a", Err(InvalidCharacters)),
            ("091/234/5678", Err(InvalidCharacters)),
        ];
        for (input, want) in cases {
            let got = Phone::parse(input);
            assert_eq!(
                got.as_ref().map(|p| p.as_str()),
                want.as_ref().map(|s| *s),
                "{input:?}"
            );
        }
    }

    #[test]
    fn the_three_big_networks_have_their_care_lines() {
        let line = |n: &str| Phone::parse(n).unwrap().carrier().care_line();
        assert_eq!(line("0981234567"), Some("18008098"));
        assert_eq!(line("0912345678"), Some("18001091"));
        assert_eq!(line("0901234567"), Some("9090"));
        assert_eq!(line("0921234567"), None);
    }

    #[test]
    fn masked() {
        assert_eq!(Phone::parse("0912345678").unwrap().masked(), "09******78");
    }
}
