//! One error type for every handler, answered as `{"error", "message", ...details}`,
//! and a JSON extractor whose rejections use the same shape (400, or 413 when too large).

use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, Request};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use contract::api::{ApiError, ErrorCode};
use contract::messages::fill;
use contract::{Lang, Localize};
use serde::de::DeserializeOwned;

#[derive(Debug)]
pub struct AppError(pub ApiError);

impl AppError {
    /// The code's message in Vietnamese; handlers that know the language use [`AppError::lang`].
    pub fn new(code: ErrorCode) -> Self {
        AppError(ApiError::new(code, code.text(Lang::Vi)))
    }

    pub fn with_retry_after(mut self, seconds: u64) -> Self {
        self.0.retry_after_s = Some(seconds);
        self
    }

    /// `locked` with when the lock ends and how long that is from now.
    pub fn locked(until: time::OffsetDateTime, retry_after_s: u64) -> Self {
        let mut e = AppError::new(ErrorCode::Locked).with_retry_after(retry_after_s);
        e.0.locked_until = Some(until);
        e
    }

    /// Re-words the message in `lang`, filling `{n}` and `{time}` from the details.
    pub fn lang(mut self, lang: Lang) -> Self {
        let n = self
            .0
            .attempts_left
            .map(|n| n.to_string())
            .unwrap_or_default();
        let time = self.0.retry_after_s.map(format_wait).unwrap_or_default();
        self.0.message = fill(self.0.error.text(lang), &[("n", &n), ("time", &time)]);
        self
    }
}

/// `mm:ss`, the way the screens show waits.
pub fn format_wait(seconds: u64) -> String {
    format!("{:02}:{:02}", seconds / 60, seconds % 60)
}

impl From<ErrorCode> for AppError {
    fn from(code: ErrorCode) -> Self {
        AppError::new(code)
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.0.error.status()).unwrap_or(StatusCode::BAD_REQUEST);
        let retry_after = self.0.retry_after_s;
        let mut response = (status, axum::Json(self.0)).into_response();
        if let Some(s) = retry_after {
            if let Ok(v) = HeaderValue::from_str(&s.to_string()) {
                response.headers_mut().insert(header::RETRY_AFTER, v);
            }
        }
        response
    }
}

/// `axum::Json`, but malformed JSON, a wrong content type, unknown fields and oversized
/// bodies answer in the API's error shape.
pub struct ApiJson<T>(pub T);

impl<S, T> FromRequest<S> for ApiJson<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        match axum::Json::<T>::from_request(req, state).await {
            Ok(axum::Json(value)) => Ok(ApiJson(value)),
            Err(rejection) => Err(rejection_error(&rejection)),
        }
    }
}

fn rejection_error(rejection: &JsonRejection) -> AppError {
    if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
        return AppError::new(ErrorCode::PayloadTooLarge);
    }
    let mut e = AppError::new(ErrorCode::BadRequest);
    // Serde's explanation (e.g. "unknown field `x`") helps a client author; it never
    // echoes the body's values.
    e.0.message = format!("{}: {}", e.0.message, rejection.body_text());
    e
}
