//! The `accounts` table: one row per citizen, by the ID number they sign in with.

use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Account {
    pub id_number: String,
    pub full_name: String,
    pub phone: String,
    /// `YYYY-MM-DD`.
    pub birth_date: String,
    #[serde(default)]
    pub email: Option<String>,
    /// Argon2id PHC string; the password itself is never stored.
    pub password_hash: String,
    #[serde(default)]
    pub failed_sign_ins: u32,
    /// RFC 3339 in an old JSON state file; Unix seconds in the table.
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub locked_until: Option<OffsetDateTime>,
}

const COLUMNS: &str =
    "id_number, full_name, phone, birth_date, email, password_hash, failed_sign_ins, locked_until";

fn from_row(r: &Row) -> rusqlite::Result<Account> {
    let locked_until: Option<i64> = r.get(7)?;
    Ok(Account {
        id_number: r.get(0)?,
        full_name: r.get(1)?,
        phone: r.get(2)?,
        birth_date: r.get(3)?,
        email: r.get(4)?,
        password_hash: r.get(5)?,
        failed_sign_ins: r.get(6)?,
        locked_until: locked_until.and_then(|s| OffsetDateTime::from_unix_timestamp(s).ok()),
    })
}

pub fn get(conn: &Connection, id_number: &str) -> rusqlite::Result<Option<Account>> {
    conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM accounts WHERE id_number = ?1"
    ))?
    .query_row([id_number], from_row)
    .optional()
}

pub fn exists(conn: &Connection, id_number: &str) -> rusqlite::Result<bool> {
    conn.prepare_cached("SELECT 1 FROM accounts WHERE id_number = ?1")?
        .exists([id_number])
}

/// Adds the account; `false` (and nothing changed) if its ID number has one already.
pub fn insert(conn: &Connection, a: &Account) -> rusqlite::Result<bool> {
    let added = conn
        .prepare_cached(&format!(
            "INSERT INTO accounts ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) \
             ON CONFLICT (id_number) DO NOTHING"
        ))?
        .execute(params![
            a.id_number,
            a.full_name,
            a.phone,
            a.birth_date,
            a.email,
            a.password_hash,
            a.failed_sign_ins,
            a.locked_until.map(OffsetDateTime::unix_timestamp),
        ])?;
    Ok(added == 1)
}

/// What signing in and resetting change: the password and the lock.
pub fn update_security(conn: &Connection, a: &Account) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "UPDATE accounts SET password_hash = ?2, failed_sign_ins = ?3, locked_until = ?4 \
         WHERE id_number = ?1",
    )?
    .execute(params![
        a.id_number,
        a.password_hash,
        a.failed_sign_ins,
        a.locked_until.map(OffsetDateTime::unix_timestamp),
    ])?;
    Ok(())
}

pub fn count(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("SELECT count(*) FROM accounts", [], |r| r.get(0))
}

/// Removes every account; returns how many there were.
pub fn delete_all(conn: &Connection) -> rusqlite::Result<usize> {
    conn.execute("DELETE FROM accounts", [])
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::db::Db;
    use time::macros::datetime;

    pub(crate) fn account(id: &str) -> Account {
        Account {
            id_number: id.into(),
            full_name: "Nguyễn Văn An".into(),
            phone: "0912345678".into(),
            birth_date: "1990-01-01".into(),
            email: Some("an@example.vn".into()),
            password_hash: "$argon2id$v=19$m=19456,t=2,p=1$x$y".into(),
            failed_sign_ins: 2,
            locked_until: Some(datetime!(2026-11-26 05:15:00 UTC)),
        }
    }

    #[test]
    fn an_account_round_trips_and_an_id_number_has_one() {
        let db = Db::in_memory();
        let a = account("001090000123");
        let row = a.clone();
        assert!(db.blocking_write(move |tx| insert(tx, &row)).unwrap());
        let mut other = account("001090000123");
        other.full_name = "Someone Else".into();
        assert!(!db.blocking_write(move |tx| insert(tx, &other)).unwrap());
        let back = db.blocking_read(|c| get(c, "001090000123")).unwrap();
        assert_eq!(back, Some(a.clone()));
        let mut changed = a;
        changed.password_hash = "$argon2id$new".into();
        changed.failed_sign_ins = 0;
        changed.locked_until = None;
        let row = changed.clone();
        db.blocking_write(move |tx| update_security(tx, &row))
            .unwrap();
        let back = db.blocking_read(|c| get(c, "001090000123")).unwrap();
        assert_eq!(back, Some(changed));
        assert!(db.blocking_read(|c| exists(c, "001090000123")).unwrap());
        assert!(!db.blocking_read(|c| exists(c, "001090000124")).unwrap());
    }
}
