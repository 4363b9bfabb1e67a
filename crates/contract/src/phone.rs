//! "Số điện thoại": a Vietnamese mobile number, in any common written form. Which numbers are
//! mobile, and on which network, comes from libphonenumber (`phone_plan.rs`, generated).

use crate::carrier::Carrier;
use crate::phone_plan::MOBILE_BLOCKS;
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
    /// Ten digits, but not in a mobile block of the numbering plan.
    UnknownPrefix,
}
}

/// Where a citizen knows the brand, not the network libphonenumber names; each with its
/// reason (README lists them too). The key is as in [`MOBILE_BLOCKS`].
/// - `087`: Itelecom's SIMs run on Vinaphone's network (libphonenumber names Vinaphone); its
///   subscribers know them as Itelecom, whose own care line is the one to call.
pub const BRANDS: &[(u16, Carrier)] = &[(187, Carrier::Itelecom)];

/// The key of the first `width` digits after the trunk 0 of `national` (`0xyz…`).
fn key(national: &str, width: u32) -> Option<u16> {
    let digits = national.get(1..1 + width as usize)?;
    Some(10u16.pow(width) + digits.parse::<u16>().ok()?)
}

/// The entry of `table` whose block holds `national`.
fn lookup<T: Copy>(table: &[(u16, T)], national: &str) -> Option<T> {
    (1..=4).find_map(|width| {
        let k = key(national, width)?;
        table.iter().find(|(block, _)| *block == k).map(|(_, v)| *v)
    })
}

/// The brand exception covering `national` (`0xyz…`), if one does.
pub fn brand_of(national: &str) -> Option<Carrier> {
    lookup(BRANDS, national)
}

impl Carrier {
    /// The network of a ten-digit national number `0…` in a mobile block (`None` inside: the
    /// plan names no network there); `None` outside every mobile block.
    pub fn of_number(national: &str) -> Option<Option<Carrier>> {
        let network = lookup(MOBILE_BLOCKS, national)?;
        Some(brand_of(national).or(network))
    }
}

/// A mobile number in its national form `0xxxxxxxxx`, with its network.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Phone {
    national: String,
    carrier: Option<Carrier>,
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
        // A country code only where the digits are too many for a national number (`0084…`
        // in ten digits is the national block 008, `84…` in ten is a wrong length).
        let after_country_code = digits
            .strip_prefix("0084")
            .filter(|_| plus || digits.len() >= 12)
            .or_else(|| {
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
        let carrier = Carrier::of_number(&national).ok_or(PhoneError::UnknownPrefix)?;
        Ok(Phone { national, carrier })
    }

    /// `0xxxxxxxxx`.
    pub fn as_str(&self) -> &str {
        &self.national
    }

    /// Its network, where the numbering plan names one.
    pub fn carrier(&self) -> Option<Carrier> {
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
    fn blocks_and_networks_as_libphonenumber_has_them() {
        use Carrier::*;
        let carrier = |n: &str| Phone::parse(n).map(|p| p.carrier());
        // Allocated after 2018.
        assert_eq!(carrier("0301234567"), Ok(Some(MobiFone)));
        assert_eq!(carrier("0311234567"), Ok(Some(Viettel)));
        assert_eq!(carrier("0511234567"), Ok(Some(MobiFone)));
        // Valid, no network named.
        assert_eq!(carrier("0951234567"), Ok(None));
        // Only some blocks of 052, 055 and 089 are numbers.
        assert_eq!(carrier("0522123456"), Ok(Some(Vietnamobile)));
        assert_eq!(carrier("0527123456"), Err(PhoneError::UnknownPrefix));
        assert_eq!(carrier("0559123456"), Ok(Some(Reddi)));
        assert_eq!(carrier("0553123456"), Err(PhoneError::UnknownPrefix));
        assert_eq!(carrier("0896123456"), Ok(Some(MobiFone)));
        assert_eq!(carrier("0895123456"), Err(PhoneError::UnknownPrefix));
        assert_eq!(carrier("0998123456"), Ok(Some(IndochinaTelecom)));
        assert_eq!(carrier("0993123456"), Ok(Some(Gmobile)));
        // The brand exception: libphonenumber says Vinaphone.
        assert_eq!(carrier("0871234567"), Ok(Some(Itelecom)));
        assert_eq!(carrier("0881234567"), Ok(Some(Vinaphone)));
        for n in [
            "0912345678",
            "0981234567",
            "0901234567",
            "0921234567",
            "0591234567",
        ] {
            assert!(carrier(n).unwrap().is_some(), "{n}");
        }
    }

    #[test]
    fn no_two_blocks_overlap() {
        let digits = |k: u16| k.to_string()[1..].to_owned();
        for (a, _) in MOBILE_BLOCKS {
            for (b, _) in MOBILE_BLOCKS {
                let (a, b) = (digits(*a), digits(*b));
                assert!(a == b || !b.starts_with(&a), "{a} holds {b}");
            }
        }
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
            ("0084123456", Err(UnknownPrefix)),
            ("008491234567", Err(WrongLength)),
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
            ("0951234567", Ok("0951234567")),
            ("0527123456", Err(UnknownPrefix)),
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
        let line = |n: &str| Phone::parse(n).unwrap().carrier().unwrap().care_line();
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
