//! The life of a form's submit, the same on every form: one request at a time (a double
//! click sends once: the request's action is pending), errors shown from the first submit
//! on, and the error summary focused again on each refused attempt.

use crate::i18n::{use_i18n, Text};
use contract::messages::FormUi;
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct FormSubmit {
    /// The citizen has tried once: errors show, and follow their typing from then on.
    pub submitted: RwSignal<bool>,
    refusals: RwSignal<u32>,
}

impl FormSubmit {
    pub fn new() -> Self {
        FormSubmit {
            submitted: RwSignal::new(false),
            refusals: RwSignal::new(0),
        }
    }

    /// Starts a submit: false (ignore it) while the form's request is `in_flight`.
    pub fn begin(self, in_flight: bool) -> bool {
        if in_flight {
            return false;
        }
        self.submitted.set(true);
        true
    }

    /// The form (or the server) refused it: the summary takes focus again.
    pub fn refused(self) {
        self.refusals.update(|n| *n += 1);
    }

    /// What the error summary watches to take focus.
    pub fn focus_token(self) -> Signal<u32> {
        self.refusals.into()
    }
}

impl Default for FormSubmit {
    fn default() -> Self {
        Self::new()
    }
}

/// A form's submit button: while its request is pending it says so (`busy_label`) and is
/// `aria-disabled` (not `disabled`, so it keeps focus and stays announced).
#[component]
pub fn SubmitButton(
    #[prop(into)] pending: Signal<bool>,
    /// The button's words (in the current language).
    #[prop(into)]
    label: Text,
    #[prop(default = FormUi::Submitting)] busy_label: FormUi,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <button type="submit" class="button" aria-disabled=move || pending.get().then_some("true")>
            {move || if pending.get() { i18n.get(busy_label) } else { i18n.text(label) }}
        </button>
    }
}
