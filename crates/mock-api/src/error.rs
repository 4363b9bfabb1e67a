//! One error type for every answer that is not a success, built with its details
//! (`AppError::new(code).attempts_left(n)`), and answered as `{"error", "message", ...}`.
//!
//! The message's language is chosen once, for every `/api` answer alike (handlers, the JSON
//! extractor's rejections, the 404 and 405 fallbacks, injected faults): a handler returns
//! the error without words, and [`localize`], a layer, words it in the request's
//! `Accept-Language` on the way out.

use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, Request};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use contract::api::{ApiError, ErrorCode};
use contract::registration::FieldErrors;
use contract::{Lang, PasswordRule};

#[derive(Clone, Debug)]
pub struct AppError {
    /// Boxed: handlers return `Result<_, AppError>` everywhere, and the body is large.
    body: Box<ApiError>,
    /// Another status than the code's own (an injected fault, 405).
    status: Option<StatusCode>,
    /// Said after the message, in no particular language (serde's explanation of a
    /// malformed body, say).
    detail: Option<String>,
}

impl AppError {
    pub fn new(code: ErrorCode) -> Self {
        AppError {
            body: Box::new(ApiError::new(code, "")),
            status: None,
            detail: None,
        }
    }

    /// The fields a `validation` error refused.
    pub fn fields(mut self, fields: FieldErrors) -> Self {
        self.body.fields = Some(fields);
        self
    }

    /// The password rules a refused password broke.
    pub fn rules(mut self, rules: Vec<PasswordRule>) -> Self {
        self.body.rules = Some(rules);
        self
    }

    pub fn attempts_left(mut self, n: u32) -> Self {
        self.body.attempts_left = Some(n);
        self
    }

    /// Also sent as the `Retry-After` header.
    pub fn retry_after(mut self, seconds: u64) -> Self {
        self.body.retry_after_s = Some(seconds);
        self
    }

    /// `locked` with when the lock ends and how long that is from now.
    pub fn locked(until: time::OffsetDateTime, retry_after_s: u64) -> Self {
        let mut e = AppError::new(ErrorCode::Locked).retry_after(retry_after_s);
        e.body.locked_until = Some(until);
        e
    }

    pub fn status(mut self, status: StatusCode) -> Self {
        self.status = Some(status);
        self
    }

    pub fn detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = Some(detail.into());
        self
    }

    /// The answer's body in `lang`, its message's values filled from the details.
    fn body(&self, lang: Lang) -> ApiError {
        let mut body = (*self.body).clone();
        body.message = body
            .error
            .message(lang, body.attempts_left, body.retry_after_s);
        if let Some(detail) = &self.detail {
            body.message = format!("{}: {detail}", body.message);
        }
        body
    }

    fn status_code(&self) -> StatusCode {
        self.status.unwrap_or_else(|| {
            StatusCode::from_u16(self.body.error.status()).unwrap_or(StatusCode::BAD_REQUEST)
        })
    }

    fn response(&self, lang: Lang) -> Response {
        let mut response = (self.status_code(), axum::Json(self.body(lang))).into_response();
        if let Some(s) = self.body.retry_after_s {
            if let Ok(v) = HeaderValue::from_str(&s.to_string()) {
                response.headers_mut().insert(header::RETRY_AFTER, v);
            }
        }
        response
    }
}

impl From<ErrorCode> for AppError {
    fn from(code: ErrorCode) -> Self {
        AppError::new(code)
    }
}

/// The database did not do what the request needed: nothing of it was kept, and the
/// client shows its "try again" notice.
impl From<crate::db::DbError> for AppError {
    fn from(e: crate::db::DbError) -> Self {
        tracing::error!(error = %e, "the database refused; answered 503");
        AppError::new(ErrorCode::Unavailable)
    }
}

/// Malformed JSON, a wrong content type, unknown fields: 400 with serde's explanation (it
/// helps a client author and never echoes the body's values); too large: 413.
impl From<JsonRejection> for AppError {
    fn from(rejection: JsonRejection) -> Self {
        if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
            return AppError::new(ErrorCode::PayloadTooLarge);
        }
        AppError::new(ErrorCode::BadRequest).detail(rejection.body_text())
    }
}

/// Answered in Vietnamese unless [`localize`] words it in the request's language (it does
/// for every `/api` answer).
impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let mut response = self.response(Lang::default());
        response.extensions_mut().insert(self);
        response
    }
}

/// The layer that words every error answer in the request's language.
pub async fn localize(req: Request, next: Next) -> Response {
    let lang = lang_of(req.headers());
    let mut response = next.run(req).await;
    match response.extensions_mut().remove::<AppError>() {
        Some(error) if lang != Lang::default() => error.response(lang),
        _ => response,
    }
}

/// The language of error messages: the client's `Accept-Language`, else Vietnamese.
fn lang_of(headers: &HeaderMap) -> Lang {
    headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .map(Lang::from_accept_language)
        .unwrap_or_default()
}

/// `axum::Json`, but its rejections answer in the API's error shape.
#[derive(FromRequest)]
#[from_request(via(axum::Json), rejection(AppError))]
pub struct ApiJson<T>(pub T);
