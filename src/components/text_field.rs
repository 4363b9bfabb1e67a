use crate::i18n::{use_i18n, Text};
use contract::messages::FormUi;
use leptos::prelude::*;

/// `aria-describedby` for a field: its hint (if any), then its error while it shows.
pub fn aria_described_by(
    hint_id: Option<String>,
    error_id: String,
    error: Signal<Option<String>>,
) -> impl Fn() -> Option<String> + Send + Sync + 'static {
    move || {
        let error_id = error.get().is_some().then(|| error_id.clone());
        let ids: Vec<String> = hint_id.iter().cloned().chain(error_id).collect();
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

/// A labelled input with an optional hint, a red `*` when required, and its error
/// below (wired with `aria-invalid` and `aria-describedby`).
#[component]
pub fn TextField(
    id: &'static str,
    #[prop(into)] label: Text,
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(optional)] required: bool,
    #[prop(optional, into)] hint: Option<Text>,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] inputmode: Option<&'static str>,
    /// Shown under the input when there is no error (e.g. the recognised carrier).
    #[prop(optional, into)]
    status: Option<Signal<Option<String>>>,
    #[prop(optional)] on_edit: Option<Callback<()>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = aria_described_by(
        hint.is_some().then(|| hint_id.clone()),
        error_id.clone(),
        error,
    );
    view! {
        <div class="field" class:field--error=move || error.get().is_some()>
            <label class="field__label" for=id>
                {move || i18n.text(label)}
                {required.then(|| view! {
                    <span class="field__required" aria-hidden="true">" *"</span>
                    <span class="visually-hidden">{move || format!(" ({})", i18n.get(FormUi::Required))}</span>
                })}
                {(!required).then(|| view! { <span class="field__optional">{move || format!(" {}", i18n.get(FormUi::Optional))}</span> })}
            </label>
            {hint.map(|h| view! { <p class="field__hint" id=hint_id.clone()>{move || i18n.text(h)}</p> })}
            <Show when=move || error.get().is_some()>
                <p class="field__error" id=error_id.clone()>{move || error.get().unwrap_or_default()}</p>
            </Show>
            <input class="field__input" id=id name=id type=input_type
                autocomplete=autocomplete inputmode=inputmode
                spellcheck="false"
                aria-required=required.then_some("true")
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=described_by
                prop:value=move || value.get()
                on:input=move |ev| {
                    value.set(event_target_value(&ev));
                    if let Some(cb) = on_edit { cb.run(()); }
                }/>
            {status.map(|s| view! {
                <Show when=move || error.get().is_none() && s.get().is_some()>
                    <p class="field__status">{move || s.get().unwrap_or_default()}</p>
                </Show>
            })}
        </div>
    }
}
