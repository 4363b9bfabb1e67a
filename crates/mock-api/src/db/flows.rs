//! The `flows` table: every registration, reset and sign-in challenge under way, so a
//! citizen on the code step when the mock restarts carries on with the same code.

use super::accounts::Account;
use crate::otp::Otp;
pub use contract::flow::FlowKind;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;
use time::{Duration, OffsetDateTime};

/// A flow untouched this long is forgotten (longer than a code, a lock and a token live).
pub const FLOW_LIFETIME: Duration = Duration::hours(2);

/// The validated details of a registration, as they will be kept in its account.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewAccount {
    pub id_number: String,
    pub full_name: String,
    pub phone: String,
    /// `YYYY-MM-DD`.
    pub birth_date: String,
    pub email: Option<String>,
}

impl From<&contract::ValidRegistration> for NewAccount {
    fn from(r: &contract::ValidRegistration) -> Self {
        NewAccount {
            id_number: r.id_number.as_str().to_owned(),
            full_name: r.full_name.as_str().to_owned(),
            phone: r.phone.as_str().to_owned(),
            birth_date: r.birth_date.to_iso(),
            email: r.email.as_ref().map(|e| e.as_str().to_owned()),
        }
    }
}

impl NewAccount {
    pub fn into_account(self, password_hash: String) -> Account {
        Account {
            id_number: self.id_number,
            full_name: self.full_name,
            phone: self.phone,
            birth_date: self.birth_date,
            email: self.email,
            password_hash,
            failed_sign_ins: 0,
            locked_until: None,
        }
    }
}

/// Who a flow's code was sent for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Applicant {
    /// A registration: the validated details, turned into an account at the end.
    New(NewAccount),
    /// A reset or a sign-in: the account, if the ID and phone matched one. `None` answers
    /// exactly like a match (no account enumeration), but no code is sent and none verifies.
    Existing {
        username: Option<String>,
        phone: String,
    },
}

/// A token issued by a verified code and spent by the password step, kept hashed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PasswordToken {
    sha256: String,
    #[serde(with = "time::serde::timestamp")]
    expires_at: OffsetDateTime,
}

fn sha256_hex(s: &str) -> String {
    Sha256::digest(s.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

impl PasswordToken {
    pub fn new(token: &str, expires_at: OffsetDateTime) -> Self {
        PasswordToken {
            sha256: sha256_hex(token),
            expires_at,
        }
    }

    pub fn accepts(&self, token: &str, now: OffsetDateTime) -> bool {
        now < self.expires_at
            && bool::from(self.sha256.as_bytes().ct_eq(sha256_hex(token).as_bytes()))
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Flow {
    /// Kept in the row's `kind` column, not in its JSON.
    #[serde(skip, default = "placeholder_kind")]
    pub kind: FlowKind,
    pub otp: Otp,
    pub applicant: Applicant,
    pub password_token: Option<PasswordToken>,
    /// Host of the page that started the flow, for the WebOTP line of each SMS.
    pub sms_host: String,
    #[serde(with = "time::serde::timestamp")]
    pub started_at: OffsetDateTime,
}

/// Replaced by the row's kind as soon as the JSON is read.
fn placeholder_kind() -> FlowKind {
    FlowKind::Registration
}

impl Flow {
    pub fn phone(&self) -> &str {
        match &self.applicant {
            Applicant::New(r) => &r.phone,
            Applicant::Existing { phone, .. } => phone,
        }
    }
}

fn kind_name(kind: FlowKind) -> &'static str {
    match kind {
        FlowKind::Registration => "registration",
        FlowKind::Reset => "reset",
        FlowKind::SignIn => "sign_in",
    }
}

fn broken(e: serde_json::Error) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(3, rusqlite::types::Type::Text, Box::new(e))
}

/// The flow `id` if it is one of `kind`.
pub fn get(conn: &Connection, id: &str, kind: FlowKind) -> rusqlite::Result<Option<Flow>> {
    let state: Option<String> = conn
        .prepare_cached("SELECT state FROM flows WHERE id = ?1 AND kind = ?2")?
        .query_row(params![id, kind_name(kind)], |r| r.get(0))
        .optional()?;
    state
        .map(|s| {
            let mut flow: Flow = serde_json::from_str(&s).map_err(broken)?;
            flow.kind = kind;
            Ok(flow)
        })
        .transpose()
}

/// Adds or replaces the flow `id`.
pub fn put(conn: &Connection, id: &str, flow: &Flow) -> rusqlite::Result<()> {
    let state = serde_json::to_string(flow).map_err(broken)?;
    conn.prepare_cached(
        "INSERT INTO flows (id, kind, started_at, state) VALUES (?1, ?2, ?3, ?4) \
         ON CONFLICT (id) DO UPDATE SET state = excluded.state",
    )?
    .execute(params![
        id,
        kind_name(flow.kind),
        flow.started_at.unix_timestamp(),
        state
    ])?;
    Ok(())
}

pub fn delete(conn: &Connection, id: &str) -> rusqlite::Result<()> {
    conn.prepare_cached("DELETE FROM flows WHERE id = ?1")?
        .execute([id])?;
    Ok(())
}

/// Forgets the flows started before `cutoff`; returns how many.
pub fn delete_started_before(conn: &Connection, cutoff: OffsetDateTime) -> rusqlite::Result<usize> {
    conn.execute(
        "DELETE FROM flows WHERE started_at < ?1",
        [cutoff.unix_timestamp()],
    )
}

/// Removes every flow; returns how many there were.
pub fn delete_all(conn: &Connection) -> rusqlite::Result<usize> {
    conn.execute("DELETE FROM flows", [])
}

pub fn count(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("SELECT count(*) FROM flows", [], |r| r.get(0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::Db;
    use contract::OtpPolicy;
    use time::macros::datetime;

    const T0: OffsetDateTime = datetime!(2026-11-26 05:00:00 UTC);

    fn flow(kind: FlowKind) -> Flow {
        Flow {
            kind,
            otp: Otp::issue("654321", &OtpPolicy::default(), T0),
            applicant: Applicant::Existing {
                username: Some("001090000123".into()),
                phone: "0912345678".into(),
            },
            password_token: Some(PasswordToken::new("tok", T0 + Duration::minutes(10))),
            sms_host: "localhost".into(),
            started_at: T0,
        }
    }

    #[test]
    fn a_flow_round_trips_by_id_and_kind_and_keeps_no_secret_in_clear() {
        let db = Db::in_memory();
        let f = flow(FlowKind::Reset);
        let row = f.clone();
        db.blocking_write(move |tx| put(tx, "abc", &row)).unwrap();
        assert_eq!(
            db.blocking_read(|c| get(c, "abc", FlowKind::Reset))
                .unwrap(),
            Some(f.clone())
        );
        assert_eq!(
            db.blocking_read(|c| get(c, "abc", FlowKind::SignIn))
                .unwrap(),
            None,
            "another kind's id is not found"
        );
        let state: String = db
            .blocking_read(|c| c.query_row("SELECT state FROM flows", [], |r| r.get(0)))
            .unwrap();
        assert!(
            !state.contains("654321") && !state.contains("\"tok\""),
            "{state}"
        );
        let token = f.password_token.unwrap();
        assert!(token.accepts("tok", T0));
        assert!(!token.accepts("tok", T0 + Duration::minutes(10)));
        assert!(!token.accepts("tol", T0));
    }

    #[test]
    fn old_flows_are_pruned_by_their_start() {
        let db = Db::in_memory();
        let mut old = flow(FlowKind::SignIn);
        old.started_at = T0 - Duration::hours(3);
        let new = flow(FlowKind::SignIn);
        db.blocking_write(move |tx| {
            put(tx, "old", &old)?;
            put(tx, "new", &new)
        })
        .unwrap();
        let gone = db
            .blocking_write(|tx| delete_started_before(tx, T0 - Duration::hours(2)))
            .unwrap();
        assert_eq!(gone, 1);
        assert_eq!(db.blocking_read(count).unwrap(), 1);
    }
}
