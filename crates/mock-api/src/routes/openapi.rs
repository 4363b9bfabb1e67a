//! `/api/openapi.json`: the API described from the same types and handlers that serve it.

use super::{captcha, flow, registrations, resets, session};
use axum::Json;
use utoipa::OpenApi;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Cổng Dịch vụ công — mock API",
        description = "Registration by mobile subscription, OTP, sign-in and password reset. \
                       Every error is `{\"error\": code, \"message\": text, ...details}`."
    ),
    paths(
        captcha::new_captcha,
        registrations::start,
        flow::resend_registration,
        flow::verify_registration,
        flow::password_registration,
        resets::start,
        flow::resend_reset,
        flow::verify_reset,
        flow::password_reset,
        session::sign_in,
    )
)]
pub struct ApiDoc;

pub async fn document() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
