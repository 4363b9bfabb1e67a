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
use axum::routing::{delete, get, post};
use axum::{Extension, Router};
use contract::endpoints::FlowAction::{Password, Resend, Verify};
use contract::endpoints::*;
use contract::flow::FlowKind::{Registration, Reset, SignIn};
use std::net::{IpAddr, Ipv4Addr, SocketAddr};

pub fn api(state: &AppState) -> Router<AppState> {
    // Paths from the contract (the client uses the same), nested under `/api` by `app`.
    let at = |path: &str| under_api(path).to_owned();
    let flow = |kind, action| at(&flow_pattern(kind, action));
    let mut router = Router::new()
        .route(&at(CAPTCHA), get(captcha::new_captcha))
        .route(&at(REGISTRATIONS), post(registrations::start))
        .route(&flow(Registration, Resend), post(flow::resend_registration))
        .route(&flow(Registration, Verify), post(flow::verify_registration))
        .route(
            &flow(Registration, Password),
            post(flow::password_registration),
        )
        .route(&at(PASSWORD_RESETS), post(resets::start))
        .route(&flow(Reset, Resend), post(flow::resend_reset))
        .route(&flow(Reset, Verify), post(flow::verify_reset))
        .route(&flow(Reset, Password), post(flow::password_reset))
        .route(&at(SESSION), post(session::sign_in))
        .route(&flow(SignIn, Resend), post(session::resend_sign_in))
        .route(&flow(SignIn, Verify), post(session::verify_sign_in))
        .route(&at(OPENAPI), get(openapi::document));
    if !state.config.no_dev {
        router = router
            .route(&at(DEV_OUTBOX), get(dev::outbox))
            .route(&at(&dev_captcha_pattern()), get(dev::captcha_answer))
            .route(&at(DEV_CLOCK), post(dev::clock))
            .route(&at(DEV_FAULTS), post(dev::set_faults))
            .route(&at(DEV_DATA), delete(dev::clear_data))
            .route(
                &at(&dev_gallery_baseline_pattern()),
                get(dev::gallery_baseline),
            );
    }
    router.layer(axum::middleware::from_fn_with_state(
        state.clone(),
        dev::inject_faults,
    ))
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
