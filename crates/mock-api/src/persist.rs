//! `--state-file`: accounts survive restarts. Written atomically (temp file, then
//! rename), so a crash mid-write leaves the previous file intact.

use crate::store::Account;
use std::collections::HashMap;
use std::io::Write;
use std::path::Path;

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

/// The accounts in the file, or none if it does not exist yet. A corrupt file is an
/// error, never silently emptied.
pub fn load(path: &Path) -> Result<HashMap<String, Account>, LoadError> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(HashMap::new()),
        Err(e) => return Err(LoadError::Read(e)),
    };
    let accounts: Vec<Account> = serde_json::from_str(&text).map_err(LoadError::Corrupt)?;
    Ok(accounts
        .into_iter()
        .map(|a| (a.id_number.clone(), a))
        .collect())
}

pub fn save(path: &Path, accounts: &HashMap<String, Account>) -> std::io::Result<()> {
    let mut list: Vec<&Account> = accounts.values().collect();
    list.sort_by(|a, b| a.id_number.cmp(&b.id_number));
    let json = serde_json::to_vec_pretty(&list).map_err(std::io::Error::other)?;
    let tmp = path.with_extension("tmp");
    {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(&json)?;
        f.sync_all()?;
    }
    std::fs::rename(&tmp, path)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn account(id: &str) -> Account {
        Account {
            id_number: id.into(),
            full_name: "Nguyễn Văn An".into(),
            phone: "0912345678".into(),
            birth_date: "1990-01-01".into(),
            email: None,
            password_hash: "$argon2id$v=19$m=19456,t=2,p=1$x$y".into(),
            failed_sign_ins: 0,
            locked_until: None,
        }
    }

    #[test]
    fn round_trip_and_corrupt_file() {
        let dir = std::env::temp_dir().join(format!("mock-api-persist-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("state.json");
        assert!(
            load(&path).unwrap().is_empty(),
            "a missing file is an empty store"
        );
        let accounts: HashMap<_, _> =
            [("001090000123".to_string(), account("001090000123"))].into();
        save(&path, &accounts).unwrap();
        assert_eq!(load(&path).unwrap(), accounts);
        assert!(!path.with_extension("tmp").exists());
        std::fs::write(&path, "{not json").unwrap();
        let err = load(&path).unwrap_err();
        assert!(matches!(err, LoadError::Corrupt(_)));
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "{not json",
            "left untouched"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
