//! The screens behind the home page, as lazily loaded routes.
//!
//! With the `split` feature (release builds, see `xtask/src/split.rs`) each screen's code is
//! cut out of the main wasm into its own file, fetched when the citizen first opens it: the
//! home page downloads only the shell. Without the feature (development, browser tests) the
//! same routes load from the one wasm, through the same async path.

use leptos::prelude::*;
use leptos_router::LazyRoute;

/// A route type whose view is the component `$page`, in its own split module.
macro_rules! lazy_page {
    ($(#[$doc:meta])* $route:ident, $load:ident, $page:path) => {
        $(#[$doc])*
        pub struct $route;

        impl LazyRoute for $route {
            fn data() -> Self {
                Self
            }

            async fn view(_: Self) -> AnyView {
                $load().await
            }
        }

        #[cfg_attr(feature = "split", leptos::lazy)]
        async fn $load() -> AnyView {
            use $page as Page;
            view! { <Page/> }.into_any()
        }
    };
}

lazy_page!(
    /// Screen 3.
    Details, details_page, crate::pages::registration::details::DetailsPage
);
lazy_page!(
    /// Screen 4, for both flows.
    Otp, otp_page, crate::pages::flow::otp::OtpPage
);
lazy_page!(
    /// Screen 5, for both flows.
    Password, password_page, crate::pages::flow::password::PasswordPage
);
lazy_page!(
    /// Screen 6.
    Done, done_page, crate::pages::registration::done::DonePage
);
lazy_page!(
    /// Screen 7.
    SignIn, sign_in_page, crate::pages::sign_in::SignInPage
);
lazy_page!(
    /// The signed-in citizen's page.
    Account, account_page, crate::pages::account::AccountPage
);
lazy_page!(
    /// Screen 8.
    ResetStart, reset_start_page, crate::pages::reset::ResetStartPage
);
