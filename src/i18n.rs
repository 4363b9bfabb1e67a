//! The language context: Vietnamese by default, English on request, remembered in
//! localStorage, and reflected in `<html lang>` so screen readers pronounce it right.

use crate::effect::effect;
use crate::storage::Storage;
use contract::{Lang, Localize};
use leptos::prelude::*;

const STORAGE_KEY: &str = "portal.lang";

#[derive(Clone, Copy)]
pub struct I18n {
    pub lang: RwSignal<Lang>,
}

impl I18n {
    /// A reactive text: re-renders when the language changes.
    pub fn t<T>(self, item: T) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static
    where
        T: Localize + Copy + Send + Sync + 'static,
    {
        let lang = self.lang;
        move || item.text(lang.get())
    }

    pub fn toggle(self) {
        self.lang.update(|l| {
            *l = match l {
                Lang::Vi => Lang::En,
                Lang::En => Lang::Vi,
            }
        });
    }
}

fn saved_lang() -> Lang {
    Storage::Local
        .read(STORAGE_KEY)
        .and_then(|tag| Lang::from_tag(&tag))
        .unwrap_or_default()
}

/// Provides the context (from the saved choice) and keeps `<html lang>` and storage in step.
pub fn provide_i18n() -> I18n {
    let i18n = I18n {
        lang: RwSignal::new(saved_lang()),
    };
    effect(move |_| {
        let lang = i18n.lang.get();
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", lang.tag());
        }
        Storage::Local.write(STORAGE_KEY, lang.tag());
    });
    provide_context(i18n);
    i18n
}

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

impl I18n {
    /// The text in the current language, read reactively (call inside a closure).
    pub fn get<T: Localize>(self, item: T) -> &'static str {
        item.text(self.lang.get())
    }

    /// A [`Text`] in the current language, read reactively.
    pub fn text(self, text: Text) -> &'static str {
        text.in_lang(self.lang.get())
    }

    /// A template's text with its values, read reactively.
    pub fn fill(self, template: impl contract::messages::Template) -> String {
        template.fill(self.lang.get())
    }
}

/// A text in both languages, as the components that show one take it: pass the key itself
/// (`label=Field::Phone`), and the component shows it in the current language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Text {
    vi: &'static str,
    en: &'static str,
}

impl<T: Localize> From<T> for Text {
    fn from(key: T) -> Self {
        let (vi, en) = key.texts();
        Text { vi, en }
    }
}

impl Text {
    pub fn in_lang(self, lang: Lang) -> &'static str {
        lang.pick(self.vi, self.en)
    }
}
