//! "Ngày sinh": a real date between 1900-01-01 and today.

use crate::text::clean;
use serde::{Deserialize, Serialize};
use std::fmt;
use time::{Date, Month};

enumerated! {
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum BirthDateError {
    Required,
    /// Not in one of the accepted shapes (`dd/mm/yyyy`, `d/m/yyyy`, `dd-mm-yyyy`, `ddmmyyyy`, `yyyy-mm-dd`).
    Format,
    /// The shape is right but the day does not exist (31/04, 29/02 of a common year).
    NotReal,
    InFuture,
    Before1900,
}
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BirthDate(Date);

fn number(part: &str, min_len: usize, max_len: usize) -> Option<u16> {
    let ok = (min_len..=max_len).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit());
    ok.then(|| part.parse().ok()).flatten()
}

impl BirthDate {
    /// Parses what a citizen types (or the wire's `yyyy-mm-dd`) and checks it against `today`.
    pub fn parse(input: &str, today: Date) -> Result<Self, BirthDateError> {
        let cleaned: String = clean(input).filter(|c| !c.is_whitespace()).collect();
        if cleaned.is_empty() {
            return Err(BirthDateError::Required);
        }
        let (y, m, d) = Self::split(&cleaned).ok_or(BirthDateError::Format)?;
        let month = u8::try_from(m)
            .ok()
            .and_then(|m| Month::try_from(m).ok())
            .ok_or(BirthDateError::NotReal)?;
        let day = u8::try_from(d).map_err(|_| BirthDateError::NotReal)?;
        let date = Date::from_calendar_date(i32::from(y), month, day)
            .map_err(|_| BirthDateError::NotReal)?;
        if date.year() < 1900 {
            return Err(BirthDateError::Before1900);
        }
        if date > today {
            return Err(BirthDateError::InFuture);
        }
        Ok(BirthDate(date))
    }

    /// `(year, month, day)` from the accepted shapes.
    fn split(s: &str) -> Option<(u16, u16, u16)> {
        if s.len() == 8 && s.bytes().all(|b| b.is_ascii_digit()) {
            return Some((
                number(&s[4..], 4, 4)?,
                number(&s[2..4], 2, 2)?,
                number(&s[..2], 2, 2)?,
            ));
        }
        let sep = s.chars().find(|c| matches!(c, '/' | '-' | '.'))?;
        let parts: Vec<&str> = s.split(sep).collect();
        let [a, b, c] = parts.as_slice() else {
            return None;
        };
        if a.len() == 4 && sep == '-' {
            // ISO 8601, as the API sends it.
            return Some((number(a, 4, 4)?, number(b, 2, 2)?, number(c, 2, 2)?));
        }
        Some((number(c, 4, 4)?, number(b, 1, 2)?, number(a, 1, 2)?))
    }

    pub fn date(self) -> Date {
        self.0
    }

    pub fn year(self) -> i32 {
        self.0.year()
    }

    /// `yyyy-mm-dd`, the API's form.
    pub fn to_iso(self) -> String {
        format!(
            "{:04}-{:02}-{:02}",
            self.0.year(),
            u8::from(self.0.month()),
            self.0.day()
        )
    }

    /// `ddmmyyyy`, the form a password must not contain.
    pub fn ddmmyyyy(self) -> String {
        format!(
            "{:02}{:02}{:04}",
            self.0.day(),
            u8::from(self.0.month()),
            self.0.year()
        )
    }
}

impl fmt::Display for BirthDate {
    /// `dd/mm/yyyy`, as the portal shows dates.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:02}/{:02}/{:04}",
            self.0.day(),
            u8::from(self.0.month()),
            self.0.year()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;
    use BirthDateError::*;

    const TODAY: Date = date!(2026 - 11 - 26);

    #[test]
    fn table() {
        let cases: &[(&str, Result<&str, BirthDateError>)] = &[
            ("15/03/1990", Ok("1990-03-15")),
            ("5/3/1990", Ok("1990-03-05")),
            ("05-03-1990", Ok("1990-03-05")),
            ("05.03.1990", Ok("1990-03-05")),
            ("05031990", Ok("1990-03-05")),
            ("1990-03-05", Ok("1990-03-05")),
            (" 15 / 03 / 1990 ", Ok("1990-03-15")),
            ("１５/０３/１９９０", Ok("1990-03-15")),
            ("29/02/2000", Ok("2000-02-29")),
            ("29/02/2024", Ok("2024-02-29")),
            ("01/01/1900", Ok("1900-01-01")),
            ("26/11/2026", Ok("2026-11-26")),
            ("", Err(Required)),
            ("29/02/2023", Err(NotReal)),
            ("29/02/1900", Err(NotReal)),
            ("31/04/1990", Err(NotReal)),
            ("00/01/1990", Err(NotReal)),
            ("12/13/1990", Err(NotReal)),
            ("27/11/2026", Err(InFuture)),
            ("01/01/2100", Err(InFuture)),
            ("31/12/1899", Err(Before1900)),
            ("1990", Err(Format)),
            ("15/03/90", Err(Format)),
            ("15/03", Err(Format)),
            ("abc", Err(Format)),
            ("1990-3-5", Err(Format)),
            ("123/03/1990", Err(Format)),
            ("+5/03/1990", Err(Format)),
        ];
        for (input, want) in cases {
            let got = BirthDate::parse(input, TODAY).map(BirthDate::to_iso);
            assert_eq!(got.as_deref().map_err(|e| *e), *want, "{input:?}");
        }
    }

    #[test]
    fn forms() {
        let d = BirthDate::parse("5/3/1990", TODAY).unwrap();
        assert_eq!(d.to_string(), "05/03/1990");
        assert_eq!(d.ddmmyyyy(), "05031990");
        assert_eq!(d.year(), 1990);
    }
}
