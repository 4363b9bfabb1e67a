//! `/__gallery`: every state of every screen, each at phone and desktop width, and
//! `/__gallery/{state}`: one state alone (what the iframes and `cargo xtask gallery` load).

use super::flow_map::{flow_map, svg, Hrefs};
use super::hooks::set_canned;
use super::reach::how_to_reach;
use super::script;
use super::states::{canned, find, flow_state, GalleryState, Screen, STATES};
use crate::components::page_load_failed::PageLoadFailed;
use crate::guards::guarded;
use crate::pages::about::AboutPage;
use crate::pages::registration::details::DetailsPage;
use crate::pages::registration::done::DonePage;
use crate::pages::steps::{otp::OtpPage, password::PasswordPage, FlowCtx};
use crate::pages::{
    account::AccountPage, choose_method::ChooseMethod, home::Home, not_found::NotFound,
    reset::ResetStartPage, sign_in::SignInPage,
};
use crate::session::{use_session, Account};
use contract::api::SignedIn;
use contract::endpoints::DEV_GALLERY_BASELINE;
use contract::personas::{EXISTING_ID, EXISTING_NAME};
use contract::route_table::Guard;
use leptos::prelude::*;
use std::time::Duration;

use super::{GALLERY, GALLERY_FLOW};

/// The gallery's view for `path`, or None when the path is not the gallery's.
pub fn route(path: &str) -> Option<AnyView> {
    let rest = path.strip_prefix(GALLERY)?;
    if rest.is_empty() || rest == "/" {
        return Some(view! { <GalleryIndex/> }.into_any());
    }
    let key = rest.strip_prefix('/')?;
    if key == GALLERY_FLOW {
        return Some(view! { <FlowMapPage/> }.into_any());
    }
    Some(match find(key) {
        Some(state) => view! { <GalleryStatePage state=state/> }.into_any(),
        None => view! { <NotFound/> }.into_any(),
    })
}

#[component]
fn GalleryIndex() -> impl IntoView {
    view! {
        <section class="gallery" lang="en">
            <h1>"Gallery: every screen state"</h1>
            <p>
                "Each state is the real screen with injected state. Link one with "
                <code>"/__gallery#key"</code>", open it alone at "<code>"/__gallery/key"</code>
                ", or write them all as PNGs with "<code>"cargo xtask gallery"</code>". "
                <a href=format!("{GALLERY}/{GALLERY_FLOW}") rel="external">"The flow map"</a>" shows how they connect."
            </p>
            <nav aria-label="States">
                <ul class="gallery__toc">
                    {STATES.iter().map(|s| view! {
                        <li><a href=format!("#{}", s.key) rel="external">{s.title}</a></li>
                    }).collect_view()}
                </ul>
            </nav>
            {STATES.iter().map(|s| view! {
                <article class="gallery__item" id=s.key aria-labelledby=format!("{}-title", s.key)>
                    <h2 id=format!("{}-title", s.key)>
                        {s.title} " " <a href=format!("{GALLERY}/{}", s.key) rel="external" data-state=s.key>{s.key}</a>
                    </h2>
                    <div class="gallery__frames">
                        <iframe class="gallery__phone" src=format!("{GALLERY}/{}", s.key)
                            title=format!("{} (375 px)", s.title) width="375" height="720" prop:loading="lazy"></iframe>
                        <div class="gallery__desktop">
                            <iframe src=format!("{GALLERY}/{}", s.key)
                                title=format!("{} (1280 px)", s.title) width="1280" height="900" prop:loading="lazy"></iframe>
                        </div>
                    </div>
                    <h3 id=format!("{}-reach", s.key)>"How to reach it in the running flow"</h3>
                    <ol class="gallery__reach" aria-labelledby=format!("{}-reach", s.key)>
                        {how_to_reach(s).into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                    </ol>
                </article>
            }).collect_view()}
        </section>
    }
}

/// The flow map (`flow_map.rs`) with the committed baseline's thumbnails, and its text.
/// `?thumbnails=…&states=…` point its images and links elsewhere (the saved `flow.svg`).
#[component]
fn FlowMapPage() -> impl IntoView {
    let params =
        web_sys::UrlSearchParams::new_with_str(&window().location().search().unwrap_or_default())
            .ok();
    let param = |name: &str, default: &str| {
        params
            .as_ref()
            .and_then(|p| p.get(name))
            .unwrap_or_else(|| default.to_owned())
    };
    let thumbnails = param("thumbnails", &format!("{DEV_GALLERY_BASELINE}/"));
    let states = param("states", &format!("{GALLERY}/"));
    let map = flow_map();
    let drawing = svg(
        &map,
        &Hrefs {
            thumbnails: &thumbnails,
            states: &states,
        },
    );
    let transitions: Vec<String> = map.edges.iter().map(|e| map.describe(e)).collect();
    view! {
        <section class="gallery" lang="en">
            <h1>"Flow map"</h1>
            <p>
                "Every screen of the route table with its gallery states (the cause of each, then its key), \
                 and every transition: the flows' steps with the status that moves them on, the answers \
                 that send a citizen back, and the links between screens. Thumbnails are the committed \
                 baseline's. "<a href=GALLERY rel="external">"Back to the gallery"</a>"."
            </p>
            <div class="gallery__flow" inner_html=drawing></div>
            <h2>"Transitions, as text"</h2>
            <ul>
                {transitions.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
            </ul>
        </section>
    }
}

/// One state: its flow provided as context (not saved), its canned answers installed, the
/// screen rendered, then the citizen's actions replayed. `data-gallery-ready` marks the end.
#[component]
fn GalleryStatePage(state: &'static GalleryState) -> impl IntoView {
    set_canned(canned(state));
    // Leaving the state (a link on the screen, say) goes back to the real API.
    on_cleanup(|| set_canned(Vec::new()));
    let session = use_session();
    if state.signed_in {
        session.sign_in(
            EXISTING_ID.into(),
            SignedIn {
                full_name: EXISTING_NAME.into(),
                verification_level: 2,
            },
            None,
        );
    } else if session.account.get_untracked().is_some() {
        session.account.set(None::<Account>);
    }
    provide_context(FlowCtx {
        kind: state.screen.kind(),
        state: RwSignal::new(flow_state(state.setup)),
    });
    let acts = state.acts;
    // On the screen as shown: a hidden app cannot take focus (the error summary's, say).
    crate::boot::when_shown(move || {
        set_timeout(
            move || {
                script::run(acts);
                // Canned answers resolve on the next ticks; give them and the re-render a moment.
                set_timeout(mark_ready, Duration::from_millis(300));
            },
            Duration::from_millis(150),
        )
    });
    // Behind the guard the route table gives the screen's address, as in the app.
    let guard = state.screen.route().map_or(Guard::Open, |r| r.guard);
    guarded(guard, move || match state.screen {
        Screen::Home => view! { <Home/> }.into_any(),
        Screen::Choose => view! { <ChooseMethod/> }.into_any(),
        Screen::Details => view! { <DetailsPage/> }.into_any(),
        Screen::Otp | Screen::ResetOtp | Screen::SignInOtp => view! { <OtpPage/> }.into_any(),
        Screen::Password | Screen::ResetPassword => view! { <PasswordPage/> }.into_any(),
        Screen::Done => view! { <DonePage/> }.into_any(),
        Screen::SignIn => view! { <SignInPage/> }.into_any(),
        Screen::Account => view! { <AccountPage/> }.into_any(),
        Screen::ResetStart => view! { <ResetStartPage/> }.into_any(),
        Screen::About => view! { <AboutPage/> }.into_any(),
        Screen::LoadFailed => view! { <PageLoadFailed/> }.into_any(),
    })
}

fn mark_ready() {
    if let Some(body) = document().body() {
        let _ = body.set_attribute("data-gallery-ready", "1");
    }
}
