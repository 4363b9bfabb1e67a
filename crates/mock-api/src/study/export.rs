//! A study's events for analysis elsewhere: CSV (one row per event, one column per code)
//! and JSON (the study, its tasks, participants and events).

use super::facilitator::when;
use super::store::{self, Event, StudyId};
use super::StudyState;
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};

/// The CSV's columns, in order.
pub const COLUMNS: [&str; 12] = [
    "participant",
    "at",
    "at_ms",
    "task",
    "kind",
    "screen",
    "code",
    "fields",
    "notice",
    "outcome",
    "lang",
    "text",
];

/// One event as a CSV row: codes in their columns, a refusal's fields as `field:rule;…`.
pub fn row(e: &Event) -> Vec<String> {
    let text = |key: &str| {
        e.detail
            .get(key)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    let fields = super::stats::field_rules(&e.detail)
        .into_iter()
        .map(|(field, rule)| format!("{field}:{rule}"))
        .collect::<Vec<_>>()
        .join(";");
    vec![
        e.participant.clone(),
        iso(e.at),
        e.at.to_string(),
        e.task.map(|t| (t + 1).to_string()).unwrap_or_default(),
        e.kind.clone(),
        text("screen"),
        text("code"),
        fields,
        text("notice"),
        text("outcome"),
        text("lang"),
        text("text"),
    ]
}

fn iso(ms: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000)
        .ok()
        .and_then(|t| {
            t.format(&time::format_description::well_known::Rfc3339)
                .ok()
        })
        .unwrap_or_default()
}

pub fn to_csv(events: &[Event]) -> Result<Vec<u8>, csv::Error> {
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record(COLUMNS)?;
    for e in events {
        out.write_record(row(e))?;
    }
    out.into_inner().map_err(|e| e.into_error().into())
}

fn download(body: Vec<u8>, kind: &str, name: String) -> Response {
    (
        [
            (header::CONTENT_TYPE, kind.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        body,
    )
        .into_response()
}

pub async fn csv(State(studies): State<StudyState>, Path(id): Path<StudyId>) -> Response {
    match studies
        .db
        .read(move |c| Ok((store::study(c, id)?, store::events(c, id)?)))
        .await
    {
        Ok((Some(_), events)) => match to_csv(&events) {
            Ok(body) => download(
                body,
                "text/csv; charset=utf-8",
                format!("study-{id}-events.csv"),
            ),
            Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
        },
        Ok((None, _)) => (StatusCode::NOT_FOUND, "No such study\n").into_response(),
        Err(_) => StatusCode::SERVICE_UNAVAILABLE.into_response(),
    }
}

pub async fn json(State(studies): State<StudyState>, Path(id): Path<StudyId>) -> Response {
    match studies.db.read(move |c| store::whole(c, id)).await {
        Ok(Some(whole)) => {
            let mut body = serde_json::to_value(&whole).unwrap_or_default();
            body["created"] = json!(when(whole.study.created_at));
            download(
                body.to_string().into_bytes(),
                "application/json",
                format!("study-{id}.json"),
            )
        }
        Ok(None) => (StatusCode::NOT_FOUND, "No such study\n").into_response(),
        Err(_) => StatusCode::SERVICE_UNAVAILABLE.into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_row_per_event_with_its_codes_in_columns() {
        let events = vec![
            Event {
                participant: "P01".into(),
                at: 1_700_000_000_123,
                task: Some(0),
                kind: "refused".into(),
                detail: json!({"screen": "/dang-ky/thue-bao-di-dong", "fields": [{"field": "phone", "rule": "invalid_prefix"}, {"field": "email", "rule": "format"}]}),
            },
            Event {
                participant: "P02".into(),
                at: 1_700_000_001_000,
                task: None,
                kind: "feedback".into(),
                detail: json!({"screen": "/", "text": "Chữ nhỏ, \"khó\" đọc,\nquá"}),
            },
        ];
        let csv = to_csv(&events).unwrap();
        let mut reader = csv::Reader::from_reader(csv.as_slice());
        assert_eq!(
            reader.headers().unwrap().iter().collect::<Vec<_>>(),
            COLUMNS
        );
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 2);
        assert_eq!(&rows[0][1], "2023-11-14T22:13:20.123Z");
        assert_eq!(&rows[0][3], "1");
        assert_eq!(&rows[0][7], "phone:invalid_prefix;email:format");
        assert_eq!(&rows[1][11], "Chữ nhỏ, \"khó\" đọc,\nquá");
        assert_eq!(&rows[1][3], "");
    }
}
