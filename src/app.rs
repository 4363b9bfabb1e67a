use crate::components::header::Header;
use crate::i18n::provide_i18n;
use crate::pages::registration::{
    details::DetailsPage, done::DonePage, otp::OtpPage, password::PasswordPage, RegistrationLayout,
};
use crate::pages::{choose_method::ChooseMethod, home::Home, not_found::NotFound};
use contract::messages::Ui;
use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::path;

/// The application: header, routes, and the language context every page reads.
#[component]
pub fn App() -> impl IntoView {
    let i18n = provide_i18n();
    view! {
        <Router>
            <a class="skip-link" href="#main">{i18n.t(Ui::SkipToContent)}</a>
            <Header/>
            <main id="main" tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=Home/>
                    <Route path=path!("/dang-ky") view=ChooseMethod/>
                    <ParentRoute path=path!("/dang-ky/thue-bao-di-dong") view=RegistrationLayout>
                        <Route path=path!("") view=DetailsPage/>
                        <Route path=path!("otp") view=OtpPage/>
                        <Route path=path!("mat-khau") view=PasswordPage/>
                        <Route path=path!("hoan-tat") view=DonePage/>
                    </ParentRoute>
                </Routes>
            </main>
        </Router>
    }
}
