use super::registrations::sms_for;
use super::{host_of, ip_of, ClientAddr};
use crate::error::{ApiJson, AppError};
use crate::otp::Otp;
use crate::state::{random_code, random_id};
use crate::store::{Applicant, Flow, FlowKind};
use crate::AppState;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use contract::api::{ApiError, ErrorCode, PasswordResetRequest, PasswordResetStarted};

/// `POST /api/password-resets`: the captcha, then the same answer whether or not the ID and
/// phone match an account (no enumeration); only a match gets an SMS.
#[utoipa::path(post, path = contract::endpoints::PASSWORD_RESETS, tag = "password reset", operation_id = "start_password_reset",
    request_body = PasswordResetRequest,
    responses(
        (status = 201, description = "the same for a known or unknown ID", body = PasswordResetStarted),
        (status = 400, description = "bad_request or captcha_invalid (checked first, spent by any submit)", body = ApiError),
        (status = 413, description = "payload_too_large", body = ApiError),
        (status = 422, description = "validation, with `fields`", body = ApiError),
        (status = 429, description = "rate_limited", body = ApiError),
    ))]
pub async fn start(
    State(s): State<AppState>,
    headers: HeaderMap,
    addr: ClientAddr,
    ApiJson(req): ApiJson<PasswordResetRequest>,
) -> Result<(StatusCode, Json<PasswordResetStarted>), AppError> {
    let now = s.clock.now();
    let mut store = s.store();
    // The captcha first, and spent whatever follows; its answer is the same for a known and
    // an unknown ID.
    super::captcha::spend(&mut store, &req.captcha_id, &req.captcha_answer, now)?;
    let (id, phone) = match req.validate() {
        Ok(parsed) => parsed,
        Err(fields) => return Err(AppError::new(ErrorCode::Validation).fields(fields)),
    };
    let limited = |wait| AppError::new(ErrorCode::RateLimited).retry_after(wait);
    store.ip_limit.hit(ip_of(&addr), now).map_err(limited)?;
    store
        .phone_limit
        .hit(phone.as_str().to_owned(), now)
        .map_err(limited)?;
    let username = store
        .accounts
        .get(id.as_str())
        .filter(|a| a.phone == phone.as_str())
        .map(|a| a.id_number.clone());
    let flow = Flow {
        kind: FlowKind::Reset,
        otp: Otp::issue(random_code(), &s.policy, now),
        applicant: Applicant::Existing { username, phone },
        password_token: None,
        sms_host: host_of(&headers),
        started_at: now,
    };
    let phone_masked = flow.phone().masked();
    let otp = flow.otp.status(&s.policy, now);
    let reset_id = random_id();
    if let Some(sms) = sms_for(&flow, now) {
        store.send_sms(sms);
    }
    store.flows.insert(reset_id.clone(), flow);
    Ok((
        StatusCode::CREATED,
        Json(PasswordResetStarted {
            reset_id,
            phone_masked,
            otp,
        }),
    ))
}
