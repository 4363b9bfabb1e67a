//! The screens behind the home page, as lazily loaded routes.
//!
//! With the `split` feature (release builds, see `xtask/src/split.rs`) each screen's code is
//! cut out of the main wasm into its own files, fetched when the citizen first opens it: the
//! home page downloads only the shell. Without the feature (development, browser tests) the
//! same routes load from the one wasm, through the same async path.
//!
//! A module that fails to download (the connection dropped) shows [`PageLoadFailed`] (or
//! [`PartLoadFailed`] under a screen's own top) instead of aborting the app: the split
//! functions are `fallible`, and a later attempt loads afresh.

use crate::components::page_load_failed::{PageLoadFailed, PartLoadFailed};
use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use leptos_router::LazyRoute;

/// A lazily loaded view: its code, wherever it lives (its own module in release builds).
pub trait LazyView {
    /// The view, or the error of a module that did not download.
    fn load() -> impl std::future::Future<Output = Result<AnyView, SplitLoaderError>>;
}

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
                Self::load()
                    .await
                    .unwrap_or_else(|_| view! { <PageLoadFailed/> }.into_any())
            }

            async fn preload() {
                // A failed prefetch is not an error: opening the page tries again.
                #[cfg(feature = "split")]
                let _ = $preload().await;
            }
        }

        impl LazyView for $route {
            async fn load() -> Result<AnyView, SplitLoaderError> {
                #[cfg(feature = "split")]
                return $module().await;
                #[cfg(not(feature = "split"))]
                return $module();
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
    /// Screen 3's form, under its top (`app.rs`: `body::<lazy::Details>`).
    Details, details_page, preload_details_page, crate::pages::registration::details::DetailsForm
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

/// The part of a screen that lives in route `T`'s module, for a screen whose top is in the
/// main wasm: a link straight to it paints that top with the app's first render instead of
/// after every module arrived. Nothing shows in its place meanwhile (the top says what is
/// coming; a spinner would flash for the usual fraction of a second).
///
/// The part renders once that top is on screen, in a task of its own: the screen's first
/// render is two shorter tasks rather than one long one that ignores the citizen's taps.
pub fn body<T: LazyView>() -> impl IntoView {
    // Not `Suspense`: for one view that arrives once, it cost the main wasm 1.6 KB.
    let part = StoredValue::new_local(None::<AnyView>);
    let arrived = Trigger::new();
    // Scoped: the part's effects and contexts belong to this screen, and leaving the screen
    // first cancels the load.
    leptos::task::spawn_local_scoped_with_cancellation(async move {
        crate::paint::after_next_paint().await;
        let view = T::load()
            .await
            .unwrap_or_else(|_| view! { <PartLoadFailed/> }.into_any());
        part.set_value(Some(view));
        arrived.notify();
    });
    move || {
        arrived.track();
        part.try_update_value(Option::take).flatten()
    }
}

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
