//! The screens behind the home page, loaded lazily: each screen whose code the route table
//! puts in a module ([`contract::route_table::Screen::code`]) is a split point here.
//!
//! With the `split` feature (release builds, see `xtask/src/split/`) each screen's code is
//! cut out of the main wasm into its own files, fetched when the citizen first opens it: the
//! home page downloads only the shell. Without the feature (development, browser tests) the
//! same routes load from the one wasm, through the same async path.
//!
//! A module that fails to download (the connection dropped) shows [`PageLoadFailed`] instead
//! of aborting the app: the split functions are `fallible`, and a later attempt loads afresh.

use crate::components::page_load_failed::PageLoadFailed;
use crate::flow::state::FlowKind;
use crate::guards::guarded;
use crate::pages::steps::enter_flow;
use contract::route_table::{Guard, Screen};
use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;

/// Declares each split point: its module function (the name the route table gives the
/// screen's module), its preload function and the page component it renders behind a guard;
/// and [`load`], [`preload`] and [`MODULES`] over all of them.
macro_rules! split_screens {
    ($($screen:ident => $module:ident, $preload:ident, $page:path;)+) => {
        $(
            #[cfg_attr(
                feature = "split",
                leptos::wasm_split::wasm_split(
                    $module,
                    wasm_split_path = ::leptos::wasm_split,
                    preload($preload),
                    fallible
                )
            )]
            fn $module(guard: Guard, flow: Option<FlowKind>) -> Result<AnyView, SplitLoaderError> {
                use $page as Page;
                if let Some(kind) = flow {
                    enter_flow(kind);
                }
                Ok(guarded(guard, || view! { <Page/> }.into_any()))
            }
        )+

        /// Each split screen with its module's name, for the test that holds them to the
        /// route table.
        #[cfg(test)]
        const MODULES: &[(Screen, &str)] = &[$((Screen::$screen, stringify!($module))),+];

        /// `screen`'s view behind `guard`, from its module (fetched on first use in release
        /// builds), or the error of a module that did not download.
        async fn load(
            screen: Screen,
            guard: Guard,
            flow: Option<FlowKind>,
        ) -> Option<Result<AnyView, SplitLoaderError>> {
            match screen {
                $(
                    #[cfg(feature = "split")]
                    Screen::$screen => Some($module(guard, flow).await),
                    #[cfg(not(feature = "split"))]
                    Screen::$screen => Some($module(guard, flow)),
                )+
                #[allow(unreachable_patterns)]
                _ => None,
            }
        }

        /// Fetches `screen`'s module without running it. A failed prefetch is not an error:
        /// opening the page tries again.
        pub async fn preload(screen: Screen) {
            #[cfg(feature = "split")]
            match screen {
                $(Screen::$screen => { let _ = $preload().await; })+
                _ => {}
            }
            #[cfg(not(feature = "split"))]
            let _ = screen;
        }
    };
}

split_screens! {
    // Screen 3.
    Details => details_page, preload_details_page, crate::pages::registration::details::DetailsPage;
    // Screen 4, for both flows.
    Otp => otp_page, preload_otp_page, crate::pages::steps::otp::OtpPage;
    // Screen 5, for both flows.
    Password => password_page, preload_password_page, crate::pages::steps::password::PasswordPage;
    // Screen 6.
    Done => done_page, preload_done_page, crate::pages::registration::done::DonePage;
    // Screen 7.
    SignIn => sign_in_page, preload_sign_in_page, crate::pages::sign_in::SignInPage;
    // The signed-in citizen's page.
    Account => account_page, preload_account_page, crate::pages::account::AccountPage;
    // Screen 8.
    ResetStart => reset_start_page, preload_reset_start_page, crate::pages::reset::ResetStartPage;
    // What this prototype is.
    About => about_page, preload_about_page, crate::pages::about::AboutPage;
}

/// A whole screen from its module, behind its route's guard; a module that did not download
/// shows [`PageLoadFailed`] in its place.
pub async fn screen(screen: Screen, guard: Guard, flow: Option<FlowKind>) -> AnyView {
    match load(screen, guard, flow).await {
        Some(Ok(view)) => view,
        _ => view! { <PageLoadFailed/> }.into_any(),
    }
}

/// Starts downloading the module of the screen a citizen is likely to open next as soon as
/// they start using this one (first key, press or input; not focus, which the page's own
/// heading takes on arrival), so that step shows at once and survives
/// a connection that drops meanwhile — without spending a passing visitor's data, or the
/// main thread of the first paint, on a screen they may never reach.
#[component]
pub fn Prefetch(next: Screen) -> impl IntoView {
    use leptos::ev;
    use std::{cell::Cell, rc::Rc};
    let started = Rc::new(Cell::new(false));
    let start = move || {
        if !started.replace(true) {
            leptos::task::spawn_local(preload(next));
        }
    };
    let on_key = window_event_listener(ev::keydown, {
        let start = start.clone();
        move |_| start()
    });
    let on_press = window_event_listener(ev::pointerdown, {
        let start = start.clone();
        move |_| start()
    });
    let on_input = window_event_listener(ev::input, move |_| start());
    on_cleanup(move || {
        on_key.remove();
        on_press.remove();
        on_input.remove();
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_split_point_is_the_module_the_route_table_names() {
        for (screen, module) in MODULES {
            assert_eq!(screen.module(), Some(*module), "{screen:?}");
        }
        for route in contract::route_table::ROUTES {
            if let Some(module) = route.screen.module() {
                assert!(
                    MODULES.iter().any(|(_, m)| *m == module),
                    "{route:?}: no split point {module}"
                );
            }
        }
    }
}
