//! The life of a form's submit, the same on every form: one request at a time (a double
//! click sends once), errors shown from the first submit on, and the error summary
//! focused again on each refused attempt.

use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct FormSubmit {
    /// A request is in flight: the button says so and further submits are ignored.
    pub busy: RwSignal<bool>,
    /// The citizen has tried once: errors show, and follow their typing from then on.
    pub submitted: RwSignal<bool>,
    refusals: RwSignal<u32>,
}

impl FormSubmit {
    pub fn new() -> Self {
        FormSubmit {
            busy: RwSignal::new(false),
            submitted: RwSignal::new(false),
            refusals: RwSignal::new(0),
        }
    }

    /// Starts a submit: false (ignore it) while one is in flight.
    pub fn begin(self) -> bool {
        if self.busy.get_untracked() {
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
