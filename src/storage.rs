//! The tab's web storage, read and written in one place. A storage the browser withholds
//! (disabled, a full quota) is never an error the citizen sees: the value is just not kept.

use leptos::prelude::window;
use serde::de::DeserializeOwned;
use serde::Serialize;

/// Which of the browser's two storages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Storage {
    /// Kept across visits: the chosen language.
    Local,
    /// Kept while the tab lives: who is signed in, a flow under way.
    Session,
}

impl Storage {
    fn get(self) -> Option<web_sys::Storage> {
        match self {
            Storage::Local => window().local_storage(),
            Storage::Session => window().session_storage(),
        }
        .ok()
        .flatten()
    }

    pub fn read(self, key: &str) -> Option<String> {
        self.get()?.get_item(key).ok().flatten()
    }

    pub fn write(self, key: &str, value: &str) {
        if let Some(s) = self.get() {
            let _ = s.set_item(key, value);
        }
    }

    pub fn remove(self, key: &str) {
        if let Some(s) = self.get() {
            let _ = s.remove_item(key);
        }
    }

    /// Forgets everything this storage holds for the site.
    pub fn clear(self) {
        if let Some(s) = self.get() {
            let _ = s.clear();
        }
    }

    /// The value saved as JSON under `key`, if it is there and still reads as a `T`.
    pub fn read_json<T: DeserializeOwned>(self, key: &str) -> Option<T> {
        serde_json::from_str(&self.read(key)?).ok()
    }

    pub fn write_json<T: Serialize>(self, key: &str, value: &T) {
        if let Ok(json) = serde_json::to_string(value) {
            self.write(key, &json);
        }
    }
}
