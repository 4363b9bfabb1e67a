//! The screens behind the home page, as lazily loaded routes.
//!
//! With the `split` feature (release builds, see `xtask/src/split.rs`) each screen's code is
//! cut out of the main wasm into its own files, fetched when the citizen first opens it: the
//! home page downloads only the shell. Without the feature (development, browser tests) the
//! same routes load from the one wasm, through the same async path.
//!
//! A module that fails to download (the connection dropped) shows [`PageLoadFailed`] instead
//! of aborting the app: the split functions are `fallible`, and a later attempt loads afresh.

use crate::components::page_load_failed::PageLoadFailed;
use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use leptos_router::LazyRoute;

/// A route type whose view is the component `$page`, in the split module `$module`.
macro_rules! lazy_page {
    ($(#[$doc:meta])* $route:ident, $module:ident, $preload:ident, $page:path) => {
        $(#[$doc])*
        pub struct $route;

        impl LazyRoute for $route {
            fn data() -> Self {
                Self
            }

            async fn view(_: Self) -> AnyView {
                #[cfg(feature = "split")]
                let page = $module().await;
                #[cfg(not(feature = "split"))]
                let page = $module();
                page.unwrap_or_else(|_| view! { <PageLoadFailed/> }.into_any())
            }

            async fn preload() {
                // A failed prefetch is not an error: opening the page tries again.
                #[cfg(feature = "split")]
                let _ = $preload().await;
            }
        }

        #[cfg_attr(
            feature = "split",
            leptos::wasm_split::wasm_split(
                $module,
                wasm_split_path = ::leptos::wasm_split,
                preload($preload),
                fallible
            )
        )]
        fn $module() -> Result<AnyView, SplitLoaderError> {
            use $page as Page;
            Ok(view! { <Page/> }.into_any())
        }
    };
}

lazy_page!(
    /// Screen 3.
    Details, details_page, preload_details_page, crate::pages::registration::details::DetailsPage
);
lazy_page!(
    /// Screen 4, for both flows.
    Otp, otp_page, preload_otp_page, crate::pages::flow::otp::OtpPage
);
lazy_page!(
    /// Screen 5, for both flows.
    Password, password_page, preload_password_page, crate::pages::flow::password::PasswordPage
);
lazy_page!(
    /// Screen 6.
    Done, done_page, preload_done_page, crate::pages::registration::done::DonePage
);
lazy_page!(
    /// Screen 7.
    SignIn, sign_in_page, preload_sign_in_page, crate::pages::sign_in::SignInPage
);
lazy_page!(
    /// The signed-in citizen's page.
    Account, account_page, preload_account_page, crate::pages::account::AccountPage
);
lazy_page!(
    /// Screen 8.
    ResetStart, reset_start_page, preload_reset_start_page, crate::pages::reset::ResetStartPage
);

/// Starts downloading the module of the screen a citizen is likely to open next as soon as
/// they start using this one (first key, press or input; not focus, which the page's own
/// heading takes on arrival), so that step shows at once and survives
/// a connection that drops meanwhile — without spending a passing visitor's data, or the
/// main thread of the first paint, on a screen they may never reach.
pub fn prefetch<T: LazyRoute>() {
    use leptos::ev;
    use std::{cell::Cell, rc::Rc};
    let started = Rc::new(Cell::new(false));
    let start = move || {
        if !started.replace(true) {
            leptos::task::spawn_local(T::preload());
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
