//! What a participant meets: their link's page (consent, or why the link does not work),
//! and the study endpoints the study build of the SPA calls.

use super::access::{self, set_cookie, Active};
use super::stats::{CONSENTED, TASK_ENDED, TASK_STARTED};
use super::store::{self, Event, Participant};
use super::{now_ms, StudyState};
use crate::error::{ApiJson, AppError};
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Json;
use contract::api::ErrorCode;
use contract::messages::{Localize, StudyUi};
use contract::study::{EndTask, StudyEvent, StudySession, BATCH_MAX};
use contract::Lang;
use maud::{html, Markup, DOCTYPE};
use serde::Deserialize;
use serde_json::json;

/// An event's age is trusted up to this (a tab asleep longer sends late, dated at arrival).
const MAX_AGE_MS: i64 = 10 * 60 * 1000;

#[derive(Deserialize)]
pub struct LangQuery {
    lang: Option<String>,
}

impl LangQuery {
    fn lang(&self) -> Lang {
        match self.lang.as_deref() {
            Some("en") => Lang::En,
            _ => Lang::Vi,
        }
    }
}

/// `GET /s/{token}`: the consent page, or a clear page saying why the link does not work.
pub async fn link_page(
    State(studies): State<StudyState>,
    Path(token): Path<String>,
    Query(q): Query<LangQuery>,
    headers: HeaderMap,
) -> Response {
    let lang = q.lang();
    match link_state(&studies, &token, &headers).await {
        Link::Fresh => page(
            lang,
            StatusCode::OK,
            StudyUi::ConsentTitle,
            consent_form(lang, &token),
        ),
        Link::Mine => Redirect::to(contract::route_table::HOME).into_response(),
        Link::Refused(title, body, status) => refused(lang, status, title, body),
    }
}

/// `POST /s/{token}`: consent given; the first task starts and the browser gets the cookie.
pub async fn consent(
    State(studies): State<StudyState>,
    Path(token): Path<String>,
    Query(q): Query<LangQuery>,
    headers: HeaderMap,
) -> Response {
    let lang = q.lang();
    match link_state(&studies, &token, &headers).await {
        Link::Fresh => {}
        // This browser agreed already (Back, then the button again): carry on, as they were.
        Link::Mine => return Redirect::to(contract::route_table::HOME).into_response(),
        Link::Refused(title, body, status) => return refused(lang, status, title, body),
    }
    let now = now_ms();
    let lookup = token.clone();
    let agreed = studies
        .db
        .write(move |tx| {
            let Some(mut p) = store::participant_by_token(tx, &lookup)? else {
                return Ok(None);
            };
            if !store::consent(tx, &p, now)? {
                // Another browser agreed between the check above and this write: the link
                // is theirs.
                return Ok(None);
            }
            for (kind, task) in [(CONSENTED, None), (TASK_STARTED, Some(0))] {
                let event = server_event(&p, now, task, kind, json!({}));
                store::record(tx, p.study_id, &event)?;
            }
            p.current_task = Some(0);
            let tasks = store::tasks(tx, p.study_id)?;
            Ok(Some(Active {
                participant: p,
                tasks,
            }))
        })
        .await;
    match agreed {
        Ok(Some(active)) => {
            access::renew_sandbox(&studies, &active).await;
            let mut response = Redirect::to(contract::route_table::HOME).into_response();
            if let Ok(cookie) = set_cookie(&token).parse() {
                response.headers_mut().insert(header::SET_COOKIE, cookie);
            }
            response
        }
        Ok(None) => refused(
            lang,
            StatusCode::CONFLICT,
            StudyUi::LinkUsedTitle,
            StudyUi::LinkUsedBody,
        ),
        Err(_) => StatusCode::SERVICE_UNAVAILABLE.into_response(),
    }
}

enum Link {
    /// Not used yet: ask for consent.
    Fresh,
    /// Used by this very browser: carry on.
    Mine,
    Refused(StudyUi, StudyUi, StatusCode),
}

async fn link_state(studies: &StudyState, token: &str, headers: &HeaderMap) -> Link {
    let unknown = Link::Refused(
        StudyUi::LinkUnknownTitle,
        StudyUi::LinkUnknownBody,
        StatusCode::NOT_FOUND,
    );
    if !contract::study::is_code(token) {
        return unknown;
    }
    let lookup = token.to_owned();
    let found = studies
        .db
        .read(move |c| store::participant_and_study(c, &lookup))
        .await;
    match found {
        Ok(Some((_, study))) if study.closed_at.is_some() => Link::Refused(
            StudyUi::StudyEndedTitle,
            StudyUi::StudyEndedBody,
            StatusCode::GONE,
        ),
        Ok(Some((p, _))) if p.consented_at.is_none() => Link::Fresh,
        Ok(Some(_)) if access::cookie_token(headers).as_deref() == Some(token) => Link::Mine,
        Ok(Some(_)) => Link::Refused(
            StudyUi::LinkUsedTitle,
            StudyUi::LinkUsedBody,
            StatusCode::CONFLICT,
        ),
        _ => unknown,
    }
}

/// A page saying why a link does not work.
fn refused(lang: Lang, status: StatusCode, title: StudyUi, body: StudyUi) -> Response {
    page(lang, status, title, html! { p { (body.text(lang)) } })
}

/// What a browser whose study has closed gets instead of the prototype.
pub fn ended_page() -> Response {
    let lang = Lang::Vi;
    page(
        lang,
        StatusCode::GONE,
        StudyUi::StudyEndedTitle,
        html! { p { (StudyUi::StudyEndedBody.text(lang)) } p lang="en" { (StudyUi::StudyEndedBody.text(Lang::En)) } },
    )
}

fn consent_form(lang: Lang, token: &str) -> Markup {
    let t = |m: StudyUi| m.text(lang);
    html! {
        p class="lead" { (t(StudyUi::ConsentIntro)) }
        p { (t(StudyUi::ConsentRecorded)) }
        p { strong { (t(StudyUi::ConsentNeverRecorded)) } }
        p { (t(StudyUi::ConsentMadeUp)) }
        p { (t(StudyUi::ConsentStop)) }
        form method="post" action=(format!("{}/{token}?lang={}", super::LINK, lang.tag())) {
            button type="submit" class="button" { (t(StudyUi::ConsentAgree)) }
        }
    }
}

/// A participant-facing page, with the language toggle every page has.
fn page(lang: Lang, status: StatusCode, title: StudyUi, body: Markup) -> Response {
    let other = match lang {
        Lang::Vi => ("en", "English"),
        Lang::En => ("vi", "Tiếng Việt"),
    };
    let markup = html! {
        (DOCTYPE)
        html lang=(lang.tag()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="robots" content="noindex";
                // No icon request: without the cookie yet it would meet the password prompt.
                link rel="icon" href="data:,";
                title { (title.text(lang)) }
                link rel="stylesheet" href=(super::facilitator::STYLESHEET);
            }
            body {
                main class="study-page" {
                    p { a href=(format!("?lang={}", other.0)) lang=(other.0) { (other.1) } }
                    h1 { (title.text(lang)) }
                    (body)
                }
            }
        }
    };
    (status, markup).into_response()
}

/// `GET` the participant's place in their study, and their "phone".
pub async fn session(
    State(studies): State<StudyState>,
    headers: HeaderMap,
) -> Result<Json<StudySession>, AppError> {
    let active = access::active(&studies, &headers)
        .await
        .ok_or_else(not_a_participant)?;
    Ok(Json(session_of(&studies, &active).await))
}

async fn session_of(studies: &StudyState, active: &Active) -> StudySession {
    let sms = match access::sandbox(studies, active).await {
        Some(s) => s
            .state
            .store()
            .outbox
            .iter()
            .rev()
            .take(3)
            .map(|m| m.text.clone())
            .collect(),
        None => Vec::new(),
    };
    StudySession {
        participant: active.participant.code.clone(),
        tasks: active.tasks.iter().map(|t| t.text.clone()).collect(),
        current: active.participant.current_task,
        generation: active.participant.generation,
        sms,
    }
}

fn not_a_participant() -> AppError {
    AppError::new(ErrorCode::InvalidToken).detail("not a participant of an open study")
}

/// `POST`: the task under way ends ("Xong" or "Bỏ qua"); the next one, if any, starts from
/// its scenario, in a fresh sandbox.
pub async fn end_task(
    State(studies): State<StudyState>,
    headers: HeaderMap,
    ApiJson(end): ApiJson<EndTask>,
) -> Result<Json<StudySession>, AppError> {
    let mut active = access::active(&studies, &headers)
        .await
        .ok_or_else(not_a_participant)?;
    let Some(current) = active.participant.current_task else {
        return Err(AppError::new(ErrorCode::BadRequest).detail("no task is under way"));
    };
    let next = (current + 1 < active.tasks.len()).then_some(current + 1);
    let (p, now, outcome) = (active.participant.clone(), now_ms(), end.outcome.code());
    let ended = studies
        .db
        .write(move |tx| {
            if !store::end_task(tx, &p, current, next)? {
                return Ok(false);
            }
            store::record(
                tx,
                p.study_id,
                &server_event(
                    &p,
                    now,
                    Some(current),
                    TASK_ENDED,
                    json!({ "outcome": outcome }),
                ),
            )?;
            if let Some(next) = next {
                store::record(
                    tx,
                    p.study_id,
                    &server_event(&p, now, Some(next), TASK_STARTED, json!({})),
                )?;
            }
            Ok(true)
        })
        .await?;
    if !ended {
        return Err(AppError::new(ErrorCode::BadRequest).detail("that task has already ended"));
    }
    active.participant.current_task = next;
    if next.is_some() {
        access::renew_sandbox(&studies, &active).await;
    }
    Ok(Json(session_of(&studies, &active).await))
}

/// `POST` a batch of events (a JSON array; `text/plain` too, as `sendBeacon` sends it).
/// All or nothing: one malformed event refuses the batch. 204 once they are kept.
pub async fn events(
    State(studies): State<StudyState>,
    headers: HeaderMap,
    body: String,
) -> Result<StatusCode, AppError> {
    let active = access::active(&studies, &headers)
        .await
        .ok_or_else(not_a_participant)?;
    let batch: Vec<StudyEvent> = serde_json::from_str(&body)
        .map_err(|e| AppError::new(ErrorCode::BadRequest).detail(e.to_string()))?;
    if batch.len() > BATCH_MAX {
        return Err(AppError::new(ErrorCode::BadRequest).detail("too many events in one batch"));
    }
    if let Some(bad) = batch.iter().find(|e| !e.happened.is_well_formed()) {
        return Err(AppError::new(ErrorCode::BadRequest).detail(format!(
            "a {} event that carries more than codes",
            bad.happened.kind()
        )));
    }
    let (p, now) = (active.participant, now_ms());
    studies
        .db
        .write(move |tx| {
            for e in &batch {
                let at = now - i64::from(e.age_ms).min(MAX_AGE_MS);
                let mut detail = serde_json::to_value(&e.happened).unwrap_or_default();
                if let Some(obj) = detail.as_object_mut() {
                    obj.remove("kind");
                }
                let event = server_event(&p, at, p.current_task, e.happened.kind(), detail);
                store::record(tx, p.study_id, &event)?;
            }
            Ok(())
        })
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

pub fn server_event(
    p: &Participant,
    at: i64,
    task: Option<usize>,
    kind: &str,
    detail: serde_json::Value,
) -> Event {
    Event {
        participant: p.code.clone(),
        at,
        task,
        kind: kind.to_owned(),
        detail,
    }
}
