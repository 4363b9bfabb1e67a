//! What the mock keeps: accounts and every flow under way, in SQLite (WAL mode), so a
//! restart loses nothing that was answered. Captchas, the SMS outbox, rate-limit windows
//! and faults are short-lived and stay in memory (`store.rs`).
//!
//! One writer connection: writes are serialized, each is one transaction, and a handler
//! answers only after its commit. Readers have connections of their own and, in WAL mode,
//! never wait for a write to reach the disk. Every call runs on the blocking pool, never on
//! the async workers. Without a path the database is in memory (tests, preview): one
//! connection serves both.

pub mod accounts;
pub mod flows;
pub mod import;
mod migrations;

use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

/// `PRAGMA application_id` of the mock's databases ("VNDV"): another program's SQLite file
/// is refused rather than written into.
const APPLICATION_ID: i32 = 0x564E_4456;

/// Reader connections kept open between requests.
const READERS_KEPT: usize = 8;

#[derive(Clone)]
pub struct Db(Arc<Inner>);

struct Inner {
    path: Option<PathBuf>,
    writer: Mutex<Connection>,
    readers: Mutex<Vec<Connection>>,
}

/// Why the database cannot be used: said in one line, before the server listens.
#[derive(Debug)]
pub struct OpenError {
    pub path: PathBuf,
    pub reason: String,
}

impl std::fmt::Display for OpenError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "cannot keep data in {}: {}",
            self.path.display(),
            self.reason
        )
    }
}

impl std::error::Error for OpenError {}

/// A read or write that did not happen (the disk, a lock, a broken row): the request is
/// answered 503 and nothing of it was kept.
#[derive(Debug)]
pub struct DbError(pub String);

impl std::fmt::Display for DbError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<rusqlite::Error> for DbError {
    fn from(e: rusqlite::Error) -> Self {
        DbError(e.to_string())
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic elsewhere leaves the connection usable: SQLite rolled its transaction back.
    m.lock().unwrap_or_else(|p| p.into_inner())
}

fn tune(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(Duration::from_secs(5))?;
    // FULL: a commit has reached the disk, not only the OS, before the answer is sent.
    conn.pragma_update(None, "synchronous", "FULL")
}

impl Db {
    /// An empty database in memory, gone with the process.
    pub fn in_memory() -> Db {
        let conn = Connection::open_in_memory().expect("SQLite opens an in-memory database");
        let db = Db(Arc::new(Inner {
            path: None,
            writer: Mutex::new(conn),
            readers: Mutex::new(Vec::new()),
        }));
        db.blocking_write(migrations::apply)
            .expect("the schema applies to an empty in-memory database");
        db
    }

    /// The database at `path`, created (with its schema) if missing, migrated if older.
    /// Refused when it cannot be written or is not one of ours.
    pub fn open(path: &Path) -> Result<Db, OpenError> {
        let refuse = |reason: String| OpenError {
            path: path.to_owned(),
            reason,
        };
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        if !dir.is_dir() {
            return Err(refuse(format!(
                "the directory {} does not exist",
                dir.display()
            )));
        }
        if path.is_dir() {
            return Err(refuse("it is a directory".into()));
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| refuse(e.to_string()))?;
        if conn.is_readonly(rusqlite::MAIN_DB).unwrap_or(true) {
            return Err(refuse("it is read-only".into()));
        }
        check_ours(&conn).map_err(refuse)?;
        let schema: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(|e| refuse(e.to_string()))?;
        if !(0..=migrations::LATEST).contains(&schema) {
            return Err(refuse(format!(
                "its schema ({schema}) is not one this mock-api knows (up to {})",
                migrations::LATEST
            )));
        }
        let mode: String = conn
            .pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))
            .map_err(|e| refuse(format!("cannot switch it to WAL mode: {e}")))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(refuse(format!("it stays in {mode} journal mode, not WAL")));
        }
        tune(&conn).map_err(|e| refuse(e.to_string()))?;
        let db = Db(Arc::new(Inner {
            path: Some(path.to_owned()),
            writer: Mutex::new(conn),
            readers: Mutex::new(Vec::new()),
        }));
        // Also the proof that it can be written: a missing permission fails here, not on
        // the first citizen's request.
        db.blocking_write(migrations::apply)
            .map_err(|e| refuse(format!("cannot write to it: {e}")))?;
        Ok(db)
    }

    pub fn path(&self) -> Option<&Path> {
        self.0.path.as_deref()
    }

    /// One transaction on the writer, committed before this returns. An `Err` rolls it
    /// back whole. Blocks: for start-up and the blocking pool.
    pub fn blocking_write<T>(
        &self,
        f: impl FnOnce(&Transaction) -> rusqlite::Result<T>,
    ) -> Result<T, DbError> {
        let mut conn = lock(&self.0.writer);
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let out = f(&tx)?;
        tx.commit()?;
        Ok(out)
    }

    /// A read from a snapshot that no write in progress can change. Blocks.
    pub fn blocking_read<T>(
        &self,
        f: impl FnOnce(&Connection) -> rusqlite::Result<T>,
    ) -> Result<T, DbError> {
        let Some(path) = &self.0.path else {
            return Ok(f(&lock(&self.0.writer))?);
        };
        let pooled = lock(&self.0.readers).pop();
        let conn = match pooled {
            Some(c) => c,
            None => {
                let c = Connection::open_with_flags(
                    path,
                    OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
                )?;
                c.busy_timeout(Duration::from_secs(5))?;
                c
            }
        };
        let out = f(&conn);
        let mut readers = lock(&self.0.readers);
        if readers.len() < READERS_KEPT {
            readers.push(conn);
        }
        Ok(out?)
    }

    /// [`Db::blocking_write`] on the blocking pool.
    pub async fn write<T: Send + 'static>(
        &self,
        f: impl FnOnce(&Transaction) -> rusqlite::Result<T> + Send + 'static,
    ) -> Result<T, DbError> {
        let db = self.clone();
        tokio::task::spawn_blocking(move || db.blocking_write(f))
            .await
            .map_err(|e| DbError(e.to_string()))?
    }

    /// [`Db::blocking_read`] on the blocking pool.
    pub async fn read<T: Send + 'static>(
        &self,
        f: impl FnOnce(&Connection) -> rusqlite::Result<T> + Send + 'static,
    ) -> Result<T, DbError> {
        let db = self.clone();
        tokio::task::spawn_blocking(move || db.blocking_read(f))
            .await
            .map_err(|e| DbError(e.to_string()))?
    }

    /// Makes every later write fail, as a full or read-only disk would (tests).
    pub fn refuse_writes(&self, refuse: bool) {
        let _ = lock(&self.0.writer).pragma_update(None, "query_only", refuse);
    }
}

/// Ours, or empty and ready to become ours; else why not.
fn check_ours(conn: &Connection) -> Result<(), String> {
    let not_sqlite = |e: rusqlite::Error| format!("it is not a SQLite database ({e})");
    let id: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(not_sqlite)?;
    if id == APPLICATION_ID {
        return Ok(());
    }
    let tables: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
        .map_err(not_sqlite)?;
    if tables == 0 {
        Ok(())
    } else {
        Err("it is a SQLite database of another program; name a new file".into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("mock-api-db-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn refuses_what_it_cannot_keep_data_in() {
        let dir = scratch("refuse");
        let missing = Db::open(&dir.join("typo/state.sqlite3")).err().unwrap();
        assert!(missing.to_string().contains("does not exist"), "{missing}");
        let not_db = dir.join("notes.txt");
        std::fs::write(&not_db, "not a database, but precious text ".repeat(200)).unwrap();
        let refused = Db::open(&not_db).err().unwrap();
        assert!(
            refused.reason.contains("not a SQLite database"),
            "{refused}"
        );
        assert!(std::fs::read_to_string(&not_db)
            .unwrap()
            .starts_with("not a database"));
        let other = dir.join("other.db");
        Connection::open(&other)
            .unwrap()
            .execute_batch("CREATE TABLE t (x)")
            .unwrap();
        let refused = Db::open(&other).err().unwrap();
        assert!(refused.reason.contains("another program"), "{refused}");
        assert!(Db::open(&dir).err().unwrap().reason.contains("directory"));
        let newer = dir.join("newer.sqlite3");
        drop(Db::open(&newer).unwrap());
        Connection::open(&newer)
            .unwrap()
            .pragma_update(None, "user_version", 99)
            .unwrap();
        let refused_newer = Db::open(&newer).err().unwrap();
        assert!(
            refused_newer.reason.contains("schema (99)"),
            "{refused_newer}"
        );
        for e in [missing, refused] {
            assert_eq!(e.to_string().lines().count(), 1);
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_new_file_gets_the_schema_in_wal_mode_and_opens_again() {
        let dir = scratch("new");
        let path = dir.join("mock.sqlite3");
        let db = Db::open(&path).unwrap();
        let mode: String = db
            .blocking_read(|c| c.pragma_query_value(None, "journal_mode", |r| r.get(0)))
            .unwrap();
        assert_eq!(mode, "wal");
        drop(db);
        let again = Db::open(&path).unwrap();
        assert_eq!(again.blocking_read(accounts::count).unwrap(), 0);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_refused_write_keeps_nothing_and_a_later_one_works() {
        let db = Db::in_memory();
        db.refuse_writes(true);
        let a = accounts::tests::account("001090000123");
        let kept = a.clone();
        assert!(db
            .blocking_write(move |tx| accounts::insert(tx, &kept))
            .is_err());
        assert_eq!(db.blocking_read(accounts::count).unwrap(), 0);
        db.refuse_writes(false);
        assert!(db
            .blocking_write(move |tx| accounts::insert(tx, &a))
            .unwrap());
        assert_eq!(db.blocking_read(accounts::count).unwrap(), 1);
    }
}
