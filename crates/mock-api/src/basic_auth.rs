//! HTTP Basic on every path when the server has `--basic-auth`: a published prototype that
//! looks like the real portal stays private (the GOV.UK Prototype Kit does the same).

use crate::config::BasicAuth;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use base64::Engine;
use std::sync::Arc;
use subtle::ConstantTimeEq;

pub async fn require(State(expected): State<Arc<BasicAuth>>, req: Request, next: Next) -> Response {
    if allowed(&expected, req.headers().get(header::AUTHORIZATION)) {
        return next.run(req).await;
    }
    challenge()
}

/// 401, asking the browser for the credentials.
pub fn challenge() -> Response {
    let mut response = (StatusCode::UNAUTHORIZED, "Authentication required\n").into_response();
    response.headers_mut().insert(
        header::WWW_AUTHENTICATE,
        HeaderValue::from_static(r#"Basic realm="prototype", charset="UTF-8""#),
    );
    response
}

/// Whether `authorization` carries exactly the expected pair, compared in constant time.
pub fn allowed(expected: &BasicAuth, authorization: Option<&HeaderValue>) -> bool {
    let given = authorization
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Basic "))
        .and_then(|b64| {
            base64::engine::general_purpose::STANDARD
                .decode(b64.trim())
                .ok()
        })
        .unwrap_or_default();
    let wanted = format!("{}:{}", expected.user, expected.password);
    bool::from(given.ct_eq(wanted.as_bytes()))
}
