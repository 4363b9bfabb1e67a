//! Signing in as the portal did: the ID number, the password and a captcha, then a code by
//! SMS to the account's phone (`/api/session`, then its challenge's code steps).

use super::flow::{check_code, resend, start_flow};
use crate::db::accounts::{self, Account};
use crate::db::flows::{self, Applicant, FlowKind};
use crate::error::{ApiJson, AppError};
use crate::otp::seconds_until;
use crate::passwords;
use crate::AppState;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::Json;
use contract::api::{
    ApiError, ErrorCode, OtpResent, SignInChallenge, SignInRequest, SignedIn, VerifyOtpRequest,
    MOBILE_VERIFICATION_LEVEL,
};
use contract::endpoints::{flow_pattern, FlowAction};
use contract::otp::MAX_SIGN_IN_FAILURES;
use std::sync::OnceLock;
use time::{Duration, OffsetDateTime};

const LOCK: Duration = Duration::minutes(15);

/// A hash to verify against when the username is unknown, so both answers take as long.
fn dummy_hash() -> &'static str {
    static HASH: OnceLock<String> = OnceLock::new();
    HASH.get_or_init(|| passwords::hash("not-a-real-account"))
}

/// `POST /api/session`: the captcha (spent by any submit, checked first, so a wrong one
/// never counts as a wrong password), then the ID number and password: 5 wrong passwords
/// lock the account for 15 minutes. A right pair sends a code to the account's phone.
#[utoipa::path(post, path = contract::endpoints::SESSION, tag = "sign in",
    request_body = SignInRequest,
    responses(
        (status = 200, description = "a code was sent to the account's phone; no session yet", body = SignInChallenge),
        (status = 400, description = "bad_request or captcha_invalid (checked first, spent by any submit)", body = ApiError),
        (status = 401, description = "invalid_credentials", body = ApiError),
        (status = 413, description = "payload_too_large", body = ApiError),
        (status = 423, description = "locked, with `locked_until`", body = ApiError),
    ))]
pub async fn sign_in(
    State(s): State<AppState>,
    headers: HeaderMap,
    ApiJson(req): ApiJson<SignInRequest>,
) -> Result<Json<SignInChallenge>, AppError> {
    let now = s.clock.now();
    super::captcha::spend(&mut s.store(), &req.captcha_id, &req.captcha_answer, now)?;
    let account = check_password(&s, req, now).await?;
    let applicant = Applicant::Existing {
        username: Some(account.id_number),
        phone: account.phone,
    };
    let started = start_flow(&s, FlowKind::SignIn, applicant, &headers, now).await?;
    let challenge = SignInChallenge {
        challenge_id: started.id,
        phone_masked: started.phone_masked,
        otp: started.otp,
    };
    Ok(Json(challenge))
}

/// The account whose password this is; counts a wrong one towards the lock.
async fn check_password(
    s: &AppState,
    req: SignInRequest,
    now: OffsetDateTime,
) -> Result<Account, AppError> {
    // A malformed username or an empty password is simply a wrong pair: same answer.
    let username = req.validate().map(|id| id.as_str().to_owned()).ok();
    let account = match username {
        Some(u) => s.db.read(move |c| accounts::get(c, &u)).await?,
        None => None,
    };
    let locked = move |until| AppError::locked(until, seconds_until(until, now));
    let Some(account) = account else {
        passwords::verify_async(req.password, dummy_hash().to_owned()).await;
        return Err(AppError::new(ErrorCode::InvalidCredentials));
    };
    if let Some(until) = account.locked_until.filter(|u| now < *u) {
        return Err(locked(until));
    }
    let ok = passwords::verify_async(req.password, account.password_hash.clone()).await;
    if ok && account.failed_sign_ins == 0 && account.locked_until.is_none() {
        // Nothing to count or clear: no write.
        return Ok(account);
    }
    // Counted in one transaction, so concurrent wrong passwords each count.
    s.db.write(move |tx| {
        let Some(mut stored) = accounts::get(tx, &account.id_number)? else {
            return Ok(Err(AppError::new(ErrorCode::InvalidCredentials)));
        };
        let result = if ok {
            stored.failed_sign_ins = 0;
            stored.locked_until = None;
            Ok(stored.clone())
        } else {
            stored.failed_sign_ins += 1;
            if stored.failed_sign_ins >= MAX_SIGN_IN_FAILURES {
                let until = now + LOCK;
                stored.failed_sign_ins = 0;
                stored.locked_until = Some(until);
                Err(locked(until))
            } else {
                Err(AppError::new(ErrorCode::InvalidCredentials))
            }
        };
        accounts::update_security(tx, &stored)?;
        Ok(result)
    })
    .await?
}

/// `POST /api/session/{id}/otp/verify`: the right code signs in; wrong ones lock as in
/// registration.
#[utoipa::path(post, path = flow_pattern(FlowKind::SignIn, FlowAction::Verify), tag = "sign in",
    params(("id" = String, Path, description = "the challenge's id")),
    request_body = VerifyOtpRequest,
    responses(
        (status = 200, body = SignedIn),
        (status = 400, description = "otp_incorrect (with `attempts_left`) or bad_request", body = ApiError),
        (status = 404, description = "not_found", body = ApiError),
        (status = 410, description = "otp_expired", body = ApiError),
        (status = 413, description = "payload_too_large", body = ApiError),
        (status = 423, description = "locked, with `locked_until`", body = ApiError),
    ))]
pub async fn verify_sign_in(
    State(s): State<AppState>,
    Path(id): Path<String>,
    ApiJson(req): ApiJson<VerifyOtpRequest>,
) -> Result<Json<SignedIn>, AppError> {
    let now = s.clock.now();
    let policy = s.policy;
    let full_name =
        s.db.write(move |tx| {
            let Some(mut flow) = flows::get(tx, &id, FlowKind::SignIn)? else {
                return Ok(Err(AppError::new(ErrorCode::NotFound)));
            };
            let before = flow.clone();
            if let Err(e) = check_code(&policy, &mut flow, &req, now) {
                // The spent attempt (or the lock) is kept.
                if flow != before {
                    flows::put(tx, &id, &flow)?;
                }
                return Ok(Err(e));
            }
            // One sign-in per code.
            flows::delete(tx, &id)?;
            let account = match &flow.applicant {
                Applicant::Existing {
                    username: Some(username),
                    ..
                } => accounts::get(tx, username)?,
                _ => None,
            };
            Ok(account
                .map(|a| a.full_name)
                .ok_or_else(|| AppError::new(ErrorCode::NotFound)))
        })
        .await??;
    Ok(Json(SignedIn {
        full_name,
        verification_level: MOBILE_VERIFICATION_LEVEL,
    }))
}

/// `POST /api/session/{id}/otp/resend`: as in the other flows.
#[utoipa::path(post, path = flow_pattern(FlowKind::SignIn, FlowAction::Resend), tag = "sign in",
    params(("id" = String, Path, description = "the challenge's id")),
    responses(
        (status = 200, body = OtpResent),
        (status = 404, description = "not_found", body = ApiError),
        (status = 423, description = "locked", body = ApiError),
        (status = 429, description = "resend_too_soon (with `retry_after_s`) or resend_limit", body = ApiError),
    ))]
pub async fn resend_sign_in(
    State(s): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<OtpResent>, AppError> {
    resend(s, FlowKind::SignIn, id).await
}
