//! What happened, queued and sent in small batches: a POST a moment after the first event,
//! and `sendBeacon` when the page goes away. Codes only (addresses, fields, rules, error
//! codes): never a value typed into a field.

use crate::api::{fetch_text, Failure, Method};
use contract::api::ApiError;
use contract::endpoints::STUDY_EVENTS;
use contract::study::{FieldRule, Happened, StudyEvent, BATCH_MAX};
use contract::Lang;
use leptos::prelude::*;
use serde::Serialize;
use std::cell::{Cell, RefCell};
use std::time::Duration;

thread_local! {
    /// Each event with `Date.now()` when it happened.
    static QUEUE: RefCell<Vec<(f64, Happened)>> = const { RefCell::new(Vec::new()) };
    static FLUSH_DUE: Cell<bool> = const { Cell::new(false) };
    /// Known to be a participant (the facilitator's own visit records nothing).
    static ACTIVE: Cell<bool> = const { Cell::new(false) };
}

/// The session answered: this browser is a participant's, and what is queued may go.
pub fn activate() {
    if !ACTIVE.with(|a| a.replace(true)) {
        leptos::task::spawn_local(flush());
    }
}

/// Not a participant: nothing is kept.
pub fn deactivate() {
    ACTIVE.with(|a| a.set(false));
    QUEUE.with(|q| q.borrow_mut().clear());
}

/// How long events wait for company before they are sent.
const BATCH_WAIT: Duration = Duration::from_secs(2);

/// The screen the participant is on: its address.
pub fn screen() -> String {
    window().location().pathname().unwrap_or_default()
}

pub fn record(happened: Happened) {
    QUEUE.with(|q| q.borrow_mut().push((js_sys::Date::now(), happened)));
    if ACTIVE.with(Cell::get) && !FLUSH_DUE.with(|d| d.replace(true)) {
        set_timeout(|| leptos::task::spawn_local(flush()), BATCH_WAIT);
    }
}

/// Up to a batch of the queued events, oldest first, each with when it happened.
fn take_batch() -> Vec<(f64, Happened)> {
    FLUSH_DUE.with(|d| d.set(false));
    QUEUE.with(|q| {
        let mut q = q.borrow_mut();
        let n = q.len().min(BATCH_MAX);
        q.drain(..n).collect()
    })
}

/// A batch as the server reads it: each event's age counted from now.
fn batch_body(batch: &[(f64, Happened)]) -> String {
    let now = js_sys::Date::now();
    let events: Vec<StudyEvent> = batch
        .iter()
        .map(|(at, happened)| StudyEvent {
            age_ms: (now - at).max(0.0) as u32,
            happened: happened.clone(),
        })
        .collect();
    serde_json::to_string(&events).unwrap_or_default()
}

/// Sends what is queued. A batch the network lost (or the server could not keep) goes
/// back in the queue for the next flush; one the server refused is dropped, since sending
/// it again would be refused again.
pub async fn flush() {
    if !ACTIVE.with(Cell::get) {
        return;
    }
    loop {
        let batch = take_batch();
        if batch.is_empty() {
            return;
        }
        let sent = fetch_text(
            Method::POST,
            STUDY_EVENTS,
            Some(&batch_body(&batch)),
            Lang::Vi,
            None,
        )
        .await;
        match sent {
            Ok((204, _)) => {}
            Ok((status, _)) if status < 500 => return,
            _ => {
                QUEUE.with(|q| {
                    q.borrow_mut().splice(0..0, batch);
                });
                return;
            }
        }
    }
}

/// The page is going away: what is queued leaves with the browser's beacon.
pub fn flush_with_beacon() {
    if !ACTIVE.with(Cell::get) {
        return;
    }
    loop {
        let batch = take_batch();
        if batch.is_empty() {
            return;
        }
        let _ = window()
            .navigator()
            .send_beacon_with_opt_str(STUDY_EVENTS, Some(&batch_body(&batch)));
    }
}

/// A submit the form refused before sending: each field with its rule's code, as the
/// contract names them (`{"phone": "invalid_prefix"}`, or a list of rules).
pub fn refused(fields: &impl Serialize) {
    record(Happened::Refused {
        screen: screen(),
        fields: field_rules(&serde_json::to_value(fields).unwrap_or_default()),
    });
}

/// `{field: rule}` or `{field: [rule, …]}` as pairs; anything else is not a code.
pub fn field_rules(value: &serde_json::Value) -> Vec<FieldRule> {
    let Some(object) = value.as_object() else {
        return Vec::new();
    };
    let pair = |field: &str, rule: &serde_json::Value| {
        rule.as_str().map(|rule| FieldRule {
            field: field.to_owned(),
            rule: rule.to_owned(),
        })
    };
    object
        .iter()
        .flat_map(|(field, rules)| match rules.as_array() {
            Some(list) => list
                .iter()
                .filter_map(|r| pair(field, r))
                .collect::<Vec<_>>(),
            None => pair(field, rules).into_iter().collect(),
        })
        .collect()
}

/// What an API answer showed the participant: a notice, a refusal, a wrong code, a resend.
pub fn observe_answer(path: &str, answer: &Result<(u16, Option<String>), Failure>) {
    use contract::endpoints::{STUDY_EVENTS, STUDY_SESSION, STUDY_TASK};
    if [STUDY_SESSION, STUDY_TASK, STUDY_EVENTS]
        .iter()
        .any(|p| path.starts_with(p))
    {
        return;
    }
    let screen = screen();
    let happened = match answer {
        Err(_) => Some(Happened::Notice {
            screen,
            notice: "retry".into(),
        }),
        Ok((status, _)) if (200..300).contains(status) => path
            .ends_with(contract::endpoints::FlowAction::Resend.suffix())
            .then_some(Happened::CodeResent { screen }),
        Ok((_, body)) => body
            .as_deref()
            .and_then(|b| serde_json::from_str::<ApiError>(b).ok())
            .map(|error| server_refusal(screen, &error)),
    };
    if let Some(happened) = happened {
        record(happened);
    }
}

fn server_refusal(screen: String, error: &ApiError) -> Happened {
    use contract::api::ErrorCode::*;
    let code = serde_json::to_value(error.error)
        .ok()
        .and_then(|c| c.as_str().map(str::to_owned))
        .unwrap_or_default();
    match error.error {
        OtpIncorrect => Happened::WrongCode { screen },
        AccountExists | CarrierMismatch | RateLimited => Happened::Notice {
            screen,
            notice: code,
        },
        _ => {
            let mut fields = field_rules(&serde_json::to_value(&error.fields).unwrap_or_default());
            if let Some(rules) = &error.rules {
                fields.extend(field_rules(&serde_json::json!({ "password": rules })));
            }
            Happened::ServerRefused {
                screen,
                code,
                fields,
            }
        }
    }
}
