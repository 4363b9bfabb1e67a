//! The study tables (`migrations/0002_studies.sql`): studies, their tasks, participants and
//! what happened. Plain functions on a connection or a transaction, like `db/accounts.rs`.

use contract::study::{Scenario, TaskText};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::Serialize;

pub type StudyId = i64;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Study {
    pub id: StudyId,
    pub name: String,
    pub created_at: i64,
    pub closed_at: Option<i64>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Task {
    pub text: TaskText,
    pub scenario: Scenario,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Participant {
    pub study_id: StudyId,
    pub code: String,
    #[serde(skip)]
    pub token: String,
    pub consented_at: Option<i64>,
    pub current_task: Option<usize>,
    pub generation: i64,
}

/// One recorded event, as exports show it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Event {
    pub participant: String,
    /// Unix milliseconds.
    pub at: i64,
    pub task: Option<usize>,
    pub kind: String,
    /// The event's codes (and a feedback's text), as a JSON object.
    pub detail: serde_json::Value,
}

pub fn create_study(
    tx: &Transaction,
    name: &str,
    tasks: &[Task],
    now: i64,
) -> rusqlite::Result<StudyId> {
    tx.execute(
        "INSERT INTO studies (name, created_at) VALUES (?1, ?2)",
        params![name, now],
    )?;
    let id = tx.last_insert_rowid();
    for (position, task) in tasks.iter().enumerate() {
        tx.execute(
            "INSERT INTO study_tasks (study_id, position, text_vi, text_en, scenario) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![id, position as i64, task.text.vi, task.text.en, task.scenario.code()],
        )?;
    }
    Ok(id)
}

pub fn studies(c: &Connection) -> rusqlite::Result<Vec<Study>> {
    let mut stmt =
        c.prepare("SELECT id, name, created_at, closed_at FROM studies ORDER BY id DESC")?;
    let rows = stmt.query_map([], study_row)?;
    rows.collect()
}

pub fn study(c: &Connection, id: StudyId) -> rusqlite::Result<Option<Study>> {
    c.query_row(
        "SELECT id, name, created_at, closed_at FROM studies WHERE id = ?1",
        [id],
        study_row,
    )
    .optional()
}

fn study_row(r: &rusqlite::Row) -> rusqlite::Result<Study> {
    Ok(Study {
        id: r.get(0)?,
        name: r.get(1)?,
        created_at: r.get(2)?,
        closed_at: r.get(3)?,
    })
}

pub fn close_study(tx: &Transaction, id: StudyId, now: i64) -> rusqlite::Result<bool> {
    Ok(tx.execute(
        "UPDATE studies SET closed_at = ?2 WHERE id = ?1 AND closed_at IS NULL",
        params![id, now],
    )? == 1)
}

pub fn tasks(c: &Connection, id: StudyId) -> rusqlite::Result<Vec<Task>> {
    let mut stmt = c.prepare(
        "SELECT text_vi, text_en, scenario FROM study_tasks WHERE study_id = ?1 ORDER BY position",
    )?;
    let rows = stmt.query_map([id], |r| {
        let scenario: String = r.get(2)?;
        Ok(Task {
            text: TaskText {
                vi: r.get(0)?,
                en: r.get(1)?,
            },
            scenario: Scenario::from_code(&scenario).unwrap_or(Scenario::FreshCitizen),
        })
    })?;
    rows.collect()
}

/// Adds `count` participants after the last one (P01, P02…), each with a fresh `token()`.
pub fn add_participants(
    tx: &Transaction,
    id: StudyId,
    count: usize,
    mut token: impl FnMut() -> String,
) -> rusqlite::Result<Vec<String>> {
    let existing: i64 = tx.query_row(
        "SELECT COUNT(*) FROM participants WHERE study_id = ?1",
        [id],
        |r| r.get(0),
    )?;
    let mut added = Vec::new();
    for n in 1..=count as i64 {
        let code = participant_code(existing + n);
        tx.execute(
            "INSERT INTO participants (study_id, code, token) VALUES (?1, ?2, ?3)",
            params![id, code, token()],
        )?;
        added.push(code);
    }
    Ok(added)
}

/// "P01" … "P99", then "P100".
pub fn participant_code(n: i64) -> String {
    format!("P{n:02}")
}

const PARTICIPANT_COLUMNS: &str = "study_id, code, token, consented_at, current_task, generation";

fn participant_row(r: &rusqlite::Row) -> rusqlite::Result<Participant> {
    let current: Option<i64> = r.get(4)?;
    Ok(Participant {
        study_id: r.get(0)?,
        code: r.get(1)?,
        token: r.get(2)?,
        consented_at: r.get(3)?,
        current_task: current.and_then(|t| usize::try_from(t).ok()),
        generation: r.get(5)?,
    })
}

pub fn participants(c: &Connection, id: StudyId) -> rusqlite::Result<Vec<Participant>> {
    let mut stmt = c.prepare(&format!(
        "SELECT {PARTICIPANT_COLUMNS} FROM participants WHERE study_id = ?1 ORDER BY code"
    ))?;
    let rows = stmt.query_map([id], participant_row)?;
    rows.collect()
}

pub fn participant_by_token(c: &Connection, token: &str) -> rusqlite::Result<Option<Participant>> {
    c.query_row(
        &format!("SELECT {PARTICIPANT_COLUMNS} FROM participants WHERE token = ?1"),
        [token],
        participant_row,
    )
    .optional()
}

/// The participant whose link's secret is `token`, with their study.
pub fn participant_and_study(
    c: &Connection,
    token: &str,
) -> rusqlite::Result<Option<(Participant, Study)>> {
    let Some(p) = participant_by_token(c, token)? else {
        return Ok(None);
    };
    Ok(study(c, p.study_id)?.map(|s| (p, s)))
}

pub fn participant(
    c: &Connection,
    id: StudyId,
    code: &str,
) -> rusqlite::Result<Option<Participant>> {
    c.query_row(
        &format!(
            "SELECT {PARTICIPANT_COLUMNS} FROM participants WHERE study_id = ?1 AND code = ?2"
        ),
        params![id, code],
        participant_row,
    )
    .optional()
}

/// The participant agreed: their first task starts. False if the link was used already.
pub fn consent(tx: &Transaction, p: &Participant, now: i64) -> rusqlite::Result<bool> {
    Ok(tx.execute(
        "UPDATE participants SET consented_at = ?3, current_task = 0 \
         WHERE study_id = ?1 AND code = ?2 AND consented_at IS NULL",
        params![p.study_id, p.code, now],
    )? == 1)
}

/// Moves the participant from task `current` to `next` (`None`: no task left). False if
/// `current` was no longer under way (a second "Xong" for the same task).
pub fn end_task(
    tx: &Transaction,
    p: &Participant,
    current: usize,
    next: Option<usize>,
) -> rusqlite::Result<bool> {
    Ok(tx.execute(
        "UPDATE participants SET current_task = ?4 \
         WHERE study_id = ?1 AND code = ?2 AND current_task = ?3",
        params![p.study_id, p.code, current as i64, next.map(|n| n as i64)],
    )? == 1)
}

/// A reset: the tab forgets its state at its next look.
pub fn bump_generation(tx: &Transaction, p: &Participant) -> rusqlite::Result<()> {
    tx.execute(
        "UPDATE participants SET generation = generation + 1 WHERE study_id = ?1 AND code = ?2",
        params![p.study_id, p.code],
    )?;
    Ok(())
}

pub fn record(tx: &Transaction, study: StudyId, event: &Event) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO study_events (study_id, participant, at, task, kind, detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            study,
            event.participant,
            event.at,
            event.task.map(|t| t as i64),
            event.kind,
            event.detail.to_string()
        ],
    )?;
    Ok(())
}

/// Every event of a study, by participant then time (then the order recorded).
pub fn events(c: &Connection, study: StudyId) -> rusqlite::Result<Vec<Event>> {
    let mut stmt = c.prepare(
        "SELECT participant, at, task, kind, detail FROM study_events WHERE study_id = ?1 \
         ORDER BY participant, at, id",
    )?;
    let rows = stmt.query_map([study], |r| {
        let task: Option<i64> = r.get(2)?;
        let detail: String = r.get(4)?;
        Ok(Event {
            participant: r.get(0)?,
            at: r.get(1)?,
            task: task.and_then(|t| usize::try_from(t).ok()),
            kind: r.get(3)?,
            detail: serde_json::from_str(&detail).unwrap_or(serde_json::Value::Null),
        })
    })?;
    rows.collect()
}

/// A study with everything recorded of it: what the results and the JSON export read.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Whole {
    pub study: Study,
    pub tasks: Vec<Task>,
    pub participants: Vec<Participant>,
    pub events: Vec<Event>,
}

/// The study `id` and all of it, read from one snapshot; `None` if there is no such study.
pub fn whole(c: &Connection, id: StudyId) -> rusqlite::Result<Option<Whole>> {
    let Some(study) = study(c, id)? else {
        return Ok(None);
    };
    Ok(Some(Whole {
        study,
        tasks: tasks(c, id)?,
        participants: participants(c, id)?,
        events: events(c, id)?,
    }))
}
