//! The gallery's states: which screen, with what flow state, which canned server answers,
//! and what a citizen did on it. Also the synthetic flows the panel's "jump to a step" uses.

use super::hooks::Canned;
use super::script::Act;
use crate::clock::client_now_ms;
use crate::flow::countdown::OtpClock;
use crate::flow::state::{FlowKind, FlowState, Started, Step};
use contract::api::{ApiError, CaptchaChallenge, ErrorCode};
use contract::endpoints;
use contract::personas::{EXISTING_ID, EXISTING_NAME, EXISTING_PHONE};
use contract::route_table::{self as rt, route_at, Route};
use time::OffsetDateTime;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Home,
    Choose,
    Details,
    Otp,
    Password,
    Done,
    SignIn,
    SignInOtp,
    Account,
    ResetStart,
    ResetOtp,
    ResetPassword,
    About,
    /// A screen whose code did not download.
    LoadFailed,
}

impl Screen {
    pub const ALL: [Screen; 14] = [
        Screen::Home,
        Screen::Choose,
        Screen::Details,
        Screen::Otp,
        Screen::Password,
        Screen::Done,
        Screen::SignIn,
        Screen::SignInOtp,
        Screen::Account,
        Screen::ResetStart,
        Screen::ResetOtp,
        Screen::ResetPassword,
        Screen::About,
        Screen::LoadFailed,
    ];

    /// The route that shows this screen in the app (none for a module that did not load).
    pub fn route(self) -> Option<&'static Route> {
        let path = match self {
            Screen::Home => rt::HOME,
            Screen::Choose => rt::CHOOSE_METHOD,
            Screen::Details => rt::REGISTRATION,
            Screen::Otp => rt::REGISTRATION_OTP,
            Screen::Password => rt::REGISTRATION_PASSWORD,
            Screen::Done => rt::REGISTRATION_DONE,
            Screen::SignIn => rt::SIGN_IN,
            Screen::SignInOtp => rt::SIGN_IN_OTP,
            Screen::Account => rt::ACCOUNT,
            Screen::ResetStart => rt::RESET,
            Screen::About => rt::ABOUT,
            Screen::ResetOtp => rt::RESET_OTP,
            Screen::ResetPassword => rt::RESET_PASSWORD,
            Screen::LoadFailed => return None,
        };
        route_at(path)
    }

    pub fn kind(self) -> FlowKind {
        match self {
            Screen::ResetStart | Screen::ResetOtp | Screen::ResetPassword => FlowKind::Reset,
            Screen::SignIn | Screen::SignInOtp => FlowKind::SignIn,
            _ => FlowKind::Registration,
        }
    }
}

/// How far the synthetic flow has got.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Setup {
    Fresh,
    Filled,
    /// Filled, with this phone number (a carrier's own notice).
    FilledWithPhone(&'static str),
    Otp {
        expires_s: i64,
        resend_s: i64,
        sends_left: u32,
        attempts_left: u32,
    },
    PasswordStep,
    Done,
}

pub const OTP_RUNNING: Setup = Setup::Otp {
    expires_s: 240,
    resend_s: 0,
    sends_left: 4,
    attempts_left: 5,
};

/// A dev panel button that puts a synthetic flow at a step (the gallery's notes name them).
#[derive(Clone, Copy, Debug)]
pub struct Jump {
    pub label: &'static str,
    pub kind: FlowKind,
    pub step: Step,
    pub setup: Setup,
}

const fn jump(label: &'static str, kind: FlowKind, step: Step, setup: Setup) -> Jump {
    Jump {
        label,
        kind,
        step,
        setup,
    }
}

pub const JUMPS: &[Jump] = &[
    jump("Form", FlowKind::Registration, Step::Details, Setup::Filled),
    jump("OTP", FlowKind::Registration, Step::Otp, OTP_RUNNING),
    jump(
        "Password",
        FlowKind::Registration,
        Step::Password,
        Setup::PasswordStep,
    ),
    jump("Done", FlowKind::Registration, Step::Done, Setup::Done),
    jump("Reset: OTP", FlowKind::Reset, Step::Otp, OTP_RUNNING),
    jump("Sign in: OTP", FlowKind::SignIn, Step::Otp, OTP_RUNNING),
];

#[derive(Clone, Copy, Debug)]
pub struct GalleryState {
    pub key: &'static str,
    pub title: &'static str,
    pub screen: Screen,
    pub setup: Setup,
    /// Server answers for this state: (method, path suffix, error code).
    pub answers: &'static [(&'static str, &'static str, ErrorCode)],
    pub acts: &'static [Act],
    pub signed_in: bool,
}

const fn state(
    key: &'static str,
    title: &'static str,
    screen: Screen,
    setup: Setup,
) -> GalleryState {
    GalleryState {
        key,
        title,
        screen,
        setup,
        answers: &[],
        acts: &[],
        signed_in: false,
    }
}

const fn answered(
    mut s: GalleryState,
    answers: &'static [(&'static str, &'static str, ErrorCode)],
    acts: &'static [Act],
) -> GalleryState {
    s.answers = answers;
    s.acts = acts;
    s
}

const fn acted(mut s: GalleryState, acts: &'static [Act]) -> GalleryState {
    s.acts = acts;
    s
}

/// The form filled (with `setup`'s phone) and refused by the carrier: each network's notice.
const fn carrier_mismatch(key: &'static str, label: &'static str, setup: Setup) -> GalleryState {
    answered(
        state(key, label, Screen::Details, setup),
        &[("POST", endpoints::REGISTRATIONS, ErrorCode::CarrierMismatch)],
        SUBMIT_FILLED,
    )
}

const SUBMIT_FILLED: &[Act] = &[Act::Fill("captcha_answer", "ABCDE"), Act::Submit];
const RESET_SUBMIT: &[Act] = &[
    Act::Fill("id_number", EXISTING_ID),
    Act::Fill("phone", EXISTING_PHONE),
    Act::Fill("captcha_answer", "WRONG"),
    Act::Submit,
];
const WRONG_CODE: &[Act] = &[Act::Fill("otp", "123456"), Act::Submit];
const SIGN_IN: &[Act] = &[
    Act::Fill("username", EXISTING_ID),
    Act::Fill("password", "Sai#matkhau1"),
    Act::Fill("captcha_answer", "ABCDE"),
    Act::Submit,
];
const SIGN_IN_WRONG_CAPTCHA: &[Act] = &[
    Act::Fill("username", EXISTING_ID),
    Act::Fill("password", "Matkhau@2024"),
    Act::Fill("captcha_answer", "WRONG"),
    Act::Submit,
];

pub const STATES: &[GalleryState] = &[
    state("home", "Trang chủ", Screen::Home, Setup::Fresh),
    state(
        "choose-method",
        "Chọn phương thức",
        Screen::Choose,
        Setup::Fresh,
    ),
    state(
        "details-empty",
        "Form: trống",
        Screen::Details,
        Setup::Fresh,
    ),
    acted(
        state(
            "details-errors",
            "Form: mọi lỗi",
            Screen::Details,
            Setup::Fresh,
        ),
        &[Act::Submit],
    ),
    answered(
        state(
            "details-account-exists",
            "Form: đã có tài khoản",
            Screen::Details,
            Setup::Filled,
        ),
        &[("POST", endpoints::REGISTRATIONS, ErrorCode::AccountExists)],
        SUBMIT_FILLED,
    ),
    carrier_mismatch(
        "details-carrier-mismatch",
        "Form: số không chính chủ (Vinaphone)",
        Setup::Filled,
    ),
    carrier_mismatch(
        "details-carrier-mismatch-viettel",
        "Form: số không chính chủ (Viettel)",
        Setup::FilledWithPhone("0981234567"),
    ),
    carrier_mismatch(
        "details-carrier-mismatch-mobifone",
        "Form: số không chính chủ (MobiFone)",
        Setup::FilledWithPhone("0901234567"),
    ),
    carrier_mismatch(
        "details-carrier-mismatch-other",
        "Form: số không chính chủ (mạng khác)",
        Setup::FilledWithPhone("0921234567"),
    ),
    answered(
        state(
            "details-rate-limited",
            "Form: quá nhiều lần",
            Screen::Details,
            Setup::Filled,
        ),
        &[("POST", endpoints::REGISTRATIONS, ErrorCode::RateLimited)],
        SUBMIT_FILLED,
    ),
    answered(
        state(
            "details-retry",
            "Form: lỗi mạng, Thử lại",
            Screen::Details,
            Setup::Filled,
        ),
        &[("POST", endpoints::REGISTRATIONS, ErrorCode::Unavailable)],
        SUBMIT_FILLED,
    ),
    state("otp-running", "OTP: đang đếm", Screen::Otp, OTP_RUNNING),
    state(
        "otp-resend-waiting",
        "OTP: chờ gửi lại",
        Screen::Otp,
        Setup::Otp {
            expires_s: 280,
            resend_s: 40,
            sends_left: 4,
            attempts_left: 5,
        },
    ),
    state(
        "otp-under-30s",
        "OTP: dưới 30 giây",
        Screen::Otp,
        Setup::Otp {
            expires_s: 25,
            resend_s: 0,
            sends_left: 4,
            attempts_left: 5,
        },
    ),
    state(
        "otp-expired",
        "OTP: hết hạn",
        Screen::Otp,
        Setup::Otp {
            expires_s: -5,
            resend_s: 0,
            sends_left: 4,
            attempts_left: 5,
        },
    ),
    answered(
        state("otp-wrong-code", "OTP: sai mã", Screen::Otp, OTP_RUNNING),
        &[("POST", "/otp/verify", ErrorCode::OtpIncorrect)],
        WRONG_CODE,
    ),
    answered(
        state("otp-locked", "OTP: tạm khóa", Screen::Otp, OTP_RUNNING),
        &[("POST", "/otp/verify", ErrorCode::Locked)],
        WRONG_CODE,
    ),
    state(
        "otp-send-limit",
        "OTP: hết lượt gửi lại",
        Screen::Otp,
        Setup::Otp {
            expires_s: 200,
            resend_s: 0,
            sends_left: 0,
            attempts_left: 5,
        },
    ),
    state(
        "password-empty",
        "Mật khẩu: trống",
        Screen::Password,
        Setup::PasswordStep,
    ),
    acted(
        state(
            "password-partial",
            "Mật khẩu: đạt một phần",
            Screen::Password,
            Setup::PasswordStep,
        ),
        &[Act::Fill("password", "sen#vang")],
    ),
    acted(
        state(
            "password-met",
            "Mật khẩu: đạt mọi yêu cầu",
            Screen::Password,
            Setup::PasswordStep,
        ),
        &[
            Act::Fill("password", "Sen#vang7Ho"),
            Act::Fill("password_confirmation", "Sen#vang7Ho"),
        ],
    ),
    acted(
        state(
            "password-errors",
            "Mật khẩu: lỗi",
            Screen::Password,
            Setup::PasswordStep,
        ),
        &[Act::Fill("password", "abc"), Act::Submit],
    ),
    state("done", "Hoàn tất", Screen::Done, Setup::Done),
    state("sign-in", "Đăng nhập", Screen::SignIn, Setup::Fresh),
    answered(
        state(
            "sign-in-error",
            "Đăng nhập: sai mật khẩu",
            Screen::SignIn,
            Setup::Fresh,
        ),
        &[("POST", endpoints::SESSION, ErrorCode::InvalidCredentials)],
        SIGN_IN,
    ),
    answered(
        state(
            "sign-in-locked",
            "Đăng nhập: tạm khóa",
            Screen::SignIn,
            Setup::Fresh,
        ),
        &[("POST", endpoints::SESSION, ErrorCode::Locked)],
        SIGN_IN,
    ),
    answered(
        state(
            "sign-in-captcha-wrong",
            "Đăng nhập: sai mã xác thực",
            Screen::SignIn,
            Setup::Fresh,
        ),
        &[("POST", endpoints::SESSION, ErrorCode::CaptchaInvalid)],
        SIGN_IN_WRONG_CAPTCHA,
    ),
    state(
        "sign-in-otp",
        "Đăng nhập: OTP",
        Screen::SignInOtp,
        OTP_RUNNING,
    ),
    answered(
        state(
            "sign-in-otp-wrong-code",
            "Đăng nhập: OTP sai mã",
            Screen::SignInOtp,
            OTP_RUNNING,
        ),
        &[("POST", "/otp/verify", ErrorCode::OtpIncorrect)],
        WRONG_CODE,
    ),
    answered(
        state(
            "sign-in-otp-locked",
            "Đăng nhập: OTP tạm khóa",
            Screen::SignInOtp,
            OTP_RUNNING,
        ),
        &[("POST", "/otp/verify", ErrorCode::Locked)],
        WRONG_CODE,
    ),
    GalleryState {
        signed_in: true,
        ..state("account", "Tài khoản", Screen::Account, Setup::Fresh)
    },
    state(
        "reset-start",
        "Quên mật khẩu",
        Screen::ResetStart,
        Setup::Fresh,
    ),
    answered(
        state(
            "reset-captcha-wrong",
            "Quên mật khẩu: sai mã xác thực",
            Screen::ResetStart,
            Setup::Fresh,
        ),
        &[(
            "POST",
            endpoints::PASSWORD_RESETS,
            ErrorCode::CaptchaInvalid,
        )],
        RESET_SUBMIT,
    ),
    state(
        "reset-otp",
        "Quên mật khẩu: OTP",
        Screen::ResetOtp,
        OTP_RUNNING,
    ),
    state("about", "Về bản mô phỏng", Screen::About, Setup::Fresh),
    state(
        "load-failed",
        "Trang không tải được",
        Screen::LoadFailed,
        Setup::Fresh,
    ),
    acted(
        state(
            "reset-password",
            "Quên mật khẩu: mật khẩu mới",
            Screen::ResetPassword,
            Setup::PasswordStep,
        ),
        &[Act::Fill("password", "Hoa#sen")],
    ),
];

pub fn find(key: &str) -> Option<&'static GalleryState> {
    STATES.iter().find(|s| s.key == key)
}

/// A flow at `setup`, with the persona's details typed in.
pub fn flow_state(setup: Setup) -> FlowState {
    let mut flow = FlowState::default();
    if setup == Setup::Fresh {
        return flow;
    }
    flow.form.id_number = EXISTING_ID.into();
    flow.form.full_name = EXISTING_NAME.into();
    flow.form.date_of_birth = "01/01/1990".into();
    flow.form.phone = EXISTING_PHONE.into();
    let now = client_now_ms();
    let started = |expires_s: i64, resend_s: i64, sends_left, attempts_left| Started {
        flow_id: "gallery".into(),
        phone_masked: "09******78".into(),
        otp: OtpClock {
            expires_at_ms: now + expires_s * 1000,
            resend_at_ms: now + resend_s * 1000,
            offset_ms: 0,
            sends_left,
            attempts_left,
        },
    };
    match setup {
        Setup::Fresh | Setup::Filled => {}
        Setup::FilledWithPhone(phone) => flow.form.phone = phone.into(),
        Setup::Otp {
            expires_s,
            resend_s,
            sends_left,
            attempts_left,
        } => flow.start(started(expires_s, resend_s, sends_left, attempts_left)),
        Setup::PasswordStep => {
            flow.start(started(240, 0, 4, 5));
            flow.verified("gallery-token".into());
        }
        Setup::Done => {
            flow.start(started(240, 0, 4, 5));
            flow.finished(EXISTING_ID.into());
        }
    }
    flow
}

/// The canned answers of a state, plus a fixed captcha so screenshots are stable.
pub fn canned(state: &GalleryState) -> Vec<Canned> {
    let captcha = CaptchaChallenge {
        captcha_id: "gallery".into(),
        image_svg: CAPTCHA_SVG.into(),
        expires_in_s: 300,
    };
    let mut answers = vec![Canned {
        method: "GET",
        path_suffix: endpoints::CAPTCHA,
        status: 200,
        body: serde_json::to_string(&captcha).unwrap_or_default(),
    }];
    for &(method, path_suffix, code) in state.answers {
        answers.push(Canned {
            method,
            path_suffix,
            status: code.status(),
            body: serde_json::to_string(&error_body(code)).unwrap_or_default(),
        });
    }
    answers
}

/// What the mock would answer with this code, with typical details.
fn error_body(code: ErrorCode) -> ApiError {
    let mut e = ApiError::new(code, "");
    match code {
        ErrorCode::OtpIncorrect => e.attempts_left = Some(3),
        ErrorCode::RateLimited => e.retry_after_s = Some(1800),
        ErrorCode::Locked => {
            e.retry_after_s = Some(900);
            let until_s = client_now_ms() / 1000 + 900;
            e.locked_until = OffsetDateTime::from_unix_timestamp(until_s).ok();
        }
        _ => {}
    }
    e
}

const CAPTCHA_SVG: &str = "<svg xmlns='http://www.w3.org/2000/svg' width='200' height='70' viewBox='0 0 200 70'><rect width='200' height='70' fill='#eef2f7'/><path d='M10 50 L40 15 L55 55 M70 20 Q90 60 110 20 M125 55 L140 15 L160 55 M170 20 L190 20 L175 55' stroke='#1b1b1b' stroke-width='4' fill='none'/></svg>";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_unique_anchors() {
        for (i, s) in STATES.iter().enumerate() {
            assert!(s
                .key
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'));
            assert!(STATES[i + 1..].iter().all(|o| o.key != s.key), "{}", s.key);
            assert_ne!(s.key, crate::dev::GALLERY_FLOW);
        }
        assert!(STATES.len() >= 25);
    }
}
