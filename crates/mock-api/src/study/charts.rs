//! The results' charts, drawn as SVG by plotters (its SVG backend: the browser draws the
//! text, so no font file is needed). Each one is shown beside a table with the same numbers.

use super::stats::{Count, Results, Timeline};
use super::store::Task;
use contract::route_table::ROUTES;
use maud::{html, Markup, PreEscaped};
use plotters::prelude::*;

const WIDTH: u32 = 720;
const ROW: u32 = 34;
const BAR: RGBColor = RGBColor(0x1d, 0x4e, 0x89);
const ERROR: RGBColor = RGBColor(0xd4, 0x35, 0x1c);

/// The colour of a screen in the timelines: by its place in the route table, so one screen
/// has one colour on every row and in the legend.
pub fn screen_colour(screen: &str) -> RGBColor {
    const PALETTE: [RGBColor; 8] = [
        RGBColor(0x4c, 0x78, 0xa8),
        RGBColor(0xf5, 0x85, 0x18),
        RGBColor(0x54, 0xa2, 0x4b),
        RGBColor(0xb2, 0x79, 0xa2),
        RGBColor(0x9d, 0x75, 0x5d),
        RGBColor(0x72, 0xb7, 0xb2),
        RGBColor(0xee, 0xca, 0x3b),
        RGBColor(0x79, 0x70, 0x6e),
    ];
    let place = ROUTES
        .iter()
        .position(|r| r.path == screen)
        .unwrap_or(ROUTES.len());
    PALETTE[place % PALETTE.len()]
}

pub fn hex(c: RGBColor) -> String {
    format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2)
}

/// The SVG as HTML: `role="img"` with a name, the table beside it saying the same.
fn figure(label: &str, draw: impl FnOnce(&mut String) -> Result<(), String>) -> Markup {
    let mut svg = String::new();
    match draw(&mut svg) {
        Ok(()) => html! { div class="chart" role="img" aria-label=(label) { (PreEscaped(svg)) } },
        Err(e) => {
            html! { p class="error" { "The chart could not be drawn (" (e) "); the table has its numbers." } }
        }
    }
}

/// Horizontal bars, one per row from the top, `value` out of `max`.
fn bars(svg: &mut String, rows: &[(String, f64)], max: f64, unit: &str) -> Result<(), String> {
    // The chart's rows count from the bottom: reversed, the first row reads first.
    let rows: Vec<(String, f64)> = rows.iter().rev().cloned().collect();
    let n = rows.len().max(1);
    let height = 50 + ROW * n as u32;
    let root = SVGBackend::with_string(svg, (WIDTH, height)).into_drawing_area();
    root.fill(&WHITE).map_err(|e| e.to_string())?;
    let mut chart = ChartBuilder::on(&root)
        .margin(8)
        .x_label_area_size(30)
        .y_label_area_size(230)
        .build_cartesian_2d(0f64..max.max(1.0), (0..n).into_segmented())
        .map_err(|e| e.to_string())?;
    let labels: Vec<String> = rows.iter().map(|(l, _)| l.clone()).collect();
    chart
        .configure_mesh()
        .disable_y_mesh()
        .y_labels(n)
        .y_label_formatter(&|v| match v {
            SegmentValue::CenterOf(i) => labels.get(*i).cloned().unwrap_or_default(),
            _ => String::new(),
        })
        .x_desc(unit)
        .draw()
        .map_err(|e| e.to_string())?;
    chart
        .draw_series(rows.iter().enumerate().map(|(i, (_, value))| {
            let mut bar = Rectangle::new(
                [
                    (0.0, SegmentValue::Exact(i)),
                    (*value, SegmentValue::Exact(i + 1)),
                ],
                BAR.filled(),
            );
            bar.set_margin(5, 5, 0, 0);
            bar
        }))
        .map_err(|e| e.to_string())?;
    root.present().map_err(|e| e.to_string())
}

/// Per task, the share of participants who finished it.
pub fn completion(results: &Results, tasks: &[Task]) -> Markup {
    let rows: Vec<(String, f64)> = tasks
        .iter()
        .zip(&results.tasks)
        .enumerate()
        .map(|(i, (_, r))| (format!("Task {}", i + 1), r.completion() * 100.0))
        .collect();
    figure("Completion rate per task, in per cent", |svg| {
        bars(svg, &rows, 100.0, "% of participants who started it")
    })
}

/// How many participants reached each screen of the registration.
pub fn funnel(counts: &[Count], participants: usize) -> Markup {
    let rows: Vec<(String, f64)> = counts
        .iter()
        .map(|c| (c.what.clone(), c.count as f64))
        .collect();
    figure(
        "Participants who reached each screen of the registration",
        |svg| bars(svg, &rows, participants as f64, "participants"),
    )
}

/// One row per participant: each screen a coloured segment, each error a red tick.
pub fn timelines(timelines: &[Timeline]) -> Markup {
    figure(
        "Each participant's screens over time, errors marked in red",
        |svg| draw_timelines(svg, timelines),
    )
}

fn draw_timelines(svg: &mut String, timelines: &[Timeline]) -> Result<(), String> {
    let n = timelines.len().max(1);
    let longest = timelines
        .iter()
        .map(|t| (t.end - t.start) as f64 / 1000.0)
        .fold(1.0, f64::max);
    let root = SVGBackend::with_string(svg, (WIDTH, 50 + ROW * n as u32)).into_drawing_area();
    root.fill(&WHITE).map_err(|e| e.to_string())?;
    let mut chart = ChartBuilder::on(&root)
        .margin(8)
        .x_label_area_size(30)
        .y_label_area_size(60)
        .build_cartesian_2d(0f64..longest, (0..n).into_segmented())
        .map_err(|e| e.to_string())?;
    let names: Vec<String> = timelines.iter().map(|t| t.participant.clone()).collect();
    chart
        .configure_mesh()
        .disable_y_mesh()
        .y_labels(n)
        .y_label_formatter(&|v| match v {
            SegmentValue::CenterOf(i) => names.get(*i).cloned().unwrap_or_default(),
            _ => String::new(),
        })
        .x_desc("seconds since the participant's first event")
        .draw()
        .map_err(|e| e.to_string())?;
    let secs = |t: &Timeline, at: i64| (at - t.start) as f64 / 1000.0;
    for (row, t) in timelines.iter().enumerate() {
        chart
            .draw_series(t.segments.iter().map(|s| {
                let mut bar = Rectangle::new(
                    [
                        (secs(t, s.from), SegmentValue::Exact(row)),
                        (secs(t, s.to), SegmentValue::Exact(row + 1)),
                    ],
                    screen_colour(&s.screen).filled(),
                );
                bar.set_margin(6, 6, 0, 0);
                bar
            }))
            .map_err(|e| e.to_string())?;
        chart
            .draw_series(t.errors.iter().map(|m| {
                let x = secs(t, m.at);
                PathElement::new(
                    vec![
                        (x, SegmentValue::Exact(row)),
                        (x, SegmentValue::Exact(row + 1)),
                    ],
                    ERROR.stroke_width(3),
                )
            }))
            .map_err(|e| e.to_string())?;
    }
    root.present().map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::study::stats::{Mark, Segment, TaskResult};

    #[test]
    fn a_timeline_draws_its_segments_and_errors_in_their_colours() {
        let t = Timeline {
            participant: "P01".into(),
            start: 0,
            end: 10_000,
            segments: vec![
                Segment {
                    screen: "/".into(),
                    from: 0,
                    to: 4_000,
                },
                Segment {
                    screen: contract::route_table::CHOOSE_METHOD.into(),
                    from: 4_000,
                    to: 10_000,
                },
            ],
            errors: vec![Mark {
                at: 5_000,
                kind: "refused".into(),
            }],
        };
        let html = timelines(&[t]).into_string();
        assert!(html.contains("<svg"), "{html}");
        assert!(html.contains("P01"));
        for screen in ["/", contract::route_table::CHOOSE_METHOD] {
            assert!(
                html.contains(&hex(screen_colour(screen)).to_uppercase())
                    || html.contains(&hex(screen_colour(screen))),
                "{screen}: {html}"
            );
        }
        assert!(screen_colour("/") != screen_colour(contract::route_table::CHOOSE_METHOD));
    }

    #[test]
    fn bars_are_labelled_with_their_rows() {
        let results = Results {
            participants: 2,
            consented: 2,
            tasks: vec![TaskResult {
                started: 2,
                done: 1,
                skipped: 1,
                times_ms: vec![1],
                median_ms: Some(1),
            }],
            funnel: vec![],
            errors: vec![],
            notices: vec![],
            timelines: vec![],
            feedback: vec![],
        };
        let task = Task {
            text: contract::study::TaskText {
                vi: "a".into(),
                en: "a".into(),
            },
            scenario: contract::study::Scenario::FreshCitizen,
        };
        let html = completion(&results, &[task]).into_string();
        assert!(html.contains("Task 1") && html.contains("<rect"), "{html}");
    }
}
