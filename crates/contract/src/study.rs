//! Research sessions (spec §7): what the study build of the SPA and the mock say to each other.
//! The SPA sends what happened on screen, never what was typed: every event below carries
//! codes (addresses, field names, rule and error codes) and numbers, except a participant's
//! own feedback.

use serde::{Deserialize, Serialize};

enumerated! {
/// Where a task starts from, whatever the participant types: the mock answers as the
/// scenario says, so participants can use made-up details of their own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scenario {
    /// Any valid details succeed.
    FreshCitizen,
    /// Any ID number already has an account (the persona's sign-in still works).
    ExistingAccount,
    /// The carrier says the phone is not registered to that ID.
    CarrierMismatch,
    /// The code's SMS never arrives.
    SmsNeverArrives,
    /// The code runs out soon after it is sent.
    CodeAboutToExpire,
}
}

impl Scenario {
    /// The form value and the code in exports.
    pub const fn code(self) -> &'static str {
        match self {
            Scenario::FreshCitizen => "fresh_citizen",
            Scenario::ExistingAccount => "existing_account",
            Scenario::CarrierMismatch => "carrier_mismatch",
            Scenario::SmsNeverArrives => "sms_never_arrives",
            Scenario::CodeAboutToExpire => "code_about_to_expire",
        }
    }

    pub fn from_code(code: &str) -> Option<Scenario> {
        Scenario::ALL.iter().copied().find(|s| s.code() == code)
    }

    /// How the facilitator's pages name it.
    pub const fn label(self) -> &'static str {
        match self {
            Scenario::FreshCitizen => "A fresh citizen (any valid details succeed)",
            Scenario::ExistingAccount => {
                "The existing-account persona (any ID already has an account)"
            }
            Scenario::CarrierMismatch => {
                "A carrier mismatch (the phone is not registered to the ID)"
            }
            Scenario::SmsNeverArrives => "An SMS that never arrives",
            Scenario::CodeAboutToExpire => "A code about to expire",
        }
    }
}

/// The task panel's stylesheet, served by the mock in study mode: no other build loads it.
pub const PANEL_STYLESHEET: &str = "/s/panel.css";

/// Seconds a code stays valid in the [`Scenario::CodeAboutToExpire`] scenario.
pub const SHORT_OTP_TTL_S: u32 = 45;

/// One task as the participant reads it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaskText {
    pub vi: String,
    pub en: String,
}

/// `GET` [`crate::endpoints::STUDY_SESSION`]: the participant's place in their study.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StudySession {
    /// "P01".
    pub participant: String,
    pub tasks: Vec<TaskText>,
    /// The task under way (0-based); `None` once every task has ended.
    pub current: Option<usize>,
    /// Bumped when the facilitator resets the participant: the tab then forgets its state.
    pub generation: i64,
    /// The texts of the SMS sent to the participant's sandbox, newest first (their "phone").
    pub sms: Vec<String>,
}

/// `POST` [`crate::endpoints::STUDY_TASK`]: the participant ends the task under way.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TaskOutcome {
    /// "Xong".
    Done,
    /// "Bỏ qua".
    Skipped,
}

impl TaskOutcome {
    /// Its code, as events and exports record it.
    pub const fn code(self) -> &'static str {
        match self {
            TaskOutcome::Done => "done",
            TaskOutcome::Skipped => "skipped",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EndTask {
    pub outcome: TaskOutcome,
}

/// One field's refusal: the field's name and the rule's code (`phone`, `invalid_prefix`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldRule {
    pub field: String,
    pub rule: String,
}

/// What happened, as the SPA saw it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Happened {
    /// A screen (its address in the route table) came into view.
    ScreenEntered { screen: String },
    /// The participant left a screen.
    ScreenLeft { screen: String },
    /// A submit the form refused before sending, with what it showed.
    Refused {
        screen: String,
        fields: Vec<FieldRule>,
    },
    /// The server refused a request: its error code, and the fields when it names some.
    ServerRefused {
        screen: String,
        code: String,
        fields: Vec<FieldRule>,
    },
    /// A notice that is not a field error (`account_exists`, `carrier_mismatch`, `rate_limited`, `retry`).
    Notice { screen: String, notice: String },
    /// "Gửi lại OTP" sent a new code.
    CodeResent { screen: String },
    /// A code the server did not accept.
    WrongCode { screen: String },
    /// The language toggle (`vi`, `en`).
    LanguageChanged { lang: String },
    /// The "Góp ý" box.
    Feedback { screen: String, text: String },
}

/// One event in a batch: `age_ms` before the batch was sent (the server dates it with its
/// own clock, so a participant's wrong clock does not matter).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StudyEvent {
    pub age_ms: u32,
    #[serde(flatten)]
    pub happened: Happened,
}

/// Longest feedback kept, in characters.
pub const FEEDBACK_MAX_CHARS: usize = 2000;

/// Most events in one batch.
pub const BATCH_MAX: usize = 100;

/// Whether a code-like value (an address, a field, a rule) is one: short, and made of
/// lower-case letters, digits and `_-/.`. The server refuses anything else, so nothing
/// typed can travel in one.
pub fn is_code(value: &str) -> bool {
    !value.is_empty()
        && value.len() <= 64
        && value
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"_-/.".contains(&b))
}

impl Happened {
    /// The codes it carries (the feedback's text is not one).
    pub fn codes(&self) -> Vec<&str> {
        match self {
            Happened::ScreenEntered { screen }
            | Happened::ScreenLeft { screen }
            | Happened::CodeResent { screen }
            | Happened::WrongCode { screen }
            | Happened::Feedback { screen, .. } => vec![screen],
            Happened::LanguageChanged { lang } => vec![lang],
            Happened::Notice { screen, notice } => vec![screen, notice],
            Happened::Refused { screen, fields } => field_codes(screen, None, fields),
            Happened::ServerRefused {
                screen,
                code,
                fields,
            } => field_codes(screen, Some(code), fields),
        }
    }

    /// Whether every code in it is one ([`is_code`]) and a feedback fits.
    pub fn is_well_formed(&self) -> bool {
        let text_fits = match self {
            Happened::Feedback { text, .. } => {
                !text.trim().is_empty() && text.chars().count() <= FEEDBACK_MAX_CHARS
            }
            _ => true,
        };
        text_fits && self.codes().into_iter().all(is_code)
    }

    /// Its kind's code (`screen_entered`), as exports name it.
    pub fn kind(&self) -> &'static str {
        match self {
            Happened::ScreenEntered { .. } => "screen_entered",
            Happened::ScreenLeft { .. } => "screen_left",
            Happened::Refused { .. } => "refused",
            Happened::ServerRefused { .. } => "server_refused",
            Happened::Notice { .. } => "notice",
            Happened::CodeResent { .. } => "code_resent",
            Happened::WrongCode { .. } => "wrong_code",
            Happened::LanguageChanged { .. } => "language_changed",
            Happened::Feedback { .. } => "feedback",
        }
    }
}

fn field_codes<'a>(
    screen: &'a str,
    code: Option<&'a str>,
    fields: &'a [FieldRule],
) -> Vec<&'a str> {
    let mut all = vec![screen];
    all.extend(code);
    for f in fields {
        all.push(&f.field);
        all.push(&f.rule);
    }
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scenarios_round_trip_through_their_codes() {
        for &s in Scenario::ALL {
            assert_eq!(Scenario::from_code(s.code()), Some(s));
        }
        assert_eq!(Scenario::from_code("nope"), None);
    }

    #[test]
    fn only_codes_pass_as_codes() {
        for ok in [
            "/dang-ky/thue-bao-di-dong/otp",
            "phone",
            "invalid_prefix",
            "vi",
        ] {
            assert!(is_code(ok), "{ok}");
        }
        for typed in [
            "001090000001x ",
            "Nguyễn Văn A",
            "",
            "0912 000 000",
            "Matkhau@2024",
            &"a".repeat(65),
        ] {
            assert!(!is_code(typed), "{typed}");
        }
    }

    #[test]
    fn an_event_carrying_typed_text_in_a_code_is_refused() {
        let typed = Happened::Refused {
            screen: "/dang-ky/thue-bao-di-dong".into(),
            fields: vec![FieldRule {
                field: "full_name".into(),
                rule: "Nguyễn Văn A".into(),
            }],
        };
        assert!(!typed.is_well_formed());
        let fine = Happened::Feedback {
            screen: "/".into(),
            text: "Nút này khó thấy".into(),
        };
        assert!(fine.is_well_formed());
        let too_long = Happened::Feedback {
            screen: "/".into(),
            text: "a".repeat(FEEDBACK_MAX_CHARS + 1),
        };
        assert!(!too_long.is_well_formed());
    }

    #[test]
    fn events_read_as_the_spa_writes_them() {
        let json = r#"{"age_ms":1200,"kind":"server_refused","screen":"/dang-ky/thue-bao-di-dong","code":"validation","fields":[{"field":"phone","rule":"invalid_prefix"}]}"#;
        let event: StudyEvent = serde_json::from_str(json).unwrap();
        assert_eq!(event.age_ms, 1200);
        assert_eq!(event.happened.kind(), "server_refused");
        assert_eq!(serde_json::to_string(&event).unwrap(), json);
    }
}
