use super::flow::{advance_status, start_flow};
use super::{ip_of, ClientAddr};
use crate::db::accounts;
use crate::db::flows::{Applicant, FlowKind};
use crate::error::{ApiJson, AppError};
use crate::personas::CARRIER_MISMATCH_PHONE;
use crate::AppState;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use contract::api::{ApiError, ErrorCode, RegistrationRequest, RegistrationStarted};
use contract::flow::Step;
use contract::study::Scenario;

/// `POST /api/registrations`: captcha, then the shared form rules, then the account and
/// carrier checks; on success a flow with its first code.
#[utoipa::path(post, path = contract::endpoints::REGISTRATIONS, tag = "registration", operation_id = "start_registration",
    request_body = RegistrationRequest,
    responses(
        (status = 201, body = RegistrationStarted),
        (status = 400, description = "bad_request or captcha_invalid", body = ApiError),
        (status = 409, description = "account_exists or carrier_mismatch", body = ApiError),
        (status = 413, description = "payload_too_large", body = ApiError),
        (status = 422, description = "validation, with `fields`", body = ApiError),
        (status = 429, description = "rate_limited, with `retry_after_s` and Retry-After", body = ApiError),
    ))]
pub async fn start(
    State(s): State<AppState>,
    headers: HeaderMap,
    addr: ClientAddr,
    ApiJson(req): ApiJson<RegistrationRequest>,
) -> Result<(StatusCode, Json<RegistrationStarted>), AppError> {
    let now = s.clock.now();
    let valid = {
        let mut store = s.store();
        store
            .ip_limit
            .hit(ip_of(&addr), now)
            .map_err(|wait| AppError::new(ErrorCode::RateLimited).retry_after(wait))?;

        super::captcha::spend(&mut store, &req.captcha_id, &req.captcha_answer, now)?;

        let valid = req
            .form()
            .validate(s.clock.today_in_vietnam())
            .map_err(|fields| AppError::new(ErrorCode::Validation).fields(fields))?;
        store
            .phone_limit
            .hit(valid.phone.as_str().to_owned(), now)
            .map_err(|wait| AppError::new(ErrorCode::RateLimited).retry_after(wait))?;
        valid
    };
    let id_number = valid.id_number.as_str().to_owned();
    // A study task's scenario holds whatever the participant types.
    let scenario = s.config.scenario;
    if scenario == Some(Scenario::ExistingAccount)
        || s.db.read(move |c| accounts::exists(c, &id_number)).await?
    {
        return Err(ErrorCode::AccountExists.into());
    }
    if valid.phone.as_str() == CARRIER_MISMATCH_PHONE || scenario == Some(Scenario::CarrierMismatch)
    {
        return Err(ErrorCode::CarrierMismatch.into());
    }

    let applicant = Applicant::New((&valid).into());
    let started = start_flow(&s, FlowKind::Registration, applicant, &headers, now).await?;
    Ok((
        advance_status(FlowKind::Registration, Step::Details),
        Json(RegistrationStarted {
            registration_id: started.id,
            phone_masked: started.phone_masked,
            otp: started.otp,
        }),
    ))
}
