//! What the flows share: their start (the first code, sent), resend, verify, and for
//! registration and reset the password; signing in uses the code steps (`session.rs`).

use super::host_of;
use crate::error::{ApiJson, AppError};
use crate::otp::{Otp, OtpError};
use crate::passwords;
use crate::personas::SMS_NEVER_ARRIVES_PHONE;
use crate::state::{random_code, random_id};
use crate::store::{Account, Applicant, Flow, FlowKind, Sms, Store};
use crate::AppState;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use contract::api::{
    AccountReady, ApiError, ErrorCode, OtpResent, OtpStatus, OtpVerified, SetPasswordRequest,
    VerifyOtpRequest, MOBILE_VERIFICATION_LEVEL,
};
use contract::endpoints::{flow_pattern, FlowAction};
use contract::flow::Step;
use contract::password::{check, PersonalInfo};
use contract::{BirthDate, IdNumber, OtpCode};
use subtle::ConstantTimeEq;
use time::{Duration, OffsetDateTime};

/// How long a verified code's password token lasts.
const PASSWORD_TOKEN_TTL: Duration = Duration::minutes(10);

/// A flow just started: its id, the phone its code went to (masked) and the code's status.
pub(super) struct Started {
    pub id: String,
    pub phone_masked: String,
    pub otp: OtpStatus,
}

/// Starts a flow of `kind` for `applicant`: its first code issued and sent (when it can be),
/// the flow kept under a new id. The page's host goes into each SMS's WebOTP line.
pub(super) fn start_flow(
    s: &AppState,
    store: &mut Store,
    kind: FlowKind,
    applicant: Applicant,
    headers: &HeaderMap,
    now: OffsetDateTime,
) -> Started {
    let flow = Flow {
        kind,
        otp: Otp::issue(random_code(), &s.policy, now),
        applicant,
        password_token: None,
        sms_host: host_of(headers),
        started_at: now,
    };
    let started = Started {
        id: random_id(),
        phone_masked: flow.phone().masked(),
        otp: flow.otp.status(&s.policy, now),
    };
    if let Some(sms) = sms_for(&flow, now) {
        store.send_sms(sms);
    }
    store.flows.insert(started.id.clone(), flow);
    started
}

/// The SMS carrying the flow's current code; none for the persona whose SMS never
/// arrives, or for a reset that matched no account.
fn sms_for(flow: &Flow, now: OffsetDateTime) -> Option<Sms> {
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

fn otp_error(e: OtpError) -> AppError {
    match e {
        OtpError::TooSoon { retry_after_s } => {
            AppError::new(ErrorCode::ResendTooSoon).retry_after(retry_after_s)
        }
        OtpError::SendLimit => AppError::new(ErrorCode::ResendLimit),
        OtpError::Locked {
            until,
            retry_after_s,
        } => AppError::locked(until, retry_after_s),
        OtpError::Expired => AppError::new(ErrorCode::OtpExpired),
        OtpError::Incorrect { attempts_left } => {
            AppError::new(ErrorCode::OtpIncorrect).attempts_left(attempts_left)
        }
    }
}

pub(super) fn flow_mut<'a>(
    flows: &'a mut std::collections::HashMap<String, Flow>,
    id: &str,
    kind: FlowKind,
) -> Result<&'a mut Flow, AppError> {
    flows
        .get_mut(id)
        .filter(|f| f.kind == kind)
        .ok_or_else(|| AppError::new(ErrorCode::NotFound))
}

pub(super) async fn resend(
    s: AppState,
    kind: FlowKind,
    id: String,
) -> Result<Json<OtpResent>, AppError> {
    let now = s.clock.now();
    let mut store = s.store();
    let flow = flow_mut(&mut store.flows, &id, kind)?;
    flow.otp
        .resend(random_code(), &s.policy, now)
        .map_err(otp_error)?;
    let otp = flow.otp.status(&s.policy, now);
    if let Some(sms) = sms_for(flow, now) {
        store.send_sms(sms);
    }
    Ok(Json(OtpResent { otp }))
}

async fn verify(
    s: AppState,
    kind: FlowKind,
    id: String,
    req: VerifyOtpRequest,
) -> Result<Json<OtpVerified>, AppError> {
    let now = s.clock.now();
    let mut store = s.store();
    let flow = flow_mut(&mut store.flows, &id, kind)?;
    check_code(&s, flow, &req, now)?;
    let token = random_id();
    flow.password_token = Some((token.clone(), now + PASSWORD_TOKEN_TTL));
    Ok(Json(OtpVerified {
        password_token: token,
    }))
}

/// One try at the flow's code: Ok once it is right; a wrong one spends an attempt, the last
/// locks the flow.
pub(super) fn check_code(
    s: &AppState,
    flow: &mut Flow,
    req: &VerifyOtpRequest,
    now: OffsetDateTime,
) -> Result<(), AppError> {
    let Ok(code) = OtpCode::parse(&req.code) else {
        // Not six digits: refused without spending an attempt.
        let attempts_left = flow.otp.status(&s.policy, now).attempts_left;
        return Err(AppError::new(ErrorCode::OtpIncorrect).attempts_left(attempts_left));
    };
    flow.otp.verify(&code, &s.policy, now).map_err(otp_error)
}

/// The status of the answer that moves `kind` on from `from`, as the contract declares it.
pub fn advance_status(kind: FlowKind, from: Step) -> StatusCode {
    StatusCode::from_u16(kind.advance_status(from)).unwrap_or(StatusCode::OK)
}

async fn set_password(
    s: AppState,
    kind: FlowKind,
    id: String,
    req: SetPasswordRequest,
) -> Result<(StatusCode, Json<AccountReady>), AppError> {
    let now = s.clock.now();
    let today = s.clock.today_in_vietnam();
    let username = {
        let mut guard = s.store();
        let store = &mut *guard;
        let flow = flow_mut(&mut store.flows, &id, kind)?;
        let token_ok = flow
            .password_token
            .as_ref()
            .is_some_and(|(token, expires)| {
                now < *expires && bool::from(token.as_bytes().ct_eq(req.password_token.as_bytes()))
            });
        if !token_ok {
            return Err(AppError::new(ErrorCode::InvalidToken));
        }
        let (info, username) = match &flow.applicant {
            Applicant::New(r) => (
                PersonalInfo {
                    id_number: Some(r.id_number.clone()),
                    phone: Some(r.phone.clone()),
                    birth_date: Some(r.birth_date),
                },
                r.id_number.as_str().to_owned(),
            ),
            Applicant::Existing { username, phone } => {
                let username = username.clone().unwrap_or_default();
                let birth = store
                    .accounts
                    .get(&username)
                    .and_then(|a| BirthDate::parse(&a.birth_date, today).ok());
                (
                    PersonalInfo {
                        id_number: IdNumber::parse(&username).ok(),
                        phone: Some(phone.clone()),
                        birth_date: birth,
                    },
                    username,
                )
            }
        };
        let failed = check(&req.password, &req.password_confirmation, &info).failed();
        if !failed.is_empty() {
            return Err(AppError::new(ErrorCode::Validation).rules(failed));
        }
        // Spend the token before hashing, so a second request with it fails.
        let flow = flow_mut(&mut store.flows, &id, kind)?;
        flow.password_token = None;
        username
    };
    let hash = passwords::hash_async(req.password).await;

    let mut guard = s.store();
    let store = &mut *guard;
    let Some(flow) = store.flows.remove(&id) else {
        return Err(AppError::new(ErrorCode::NotFound));
    };
    let (status, full_name) = match flow.applicant {
        Applicant::New(r) => {
            if store.accounts.contains_key(r.id_number.as_str()) {
                // Registered meanwhile (another tab finished first).
                return Err(AppError::new(ErrorCode::AccountExists));
            }
            let full_name = r.full_name.as_str().to_owned();
            store.accounts.insert(
                username.clone(),
                Account {
                    id_number: username.clone(),
                    full_name: full_name.clone(),
                    phone: r.phone.as_str().to_owned(),
                    birth_date: r.birth_date.to_iso(),
                    email: r.email.map(|e| e.as_str().to_owned()),
                    password_hash: hash,
                    failed_sign_ins: 0,
                    locked_until: None,
                },
            );
            (advance_status(kind, Step::Password), full_name)
        }
        Applicant::Existing { .. } => {
            let Some(account) = store.accounts.get_mut(&username) else {
                return Err(AppError::new(ErrorCode::InvalidToken));
            };
            account.password_hash = hash;
            account.failed_sign_ins = 0;
            account.locked_until = None;
            (
                advance_status(kind, Step::Password),
                account.full_name.clone(),
            )
        }
    };
    s.persist(&store.accounts);
    Ok((
        status,
        Json(AccountReady {
            username,
            full_name,
            verification_level: MOBILE_VERIFICATION_LEVEL,
        }),
    ))
}

/// The three handlers of one flow kind, named at the call (`resend_registration`, ...), with
/// their OpenAPI paths from the contract.
macro_rules! flow_handlers {
    ($kind:expr, $tag:literal, $resend:ident, $verify:ident, $password:ident, $created:literal) => {
        #[utoipa::path(post, path = flow_pattern($kind, FlowAction::Resend), tag = $tag,
            params(("id" = String, Path)),
            responses(
                (status = 200, body = OtpResent),
                (status = 404, description = "not_found", body = ApiError),
                (status = 423, description = "locked", body = ApiError),
                (status = 429, description = "resend_too_soon (with `retry_after_s`) or resend_limit", body = ApiError),
            ))]
        pub async fn $resend(
            State(s): State<AppState>,
            Path(id): Path<String>,
        ) -> Result<Json<OtpResent>, AppError> {
            resend(s, $kind, id).await
        }

        #[utoipa::path(post, path = flow_pattern($kind, FlowAction::Verify), tag = $tag,
            params(("id" = String, Path)),
            request_body = VerifyOtpRequest,
            responses(
                (status = 200, body = OtpVerified),
                (status = 400, description = "otp_incorrect (with `attempts_left`) or bad_request", body = ApiError),
                (status = 404, description = "not_found", body = ApiError),
                (status = 410, description = "otp_expired", body = ApiError),
                (status = 413, description = "payload_too_large", body = ApiError),
                (status = 423, description = "locked, with `locked_until`", body = ApiError),
            ))]
        pub async fn $verify(
            State(s): State<AppState>,
            Path(id): Path<String>,
            ApiJson(req): ApiJson<VerifyOtpRequest>,
        ) -> Result<Json<OtpVerified>, AppError> {
            verify(s, $kind, id, req).await
        }

        #[utoipa::path(post, path = flow_pattern($kind, FlowAction::Password), tag = $tag,
            params(("id" = String, Path)),
            request_body = SetPasswordRequest,
            responses(
                (status = $created, body = AccountReady),
                (status = 400, description = "bad_request", body = ApiError),
                (status = 401, description = "invalid_token", body = ApiError),
                (status = 404, description = "not_found", body = ApiError),
                (status = 409, description = "account_exists (registered meanwhile)", body = ApiError),
                (status = 413, description = "payload_too_large", body = ApiError),
                (status = 422, description = "validation, with the failed `rules`", body = ApiError),
            ))]
        pub async fn $password(
            State(s): State<AppState>,
            Path(id): Path<String>,
            ApiJson(req): ApiJson<SetPasswordRequest>,
        ) -> Result<(StatusCode, Json<AccountReady>), AppError> {
            set_password(s, $kind, id, req).await
        }
    };
}

flow_handlers!(
    FlowKind::Registration,
    "registration",
    resend_registration,
    verify_registration,
    password_registration,
    201
);
flow_handlers!(
    FlowKind::Reset,
    "password reset",
    resend_reset,
    verify_reset,
    password_reset,
    200
);
