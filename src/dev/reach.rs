//! How to reach each gallery state in the running flow: the lines under each frame of
//! `/__gallery` (and in the exported pack). Read off the state's own definition (its screen,
//! setup, the citizen's acts and the canned answers) and the dev panel's buttons, so a note
//! cannot describe a state other than the one rendered.

use super::script::Act;
use super::states::{GalleryState, Screen, Setup, JUMPS, OTP_RUNNING};
use super::{EXPIRE_CODE, NEXT_REQUEST_FAILS, ONE_MINUTE, RANDOM_CITIZEN};
use crate::flow::state::{FlowKind, Step};
use contract::api::ErrorCode;
use contract::messages::{AccountUi, FormUi, Localize, OtpUi, Ui};
use contract::otp::MAX_SIGN_IN_FAILURES;
use contract::personas::{CARRIER_MISMATCH_PHONE, EXISTING_ID, EXISTING_PASSWORD, EXISTING_PHONE};
use contract::registration::Field;
use contract::OtpPolicy;

/// The steps, in order, each a sentence.
pub fn how_to_reach(state: &GalleryState) -> Vec<String> {
    let mut lines = vec![arrive(state)];
    lines.extend(setup_lines(state.setup));
    for act in state.acts {
        lines.push(match *act {
            Act::Fill(id, text) => format!("Type “{text}” in “{}”.", field_label(id)),
            Act::Submit => "Submit the form.".into(),
        });
    }
    for &(method, _, code) in state.answers {
        lines.push(format!(
            "The mock answers {method} with {} {}: {}",
            code.status(),
            wire(code),
            cause(code, state.screen)
        ));
    }
    lines
}

/// Getting to the screen: its address, or the steps before it and the panel's shortcut.
fn arrive(state: &GalleryState) -> String {
    let kind = state.screen.kind();
    let shortcut = |step: Step| {
        JUMPS
            .iter()
            .find(|j| j.kind == kind && j.step == step)
            .map_or(String::new(), |j| {
                format!(" (or Dev panel › Jump: “{}”)", j.label)
            })
    };
    let signed_in = format!(
        "sign in as persona account-exists ({EXISTING_ID}, {EXISTING_PASSWORD}, the captcha, \
         then the SMS code from Dev panel › Inbox)"
    );
    let path = state.screen.route().map_or("", |r| r.path);
    match state.screen {
        Screen::Otp => format!(
            "Submit the registration form with Dev panel › Fill: “{RANDOM_CITIZEN}”{}.",
            shortcut(Step::Otp)
        ),
        Screen::Password => format!(
            "Type the SMS code from Dev panel › Inbox on the code step{}.",
            shortcut(Step::Password)
        ),
        Screen::Done => format!(
            "Set a password that meets every rule on the password step{}.",
            shortcut(Step::Done)
        ),
        Screen::SignInOtp => format!(
            "At {path}: {EXISTING_ID}, {EXISTING_PASSWORD} and the captcha{}.",
            shortcut(Step::Otp)
        ),
        Screen::ResetOtp => format!(
            "At {}: {EXISTING_ID}, {EXISTING_PHONE} and the captcha{}.",
            FlowKind::Reset.path(Step::Details),
            shortcut(Step::Otp)
        ),
        Screen::ResetPassword => {
            "Type the reset's SMS code from Dev panel › Inbox on its code step.".into()
        }
        Screen::Account => format!("Open {path} and {signed_in}."),
        // Development builds are not split: only the release build has modules to miss.
        Screen::LoadFailed => format!(
            "Under cargo xtask preview (the split release build): open /, turn the network off \
             (DevTools › Network › Offline), then follow “{}” (its module is not loaded yet).",
            Ui::PrototypeMore.texts().0
        ),
        _ if state.setup == Setup::Filled => format!(
            "Open {path} and fill it with Dev panel › Fill: account-exists{}.",
            shortcut(Step::Details)
        ),
        _ => format!("Open {path}."),
    }
}

/// The flow's state beyond "just arrived": a typed phone, the clock, spent sends.
fn setup_lines(setup: Setup) -> Vec<String> {
    let policy = OtpPolicy::default();
    let mut lines = Vec::new();
    match setup {
        Setup::FilledWithPhone(phone) => {
            lines.push(format!("Type “{phone}” in “{}”.", field_label("phone")));
        }
        Setup::Otp {
            expires_s,
            resend_s,
            sends_left,
            ..
        } if setup != OTP_RUNNING => {
            if expires_s < 0 {
                lines.push(format!("Dev panel › Clock: “{EXPIRE_CODE}”."));
            } else if resend_s > 0 {
                let since = i64::from(policy.resend_after_s) - resend_s;
                lines.push(format!(
                    "Look within {since} s of the code being sent: “Gửi lại mã” waits {} s.",
                    policy.resend_after_s
                ));
            } else if expires_s < 60 {
                let age = i64::from(policy.ttl_s) - expires_s;
                lines.push(format!(
                    "Let {age} s pass since the code was sent (Dev panel › Clock: “{ONE_MINUTE}”)."
                ));
            }
            if sends_left == 0 {
                lines.push(format!(
                    "Press “Gửi lại mã” until all {} codes of the flow are sent (the clock moved \
                     past each wait).",
                    policy.max_sends
                ));
            }
        }
        _ => {}
    }
    lines
}

/// What makes the mock give `code` on `screen` for real.
fn cause(code: ErrorCode, screen: Screen) -> String {
    match code {
        ErrorCode::AccountExists => {
            "the ID already has an account (persona account-exists).".into()
        }
        ErrorCode::CarrierMismatch => format!(
            "the network says the number is not the ID's (persona carrier-mismatch, \
             {CARRIER_MISMATCH_PHONE}; any network's prefix gives its own notice)."
        ),
        ErrorCode::RateLimited => format!(
            "too many registrations from one address ({} in 10 minutes; start the mock with \
             --ip-limit 1 and submit twice).",
            contract::otp::DEFAULT_IP_LIMIT_PER_10_MIN
        ),
        ErrorCode::Unavailable => format!("Dev panel › Faults: “{NEXT_REQUEST_FAILS}”."),
        ErrorCode::OtpIncorrect => "a code other than the one in Dev panel › Inbox.".into(),
        ErrorCode::Locked if screen == Screen::SignIn => format!(
            "{MAX_SIGN_IN_FAILURES} wrong passwords for {EXISTING_ID}, each with a right captcha."
        ),
        ErrorCode::Locked => format!(
            "{} wrong codes in a row.",
            OtpPolicy::default().max_attempts
        ),
        ErrorCode::InvalidCredentials => {
            format!("a wrong password for {EXISTING_ID}, with the right captcha.")
        }
        ErrorCode::CaptchaInvalid => "a wrong captcha answer.".into(),
        other => format!("{} (no persona gives it).", wire(other)),
    }
}

/// The code as the API writes it (`account_exists`).
pub fn wire(code: ErrorCode) -> String {
    serde_json::to_string(&code)
        .unwrap_or_default()
        .trim_matches('"')
        .to_owned()
}

/// The label a citizen sees on the input with this id.
fn field_label(id: &str) -> &'static str {
    if let Some(field) = Field::ALL.iter().find(|f| f.key() == id) {
        return field.texts().0;
    }
    match id {
        "otp" => OtpUi::OtpLabel.texts().0,
        "password" => FormUi::PasswordLabel.texts().0,
        "password_confirmation" => FormUi::ConfirmPasswordLabel.texts().0,
        "username" => AccountUi::UsernameLabel.texts().0,
        _ => "?",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dev::states::{find, STATES};

    #[test]
    fn every_state_says_how_to_reach_it_with_each_of_its_inputs_and_answers() {
        for s in STATES {
            let notes = how_to_reach(s).join("\n");
            assert!(
                !notes.contains('?'),
                "{}: an input without a label: {notes}",
                s.key
            );
            for act in s.acts {
                if let Act::Fill(_, text) = act {
                    assert!(notes.contains(text), "{}: {notes}", s.key);
                }
            }
            for (_, _, code) in s.answers {
                let answer = format!("{} {}", code.status(), wire(*code));
                assert!(notes.contains(&answer), "{}: {notes}", s.key);
                assert!(!notes.contains("no persona gives it"), "{}: {notes}", s.key);
            }
        }
    }

    #[test]
    fn notes_name_the_panels_shortcut_and_the_clock() {
        let otp = how_to_reach(find("otp-running").unwrap()).join(" ");
        assert!(otp.contains("Jump: “OTP”"), "{otp}");
        let expired = how_to_reach(find("otp-expired").unwrap()).join(" ");
        assert!(expired.contains(EXPIRE_CODE), "{expired}");
        let under = how_to_reach(find("otp-under-30s").unwrap()).join(" ");
        assert!(under.contains("Let 275 s pass"), "{under}");
        let locked = how_to_reach(find("sign-in-locked").unwrap()).join(" ");
        assert!(
            locked.contains("423 locked") && locked.contains("wrong passwords"),
            "{locked}"
        );
    }
}
