//! Screen 3: the details form.

use crate::clock::today_in_vietnam;
use crate::components::captcha::{Captcha, CaptchaField};
use crate::components::error_summary::{ErrorSummary, SummaryItem};
use crate::components::form_notice::FormNoticeView;
use crate::components::form_submit::SubmitButton;
use crate::components::page_heading::{use_title, PageHeading};
use crate::components::text_field::TextField;
use crate::effect::effect;
use crate::flow::outcome::FormNotice;
use crate::i18n::{use_i18n, I18n};
use crate::pages::steps::start::{start_flow, StartForm};
use crate::pages::steps::use_flow;
use contract::api::{ErrorCode, RegistrationRequest, RegistrationStarted};
use contract::endpoints;
use contract::messages::{FormUi, Ui};
use contract::registration::{Field, FieldErrors};
use contract::{Phone, RegistrationForm};
use leptos::prelude::*;

/// Screen 3: heading, introduction and the form ([`DetailsForm`]).
#[component]
pub fn DetailsPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="page">
            <PageHeading text=Ui::DetailsHeading/>
            <p class="lead">{i18n.t(Ui::DetailsIntro)}</p>
            <DetailsForm/>
        </section>
    }
}

/// The message for one field's error, in the current language.
fn field_message(errors: &FieldErrors, field: Field, i18n: I18n) -> Option<String> {
    let text = match field {
        Field::IdNumber => errors.id_number.map(|e| i18n.get(e)),
        Field::FullName => errors.full_name.map(|e| i18n.get(e)),
        Field::DateOfBirth => errors.date_of_birth.map(|e| i18n.get(e)),
        Field::Phone => errors.phone.map(|e| i18n.get(e)),
        Field::Email => errors.email.map(|e| i18n.get(e)),
        Field::CaptchaAnswer => errors.captcha_answer.map(|e| i18n.get(e)),
    };
    text.map(str::to_owned)
}

/// What was typed in the form, kept in the flow (and so across Back and reloads).
#[derive(Clone, Copy)]
struct Typed {
    id_number: RwSignal<String>,
    full_name: RwSignal<String>,
    date_of_birth: RwSignal<String>,
    phone: RwSignal<String>,
    email: RwSignal<String>,
}

impl Typed {
    fn new(saved: RegistrationForm) -> Self {
        Typed {
            id_number: RwSignal::new(saved.id_number),
            full_name: RwSignal::new(saved.full_name),
            date_of_birth: RwSignal::new(saved.date_of_birth),
            phone: RwSignal::new(saved.phone),
            email: RwSignal::new(saved.email),
        }
    }

    /// The contract's rules (live) merged with the server's last answer.
    fn errors(self, captcha: Captcha, server: &FieldErrors) -> FieldErrors {
        let local = self
            .form()
            .validate(today_in_vietnam())
            .err()
            .unwrap_or_default();
        FieldErrors {
            id_number: local.id_number.or(server.id_number),
            full_name: local.full_name.or(server.full_name),
            date_of_birth: local.date_of_birth.or(server.date_of_birth),
            phone: local.phone.or(server.phone),
            email: local.email.or(server.email),
            captcha_answer: captcha.local_error().or(server.captcha_answer),
        }
    }

    /// What is sent, normalised by the contract; none while the form is invalid or the
    /// captcha has not arrived.
    fn request(self, captcha: Captcha) -> Option<RegistrationRequest> {
        let valid = self.form().validate(today_in_vietnam()).ok()?;
        let challenge = captcha.challenge.get_untracked()?;
        Some(RegistrationRequest {
            id_number: valid.id_number.as_str().to_owned(),
            full_name: valid.full_name.as_str().to_owned(),
            date_of_birth: valid.birth_date.to_iso(),
            phone: valid.phone.as_str().to_owned(),
            email: valid.email.map(|e| e.as_str().to_owned()),
            captcha_id: challenge.captcha_id,
            captcha_answer: captcha.answer.get_untracked(),
        })
    }

    fn form(self) -> RegistrationForm {
        RegistrationForm {
            id_number: self.id_number.get(),
            full_name: self.full_name.get(),
            date_of_birth: self.date_of_birth.get(),
            phone: self.phone.get(),
            email: self.email.get(),
        }
    }
}

/// Screen 3's form, with its error summary and notices, under [`DetailsPage`]'s introduction.
#[component]
fn DetailsForm() -> impl IntoView {
    let i18n = use_i18n();
    let flow = use_flow();
    let typed = Typed::new(flow.get_untracked().form);
    let captcha = Captcha::new();
    let form = StartForm::new();
    let StartForm {
        submit: form_submit,
        server_errors,
        notice,
        ..
    } = form;
    let carrier_flag = RwSignal::new(false);
    effect(move |_| {
        let f = typed.form();
        flow.update(|state| state.form = f);
    });

    let errors = Memo::new(move |_| {
        if form_submit.submitted.get() {
            typed.errors(captcha, &server_errors.get())
        } else {
            FieldErrors::default()
        }
    });
    let message = Callback::new(move |field: Field| {
        let m = errors.with(|e| field_message(e, field, i18n));
        m.or_else(|| {
            (field == Field::Phone && carrier_flag.get())
                .then(|| i18n.get(ErrorCode::CarrierMismatch).to_owned())
        })
    });
    let summary = Signal::derive(move || {
        SummaryItem::list(Field::ALL.iter().map(|&f| (f.key(), message.run(f))))
    });
    use_title(Ui::DetailsHeading, move || !summary.with(Vec::is_empty));

    let start = start_flow::<RegistrationStarted>(form, move |failure, outcome| {
        carrier_flag.set(outcome.notice == Some(FormNotice::CarrierMismatch));
        captcha.after_refusal(failure);
    });
    let submit = move || {
        if !form_submit.begin(start.pending().get_untracked()) {
            return;
        }
        captcha.check();
        notice.set(None);
        if !errors.get_untracked().is_empty() || carrier_flag.get_untracked() {
            crate::study!(crate::study::refused(&errors.get_untracked()));
            form_submit.refused();
            return;
        }
        if let Some(body) = typed.request(captcha) {
            start.send(endpoints::REGISTRATIONS, body);
        }
    };
    let clear_server = move |field: Field| {
        server_errors.update(|e| e.clear(field));
    };

    view! {
        <ErrorSummary items=summary focus_token=form_submit.focus_token()/>
        <FormNoticeView notice=notice wait_until_ms=form.wait_until_ms retry=Callback::new(move |_| submit())
            phone=typed.phone/>
        <form class="form" on:submit=move |ev| { ev.prevent_default(); submit(); } novalidate>
            <DetailsFields typed message carrier_flag clear_server=Callback::new(clear_server)/>
            <CaptchaField captcha error=Signal::derive(move || message.run(Field::CaptchaAnswer))
                on_edit=Callback::new(move |_| clear_server(Field::CaptchaAnswer))/>
            <SubmitButton pending=start.pending() label=Ui::Register/>
        </form>
    }
}

/// The five details, each with its hint and error; the phone shows its carrier.
#[component]
fn DetailsFields(
    typed: Typed,
    message: Callback<Field, Option<String>>,
    carrier_flag: RwSignal<bool>,
    clear_server: Callback<Field>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = move |field: Field| Signal::derive(move || message.run(field));
    let edited = move |field: Field| Callback::new(move |_| clear_server.run(field));
    let carrier = Signal::derive(move || {
        typed
            .phone
            .with(|p| Phone::parse(p).ok())
            .and_then(|p| p.carrier())
            .map(|c| format!("{} {}", i18n.get(FormUi::CarrierPrefix), c.name()))
    });
    view! {
        <TextField id="id_number" label=Field::IdNumber value=typed.id_number
            required=true inputmode="numeric" autocomplete="off"
            hint=FormUi::IdNumberHint
            error=error(Field::IdNumber) on_edit=edited(Field::IdNumber)/>
        <TextField id="full_name" label=Field::FullName value=typed.full_name
            required=true autocomplete="name"
            error=error(Field::FullName) on_edit=edited(Field::FullName)/>
        <TextField id="date_of_birth" label=Field::DateOfBirth value=typed.date_of_birth
            required=true autocomplete="bday" inputmode="numeric"
            hint=FormUi::DateOfBirthHint
            error=error(Field::DateOfBirth) on_edit=edited(Field::DateOfBirth)/>
        <TextField id="phone" label=Field::Phone value=typed.phone
            required=true input_type="tel" autocomplete="tel" inputmode="tel"
            hint=FormUi::PhoneHint
            error=error(Field::Phone)
            status=carrier
            on_edit=Callback::new(move |_| { carrier_flag.set(false); clear_server.run(Field::Phone) })/>
        <TextField id="email" label=Field::Email value=typed.email
            input_type="email" autocomplete="email"
            error=error(Field::Email) on_edit=edited(Field::Email)/>
    }
}
