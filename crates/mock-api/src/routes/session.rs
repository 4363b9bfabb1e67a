use crate::error::{ApiJson, AppError};
use crate::otp::seconds_until;
use crate::passwords;
use crate::AppState;
use axum::extract::State;
use axum::Json;
use contract::api::{ApiError, ErrorCode, SignInRequest, SignedIn, MOBILE_VERIFICATION_LEVEL};
use contract::otp::MAX_SIGN_IN_FAILURES;
use std::sync::OnceLock;
use time::Duration;

const LOCK: Duration = Duration::minutes(15);

/// A hash to verify against when the username is unknown, so both answers take as long.
fn dummy_hash() -> &'static str {
    static HASH: OnceLock<String> = OnceLock::new();
    HASH.get_or_init(|| passwords::hash("not-a-real-account"))
}

/// `POST /api/session`: ID number + password; 5 failures lock the account for 15 minutes.
#[utoipa::path(post, path = contract::endpoints::SESSION, tag = "sign in",
    request_body = SignInRequest,
    responses(
        (status = 200, body = SignedIn),
        (status = 400, description = "bad_request", body = ApiError),
        (status = 401, description = "invalid_credentials", body = ApiError),
        (status = 413, description = "payload_too_large", body = ApiError),
        (status = 423, description = "locked, with `locked_until`", body = ApiError),
    ))]
pub async fn sign_in(
    State(s): State<AppState>,
    ApiJson(req): ApiJson<SignInRequest>,
) -> Result<Json<SignedIn>, AppError> {
    let now = s.clock.now();
    // A malformed username or an empty password is simply a wrong pair: same answer.
    let username = req.validate().map(|id| id.as_str().to_owned()).ok();
    let account = {
        let store = s.store();
        username
            .as_ref()
            .and_then(|u| store.accounts.get(u).cloned())
    };
    let locked = |until| AppError::locked(until, seconds_until(until, now));
    let Some(account) = account else {
        passwords::verify_async(req.password, dummy_hash().to_owned()).await;
        return Err(AppError::new(ErrorCode::InvalidCredentials));
    };
    if let Some(until) = account.locked_until.filter(|u| now < *u) {
        return Err(locked(until));
    }
    let ok = passwords::verify_async(req.password, account.password_hash.clone()).await;

    let mut store = s.store();
    let Some(stored) = store.accounts.get_mut(&account.id_number) else {
        return Err(AppError::new(ErrorCode::InvalidCredentials));
    };
    let result = if ok {
        stored.failed_sign_ins = 0;
        stored.locked_until = None;
        Ok(Json(SignedIn {
            full_name: stored.full_name.clone(),
            verification_level: MOBILE_VERIFICATION_LEVEL,
        }))
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
    s.persist(&store.accounts);
    result
}
