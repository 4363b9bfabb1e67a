use crate::components::header::Header;
use crate::components::next_task::NextTask;
use crate::components::page_heading::TrackOpeningPage;
use crate::i18n::provide_i18n;
use crate::pages::flow::{RegistrationLayout, ResetLayout};
use crate::pages::lazy;
use crate::pages::registration::details::DetailsPage;
use crate::pages::{choose_method::ChooseMethod, home::Home, not_found::NotFound};
use crate::session::provide_session;
use contract::messages::Ui;
use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::{path, Lazy};

/// The application: header, routes, and the language and session contexts every page reads.
#[component]
pub fn App() -> impl IntoView {
    let i18n = provide_i18n();
    provide_session();
    view! {
        <Router>
            <a class="skip-link" href="#main">{i18n.t(Ui::SkipToContent)}</a>
            <TrackOpeningPage/>
            // The header and the page each in a task of their own, after the router's: one
            // task for all three ignored a phone's taps for as long as they took together.
            // Nothing half-built shows: the loading state covers them until both are there.
            <NextTask><Header/></NextTask>
            <main id="main" tabindex="-1">
                <NextTask>
                <Routes fallback=fallback>
                    <Route path=path!("/") view=Home/>
                    <Route path=path!("/dang-ky") view=ChooseMethod/>
                    <ParentRoute path=path!("/dang-ky/thue-bao-di-dong") view=RegistrationLayout>
                        <Route path=path!("") view=|| view! { <DetailsPage>{lazy::body::<lazy::Details>()}</DetailsPage> }/>
                        <Route path=path!("otp") view={Lazy::<lazy::Otp>::new()}/>
                        <Route path=path!("mat-khau") view={Lazy::<lazy::Password>::new()}/>
                        <Route path=path!("hoan-tat") view={Lazy::<lazy::Done>::new()}/>
                    </ParentRoute>
                    <Route path=path!("/dang-nhap") view={Lazy::<lazy::SignIn>::new()}/>
                    <Route path=path!("/tai-khoan") view={Lazy::<lazy::Account>::new()}/>
                    <ParentRoute path=path!("/quen-mat-khau") view=ResetLayout>
                        <Route path=path!("") view={Lazy::<lazy::ResetStart>::new()}/>
                        <Route path=path!("otp") view={Lazy::<lazy::Otp>::new()}/>
                        <Route path=path!("mat-khau") view={Lazy::<lazy::Password>::new()}/>
                    </ParentRoute>
                </Routes>
                </NextTask>
            </main>
            {dev_panel()}
        </Router>
    }
}

/// Unknown paths: the not-found page (or, in development builds, the gallery's paths).
fn fallback() -> AnyView {
    #[cfg(feature = "dev")]
    {
        let path = leptos_router::hooks::use_location()
            .pathname
            .get_untracked();
        if let Some(gallery) = crate::dev::gallery::route(&path) {
            return gallery;
        }
    }
    view! { <NotFound/> }.into_any()
}

/// The dev panel in development builds, except inside the gallery's own frames.
fn dev_panel() -> impl IntoView {
    #[cfg(feature = "dev")]
    {
        let path = leptos_router::hooks::use_location().pathname;
        // A memo, so moving between pages keeps the panel (and its open state) as it is.
        let in_gallery = Memo::new(move |_| path.get().starts_with(crate::dev::gallery::PREFIX));
        move || (!in_gallery.get()).then(|| view! { <crate::dev::panel::DevPanel/> })
    }
    #[cfg(not(feature = "dev"))]
    {}
}
