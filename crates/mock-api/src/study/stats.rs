//! What a study's events say: per task completion and time, the registration funnel, the
//! errors and notices met most, a timeline per participant and the feedback by screen.
//! Plain functions of the recorded events (the results page and the exports draw them).

use super::store::{Event, Participant, Task};
use contract::flow::FlowKind;
use contract::route_table::{self, CHOOSE_METHOD, HOME};
use contract::study::TaskOutcome;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// Event kinds the server records itself (the SPA's are `Happened::kind`).
pub const CONSENTED: &str = "consented";
pub const TASK_STARTED: &str = "task_started";
pub const TASK_ENDED: &str = "task_ended";
pub const RESET: &str = "participant_reset";

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TaskResult {
    pub started: usize,
    pub done: usize,
    pub skipped: usize,
    /// Milliseconds from start to "Xong", one per participant who finished it.
    pub times_ms: Vec<i64>,
    pub median_ms: Option<i64>,
}

impl TaskResult {
    /// Of the participants who started it, the share who finished it ("Xong").
    pub fn completion(&self) -> f64 {
        if self.started == 0 {
            0.0
        } else {
            self.done as f64 / self.started as f64
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Segment {
    pub screen: String,
    pub from: i64,
    pub to: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Mark {
    pub at: i64,
    pub kind: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Timeline {
    pub participant: String,
    pub start: i64,
    pub end: i64,
    pub segments: Vec<Segment>,
    /// Refused submits and wrong codes.
    pub errors: Vec<Mark>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Count {
    pub what: String,
    pub count: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Feedback {
    pub screen: String,
    pub participant: String,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Results {
    pub participants: usize,
    pub consented: usize,
    pub tasks: Vec<TaskResult>,
    /// The registration's screens in order, with how many participants reached each.
    pub funnel: Vec<Count>,
    /// `field × rule` (or the server's code for a refusal that names no field), most met first.
    pub errors: Vec<Count>,
    pub notices: Vec<Count>,
    pub timelines: Vec<Timeline>,
    pub feedback: Vec<Feedback>,
}

/// The screens of the registration, in the order a citizen meets them.
pub fn funnel_screens() -> Vec<&'static str> {
    let mut screens = vec![HOME, CHOOSE_METHOD];
    screens.extend(
        route_table::ROUTES
            .iter()
            .filter(|r| r.flow == Some(FlowKind::Registration))
            .map(|r| r.path),
    );
    screens
}

pub fn results(tasks: &[Task], participants: &[Participant], events: &[Event]) -> Results {
    let by_participant = group(events);
    Results {
        participants: participants.len(),
        consented: participants
            .iter()
            .filter(|p| p.consented_at.is_some())
            .count(),
        tasks: (0..tasks.len())
            .map(|t| task_result(t, &by_participant))
            .collect(),
        funnel: funnel(&by_participant),
        errors: most(events.iter().flat_map(error_names)),
        notices: most(
            events
                .iter()
                .filter(|e| e.kind == "notice")
                .filter_map(|e| text(&e.detail, "notice")),
        ),
        timelines: by_participant
            .iter()
            .filter_map(|(p, evs)| timeline(p, evs))
            .collect(),
        feedback: feedback(events),
    }
}

fn group(events: &[Event]) -> BTreeMap<String, Vec<&Event>> {
    let mut by: BTreeMap<String, Vec<&Event>> = BTreeMap::new();
    for e in events {
        by.entry(e.participant.clone()).or_default().push(e);
    }
    for evs in by.values_mut() {
        evs.sort_by_key(|e| e.at);
    }
    by
}

fn text(detail: &serde_json::Value, key: &str) -> Option<String> {
    detail.get(key)?.as_str().map(str::to_owned)
}

fn task_result(task: usize, by: &BTreeMap<String, Vec<&Event>>) -> TaskResult {
    let (mut started, mut done, mut skipped, mut times) = (0, 0, 0, Vec::new());
    for evs in by.values() {
        let start = evs
            .iter()
            .find(|e| e.kind == TASK_STARTED && e.task == Some(task));
        let Some(start) = start else { continue };
        started += 1;
        let end = evs
            .iter()
            .find(|e| e.kind == TASK_ENDED && e.task == Some(task));
        let outcome = end.and_then(|e| text(&e.detail, "outcome"));
        if outcome.as_deref() == Some(TaskOutcome::Done.code()) {
            done += 1;
            times.push(end.map_or(0, |e| e.at) - start.at);
        } else if outcome.as_deref() == Some(TaskOutcome::Skipped.code()) {
            skipped += 1;
        }
    }
    times.sort_unstable();
    TaskResult {
        started,
        done,
        skipped,
        median_ms: median(&times),
        times_ms: times,
    }
}

/// The middle value (the mean of the two middle ones for an even count).
pub fn median(sorted: &[i64]) -> Option<i64> {
    let n = sorted.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(sorted[n / 2]),
        _ => Some((sorted[n / 2 - 1] + sorted[n / 2]) / 2),
    }
}

fn funnel(by: &BTreeMap<String, Vec<&Event>>) -> Vec<Count> {
    funnel_screens()
        .into_iter()
        .map(|screen| Count {
            what: screen.to_owned(),
            count: by
                .values()
                .filter(|evs| {
                    evs.iter().any(|e| {
                        e.kind == "screen_entered"
                            && text(&e.detail, "screen").as_deref() == Some(screen)
                    })
                })
                .count(),
        })
        .collect()
}

/// A refusal's `(field, rule)` pairs, from its recorded detail.
pub fn field_rules(detail: &serde_json::Value) -> Vec<(&str, &str)> {
    detail
        .get("fields")
        .and_then(|f| f.as_array())
        .map(|fields| {
            fields
                .iter()
                .filter_map(|f| Some((f.get("field")?.as_str()?, f.get("rule")?.as_str()?)))
                .collect()
        })
        .unwrap_or_default()
}

/// The names an event's errors are counted under.
fn error_names(e: &Event) -> Vec<String> {
    let fields = || -> Vec<String> {
        field_rules(&e.detail)
            .into_iter()
            .map(|(field, rule)| format!("{field} × {rule}"))
            .collect()
    };
    match e.kind.as_str() {
        "refused" => fields(),
        "server_refused" => {
            let named = fields();
            if named.is_empty() {
                text(&e.detail, "code").into_iter().collect()
            } else {
                named
            }
        }
        "wrong_code" => vec!["code × otp_incorrect".to_owned()],
        _ => Vec::new(),
    }
}

/// Each name with how often it came, most first (then by name).
fn most(names: impl Iterator<Item = String>) -> Vec<Count> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for n in names {
        *counts.entry(n).or_default() += 1;
    }
    let mut all: Vec<Count> = counts
        .into_iter()
        .map(|(what, count)| Count { what, count })
        .collect();
    all.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.what.cmp(&b.what)));
    all
}

fn timeline(participant: &str, evs: &[&Event]) -> Option<Timeline> {
    let start = evs.first()?.at;
    let end = evs.last()?.at;
    let mut segments: Vec<Segment> = Vec::new();
    let mut open: Option<(String, i64)> = None;
    let close = |open: &mut Option<(String, i64)>, at: i64, segments: &mut Vec<Segment>| {
        if let Some((screen, from)) = open.take() {
            segments.push(Segment {
                screen,
                from,
                to: at,
            });
        }
    };
    let mut errors = Vec::new();
    for e in evs {
        match e.kind.as_str() {
            "screen_entered" => {
                close(&mut open, e.at, &mut segments);
                open = text(&e.detail, "screen").map(|s| (s, e.at));
            }
            "screen_left" | TASK_ENDED => close(&mut open, e.at, &mut segments),
            "refused" | "server_refused" | "wrong_code" => errors.push(Mark {
                at: e.at,
                kind: e.kind.clone(),
            }),
            _ => {}
        }
    }
    close(&mut open, end, &mut segments);
    Some(Timeline {
        participant: participant.to_owned(),
        start,
        end,
        segments,
        errors,
    })
}

fn feedback(events: &[Event]) -> Vec<Feedback> {
    let mut all: Vec<Feedback> = events
        .iter()
        .filter(|e| e.kind == "feedback")
        .filter_map(|e| {
            Some(Feedback {
                screen: text(&e.detail, "screen")?,
                participant: e.participant.clone(),
                text: text(&e.detail, "text")?,
            })
        })
        .collect();
    all.sort_by(|a, b| {
        a.screen
            .cmp(&b.screen)
            .then_with(|| a.participant.cmp(&b.participant))
    });
    all
}

#[cfg(test)]
mod tests {
    use super::*;
    use contract::route_table::{REGISTRATION, REGISTRATION_OTP};
    use contract::study::{Scenario, TaskText};
    use serde_json::json;

    fn ev(p: &str, at: i64, task: Option<usize>, kind: &str, detail: serde_json::Value) -> Event {
        Event {
            participant: p.into(),
            at,
            task,
            kind: kind.into(),
            detail,
        }
    }

    fn task() -> Task {
        Task {
            text: TaskText {
                vi: "Đăng ký".into(),
                en: "Register".into(),
            },
            scenario: Scenario::FreshCitizen,
        }
    }

    fn participant(code: &str) -> Participant {
        Participant {
            study_id: 1,
            code: code.into(),
            token: String::new(),
            consented_at: Some(0),
            current_task: None,
            generation: 0,
        }
    }

    fn study() -> Vec<Event> {
        vec![
            ev("P01", 0, Some(0), TASK_STARTED, json!({})),
            ev(
                "P01",
                100,
                Some(0),
                "screen_entered",
                json!({"screen": HOME}),
            ),
            ev(
                "P01",
                1_000,
                Some(0),
                "screen_entered",
                json!({"screen": REGISTRATION}),
            ),
            ev(
                "P01",
                2_000,
                Some(0),
                "refused",
                json!({"screen": REGISTRATION, "fields": [{"field": "phone", "rule": "invalid_prefix"}]}),
            ),
            ev(
                "P01",
                3_000,
                Some(0),
                "server_refused",
                json!({"screen": REGISTRATION, "code": "captcha_invalid", "fields": []}),
            ),
            ev(
                "P01",
                4_000,
                Some(0),
                "screen_entered",
                json!({"screen": REGISTRATION_OTP}),
            ),
            ev(
                "P01",
                5_000,
                Some(0),
                "wrong_code",
                json!({"screen": REGISTRATION_OTP}),
            ),
            ev(
                "P01",
                9_000,
                Some(0),
                TASK_ENDED,
                json!({"outcome": "done"}),
            ),
            ev("P02", 0, Some(0), TASK_STARTED, json!({})),
            ev(
                "P02",
                50,
                Some(0),
                "screen_entered",
                json!({"screen": HOME}),
            ),
            ev(
                "P02",
                500,
                Some(0),
                "refused",
                json!({"screen": HOME, "fields": [{"field": "phone", "rule": "invalid_prefix"}]}),
            ),
            ev(
                "P02",
                3_000,
                Some(0),
                TASK_ENDED,
                json!({"outcome": "done"}),
            ),
            ev("P03", 0, Some(0), TASK_STARTED, json!({})),
            ev(
                "P03",
                10,
                Some(0),
                "notice",
                json!({"screen": REGISTRATION, "notice": "account_exists"}),
            ),
            ev(
                "P03",
                20,
                Some(0),
                "feedback",
                json!({"screen": REGISTRATION, "text": "Khó hiểu"}),
            ),
            ev(
                "P03",
                700,
                Some(0),
                TASK_ENDED,
                json!({"outcome": "skipped"}),
            ),
        ]
    }

    #[test]
    fn completion_and_median_time_come_from_the_task_events() {
        let r = results(
            &[task()],
            &[participant("P01"), participant("P02"), participant("P03")],
            &study(),
        );
        let t = &r.tasks[0];
        assert_eq!((t.started, t.done, t.skipped), (3, 2, 1));
        assert_eq!(t.times_ms, vec![3_000, 9_000]);
        assert_eq!(t.median_ms, Some(6_000));
        assert!((t.completion() - 2.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn the_funnel_counts_participants_not_visits() {
        let r = results(&[task()], &[], &study());
        let count = |screen: &str| r.funnel.iter().find(|c| c.what == screen).unwrap().count;
        assert_eq!(r.funnel[0].what, HOME);
        assert_eq!(count(HOME), 2);
        assert_eq!(count(REGISTRATION), 1);
        assert_eq!(count(REGISTRATION_OTP), 1);
        assert_eq!(count(CHOOSE_METHOD), 0);
    }

    #[test]
    fn errors_are_counted_by_field_and_rule_most_first() {
        let r = results(&[task()], &[], &study());
        let errors: Vec<(&str, usize)> = r
            .errors
            .iter()
            .map(|c| (c.what.as_str(), c.count))
            .collect();
        assert_eq!(
            errors,
            vec![
                ("phone × invalid_prefix", 2),
                ("captcha_invalid", 1),
                ("code × otp_incorrect", 1)
            ]
        );
        assert_eq!(
            r.notices,
            vec![Count {
                what: "account_exists".into(),
                count: 1
            }]
        );
        assert_eq!(r.feedback[0].text, "Khó hiểu");
    }

    #[test]
    fn a_timeline_has_a_segment_per_screen_and_marks_its_errors() {
        let r = results(&[task()], &[], &study());
        let p01 = &r.timelines[0];
        assert_eq!(p01.participant, "P01");
        let screens: Vec<(&str, i64, i64)> = p01
            .segments
            .iter()
            .map(|s| (s.screen.as_str(), s.from, s.to))
            .collect();
        assert_eq!(
            screens,
            vec![
                (HOME, 100, 1_000),
                (REGISTRATION, 1_000, 4_000),
                (REGISTRATION_OTP, 4_000, 9_000)
            ]
        );
        assert_eq!(p01.errors.len(), 3);
    }

    #[test]
    fn median_of_nothing_is_none() {
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[5]), Some(5));
        assert_eq!(median(&[1, 2, 3, 10]), Some(2));
    }
}
