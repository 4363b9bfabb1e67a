//! The mock back end of the portal (spec §5): `app(state)` builds the whole service,
//! so tests drive it in-process with `oneshot` and `main` only parses flags and binds.

pub mod basic_auth;
pub mod captcha;
pub mod clock;
pub mod config;
pub mod db;
pub mod error;
pub mod otp;
pub mod passwords;
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

/// Where this server keeps its data: `--db`, the database beside an old `--state-file`
/// (its accounts imported once, when that database is new), or memory. The personas'
/// account is always there. `Err`: one line saying why the server cannot start.
pub fn open_db(config: &config::Config) -> Result<db::Db, String> {
    let legacy = config.state_file.as_deref();
    let db = match config
        .db
        .clone()
        .or_else(|| legacy.map(db::import::database_for))
    {
        Some(path) => open_importing(&path, legacy)?,
        None => db::Db::in_memory(),
    };
    personas::seed(&db).map_err(|e| e.to_string())?;
    Ok(db)
}

/// The database at `path`; when it is new, with the accounts of the old JSON file `legacy`.
fn open_importing(
    path: &std::path::Path,
    legacy: Option<&std::path::Path>,
) -> Result<db::Db, String> {
    let old = legacy.filter(|old| *old != path && !path.exists());
    // Read before the database is created: a corrupt file stops the start and leaves nothing.
    let imported = match old {
        Some(old) => db::import::load(old).map_err(|e| format!("{}: {e}", old.display()))?,
        None => Vec::new(),
    };
    let db = db::Db::open(path).map_err(|e| e.to_string())?;
    if let Some(old) = old.filter(|old| old.exists()) {
        let added = db::import::import(&db, imported).map_err(|e| e.to_string())?;
        tracing::info!(
            "imported {added} accounts from {} into {}; the JSON file is left as it was and no longer read",
            old.display(),
            path.display()
        );
    }
    Ok(db)
}
