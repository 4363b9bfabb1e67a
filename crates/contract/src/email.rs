//! "Email" (optional): a plausible address. Deliverability is not checked here.

use crate::text::clean;
use serde::{Deserialize, Serialize};
use std::fmt;

pub const EMAIL_MAX_CHARS: usize = 254;

enumerated! {
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum EmailError {
    Invalid,
    TooLong,
}
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Email(String);

fn valid_label(label: &str) -> bool {
    !label.is_empty()
        && label.len() <= 63
        && !label.starts_with('-')
        && !label.ends_with('-')
        && label.chars().all(|c| c.is_alphanumeric() || c == '-')
}

impl Email {
    /// `Ok(None)` for an empty field: the email is optional.
    pub fn parse_optional(input: &str) -> Result<Option<Self>, EmailError> {
        let s: String = clean(input).collect::<String>().trim().to_owned();
        if s.is_empty() {
            return Ok(None);
        }
        if s.chars().count() > EMAIL_MAX_CHARS {
            return Err(EmailError::TooLong);
        }
        let (local, domain) = s.rsplit_once('@').ok_or(EmailError::Invalid)?;
        let local_ok = !local.is_empty()
            && local.len() <= 64
            && !local.starts_with('.')
            && !local.ends_with('.')
            && !local.contains("..")
            && local
                .chars()
                .all(|c| c.is_alphanumeric() || "!#$%&'*+-/=?^_`{|}~.".contains(c));
        let labels: Vec<&str> = domain.split('.').collect();
        let domain_ok = labels.len() >= 2
            && labels.iter().all(|l| valid_label(l))
            && labels.last().is_some_and(|tld| tld.chars().count() >= 2);
        if local_ok && domain_ok {
            Ok(Some(Email(s)))
        } else {
            Err(EmailError::Invalid)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use EmailError::*;

    #[test]
    fn table() {
        let long = format!("{}@example.com", "a".repeat(250));
        let cases: &[(&str, Result<Option<&str>, EmailError>)] = &[
            ("", Ok(None)),
            ("   ", Ok(None)),
            ("an.nguyen@example.vn", Ok(Some("an.nguyen@example.vn"))),
            (" an+portal@mail.gov.vn ", Ok(Some("an+portal@mail.gov.vn"))),
            ("an@tên-miền.vn", Ok(Some("an@tên-miền.vn"))),
            ("an", Err(Invalid)),
            ("an@", Err(Invalid)),
            ("@example.vn", Err(Invalid)),
            ("an@example", Err(Invalid)),
            ("an@@example.vn", Err(Invalid)),
            ("an nguyen@example.vn", Err(Invalid)),
            ("an..b@example.vn", Err(Invalid)),
            ("an@-example.vn", Err(Invalid)),
            ("an@example.v", Err(Invalid)),
            ("an@example..vn", Err(Invalid)),
            (long.as_str(), Err(TooLong)),
        ];
        for (input, want) in cases {
            let got = Email::parse_optional(input);
            let got = got.as_ref().map(|o| o.as_ref().map(|e| e.as_str()));
            assert_eq!(got, want.as_ref().map(|o| *o), "{input:?}");
        }
    }
}
