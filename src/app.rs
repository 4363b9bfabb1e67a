use crate::components::footer::Footer;
use crate::components::header::Header;
use crate::components::next_task::NextTask;
use crate::i18n::provide_i18n;
use crate::lazy::{self, Prefetch};
use crate::pages::steps::{leave_flows, provide_flows};
use crate::pages::{choose_method::ChooseMethod, home::Home, not_found::NotFound};
use crate::route_path::StaticPath;
use crate::session::provide_session;
use contract::messages::Ui;
use contract::route_table::{self, Route, Screen};
use leptos::prelude::*;
use leptos::tachys::view::iterators::StaticVec;
use leptos_router::components::{FlatRoutes, FlatRoutesProps, RouteChildren, Router};
use leptos_router::{ChooseView, MatchNestedRoutes, NestedRoute};

/// The application: header, routes, footer, and the language and session contexts every page reads.
#[component]
pub fn App() -> impl IntoView {
    let i18n = provide_i18n();
    provide_session();
    provide_flows();
    view! {
        <Router>
            <a class="skip-link" href="#main">{i18n.t(Ui::SkipToContent)}</a>
            // The header and the page each in a task of their own, after the router's: one
            // task for all three ignored a phone's taps for as long as they took together.
            // Nothing half-built shows: the loading state covers them until both are there.
            <NextTask><Header/></NextTask>
            <main id="main" tabindex="-1">
                <NextTask>
                {FlatRoutes(
                    FlatRoutesProps::builder()
                        .fallback(fallback)
                        .children(RouteChildren::to_children(routes))
                        .build(),
                )}
                </NextTask>
            </main>
            <Footer/>
            {build_panel()}
        </Router>
    }
}

/// `<FlatRoutes>` from the route table, one route per address: a step of a flow takes the
/// flow's state from the app ([`enter_flow`]), so no layout route is needed.
fn routes() -> impl MatchNestedRoutes + Clone + Send + 'static {
    StaticVec::from(
        route_table::ROUTES
            .iter()
            .map(|r| NestedRoute::new(StaticPath(r.path), RouteView(r)))
            .collect::<Vec<_>>(),
    )
}

/// A route's view: its screen behind its guard, and the prefetch of the screen it leads to.
#[derive(Clone, Copy, Debug)]
struct RouteView(&'static Route);

impl ChooseView for RouteView {
    async fn choose(self) -> AnyView {
        let Route {
            screen,
            guard,
            prefetch,
            flow,
            ..
        } = *self.0;
        leave_flows(flow);
        // The screens whose code the route table puts in the main wasm, all open (tested);
        // the others load from their modules (`lazy`, which a test holds to the table),
        // with their guards and their flow's state.
        let page = match screen {
            Screen::Home => view! { <Home/> }.into_any(),
            Screen::ChooseMethod => view! { <ChooseMethod/> }.into_any(),
            _ => lazy::screen(screen, guard, flow).await,
        };
        crate::boot::screen_rendered();
        match prefetch {
            Some(next) => view! { <Prefetch next/> {page} }.into_any(),
            None => page,
        }
    }

    /// `<FlatRoutes>` never calls this: `choose` fetches a screen's module itself.
    async fn preload(&self) {}
}

/// Unknown paths: the not-found page (or, in development builds, the gallery's paths).
fn fallback() -> AnyView {
    crate::boot::screen_rendered();
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

/// The panel a build carries: the dev panel in development builds (except inside the
/// gallery's own frames), the task panel in the study build, nothing in a release build (one
/// call whatever the build, so a release's view has no empty slot for them).
fn build_panel() -> impl IntoView {
    #[cfg(feature = "dev")]
    {
        let path = leptos_router::hooks::use_location().pathname;
        // A memo, so moving between pages keeps the panel (and its open state) as it is.
        let in_gallery = Memo::new(move |_| path.get().starts_with(crate::dev::GALLERY));
        move || (!in_gallery.get()).then(|| view! { <crate::dev::panel::DevPanel/> })
    }
    #[cfg(all(feature = "study", not(feature = "dev")))]
    {
        view! { <crate::study::StudyPanel/> }
    }
    #[cfg(not(any(feature = "dev", feature = "study")))]
    {}
}
