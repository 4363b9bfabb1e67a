//! Study mode (`--study`, spec §7): research sessions with participants.
//!
//! The facilitator's pages (`/__study`, behind `--basic-auth`) create studies, add
//! participants and show results. A participant's link (`/s/{token}`) asks for consent and
//! then gives that browser a cookie; from then on each of its requests goes to the
//! participant's own sandbox (an in-memory prototype, its task's scenario applied), so what
//! they type never reaches the database file. The study build of the SPA sends what
//! happened on screen to [`contract::endpoints::STUDY_EVENTS`].

pub mod access;
mod charts;
mod export;
mod facilitator;
mod participant;
mod results;
mod sandbox;
pub mod stats;
pub mod store;

use crate::db::Db;
use crate::AppState;
use axum::routing::{get, post};
use axum::Router;
use contract::endpoints::{STUDY_EVENTS, STUDY_SESSION, STUDY_TASK};
use std::sync::Arc;

pub use sandbox::Sandboxes;

/// What study mode shares: the study tables' database, and every participant's sandbox.
pub struct Studies {
    pub db: Db,
    /// The prototype as the facilitator sees it (with their credentials, no link).
    pub base: AppState,
    /// The facilitator's prototype, as a service.
    pub base_router: Router,
    pub sandboxes: Sandboxes,
}

pub type StudyState = Arc<Studies>;

/// Where the facilitator's pages live.
pub const FACILITATOR: &str = "/__study";
/// A participant's link: `/s/{token}`.
pub const LINK: &str = "/s";

impl Studies {
    pub fn new(db: Db, base: AppState) -> StudyState {
        Arc::new(Studies {
            db,
            sandboxes: Sandboxes::new(base.config.clone()),
            base_router: crate::site(&base),
            base,
        })
    }
}

/// The whole server in study mode: the facilitator's pages, the links, the participants'
/// study endpoints, and everything else sent to the sandbox of the browser's participant
/// (or, with the facilitator's credentials, to the facilitator's own prototype).
pub fn app(studies: StudyState) -> Router {
    let facilitator = facilitator::routes().layer(axum::middleware::from_fn_with_state(
        studies.clone(),
        access::facilitator_only,
    ));
    Router::new()
        .nest(FACILITATOR, facilitator)
        .route(facilitator::STYLESHEET, get(facilitator::stylesheet))
        .route(
            contract::study::PANEL_STYLESHEET,
            get(facilitator::panel_stylesheet),
        )
        .route(
            &format!("{LINK}/{{token}}"),
            get(participant::link_page).post(participant::consent),
        )
        .route(STUDY_SESSION, get(participant::session))
        .route(STUDY_TASK, post(participant::end_task))
        .route(STUDY_EVENTS, post(participant::events))
        .fallback(access::dispatch)
        // A batch of events or a study's form: small (the sandboxes keep the API's own limit).
        .layer(axum::extract::DefaultBodyLimit::max(STUDY_BODY_LIMIT))
        .with_state(studies)
}

/// Largest request body of the study routes (a full batch of events with feedback fits).
pub const STUDY_BODY_LIMIT: usize = 512 * 1024;

/// Milliseconds since the Unix epoch, by the server's clock (study events are dated by it).
pub fn now_ms() -> i64 {
    (time::OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000) as i64
}
