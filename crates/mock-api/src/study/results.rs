//! `/__study/{id}/results`: what the participants did, as charts with their tables.

use super::facilitator;
use super::stats::{self, Count, Results};
use super::store::{self, StudyId, Task};
use super::{charts, StudyState};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{html, Markup};

async fn load(
    studies: &StudyState,
    id: StudyId,
) -> Result<Option<(store::Study, Vec<Task>, Results)>, ()> {
    let whole = studies
        .db
        .read(move |c| store::whole(c, id))
        .await
        .map_err(|_| ())?;
    Ok(whole.map(|w| {
        let results = stats::results(&w.tasks, &w.participants, &w.events);
        (w.study, w.tasks, results)
    }))
}

pub async fn page(State(studies): State<StudyState>, Path(id): Path<StudyId>) -> Response {
    let (study, tasks, r) = match load(&studies, id).await {
        Ok(Some(found)) => found,
        Ok(None) => return (StatusCode::NOT_FOUND, "No such study\n").into_response(),
        Err(()) => {
            return (
                StatusCode::SERVICE_UNAVAILABLE,
                "The study database did not answer; try again\n",
            )
                .into_response()
        }
    };
    facilitator::page(
        &format!("Results: {}", study.name),
        html! {
            p { (r.consented) " of " (r.participants) " participants started. "
                a href=(format!("{}/{id}", super::FACILITATOR)) { "Participants" } " · "
                a href=(format!("{}/{id}/events.csv", super::FACILITATOR)) { "Events (CSV)" } " · "
                a href=(format!("{}/{id}/events.json", super::FACILITATOR)) { "Events (JSON)" } }
            (tasks_section(&r, &tasks))
            (funnel_section(&r))
            (counts_section("Errors met most", "Field × rule (or the server's code)", &r.errors))
            (counts_section("Notices shown most", "Notice", &r.notices))
            (timeline_section(&r))
            (feedback_section(&r))
        },
    )
}

fn seconds(ms: i64) -> String {
    format!("{:.1} s", ms as f64 / 1000.0)
}

fn tasks_section(r: &Results, tasks: &[Task]) -> Markup {
    html! {
        section class="result" aria-labelledby="tasks-title" {
            h2 id="tasks-title" { "Tasks" }
            div class="result__pair" {
                (charts::completion(r, tasks))
                table {
                    caption { "Completion and time per task" }
                    thead { tr { th scope="col" { "Task" } th scope="col" { "Started" } th scope="col" { "Done" } th scope="col" { "Skipped" } th scope="col" { "Completion" } th scope="col" { "Median time" } } }
                    tbody {
                        @for (i, (t, res)) in tasks.iter().zip(&r.tasks).enumerate() {
                            tr {
                                th scope="row" { "Task " (i + 1) ": " (t.text.en) }
                                td { (res.started) }
                                td { (res.done) }
                                td { (res.skipped) }
                                td { (format!("{:.0}%", res.completion() * 100.0)) }
                                td { @match res.median_ms { Some(ms) => (seconds(ms)), None => "—" } }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn funnel_section(r: &Results) -> Markup {
    html! {
        section class="result" aria-labelledby="funnel-title" {
            h2 id="funnel-title" { "Registration funnel" }
            div class="result__pair" {
                (charts::funnel(&r.funnel, r.consented))
                table {
                    caption { "Participants who reached each screen" }
                    thead { tr { th scope="col" { "Screen" } th scope="col" { "Participants" } } }
                    tbody { @for c in &r.funnel { tr { th scope="row" { code { (c.what) } } td { (c.count) } } } }
                }
            }
        }
    }
}

fn counts_section(title: &str, what: &str, counts: &[Count]) -> Markup {
    html! {
        section class="result" {
            h2 { (title) }
            @if counts.is_empty() { p { "None recorded." } } @else {
                table {
                    caption { (title) }
                    thead { tr { th scope="col" { (what) } th scope="col" { "Times" } } }
                    tbody { @for c in counts { tr { th scope="row" { code { (c.what) } } td { (c.count) } } } }
                }
            }
        }
    }
}

fn timeline_section(r: &Results) -> Markup {
    let mut screens: Vec<&str> = r
        .timelines
        .iter()
        .flat_map(|t| t.segments.iter().map(|s| s.screen.as_str()))
        .collect();
    screens.sort_unstable();
    screens.dedup();
    html! {
        section class="result" aria-labelledby="timeline-title" {
            h2 id="timeline-title" { "Timelines" }
            (charts::timelines(&r.timelines))
            ul class="legend" aria-label="Screen colours" {
                @for s in &screens {
                    li { svg width="14" height="14" aria-hidden="true" { rect width="14" height="14" fill=(charts::hex(charts::screen_colour(s))) {} } " " code { (s) } }
                }
                li { svg width="14" height="14" aria-hidden="true" { rect x="5" width="4" height="14" fill="#d4351c" {} } " an error (refused submit or wrong code)" }
            }
            table {
                caption { "Each participant's screens, in order" }
                thead { tr { th scope="col" { "Participant" } th scope="col" { "Screens (seconds on each)" } th scope="col" { "Errors" } th scope="col" { "Total" } } }
                tbody {
                    @for t in &r.timelines {
                        tr {
                            th scope="row" { (t.participant) }
                            td { @for (i, s) in t.segments.iter().enumerate() { @if i > 0 { " → " } code { (s.screen) } " (" (seconds(s.to - s.from)) ")" } }
                            td { (t.errors.len()) }
                            td { (seconds(t.end - t.start)) }
                        }
                    }
                }
            }
        }
    }
}

fn feedback_section(r: &Results) -> Markup {
    html! {
        section class="result" aria-labelledby="feedback-title" {
            h2 id="feedback-title" { "Feedback by screen" }
            @if r.feedback.is_empty() { p { "No feedback yet." } }
            @for f in &r.feedback {
                figure class="quote" {
                    blockquote { p { (f.text) } }
                    figcaption { (f.participant) ", on " code { (f.screen) } }
                }
            }
        }
    }
}
