use super::{host_of, ip_of, ClientAddr};
use crate::error::{ApiJson, AppError};
use crate::otp::Otp;
use crate::personas::{CARRIER_MISMATCH_PHONE, SMS_NEVER_ARRIVES_PHONE};
use crate::state::{random_code, random_id};
use crate::store::{Applicant, Flow, FlowKind, Sms};
use crate::AppState;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use contract::api::{ApiError, ErrorCode, RegistrationRequest, RegistrationStarted};
use time::OffsetDateTime;

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
    if store.accounts.contains_key(valid.id_number.as_str()) {
        return Err(ErrorCode::AccountExists.into());
    }
    if valid.phone.as_str() == CARRIER_MISMATCH_PHONE {
        return Err(ErrorCode::CarrierMismatch.into());
    }

    let code = random_code();
    let flow = Flow {
        kind: FlowKind::Registration,
        otp: Otp::issue(code, &s.policy, now),
        applicant: Applicant::New(valid),
        password_token: None,
        sms_host: host_of(&headers),
        started_at: now,
    };
    let phone_masked = flow.phone().masked();
    let otp = flow.otp.status(&s.policy, now);
    let id = random_id();
    if let Some(sms) = sms_for(&flow, now) {
        store.send_sms(sms);
    }
    store.flows.insert(id.clone(), flow);
    Ok((
        StatusCode::CREATED,
        Json(RegistrationStarted {
            registration_id: id,
            phone_masked,
            otp,
        }),
    ))
}

/// The SMS carrying the flow's current code; none for the persona whose SMS never
/// arrives, or for a reset that matched no account.
pub(super) fn sms_for(flow: &Flow, now: OffsetDateTime) -> Option<Sms> {
    let phone = flow.phone().as_str();
    let unknown_reset = matches!(flow.applicant, Applicant::Existing { username: None, .. });
    if phone == SMS_NEVER_ARRIVES_PHONE || unknown_reset {
        return None;
    }
    let code = flow.otp.code().to_owned();
    let purpose = match flow.kind {
        FlowKind::Registration => "dang ky tai khoan",
        FlowKind::Reset => "dat lai mat khau",
        FlowKind::SignIn => "dang nhap",
    };
    let text = format!(
        "Ma OTP {purpose} Cong Dich vu cong quoc gia: {code}. Hieu luc 5 phut. \
         KHONG cung cap ma nay cho bat ky ai.\n\n@{host} #{code}",
        host = flow.sms_host
    );
    Some(Sms {
        to: phone.to_owned(),
        text,
        code,
        sent_at: now,
    })
}
