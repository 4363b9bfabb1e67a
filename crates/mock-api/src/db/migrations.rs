//! The schema's history, oldest first; `PRAGMA user_version` counts the ones applied.

use super::APPLICATION_ID;
use rusqlite::Transaction;

const MIGRATIONS: &[&str] = &[
    include_str!("../../migrations/0001_accounts_and_flows.sql"),
    include_str!("../../migrations/0002_studies.sql"),
];

/// The newest schema version (`Db::open` refuses a database beyond it).
pub const LATEST: i64 = MIGRATIONS.len() as i64;

/// Brings the database to the newest schema, in the caller's transaction.
pub fn apply(tx: &Transaction) -> rusqlite::Result<()> {
    let applied: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let applied = usize::try_from(applied).unwrap_or(0).min(MIGRATIONS.len());
    for sql in &MIGRATIONS[applied..] {
        tx.execute_batch(sql)?;
    }
    tx.pragma_update(None, "user_version", LATEST)?;
    tx.pragma_update(None, "application_id", APPLICATION_ID)
}
