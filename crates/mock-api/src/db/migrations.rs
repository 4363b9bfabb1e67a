//! The schema's history, oldest first; `PRAGMA user_version` counts the ones applied.

use super::APPLICATION_ID;
use rusqlite::Transaction;

const MIGRATIONS: &[&str] = &[include_str!("../../migrations/0001_accounts_and_flows.sql")];

/// Brings the database to the newest schema, in the caller's transaction.
pub fn apply(tx: &Transaction) -> rusqlite::Result<()> {
    let applied: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let known = MIGRATIONS.len() as i64;
    let Ok(applied) = usize::try_from(applied).map(|a| a.min(MIGRATIONS.len() + 1)) else {
        return Err(rusqlite::Error::InvalidParameterName(format!(
            "its schema version ({applied}) is not one of this mock-api's"
        )));
    };
    if applied > MIGRATIONS.len() {
        return Err(rusqlite::Error::InvalidParameterName(format!(
            "its schema is newer than this mock-api knows ({known})"
        )));
    }
    for sql in &MIGRATIONS[applied..] {
        tx.execute_batch(sql)?;
    }
    tx.pragma_update(None, "user_version", known)?;
    tx.pragma_update(None, "application_id", APPLICATION_ID)
}
