//! Development controls (absent with `--no-dev`): the SMS outbox, the clock, faults, and
//! clearing the data.

use crate::db::{accounts, flows};
use crate::error::{ApiJson, AppError};
use crate::passwords;
use crate::personas::{existing_account, EXISTING_PASSWORD};
use crate::store::{Faults, Sms};
use crate::AppState;
use axum::extract::{Path, Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Json;
use contract::api::ErrorCode;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// Every SMS "sent", newest first.
pub async fn outbox(State(s): State<AppState>) -> Json<Vec<Sms>> {
    Json(s.store().outbox.iter().rev().cloned().collect())
}

#[derive(Serialize)]
pub struct CaptchaAnswer {
    answer: String,
}

/// The answer of a live captcha, so the dev panel can fill the whole form in one click.
pub async fn captcha_answer(
    State(s): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<CaptchaAnswer>, AppError> {
    let answer = s.store().captchas.get(&id).map(|c| c.answer.clone());
    answer
        .map(|answer| Json(CaptchaAnswer { answer }))
        .ok_or_else(|| AppError::new(ErrorCode::NotFound))
}

/// Where `cargo xtask gallery --accept` keeps the baseline: in this checkout (dev endpoints
/// are for the developer's own machine), whatever the mock's working folder.
const GALLERY_BASELINE_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../gallery/baseline");

/// One baseline image by its file name (`details-errors-375.png`); nothing else is served.
pub async fn gallery_baseline(Path(file): Path<String>) -> Result<Response, AppError> {
    let stem = file.strip_suffix(".png").unwrap_or_default();
    let safe = !stem.is_empty()
        && stem
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    let bytes = if safe {
        tokio::fs::read(std::path::Path::new(GALLERY_BASELINE_DIR).join(&file))
            .await
            .ok()
    } else {
        None
    };
    let bytes = bytes.ok_or_else(|| AppError::new(ErrorCode::NotFound))?;
    Ok(([(axum::http::header::CONTENT_TYPE, "image/png")], bytes).into_response())
}

#[derive(Serialize)]
pub struct Cleared {
    accounts: usize,
    flows: usize,
}

/// The dev panel's "Clear data": every account and flow goes and the personas' account is
/// made again, in one transaction; the outbox and the rate limits go too; captchas and
/// faults stay.
pub async fn clear_data(State(s): State<AppState>) -> Result<Json<Cleared>, AppError> {
    let persona = existing_account(passwords::hash_async(EXISTING_PASSWORD.into()).await);
    let cleared =
        s.db.write(move |tx| {
            let cleared = Cleared {
                accounts: accounts::delete_all(tx)?,
                flows: flows::delete_all(tx)?,
            };
            accounts::insert(tx, &persona)?;
            Ok(cleared)
        })
        .await?;
    s.store().clear();
    Ok(Json(cleared))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClockRequest {
    advance_s: u32,
}

#[derive(Serialize)]
pub struct ClockState {
    #[serde(with = "time::serde::rfc3339")]
    now: OffsetDateTime,
}

/// Moves the mock's clock forward (never back: codes and locks only ever age).
pub async fn clock(
    State(s): State<AppState>,
    ApiJson(req): ApiJson<ClockRequest>,
) -> Json<ClockState> {
    s.clock.advance(req.advance_s.into());
    Json(ClockState { now: s.clock.now() })
}

pub async fn set_faults(
    State(s): State<AppState>,
    ApiJson(faults): ApiJson<Faults>,
) -> Result<Json<Faults>, AppError> {
    let valid_status = faults.status.is_none_or(|c| (400..=599).contains(&c));
    if !valid_status || faults.latency_ms > 60_000 {
        return Err(AppError::new(ErrorCode::BadRequest)
            .detail("status must be 400–599 and latency_ms at most 60000"));
    }
    s.store().faults = faults;
    Ok(Json(faults))
}

/// Applies the configured latency and failures to every API request but the dev ones.
pub async fn inject_faults(State(s): State<AppState>, req: Request, next: Next) -> Response {
    let path = req.uri().path();
    if path.starts_with("/dev/") || path.starts_with("/api/dev/") {
        return next.run(req).await;
    }
    let (latency, fail) = {
        let mut store = s.store();
        let faults = &mut store.faults;
        let fail = (faults.fail_next > 0).then(|| {
            faults.fail_next -= 1;
            faults.status.unwrap_or(503)
        });
        (faults.latency_ms, fail)
    };
    if latency > 0 {
        tokio::time::sleep(std::time::Duration::from_millis(latency)).await;
    }
    match fail {
        Some(status) => {
            let status = StatusCode::from_u16(status).unwrap_or(StatusCode::SERVICE_UNAVAILABLE);
            AppError::new(ErrorCode::Unavailable)
                .status(status)
                .into_response()
        }
        None => next.run(req).await,
    }
}
