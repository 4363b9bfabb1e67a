//! The facilitator's pages under `/__study` (behind their credentials): studies, their
//! participants with links and QR codes, resets, closing, results and exports.

use super::access::{self, Active};
use super::stats::RESET;
use super::store::{self, StudyId, Task};
use super::{export, now_ms, participant, StudyState, LINK};
use crate::state::random_id;
use axum::extract::{Form, Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use contract::study::{Scenario, TaskText};
use maud::{html, Markup, PreEscaped, DOCTYPE};
use serde_json::json;
use std::collections::HashMap;

/// The study pages' stylesheet (the consent page's too, so it is public).
pub const STYLESHEET: &str = "/s/study.css";

/// Tasks the "new study" form offers room for.
const TASK_ROWS: usize = 5;

/// Most participants added at once.
const MAX_ADDED: usize = 50;

pub fn routes() -> Router<StudyState> {
    Router::new()
        .route("/", get(index).post(create))
        .route("/{id}", get(study_page))
        .route("/{id}/participants", post(add_participants))
        .route("/{id}/participants/{code}/reset", post(reset))
        .route("/{id}/close", post(close))
        .route("/{id}/results", get(super::results::page))
        .route("/{id}/events.csv", get(export::csv))
        .route("/{id}/events.json", get(export::json))
}

pub async fn stylesheet() -> Response {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8")],
        include_str!("study.css"),
    )
        .into_response()
}

/// The study build's task panel: only study mode serves it.
pub async fn panel_stylesheet() -> Response {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8")],
        include_str!("panel.css"),
    )
        .into_response()
}

/// A facilitator page: English (the participant-facing pages follow the toggle).
pub fn page(title: &str, body: Markup) -> Response {
    let markup = html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="robots" content="noindex";
                // No icon request: without the cookie yet it would meet the password prompt.
                link rel="icon" href="data:,";
                title { (title) " · Research sessions" }
                link rel="stylesheet" href=(STYLESHEET);
            }
            body {
                main class="study-page study-page--wide" {
                    p class="crumbs" { a href=(super::FACILITATOR) { "Research sessions" } }
                    h1 { (title) }
                    (body)
                }
            }
        }
    };
    markup.into_response()
}

fn unavailable() -> Response {
    (
        StatusCode::SERVICE_UNAVAILABLE,
        "The study database did not answer; try again\n",
    )
        .into_response()
}

fn not_found() -> Response {
    page(
        "No such study",
        html! { p { "There is no study with this number." } },
    )
}

async fn index(State(studies): State<StudyState>) -> Response {
    let Ok(all) = studies.db.read(store::studies).await else {
        return unavailable();
    };
    page(
        "Research sessions",
        html! {
            @if all.is_empty() {
                p { "No study yet. Create one below: its tasks, then participants with their links." }
            } @else {
                table {
                    caption { "Studies" }
                    thead { tr { th scope="col" { "Study" } th scope="col" { "Created" } th scope="col" { "State" } } }
                    tbody {
                        @for s in &all {
                            tr {
                                td { a href=(format!("{}/{}", super::FACILITATOR, s.id)) { (s.name) } }
                                td { (when(s.created_at)) }
                                td { @if s.closed_at.is_some() { "closed" } @else { "open" } }
                            }
                        }
                    }
                }
            }
            (create_form(None))
        },
    )
}

fn create_form(error: Option<&str>) -> Markup {
    html! {
        h2 { "New study" }
        @if let Some(e) = error { p class="error" role="alert" { (e) } }
        form method="post" action=(super::FACILITATOR) class="study-form" {
            label for="name" { "Study name" }
            input id="name" name="name" required maxlength="120";
            @for i in 1..=TASK_ROWS {
                fieldset {
                    legend { "Task " (i) @if i > 1 { " (optional)" } }
                    label for=(format!("vi{i}")) { "Text in Vietnamese" }
                    textarea id=(format!("vi{i}")) name=(format!("vi{i}")) rows="2" maxlength="500" {}
                    label for=(format!("en{i}")) { "Text in English" }
                    textarea id=(format!("en{i}")) name=(format!("en{i}")) rows="2" maxlength="500" {}
                    label for=(format!("scenario{i}")) { "Starts from" }
                    select id=(format!("scenario{i}")) name=(format!("scenario{i}")) {
                        @for s in Scenario::ALL { option value=(s.code()) { (s.label()) } }
                    }
                }
            }
            button type="submit" class="button" { "Create study" }
        }
    }
}

/// The study the form describes: a name and at least one task with a text.
pub fn parse_study(form: &HashMap<String, String>) -> Result<(String, Vec<Task>), &'static str> {
    let name = form.get("name").map(|n| n.trim()).unwrap_or_default();
    if name.is_empty() {
        return Err("Give the study a name");
    }
    let field = |key: String| {
        form.get(&key)
            .map(|v| v.trim().to_owned())
            .unwrap_or_default()
    };
    let mut tasks = Vec::new();
    for i in 1..=TASK_ROWS {
        let (vi, en) = (field(format!("vi{i}")), field(format!("en{i}")));
        if vi.is_empty() && en.is_empty() {
            continue;
        }
        let scenario = Scenario::from_code(&field(format!("scenario{i}")))
            .ok_or("Choose what each task starts from")?;
        // One language given: the other shows the same words rather than nothing.
        let text = TaskText {
            vi: if vi.is_empty() {
                en.clone()
            } else {
                vi.clone()
            },
            en: if en.is_empty() { vi } else { en },
        };
        tasks.push(Task { text, scenario });
    }
    if tasks.is_empty() {
        return Err("Write at least one task, in Vietnamese or English");
    }
    Ok((name.chars().take(120).collect(), tasks))
}

async fn create(
    State(studies): State<StudyState>,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    let (name, tasks) = match parse_study(&form) {
        Ok(parsed) => parsed,
        Err(e) => {
            let mut r = page("Research sessions", create_form(Some(e)));
            *r.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            return r;
        }
    };
    let now = now_ms();
    match studies
        .db
        .write(move |tx| store::create_study(tx, &name, &tasks, now))
        .await
    {
        Ok(id) => Redirect::to(&format!("{}/{id}", super::FACILITATOR)).into_response(),
        Err(_) => unavailable(),
    }
}

/// The link a participant opens, as this request reached the server.
fn link_url(headers: &HeaderMap, token: &str) -> String {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("localhost");
    let scheme = match headers
        .get("x-forwarded-proto")
        .and_then(|h| h.to_str().ok())
    {
        Some("https") => "https",
        _ => "http",
    };
    format!("{scheme}://{host}{LINK}/{token}")
}

/// The link as a QR code, to open it on a phone in the lab.
fn qr_svg(url: &str) -> Markup {
    let svg = qrcode::QrCode::new(url.as_bytes())
        .map(|code| {
            code.render::<qrcode::render::svg::Color>()
                .min_dimensions(120, 120)
                .quiet_zone(true)
                .build()
        })
        .unwrap_or_default();
    // The XML prologue is not allowed inside HTML.
    let svg = svg
        .split_once("?>")
        .map_or(svg.as_str(), |(_, rest)| rest)
        .to_owned();
    PreEscaped(svg)
}

async fn study_page(
    State(studies): State<StudyState>,
    Path(id): Path<StudyId>,
    headers: HeaderMap,
) -> Response {
    let loaded = studies
        .db
        .read(move |c| {
            Ok((
                store::study(c, id)?,
                store::tasks(c, id)?,
                store::participants(c, id)?,
            ))
        })
        .await;
    let (study, tasks, participants) = match loaded {
        Ok((Some(s), t, p)) => (s, t, p),
        Ok((None, ..)) => return not_found(),
        Err(_) => return unavailable(),
    };
    let base = format!("{}/{id}", super::FACILITATOR);
    let open = study.closed_at.is_none();
    page(
        &study.name,
        html! {
            p { @if open { "Open: participants' links work." } @else { "Closed: every link of this study now says the study has ended." } }
            p { a href=(format!("{base}/results")) { "Results" } " · " a href=(format!("{base}/events.csv")) { "Events (CSV)" } " · " a href=(format!("{base}/events.json")) { "Events (JSON)" } }
            h2 { "Tasks" }
            ol {
                @for t in &tasks {
                    li {
                        span lang="vi" { (t.text.vi) }
                        @if t.text.en != t.text.vi { br; span lang="en" { (t.text.en) } }
                        br; small { "Starts from: " (t.scenario.label()) }
                    }
                }
            }
            h2 { "Participants" }
            @if participants.is_empty() { p { "None yet." } } @else {
                table {
                    caption { "Participants, their links and where they are" }
                    thead { tr { th scope="col" { "Code" } th scope="col" { "Link" } th scope="col" { "QR code" } th scope="col" { "State" } th scope="col" { "Reset" } } }
                    tbody {
                        @for p in &participants {
                            @let url = link_url(&headers, &p.token);
                            tr {
                                th scope="row" { (p.code) }
                                td { code class="link" { (url) } }
                                td { figure class="qr" role="img" aria-label=(format!("QR code of {}'s link", p.code)) { (qr_svg(&url)) } }
                                td { (participant_state(p, tasks.len())) }
                                td {
                                    @if open && p.consented_at.is_some() {
                                        form method="post" action=(format!("{base}/participants/{}/reset", p.code)) {
                                            button type="submit" class="button button--secondary" aria-label=(format!("Reset {}", p.code)) { "Reset" }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                p class="hint" { "Reset: the participant's accounts, flows and tab state go; what was recorded stays." }
            }
            @if open {
                form method="post" action=(format!("{base}/participants")) class="inline-form" {
                    label for="count" { "Add participants" }
                    input id="count" name="count" type="number" min="1" max=(MAX_ADDED) value="1";
                    button type="submit" class="button" { "Add" }
                }
                form method="post" action=(format!("{base}/close")) class="inline-form" {
                    button type="submit" class="button button--warning" { "Close the study" }
                }
            }
        },
    )
}

fn participant_state(p: &store::Participant, tasks: usize) -> String {
    match (p.consented_at, p.current_task) {
        (None, _) => "link not opened yet".into(),
        (Some(_), Some(t)) => format!("on task {} of {tasks}", t + 1),
        (Some(_), None) => "finished".into(),
    }
}

async fn add_participants(
    State(studies): State<StudyState>,
    Path(id): Path<StudyId>,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    let count = form
        .get("count")
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|c| (1..=MAX_ADDED).contains(c));
    let Some(count) = count else {
        return (StatusCode::UNPROCESSABLE_ENTITY, page("Add participants", html! { p class="error" role="alert" { "Add between 1 and " (MAX_ADDED) " participants." } })).into_response();
    };
    let added = studies
        .db
        .write(move |tx| match store::study(tx, id)? {
            Some(s) if s.closed_at.is_none() => {
                store::add_participants(tx, id, count, random_id).map(Some)
            }
            _ => Ok(None),
        })
        .await;
    match added {
        Ok(Some(_)) => Redirect::to(&format!("{}/{id}", super::FACILITATOR)).into_response(),
        Ok(None) => not_found(),
        Err(_) => unavailable(),
    }
}

/// A participant starts over: a fresh sandbox for their task, their tab told to forget.
async fn reset(
    State(studies): State<StudyState>,
    Path((id, code)): Path<(StudyId, String)>,
) -> Response {
    let now = now_ms();
    let reset = studies
        .db
        .write(move |tx| {
            let Some(p) = store::participant(tx, id, &code)? else {
                return Ok(None);
            };
            store::bump_generation(tx, &p)?;
            store::record(
                tx,
                id,
                &participant::server_event(&p, now, p.current_task, RESET, json!({})),
            )?;
            let tasks = store::tasks(tx, id)?;
            Ok(Some(Active {
                participant: p,
                tasks,
            }))
        })
        .await;
    match reset {
        Ok(Some(active)) => {
            access::renew_sandbox(&studies, &active).await;
            Redirect::to(&format!("{}/{id}", super::FACILITATOR)).into_response()
        }
        Ok(None) => not_found(),
        Err(_) => unavailable(),
    }
}

async fn close(State(studies): State<StudyState>, Path(id): Path<StudyId>) -> Response {
    let now = now_ms();
    match studies
        .db
        .write(move |tx| store::close_study(tx, id, now))
        .await
    {
        Ok(_) => {
            studies.sandboxes.drop_study(id);
            Redirect::to(&format!("{}/{id}", super::FACILITATOR)).into_response()
        }
        Err(_) => unavailable(),
    }
}

/// A time as the facilitator reads it (UTC, to the minute).
pub fn when(ms: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp(ms / 1000)
        .map(|t| {
            format!(
                "{:04}-{:02}-{:02} {:02}:{:02} UTC",
                t.year(),
                t.month() as u8,
                t.day(),
                t.hour(),
                t.minute()
            )
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn a_study_needs_a_name_and_a_task() {
        assert!(parse_study(&form(&[("vi1", "Đăng ký")])).is_err());
        assert!(parse_study(&form(&[("name", "Pilot")])).is_err());
        let (name, tasks) = parse_study(&form(&[
            ("name", " Pilot "),
            ("vi1", "Đăng ký tài khoản"),
            ("scenario1", "fresh_citizen"),
            ("en3", "Register again"),
            ("scenario3", "existing_account"),
        ]))
        .unwrap();
        assert_eq!(name, "Pilot");
        assert_eq!(tasks.len(), 2);
        assert_eq!(
            tasks[0].text.en, "Đăng ký tài khoản",
            "one language given shows in both"
        );
        assert_eq!(tasks[1].scenario, Scenario::ExistingAccount);
    }

    #[test]
    fn an_unknown_scenario_is_refused() {
        let e = parse_study(&form(&[("name", "x"), ("vi1", "a"), ("scenario1", "nope")]));
        assert!(e.is_err());
    }
}
