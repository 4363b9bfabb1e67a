//! The `/api` routes and what their handlers share.

mod captcha;
mod dev;
mod flow;
mod openapi;
mod registrations;
mod resets;
mod session;

use crate::AppState;
use axum::extract::ConnectInfo;
use axum::http::{header, HeaderMap};
use axum::routing::{get, post};
use axum::{Extension, Router};
use contract::Lang;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};

pub fn api(state: &AppState) -> Router<AppState> {
    let mut router = Router::new()
        .route("/captcha", get(captcha::new_captcha))
        .route("/registrations", post(registrations::start))
        .route(
            "/registrations/{id}/otp/resend",
            post(flow::resend_registration),
        )
        .route(
            "/registrations/{id}/otp/verify",
            post(flow::verify_registration),
        )
        .route(
            "/registrations/{id}/password",
            post(flow::password_registration),
        )
        .route("/password-resets", post(resets::start))
        .route("/password-resets/{id}/otp/resend", post(flow::resend_reset))
        .route("/password-resets/{id}/otp/verify", post(flow::verify_reset))
        .route("/password-resets/{id}/password", post(flow::password_reset))
        .route("/session", post(session::sign_in))
        .route("/openapi.json", get(openapi::document));
    if !state.config.no_dev {
        router = router
            .route("/dev/outbox", get(dev::outbox))
            .route("/dev/captchas/{id}", get(dev::captcha_answer))
            .route("/dev/clock", post(dev::clock))
            .route("/dev/faults", post(dev::set_faults));
    }
    router.layer(axum::middleware::from_fn_with_state(
        state.clone(),
        dev::inject_faults,
    ))
}

/// The language of error messages: the client's `Accept-Language`, else Vietnamese.
fn lang_of(headers: &HeaderMap) -> Lang {
    headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .map(Lang::from_accept_language)
        .unwrap_or_default()
}

/// The page's host (without port), for the WebOTP line `@host #code`.
fn host_of(headers: &HeaderMap) -> String {
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("localhost");
    let without_port = match host.rsplit_once(':') {
        Some((h, port)) if port.bytes().all(|b| b.is_ascii_digit()) => h,
        _ => host,
    };
    let clean: String = without_port
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '[' | ']' | ':'))
        .take(253)
        .collect();
    if clean.is_empty() {
        "localhost".into()
    } else {
        clean
    }
}

type ClientAddr = Option<Extension<ConnectInfo<SocketAddr>>>;

fn ip_of(addr: &ClientAddr) -> IpAddr {
    addr.as_ref()
        .map(|Extension(ConnectInfo(a))| a.ip())
        .unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST))
}
