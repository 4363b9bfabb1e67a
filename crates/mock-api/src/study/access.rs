//! Who may see what in study mode: the facilitator (HTTP Basic) sees their pages and their
//! own prototype; a browser whose cookie names a participant of an open study sees that
//! participant's sandbox, and nothing of the facilitator's.

use super::sandbox::{Sandbox, Sandboxes};
use super::store::{self, Participant, Task};
use super::{participant, StudyState};
use crate::basic_auth;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use contract::study::Scenario;
use tower::ServiceExt;

/// The cookie a participant's browser gets when they consent: their link's secret.
pub const COOKIE: &str = "study_participant";

/// The `Set-Cookie` value for `token`.
pub fn set_cookie(token: &str) -> String {
    format!("{COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=2592000")
}

/// The participant token in the request's cookies, if any.
pub fn cookie_token(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE)
        .map(|(_, value)| value.to_owned())
        .filter(|v| !v.is_empty() && v.len() <= 64)
}

/// A participant who may use the prototype now: consented, in a study still open.
pub struct Active {
    pub participant: Participant,
    pub tasks: Vec<Task>,
}

impl Active {
    /// The scenario their sandbox follows: the task under way's (the last one's when done).
    pub fn scenario(&self) -> Scenario {
        let task = self
            .participant
            .current_task
            .or(self.tasks.len().checked_sub(1));
        task.and_then(|t| self.tasks.get(t))
            .map_or(Scenario::FreshCitizen, |t| t.scenario)
    }
}

/// The participant the request's cookie names, if they are active.
pub async fn active(studies: &StudyState, headers: &HeaderMap) -> Option<Active> {
    let token = cookie_token(headers)?;
    let found = studies
        .db
        .read(move |c| {
            let Some((p, study)) = store::participant_and_study(c, &token)? else {
                return Ok(None);
            };
            let tasks = store::tasks(c, p.study_id)?;
            Ok(Some((p, study, tasks)))
        })
        .await
        .ok()??;
    let (participant, study, tasks) = found;
    (study.closed_at.is_none() && participant.consented_at.is_some())
        .then_some(Active { participant, tasks })
}

/// Their sandbox, made with their task's scenario if they have none.
pub async fn sandbox(studies: &StudyState, active: &Active) -> Option<Sandbox> {
    on_sandboxes(studies, active, Sandboxes::get).await
}

/// A fresh sandbox for the task they are on: whatever they made before is gone.
pub async fn renew_sandbox(studies: &StudyState, active: &Active) {
    on_sandboxes(studies, active, Sandboxes::renew).await;
}

/// `work` on the blocking pool: making a sandbox may hash the persona's password.
async fn on_sandboxes<T: Send + 'static>(
    studies: &StudyState,
    active: &Active,
    work: fn(&Sandboxes, &Participant, Scenario) -> T,
) -> Option<T> {
    let (studies, p, scenario) = (
        studies.clone(),
        active.participant.clone(),
        active.scenario(),
    );
    tokio::task::spawn_blocking(move || work(&studies.sandboxes, &p, scenario))
        .await
        .ok()
}

fn is_facilitator(studies: &StudyState, headers: &HeaderMap) -> bool {
    studies
        .base
        .config
        .basic_auth
        .as_ref()
        .is_some_and(|auth| basic_auth::allowed(auth, headers.get(header::AUTHORIZATION)))
}

/// The facilitator's pages: their credentials, always (a participant's cookie is not
/// enough), and no form posted from another site.
pub async fn facilitator_only(
    State(studies): State<StudyState>,
    req: Request,
    next: Next,
) -> Response {
    if !is_facilitator(&studies, req.headers()) {
        return basic_auth::challenge();
    }
    let cross_site = req
        .headers()
        .get("sec-fetch-site")
        .is_some_and(|v| v.as_bytes() == b"cross-site");
    if req.method() == Method::POST && cross_site {
        return (
            StatusCode::FORBIDDEN,
            "Forms are accepted from this site only\n",
        )
            .into_response();
    }
    next.run(req).await
}

/// Everything else (the SPA and `/api`): a participant's sandbox, or the facilitator's own
/// prototype, or the browser's credentials prompt.
pub async fn dispatch(State(studies): State<StudyState>, req: Request) -> Response {
    if let Some(active) = active(&studies, req.headers()).await {
        return match sandbox(&studies, &active).await {
            Some(s) => s.router.oneshot(req).await.into_response(),
            None => StatusCode::SERVICE_UNAVAILABLE.into_response(),
        };
    }
    if is_facilitator(&studies, req.headers()) {
        return studies
            .base_router
            .clone()
            .oneshot(req)
            .await
            .into_response();
    }
    if cookie_token(req.headers()).is_some() {
        // A participant whose study closed (or who was never one): say so, not a password prompt.
        return participant::ended_page();
    }
    basic_auth::challenge()
}
