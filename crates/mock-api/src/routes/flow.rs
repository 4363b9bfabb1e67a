//! What the flows share: their start (the first code, sent), resend, verify, and for
//! registration and reset the password; signing in uses the code steps (`session.rs`).
//! A flow lives in the database; each step reads it, changes it and writes it back in one
//! transaction, and answers after the commit.

use super::host_of;
use crate::db::accounts;
use crate::db::flows::{self, Applicant, Flow, FlowKind, PasswordToken};
use crate::error::{ApiJson, AppError};
use crate::otp::{Otp, OtpError};
use crate::passwords;
use crate::personas::SMS_NEVER_ARRIVES_PHONE;
use crate::state::{random_code, random_id};
use crate::store::Sms;
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
use contract::study::Scenario;
use contract::{BirthDate, IdNumber, OtpCode, OtpPolicy, Phone};
use time::{Duration, OffsetDateTime};

/// How long a verified code's password token lasts.
const PASSWORD_TOKEN_TTL: Duration = Duration::minutes(10);

/// A flow just started: its id, the phone its code went to (masked) and the code's status.
pub(super) struct Started {
    pub id: String,
    pub phone_masked: String,
    pub otp: OtpStatus,
}

/// Starts a flow of `kind` for `applicant`: the flow kept under a new id, then its first
/// code sent (when it can be). The page's host goes into each SMS's WebOTP line.
pub(super) async fn start_flow(
    s: &AppState,
    kind: FlowKind,
    applicant: Applicant,
    headers: &HeaderMap,
    now: OffsetDateTime,
) -> Result<Started, AppError> {
    let code = random_code();
    let flow = Flow {
        kind,
        otp: Otp::issue(&code, &s.policy, now),
        applicant,
        password_token: None,
        sms_host: host_of(headers),
        started_at: now,
    };
    let phone = Phone::parse(flow.phone())
        // Only a hand-edited database holds a number the contract refuses.
        .map_err(|_| AppError::new(ErrorCode::Unavailable))?;
    let id = random_id();
    let started = Started {
        id: id.clone(),
        phone_masked: phone.masked(),
        otp: flow.otp.status(&s.policy, now),
    };
    let sms = sms_for(s.config.scenario, &flow, &code, now);
    s.db.write(move |tx| flows::put(tx, &id, &flow)).await?;
    // Only once the flow is kept: no code arrives for a flow the mock could not save.
    if let Some(sms) = sms {
        s.store().send_sms(sms);
    }
    Ok(started)
}

/// The SMS carrying the flow's current `code`; none for the persona whose SMS never
/// arrives (or a study task that says so), or for a reset that matched no account.
fn sms_for(
    scenario: Option<Scenario>,
    flow: &Flow,
    code: &str,
    now: OffsetDateTime,
) -> Option<Sms> {
    let phone = flow.phone();
    let unknown_reset = matches!(flow.applicant, Applicant::Existing { username: None, .. });
    let never_arrives =
        phone == SMS_NEVER_ARRIVES_PHONE || scenario == Some(Scenario::SmsNeverArrives);
    if never_arrives || unknown_reset {
        return None;
    }
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
        code: code.to_owned(),
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

fn not_found() -> AppError {
    AppError::new(ErrorCode::NotFound)
}

pub(super) async fn resend(
    s: AppState,
    kind: FlowKind,
    id: String,
) -> Result<Json<OtpResent>, AppError> {
    let now = s.clock.now();
    let policy = s.policy;
    let scenario = s.config.scenario;
    let code = random_code();
    let (otp, sms) =
        s.db.write(move |tx| {
            let Some(mut flow) = flows::get(tx, &id, kind)? else {
                return Ok(Err(not_found()));
            };
            if let Err(e) = flow.otp.resend(&code, &policy, now) {
                return Ok(Err(otp_error(e)));
            }
            flows::put(tx, &id, &flow)?;
            Ok(Ok((
                flow.otp.status(&policy, now),
                sms_for(scenario, &flow, &code, now),
            )))
        })
        .await??;
    if let Some(sms) = sms {
        s.store().send_sms(sms);
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
    let policy = s.policy;
    let token = random_id();
    let kept = PasswordToken::new(&token, now + PASSWORD_TOKEN_TTL);
    s.db.write(move |tx| {
        let Some(mut flow) = flows::get(tx, &id, kind)? else {
            return Ok(Err(not_found()));
        };
        let before = flow.clone();
        let checked = check_code(&policy, &mut flow, &req, now);
        if checked.is_ok() {
            flow.password_token = Some(kept);
        }
        // A wrong code's spent attempt is kept as surely as a right one's token.
        if flow != before {
            flows::put(tx, &id, &flow)?;
        }
        Ok(checked)
    })
    .await??;
    Ok(Json(OtpVerified {
        password_token: token,
    }))
}

/// One try at the flow's code: Ok once it is right; a wrong one spends an attempt, the last
/// locks the flow. The caller writes the flow back either way.
pub(super) fn check_code(
    policy: &OtpPolicy,
    flow: &mut Flow,
    req: &VerifyOtpRequest,
    now: OffsetDateTime,
) -> Result<(), AppError> {
    let Ok(code) = OtpCode::parse(&req.code) else {
        // Not six digits: refused without spending an attempt.
        let attempts_left = flow.otp.status(policy, now).attempts_left;
        return Err(AppError::new(ErrorCode::OtpIncorrect).attempts_left(attempts_left));
    };
    flow.otp.verify(&code, policy, now).map_err(otp_error)
}

/// The status of the answer that moves `kind` on from `from`, as the contract declares it.
pub fn advance_status(kind: FlowKind, from: Step) -> StatusCode {
    StatusCode::from_u16(kind.advance_status(from)).unwrap_or(StatusCode::OK)
}

fn invalid_token() -> AppError {
    AppError::new(ErrorCode::InvalidToken)
}

/// The account a flow's password is for (its username), and what the password must not
/// contain.
fn whose_password(
    applicant: &Applicant,
    birth_date: Option<String>,
    today: time::Date,
) -> (String, PersonalInfo) {
    let (username, phone, birth) = match applicant {
        Applicant::New(r) => (r.id_number.clone(), &r.phone, Some(r.birth_date.clone())),
        Applicant::Existing { username, phone } => {
            (username.clone().unwrap_or_default(), phone, birth_date)
        }
    };
    let info = PersonalInfo {
        id_number: IdNumber::parse(&username).ok(),
        phone: Phone::parse(phone).ok(),
        birth_date: birth.and_then(|b| BirthDate::parse(&b, today).ok()),
    };
    (username, info)
}

/// The password step: the token and the rules checked, the password hashed (slowly, with
/// no transaction open), then in one transaction the token checked again and spent, and
/// the account created or changed. A failed write keeps the token good for a retry.
async fn set_password(
    s: AppState,
    kind: FlowKind,
    id: String,
    req: SetPasswordRequest,
) -> Result<(StatusCode, Json<AccountReady>), AppError> {
    let now = s.clock.now();
    let username = checked_password(&s, kind, &id, &req, now).await?;
    let hash = passwords::hash_async(req.password).await;
    let spent = SpentToken {
        id,
        token: req.password_token,
        now,
    };
    let full_name = kept_password(&s, kind, spent, username.clone(), hash).await?;
    Ok((
        advance_status(kind, Step::Password),
        Json(AccountReady {
            username,
            full_name,
            verification_level: MOBILE_VERIFICATION_LEVEL,
        }),
    ))
}

/// Whether `flow`'s password token is `token`, still good at `now`.
fn token_accepts(flow: &Flow, token: &str, now: OffsetDateTime) -> bool {
    flow.password_token
        .as_ref()
        .is_some_and(|t| t.accepts(token, now))
}

/// The first half, before the slow hash: the flow and its token, and the password against
/// the rules (none of the account's own details in it). The account's username.
async fn checked_password(
    s: &AppState,
    kind: FlowKind,
    id: &str,
    req: &SetPasswordRequest,
    now: OffsetDateTime,
) -> Result<String, AppError> {
    let today = s.clock.today_in_vietnam();
    let flow_id = id.to_owned();
    let (flow, birth_date) =
        s.db.read(move |c| {
            let flow = flows::get(c, &flow_id, kind)?;
            let birth_date = match flow.as_ref().map(|f| &f.applicant) {
                Some(Applicant::Existing {
                    username: Some(username),
                    ..
                }) => accounts::get(c, username)?.map(|a| a.birth_date),
                _ => None,
            };
            Ok((flow, birth_date))
        })
        .await?;
    let flow = flow.ok_or_else(not_found)?;
    if !token_accepts(&flow, &req.password_token, now) {
        return Err(invalid_token());
    }
    let (username, info) = whose_password(&flow.applicant, birth_date, today);
    let failed = check(&req.password, &req.password_confirmation, &info).failed();
    if !failed.is_empty() {
        return Err(AppError::new(ErrorCode::Validation).rules(failed));
    }
    Ok(username)
}

/// The flow whose password token the second half spends.
struct SpentToken {
    id: String,
    token: String,
    now: OffsetDateTime,
}

/// The second half, in one transaction: the token checked again and spent, and the account
/// created or its password changed. The account's full name.
async fn kept_password(
    s: &AppState,
    kind: FlowKind,
    spent: SpentToken,
    username: String,
    hash: String,
) -> Result<String, AppError> {
    s.db.write(move |tx| {
        // Spent meanwhile by another request with the same token: refused.
        let Some(flow) =
            flows::get(tx, &spent.id, kind)?.filter(|f| token_accepts(f, &spent.token, spent.now))
        else {
            return Ok(Err(invalid_token()));
        };
        flows::delete(tx, &spent.id)?;
        match flow.applicant {
            Applicant::New(details) => {
                let full_name = details.full_name.clone();
                if !accounts::insert(tx, &details.into_account(hash))? {
                    // Registered meanwhile (another tab finished first).
                    return Ok(Err(AppError::new(ErrorCode::AccountExists)));
                }
                Ok(Ok(full_name))
            }
            Applicant::Existing { .. } => {
                let Some(mut account) = accounts::get(tx, &username)? else {
                    return Ok(Err(invalid_token()));
                };
                account.password_hash = hash;
                account.failed_sign_ins = 0;
                account.locked_until = None;
                accounts::update_security(tx, &account)?;
                Ok(Ok(account.full_name))
            }
        }
    })
    .await?
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
