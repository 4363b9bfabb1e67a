//! `/api/openapi.json`: the API described from the same types and handlers that serve it.

use super::{captcha, flow, registrations, resets, session};
use axum::Json;
use utoipa::OpenApi;

#[derive(OpenApi)]
#[openapi(
    info(
        // ASCII: client generators derive a package name from it.
        title = "Portal mock API",
        description = "Cổng Dịch vụ công quốc gia (mock): registration by mobile subscription, \
                       OTP, sign-in and password reset. \
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
        session::resend_sign_in,
        session::verify_sign_in,
    )
)]
pub struct ApiDoc;

pub async fn document() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A generated client names a method after each operation id: two alike and it cannot
    /// be built. (`cargo xtask test` also runs a full OpenAPI validator on the document.)
    #[test]
    fn every_operation_has_its_own_id() {
        let doc = serde_json::to_value(ApiDoc::openapi()).unwrap();
        let mut ids: Vec<&str> = doc["paths"]
            .as_object()
            .unwrap()
            .values()
            .flat_map(|item| item.as_object().unwrap().values())
            .filter_map(|operation| operation["operationId"].as_str())
            .collect();
        let operations = ids.len();
        assert!(operations >= 10, "{operations}");
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(
            ids.len(),
            operations,
            "an operation id is used twice: {ids:?}"
        );
        assert!(ids.contains(&"start_registration") && ids.contains(&"start_password_reset"));
    }
}
