use super::flow::{advance_status, start_flow};
use super::{ip_of, ClientAddr};
use crate::db::accounts;
use crate::db::flows::{Applicant, FlowKind};
use crate::error::{ApiJson, AppError};
use crate::AppState;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use contract::api::{ApiError, ErrorCode, PasswordResetRequest, PasswordResetStarted};
use contract::flow::Step;

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
    let (id, phone) = {
        let mut store = s.store();
        // The captcha first, and spent whatever follows; its answer is the same for a known
        // and an unknown ID.
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
        (id, phone)
    };
    let phone = phone.as_str().to_owned();
    let (id_number, wanted) = (id.as_str().to_owned(), phone.clone());
    let username =
        s.db.read(move |c| accounts::get(c, &id_number))
            .await?
            .filter(|a| a.phone == wanted)
            .map(|a| a.id_number);
    let applicant = Applicant::Existing { username, phone };
    let started = start_flow(&s, FlowKind::Reset, applicant, &headers, now).await?;
    Ok((
        advance_status(FlowKind::Reset, Step::Details),
        Json(PasswordResetStarted {
            reset_id: started.id,
            phone_masked: started.phone_masked,
            otp: started.otp,
        }),
    ))
}
