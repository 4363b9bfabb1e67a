//! The mock back end of the portal (spec §5): `app(state)` builds the whole service,
//! so tests drive it in-process with `oneshot` and `main` only parses flags and binds.

pub mod basic_auth;
pub mod captcha;
pub mod clock;
pub mod config;
pub mod error;
pub mod otp;
pub mod passwords;
pub mod persist;
pub mod personas;
pub mod ratelimit;
mod request_log;
mod routes;
pub mod state;
pub mod static_site;
pub mod store;

use axum::extract::DefaultBodyLimit;
use axum::Router;
use contract::api::ErrorCode;
use error::AppError;
pub use state::AppState;

/// Largest request body accepted (413 above).
pub const BODY_LIMIT: usize = 16 * 1024;

/// The whole service: `/api` (JSON everywhere, including 404 and 405), then the built
/// SPA when `--static-dir` is set.
pub fn app(state: AppState) -> Router {
    let api = routes::api(&state)
        .fallback(|| async { AppError::new(ErrorCode::NotFound) })
        .method_not_allowed_fallback(|| async {
            AppError::new(ErrorCode::BadRequest)
                .status(axum::http::StatusCode::METHOD_NOT_ALLOWED)
                .detail("method not allowed")
        })
        // Every answer above, the fallbacks' too, in the request's language.
        .layer(axum::middleware::from_fn(error::localize))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(tower_http::compression::CompressionLayer::new())
        .with_state(state.clone());
    let mut app = Router::new().nest(contract::endpoints::API, api);
    if let Some(dir) = &state.config.static_dir {
        app = static_site::serve(app, dir);
    }
    if let Some(auth) = &state.config.basic_auth {
        app = app.layer(axum::middleware::from_fn_with_state(
            std::sync::Arc::new(auth.clone()),
            basic_auth::require,
        ));
    }
    let headers = static_site::security_headers(state.config.static_dir.as_deref());
    app.layer(axum::middleware::from_fn_with_state(
        headers,
        static_site::add_security_headers,
    ))
    .layer(axum::middleware::from_fn(request_log::log))
}

/// The accounts a new server starts with: the state file's, or the personas.
pub fn initial_accounts(
    config: &config::Config,
) -> Result<std::collections::HashMap<String, store::Account>, persist::LoadError> {
    let mut accounts = match &config.state_file {
        Some(path) => persist::load(path)?,
        None => Default::default(),
    };
    accounts
        .entry(personas::EXISTING_ID.to_owned())
        .or_insert_with(|| {
            personas::existing_account(passwords::hash(personas::EXISTING_PASSWORD))
        });
    Ok(accounts)
}
