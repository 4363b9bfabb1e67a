use crate::captcha::{random_answer, render_svg, TTL_S};
use crate::db::flows::{delete_started_before, FLOW_LIFETIME};
use crate::error::AppError;
use crate::state::random_id;
use crate::store::{CaptchaEntry, Store};
use crate::AppState;
use axum::extract::State;
use axum::Json;
use contract::api::{CaptchaChallenge, ErrorCode};
use contract::registration::normalize_captcha_answer;
use time::{Duration, OffsetDateTime};

/// Spends the captcha `id`: any submit that reaches the server uses it up, right or wrong.
/// Checked before anything else a form sends, so a wrong answer reveals nothing else.
pub fn spend(
    store: &mut Store,
    id: &str,
    answer: &str,
    now: OffsetDateTime,
) -> Result<(), AppError> {
    let captcha = store.captchas.remove(id);
    let right =
        captcha.is_some_and(|c| c.expires_at > now && c.answer == normalize_captcha_answer(answer));
    if right {
        Ok(())
    } else {
        Err(ErrorCode::CaptchaInvalid.into())
    }
}

/// A new captcha image. Each is good for one submit (a registration, a reset).
#[utoipa::path(get, path = contract::endpoints::CAPTCHA, tag = "registration",
    responses((status = 200, body = CaptchaChallenge)))]
pub async fn new_captcha(State(s): State<AppState>) -> Json<CaptchaChallenge> {
    let mut rng = rand::rng();
    let answer = match &s.config.captcha_answer {
        Some(fixed) => normalize_captcha_answer(fixed),
        None => random_answer(&mut rng),
    };
    let image_svg = render_svg(&answer, &mut rng);
    let captcha_id = random_id();
    let now = s.clock.now();
    let prune_flows = {
        let mut store = s.store();
        let due = store.prune(now);
        store.captchas.insert(
            captcha_id.clone(),
            CaptchaEntry {
                answer,
                expires_at: now + Duration::seconds(TTL_S.into()),
            },
        );
        due
    };
    if prune_flows {
        // In the background: this answer never waits for the database.
        let db = s.db.clone();
        tokio::spawn(async move {
            let cutoff = now - FLOW_LIFETIME;
            if let Err(e) = db.write(move |tx| delete_started_before(tx, cutoff)).await {
                tracing::warn!(error = %e, "could not forget old flows; will try again");
            }
        });
    }
    Json(CaptchaChallenge {
        captcha_id,
        image_svg,
        expires_in_s: TTL_S,
    })
}
