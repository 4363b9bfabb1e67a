//! Every screen's address, declared once: open this first to find a screen.
//!
//! For each address: the screen it shows, the flow whose state it reads and writes (the SPA
//! keeps each flow's state and saves it), the guard that decides whether it may show, and the screen
//! whose code it starts fetching once the citizen starts using it. Where each screen's code
//! lives (the main wasm or a split module) is [`Screen::code`].
//!
//! The SPA builds its `<FlatRoutes>` from [`ROUTES`] (`src/app.rs`); links and navigations take
//! the path consts below; the release build (`xtask`) reads the same table natively to know
//! what to pre-render and what a deep link preloads. Nothing scans source text for routes.

use crate::flow::{FlowKind, Step};

pub const HOME: &str = "/";
pub const CHOOSE_METHOD: &str = "/dang-ky";
pub const ACCOUNT: &str = "/tai-khoan";
pub const ABOUT: &str = "/gioi-thieu";

macro_rules! registration {
    () => {
        "/dang-ky/thue-bao-di-dong"
    };
    ($step:literal) => {
        concat!(registration!(), "/", $step)
    };
}
macro_rules! sign_in {
    () => {
        "/dang-nhap"
    };
    ($step:literal) => {
        concat!(sign_in!(), "/", $step)
    };
}
macro_rules! reset {
    () => {
        "/quen-mat-khau"
    };
    ($step:literal) => {
        concat!(reset!(), "/", $step)
    };
}

pub const REGISTRATION: &str = registration!();
pub const REGISTRATION_OTP: &str = registration!("otp");
pub const REGISTRATION_PASSWORD: &str = registration!("mat-khau");
pub const REGISTRATION_DONE: &str = registration!("hoan-tat");
pub const SIGN_IN: &str = sign_in!();
pub const SIGN_IN_OTP: &str = sign_in!("otp");
pub const RESET: &str = reset!();
pub const RESET_OTP: &str = reset!("otp");
pub const RESET_PASSWORD: &str = reset!("mat-khau");

/// What a screen is, whatever address shows it (the code and password steps serve both flows).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Screen {
    Home,
    ChooseMethod,
    Details,
    Otp,
    Password,
    Done,
    SignIn,
    Account,
    ResetStart,
    /// "Về bản mô phỏng này": what this prototype is.
    About,
}

/// Whether a screen may show, decided by the app before the screen (and its code) loads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Guard {
    /// Anyone.
    Open,
    /// Only once the route's flow has reached this step; else the furthest step it has.
    /// A flow for the signed out ([`FlowKind::signed_out_only`]) also sends a citizen who
    /// is signed in to the account page.
    Step(Step),
    /// Only signed in; else the sign-in page.
    SignedIn,
}

/// Where a screen's code lives in a release build.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Code {
    /// In the main wasm: the screen paints with the app's first render.
    Main,
    /// All of it in the named split module (the split point's function name).
    Module(&'static str),
}

impl Screen {
    pub const fn code(self) -> Code {
        match self {
            Screen::Home | Screen::ChooseMethod => Code::Main,
            Screen::Details => Code::Module("details_page"),
            Screen::Otp => Code::Module("otp_page"),
            Screen::Password => Code::Module("password_page"),
            Screen::Done => Code::Module("done_page"),
            Screen::SignIn => Code::Module("sign_in_page"),
            Screen::Account => Code::Module("account_page"),
            Screen::ResetStart => Code::Module("reset_start_page"),
            Screen::About => Code::Module("about_page"),
        }
    }

    /// The split module that holds the screen's code, if any.
    pub const fn module(self) -> Option<&'static str> {
        match self.code() {
            Code::Main => None,
            Code::Module(module) => Some(module),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Route {
    pub path: &'static str,
    pub screen: Screen,
    /// The flow whose state this screen reads and writes, if any.
    pub flow: Option<FlowKind>,
    pub guard: Guard,
    /// The screen whose code to fetch once the citizen starts using this one.
    pub prefetch: Option<Screen>,
}

const fn route(
    path: &'static str,
    screen: Screen,
    guard: Guard,
    prefetch: Option<Screen>,
) -> Route {
    Route {
        path,
        screen,
        flow: None,
        guard,
        prefetch,
    }
}

const fn step(
    flow: FlowKind,
    path: &'static str,
    screen: Screen,
    step: Step,
    prefetch: Option<Screen>,
) -> Route {
    Route {
        path,
        screen,
        flow: Some(flow),
        guard: Guard::Step(step),
        prefetch,
    }
}

use FlowKind::{Registration, Reset, SignIn};

/// One row per address. `step` rows read their flow's state and show only once the flow
/// has reached that step; `route` rows stand alone, behind their guard.
#[rustfmt::skip]
pub const ROUTES: &[Route] = &[
    //     path                  screen               guard                       prefetch
    route(HOME,                  Screen::Home,         Guard::Open,               None),
    route(CHOOSE_METHOD,         Screen::ChooseMethod, Guard::Open,               Some(Screen::Details)),
    step(Registration, REGISTRATION,          Screen::Details,  Step::Details,    Some(Screen::Otp)),
    step(Registration, REGISTRATION_OTP,      Screen::Otp,      Step::Otp,        Some(Screen::Password)),
    step(Registration, REGISTRATION_PASSWORD, Screen::Password, Step::Password,   Some(Screen::Done)),
    step(Registration, REGISTRATION_DONE,     Screen::Done,     Step::Done,       None),
    // Signing in as on the portal: the ID, password and captcha, then an SMS code.
    step(SignIn,       SIGN_IN,               Screen::SignIn,   Step::Details,    Some(Screen::Otp)),
    step(SignIn,       SIGN_IN_OTP,           Screen::Otp,      Step::Otp,        Some(Screen::Account)),
    route(ACCOUNT,               Screen::Account,      Guard::SignedIn,           None),
    step(Reset,        RESET,                 Screen::ResetStart, Step::Details,  Some(Screen::Otp)),
    step(Reset,        RESET_OTP,             Screen::Otp,      Step::Otp,        Some(Screen::Password)),
    // A finished reset signs the citizen in: its last step leads to the account page.
    step(Reset,        RESET_PASSWORD,        Screen::Password, Step::Password,   Some(Screen::Account)),
    route(ABOUT,                 Screen::About,        Guard::Open,               None),
];

/// The page a release build pre-renders `path` into (`xtask/src/prerender.rs`), relative to
/// the build's root, which the servers (the mock, `deploy/nginx.conf`) answer that address
/// with; `index.html` answers every other address.
pub fn prerendered_page(path: &str) -> String {
    if path == HOME {
        "/screens/index.html".to_owned()
    } else {
        format!("/screens{path}.html")
    }
}

/// The route at `path` (as the table writes it: no trailing slash but the root's).
pub fn route_at(path: &str) -> Option<&'static Route> {
    ROUTES.iter().find(|r| r.path == path)
}

/// The routes outside any flow, in table order.
pub fn top_level() -> impl Iterator<Item = &'static Route> {
    ROUTES.iter().filter(|r| r.flow.is_none())
}

/// A flow's routes, in table order.
pub fn in_flow(flow: FlowKind) -> impl Iterator<Item = &'static Route> {
    ROUTES.iter().filter(move |r| r.flow == Some(flow))
}

impl FlowKind {
    /// The address of `step` in this flow. A finished reset or sign-in has signed the
    /// citizen in: its "done" is the account page.
    pub fn path(self, step: Step) -> &'static str {
        if step == Step::Done && self.ends_signed_in() {
            return ACCOUNT;
        }
        in_flow(self)
            .find(|r| r.guard == Guard::Step(step))
            // Every step of a flow has its route (tested); a step a flow lacks goes home.
            .map_or(HOME, |r| r.path)
    }
}

/// The address of a flow's first step, which all its steps are under.
pub fn flow_base(flow: FlowKind) -> &'static str {
    flow.path(Step::Details)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_address_is_unique_and_well_formed() {
        let mut seen = HashSet::new();
        for r in ROUTES {
            assert!(seen.insert(r.path), "{} twice", r.path);
            assert!(r.path.starts_with('/'), "{}", r.path);
            assert!(r.path == "/" || !r.path.ends_with('/'), "{}", r.path);
        }
    }

    #[test]
    fn every_step_of_every_flow_has_one_route_under_the_flows_base() {
        for flow in FlowKind::ALL {
            for &s in flow.steps() {
                let path = flow.path(s);
                let route = route_at(path).unwrap_or_else(|| panic!("{flow:?} {s:?}: {path}"));
                if s == Step::Done && flow.ends_signed_in() {
                    assert_eq!(path, ACCOUNT);
                } else {
                    // The step's own row, not the fallback.
                    assert_eq!(
                        (route.flow, route.guard),
                        (Some(flow), Guard::Step(s)),
                        "{path}"
                    );
                }
            }
            for r in in_flow(flow) {
                assert!(matches!(r.guard, Guard::Step(_)), "{r:?}");
                assert!(r.path.starts_with(flow_base(flow)), "{r:?}");
            }
        }
        assert_eq!(FlowKind::Reset.path(Step::Done), ACCOUNT);
        assert_eq!(FlowKind::SignIn.path(Step::Done), ACCOUNT);
        assert_eq!(FlowKind::SignIn.path(Step::Otp), "/dang-nhap/otp");
    }

    #[test]
    fn step_guards_belong_to_a_flow_and_prefetches_are_of_other_screens_with_code() {
        for r in ROUTES {
            if let Guard::Step(_) = r.guard {
                assert!(r.flow.is_some(), "{r:?}");
            }
            if let Some(next) = r.prefetch {
                assert_ne!(next, r.screen, "{r:?}");
                assert!(next.module().is_some(), "{r:?}: nothing to fetch");
            }
        }
    }

    /// The main wasm's screens are open: the guards' code (and a flow's state) is only in
    /// the split modules (see the SPA's `app.rs`).
    #[test]
    fn screens_in_the_main_wasm_are_open() {
        for r in ROUTES {
            if r.screen.code() == Code::Main {
                assert_eq!(r.guard, Guard::Open, "{r:?}");
            }
        }
    }
}
