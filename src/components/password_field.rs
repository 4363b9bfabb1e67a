use crate::components::text_field::aria_described_by;
use crate::i18n::use_i18n;
use contract::messages::FormUi;
use leptos::prelude::*;

/// A password input with its own show/hide toggle (distinct labels per field), paste
/// allowed, no `maxlength`. `new-password` unless told (sign in uses `current-password`).
#[component]
pub fn PasswordField(
    id: &'static str,
    label: FormUi,
    show_label: FormUi,
    hide_label: FormUi,
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(optional)] described_by: Option<&'static str>,
    #[prop(default = "new-password")] autocomplete: &'static str,
    #[prop(optional)] on_edit: Option<Callback<()>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let visible = RwSignal::new(false);
    let error_id = format!("{id}-error");
    let describedby = aria_described_by(described_by.map(str::to_owned), error_id.clone(), error);
    view! {
        <div class="field" class:field--error=move || error.get().is_some()>
            <label class="field__label" for=id>
                {i18n.t(label)}
                <span class="field__required" aria-hidden="true">" *"</span>
            </label>
            <Show when=move || error.get().is_some()>
                <p class="field__error" id=error_id.clone()>{move || error.get().unwrap_or_default()}</p>
            </Show>
            <div class="password-input">
                <input class="field__input" id=id name=id
                    type=move || if visible.get() { "text" } else { "password" }
                    autocomplete=autocomplete spellcheck="false" autocapitalize="none"
                    aria-required="true"
                    aria-invalid=move || error.get().is_some().then_some("true")
                    aria-describedby=describedby
                    prop:value=move || value.get()
                    on:input=move |ev| {
                        value.set(event_target_value(&ev));
                        if let Some(cb) = on_edit { cb.run(()); }
                    }/>
                <button type="button" class="button button--secondary password-input__toggle"
                    aria-controls=id aria-pressed=move || if visible.get() { "true" } else { "false" }
                    on:click=move |_| visible.update(|v| *v = !*v)>
                    {move || if visible.get() { i18n.get(hide_label) } else { i18n.get(show_label) }}
                </button>
            </div>
        </div>
    }
}
