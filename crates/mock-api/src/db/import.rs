//! `--state-file`: the JSON account list older versions of the mock kept. It is read once,
//! into a new database beside it, and never written again.

use super::accounts::{self, Account};
use super::Db;
use std::path::{Path, PathBuf};

#[derive(Debug)]
pub enum LoadError {
    Read(std::io::Error),
    Corrupt(serde_json::Error),
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::Read(e) => write!(f, "cannot read the state file: {e}"),
            LoadError::Corrupt(e) => write!(
                f,
                "the state file is not valid ({e}); it was left untouched. Fix or move it, then start again"
            ),
        }
    }
}

/// The first bytes of every SQLite database file.
const SQLITE_HEADER: &[u8] = b"SQLite format 3\0";

fn is_sqlite(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 16];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok_and(|()| head == SQLITE_HEADER)
}

/// The database a `--state-file` leads to: the file itself if it is already a database,
/// else the same name with `.sqlite3`.
pub fn database_for(state_file: &Path) -> PathBuf {
    if is_sqlite(state_file) {
        state_file.to_owned()
    } else {
        state_file.with_extension("sqlite3")
    }
}

/// The accounts in an old JSON state file; none if it does not exist. A corrupt file is an
/// error, never silently skipped.
pub fn load(path: &Path) -> Result<Vec<Account>, LoadError> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(LoadError::Read(e)),
    };
    serde_json::from_str(&text).map_err(LoadError::Corrupt)
}

/// Adds `accounts` to `db` in one transaction (an ID number already there keeps its row);
/// returns how many were added.
pub fn import(db: &Db, accounts: Vec<Account>) -> Result<usize, super::DbError> {
    db.blocking_write(move |tx| {
        let mut added = 0;
        for a in &accounts {
            added += usize::from(accounts::insert(tx, a)?);
        }
        Ok(added)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_json_file_leads_to_a_database_beside_it_and_a_database_to_itself() {
        let dir = std::env::temp_dir().join(format!("mock-api-import-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let json = dir.join("state.json");
        assert_eq!(database_for(&json), dir.join("state.sqlite3"), "missing");
        std::fs::write(&json, "[]").unwrap();
        assert_eq!(database_for(&json), dir.join("state.sqlite3"));
        let tmp = dir.join("state.tmp");
        assert_eq!(database_for(&tmp), dir.join("state.sqlite3"));
        let db = dir.join("kept.data");
        drop(Db::open(&db).unwrap());
        assert_eq!(database_for(&db), db);
        std::fs::write(&json, "{not json").unwrap();
        assert!(matches!(load(&json), Err(LoadError::Corrupt(_))));
        assert_eq!(std::fs::read_to_string(&json).unwrap(), "{not json");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
