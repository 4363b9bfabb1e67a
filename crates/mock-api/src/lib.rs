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
pub mod study;

use axum::extract::DefaultBodyLimit;
use axum::Router;
use contract::api::ErrorCode;
use error::AppError;
pub use state::AppState;

/// Largest request body accepted (413 above).
pub const BODY_LIMIT: usize = 16 * 1024;

/// The whole service: `/api` (JSON everywhere, including 404 and 405), then the built
/// SPA when `--static-dir` is set, behind `--basic-auth` when set.
pub fn app(state: AppState) -> Router {
    let mut app = site(&state);
    if let Some(auth) = &state.config.basic_auth {
        app = app.layer(axum::middleware::from_fn_with_state(
            std::sync::Arc::new(auth.clone()),
            basic_auth::require,
        ));
    }
    outer_layers(app, &state.config)
}

/// The service in study mode (`--study`): [`study::app`], which decides who may see what.
pub fn study_app(studies: study::StudyState) -> Router {
    let config = studies.base.config.clone();
    outer_layers(study::app(studies), &config)
}

/// `/api` and the built SPA, for whoever got this far: the app itself, or one study
/// participant's sandbox.
pub fn site(state: &AppState) -> Router {
    let api = routes::api(state)
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
    let app = Router::new().nest(contract::endpoints::API, api);
    match &state.config.static_dir {
        Some(dir) => static_site::serve(app, dir),
        None => app,
    }
}

/// What every answer gets: the security headers, and a line in the log.
fn outer_layers(app: Router, config: &config::Config) -> Router {
    let headers = static_site::security_headers(config.static_dir.as_deref());
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

/// A database in memory with the personas' account (what study mode's prototypes use).
pub fn in_memory_db() -> db::Db {
    let db = db::Db::in_memory();
    // In memory, a failure is a bug; the prototype works without the persona.
    let _ = personas::seed(&db);
    db
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
