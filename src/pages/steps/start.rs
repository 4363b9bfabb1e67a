//! The submit that starts a flow, shared by the registration form (screen 3), the reset's
//! first step (screen 8) and signing in (screen 7): the server's answer, what it means on
//! the form, and the move to the code step.

use super::FlowCtx;
use crate::api::{Failure, PageRequest};
use crate::clock::client_now_ms;
use crate::components::form_submit::FormSubmit;
use crate::flow::outcome::{form_outcome, FormNotice, FormOutcome};
use crate::flow::state::{FlowStarted, Step};
use contract::registration::FieldErrors;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use serde::de::DeserializeOwned;

/// What a form that starts a flow shows besides its own rules: the server's field errors,
/// its notice (with the wait a rate limit gives), and the submit's life.
#[derive(Clone, Copy)]
pub struct StartForm {
    pub submit: FormSubmit,
    pub server_errors: RwSignal<FieldErrors>,
    pub notice: RwSignal<Option<FormNotice>>,
    pub wait_until_ms: RwSignal<i64>,
}

impl StartForm {
    pub fn new() -> Self {
        StartForm {
            submit: FormSubmit::new(),
            server_errors: RwSignal::new(FieldErrors::default()),
            notice: RwSignal::new(None),
            wait_until_ms: RwSignal::new(0),
        }
    }

    fn refused(self, outcome: &FormOutcome) {
        self.server_errors.set(outcome.fields.clone());
        if let Some(at) = outcome.retry_at_ms(client_now_ms()) {
            self.wait_until_ms.set(at);
        }
        self.notice.set(outcome.notice.clone());
        self.submit.refused();
    }
}

impl Default for StartForm {
    fn default() -> Self {
        Self::new()
    }
}

/// The request that starts this step's flow: on success the flow keeps what the server
/// started and moves to its code step; a refusal shows on `form`, then goes to
/// `also_refused` for what only that form has (the registration's captcha and carrier).
pub fn start_flow<Res>(
    form: StartForm,
    also_refused: impl Fn(&Failure, &FormOutcome) + 'static,
) -> PageRequest<Res>
where
    Res: FlowStarted + DeserializeOwned + 'static,
{
    flow_starter(move |failure| {
        let outcome = form_outcome(&failure);
        form.refused(&outcome);
        also_refused(&failure, &outcome);
    })
}

/// The request that starts this step's flow, for a form with refusals of its own (signing
/// in): on success the flow keeps what the server started and moves to its code step.
pub fn flow_starter<Res>(refused: impl Fn(Failure) + 'static) -> PageRequest<Res>
where
    Res: FlowStarted + DeserializeOwned + 'static,
{
    let FlowCtx { kind, state } = expect_context::<FlowCtx>();
    let navigate = use_navigate();
    PageRequest::new(move |answer: Result<Res, Failure>| match answer {
        Ok(started) => {
            state.update(|f| f.start(started.into_started(client_now_ms())));
            navigate(kind.path(Step::Otp), Default::default());
        }
        Err(failure) => refused(failure),
    })
}
