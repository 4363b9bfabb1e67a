//! Screen 8, "Quên mật khẩu": ID number, phone and the captcha, as on the portal, then the
//! shared code and password steps. The answer is the same whether or not they match an
//! account.

use crate::components::captcha::{Captcha, CaptchaField};
use crate::components::error_summary::{ErrorSummary, SummaryItem};
use crate::components::form_notice::FormNoticeView;
use crate::components::form_submit::SubmitButton;
use crate::components::page_heading::{use_title, PageHeading};
use crate::components::text_field::TextField;
use crate::effect::effect;
use crate::i18n::use_i18n;
use crate::pages::steps::start::{start_flow, StartForm};
use crate::pages::steps::use_flow;
use contract::api::{PasswordResetRequest, PasswordResetStarted};
use contract::endpoints;
use contract::messages::{FormUi, Ui};
use contract::registration::{Field, FieldErrors};
use leptos::prelude::*;

/// What the first step's citizen typed, and the captcha they answer.
#[derive(Clone, Copy)]
struct Typed {
    id_number: RwSignal<String>,
    phone: RwSignal<String>,
    captcha: Captcha,
}

impl Typed {
    /// The request as typed; without the captcha's id until its image has arrived.
    fn request(self) -> PasswordResetRequest {
        PasswordResetRequest {
            id_number: self.id_number.get(),
            phone: self.phone.get(),
            captcha_id: self.captcha.id(),
            captcha_answer: self.captcha.answer.get(),
        }
    }

    /// The form's own rules, then the server's verdict for a field still as it was sent.
    fn errors(self, server: &FieldErrors) -> FieldErrors {
        let local = self.request().validate().err().unwrap_or_default();
        FieldErrors {
            id_number: local.id_number.or(server.id_number),
            phone: local.phone.or(server.phone),
            captcha_answer: self.captcha.local_error().or(server.captcha_answer),
            ..Default::default()
        }
    }
}

/// Screen 8's first step.
#[component]
pub fn ResetStartPage() -> impl IntoView {
    let i18n = use_i18n();
    let flow = use_flow();
    let saved = flow.get_untracked().form;
    let (id_number, phone) = (RwSignal::new(saved.id_number), RwSignal::new(saved.phone));
    let captcha = Captcha::new();
    let typed = Typed {
        id_number,
        phone,
        captcha,
    };
    let form = StartForm::new();
    let StartForm {
        submit: form_submit,
        server_errors,
        notice,
        wait_until_ms,
    } = form;
    // Kept in the flow so Back from the code step finds them filled.
    effect(move |_| {
        let (id, typed_phone) = (id_number.get(), phone.get());
        flow.update(|f| {
            f.form.id_number = id;
            f.form.phone = typed_phone;
        });
    });
    let errors = Memo::new(move |_| match form_submit.submitted.get() {
        true => typed.errors(&server_errors.get()),
        false => FieldErrors::default(),
    });
    let id_error = Signal::derive(move || errors.get().id_number.map(|e| i18n.get(e).to_owned()));
    let phone_error = Signal::derive(move || errors.get().phone.map(|e| i18n.get(e).to_owned()));
    let captcha_error =
        Signal::derive(move || errors.get().captcha_answer.map(|e| i18n.get(e).to_owned()));
    let summary = Signal::derive(move || {
        SummaryItem::list([
            (Field::IdNumber.key(), id_error.get()),
            (Field::Phone.key(), phone_error.get()),
            (Field::CaptchaAnswer.key(), captcha_error.get()),
        ])
    });
    use_title(FormUi::ResetHeading, move || !summary.with(Vec::is_empty));

    let start = start_flow::<PasswordResetStarted>(form, move |failure, _| {
        captcha.after_refusal(failure);
    });
    let submit = move || {
        if !form_submit.begin(start.pending().get_untracked()) {
            return;
        }
        captcha.check();
        notice.set(None);
        server_errors.set(FieldErrors::default());
        let body = typed.request();
        if !errors.get_untracked().is_empty() || body.captcha_id.is_empty() {
            crate::study!(crate::study::refused(&errors.get_untracked()));
            form_submit.refused();
            return;
        }
        start.send(endpoints::PASSWORD_RESETS, body);
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        submit();
    };

    view! {
        <section class="page page--narrow">
            <PageHeading text=FormUi::ResetHeading/>
            <p class="lead">{i18n.t(FormUi::ResetIntro)}</p>
            <ErrorSummary items=summary focus_token=form_submit.focus_token()/>
            <FormNoticeView notice=notice wait_until_ms=wait_until_ms retry=Callback::new(move |_| submit())/>
            <form class="form" on:submit=on_submit novalidate>
                <ResetFields id_number phone id_error phone_error server_errors/>
                <CaptchaField captcha error=captcha_error
                    on_edit=Callback::new(move |_| server_errors.update(|e| e.clear(Field::CaptchaAnswer)))/>
                <SubmitButton pending=start.pending() label=Ui::Continue/>
            </form>
        </section>
    }
}

/// The ID and the phone the account was registered with.
#[component]
fn ResetFields(
    id_number: RwSignal<String>,
    phone: RwSignal<String>,
    id_error: Signal<Option<String>>,
    phone_error: Signal<Option<String>>,
    server_errors: RwSignal<FieldErrors>,
) -> impl IntoView {
    let edited =
        move |field: Field| Callback::new(move |_| server_errors.update(|e| e.clear(field)));
    view! {
        <TextField id="id_number" label=Field::IdNumber value=id_number
            required=true inputmode="numeric" autocomplete="username"
            hint=FormUi::IdNumberHint
            error=id_error on_edit=edited(Field::IdNumber)/>
        <TextField id="phone" label=Field::Phone value=phone
            required=true input_type="tel" autocomplete="tel" inputmode="tel"
            hint=FormUi::PhoneHint
            error=phone_error on_edit=edited(Field::Phone)/>
    }
}
