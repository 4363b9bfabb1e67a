//! Screen 3: the details form.

use crate::api::Failure;
use crate::api::PageRequests;
use crate::clock::{client_now_ms, today_in_vietnam};
use crate::components::error_summary::{ErrorSummary, SummaryItem};
use crate::components::form_notice::FormNoticeView;
use crate::components::form_submit::FormSubmit;
use crate::components::page_heading::{use_title, PageHeading};
use crate::components::text_field::TextField;
use crate::flow::outcome::{form_outcome, FormNotice};
use crate::flow::state::{FlowKind, Started, Step};
use crate::i18n::{use_i18n, I18n};
use crate::pages::steps::use_flow;
use contract::api::{CaptchaChallenge, ErrorCode, RegistrationRequest, RegistrationStarted};
use contract::endpoints;
use contract::messages::Ui;
use contract::registration::{CaptchaError, Field, FieldErrors};
use contract::{Phone, RegistrationForm};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;

/// Screen 3's top: heading and introduction. It is in the main wasm, so a link straight to the
/// form paints them with the app's first render; `children` is the form ([`DetailsForm`]),
/// which release builds load from its own module meanwhile (`app.rs`).
#[component]
pub fn DetailsPage(children: ChildrenFn) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="page">
            <PageHeading text=Signal::derive(move || i18n.get(Ui::DetailsHeading).to_owned())/>
            <p class="lead">{i18n.t(Ui::DetailsIntro)}</p>
            {children()}
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

/// Screen 3's form, with its error summary and notices, under [`DetailsPage`]'s introduction.
#[component]
pub fn DetailsForm() -> impl IntoView {
    let i18n = use_i18n();
    let flow = use_flow();
    let requests = PageRequests::new();
    let navigate = use_navigate();
    let saved = flow.get_untracked().form;
    let id_number = RwSignal::new(saved.id_number);
    let full_name = RwSignal::new(saved.full_name);
    let date_of_birth = RwSignal::new(saved.date_of_birth);
    let phone = RwSignal::new(saved.phone);
    let email = RwSignal::new(saved.email);
    let captcha_answer = RwSignal::new(String::new());
    let captcha = RwSignal::new(None::<CaptchaChallenge>);
    let form_submit = FormSubmit::new();
    let FormSubmit {
        busy, submitted, ..
    } = form_submit;
    // The new image after a refused submit starts clean: its empty answer is not an
    // error until the next submit.
    let captcha_checked = RwSignal::new(false);
    let server_errors = RwSignal::new(FieldErrors::default());
    let carrier_flag = RwSignal::new(false);
    let notice = RwSignal::new(None::<FormNotice>);
    let wait_until_ms = RwSignal::new(0i64);

    let form = move || RegistrationForm {
        id_number: id_number.get(),
        full_name: full_name.get(),
        date_of_birth: date_of_birth.get(),
        phone: phone.get(),
        email: email.get(),
    };
    // Keep what was typed in the flow (and so across Back and reloads).
    Effect::new(move |_| {
        let f = form();
        flow.update(|state| state.form = f);
    });

    let load_captcha = {
        let requests = requests.clone();
        move || {
            let requests = requests.clone();
            captcha.set(None);
            spawn_local(async move {
                if let Ok(c) = requests
                    .get::<CaptchaChallenge>(endpoints::CAPTCHA, i18n.lang.get_untracked())
                    .await
                {
                    captcha.set(Some(c));
                }
            });
        }
    };
    load_captcha();

    // Local rules (after the first submit, live) merged with the server's answer.
    let errors = Memo::new(move |_| {
        if !submitted.get() {
            return FieldErrors::default();
        }
        let local = form()
            .validate(today_in_vietnam())
            .err()
            .unwrap_or_default();
        let server = server_errors.get();
        let captcha_local = (captcha_checked.get() && captcha_answer.with(|a| a.trim().is_empty()))
            .then_some(CaptchaError::Required);
        FieldErrors {
            id_number: local.id_number.or(server.id_number),
            full_name: local.full_name.or(server.full_name),
            date_of_birth: local.date_of_birth.or(server.date_of_birth),
            phone: local.phone.or(server.phone),
            email: local.email.or(server.email),
            captcha_answer: captcha_local.or(server.captcha_answer),
        }
    });
    let message = move |field: Field| {
        let mut m = errors.with(|e| field_message(e, field, i18n));
        if m.is_none() && field == Field::Phone && carrier_flag.get() {
            m = Some(i18n.get(ErrorCode::CarrierMismatch).to_owned());
        }
        m
    };
    let summary = Signal::derive(move || {
        SummaryItem::list(Field::ALL.iter().map(|&f| (f.key(), message(f))))
    });
    use_title(Ui::DetailsHeading, move || !summary.with(Vec::is_empty));

    let carrier = Signal::derive(move || {
        phone
            .with(|p| Phone::parse(p).ok())
            .map(|p| format!("{} {}", i18n.get(Ui::CarrierPrefix), p.carrier().name()))
    });
    let clear_server = move |f: fn(&mut FieldErrors)| {
        server_errors.update(f);
    };

    let submit = {
        let requests = requests.clone();
        let load_captcha = load_captcha.clone();
        move || {
            if !form_submit.begin() {
                return;
            }
            captcha_checked.set(true);
            notice.set(None);
            if !errors.get_untracked().is_empty() || carrier_flag.get_untracked() {
                form_submit.refused();
                return;
            }
            let Ok(valid) = form().validate(today_in_vietnam()) else {
                return;
            };
            let Some(challenge) = captcha.get_untracked() else {
                return;
            };
            let body = RegistrationRequest {
                id_number: valid.id_number.as_str().to_owned(),
                full_name: valid.full_name.as_str().to_owned(),
                date_of_birth: valid.birth_date.to_iso(),
                phone: valid.phone.as_str().to_owned(),
                email: valid.email.map(|e| e.as_str().to_owned()),
                captcha_id: challenge.captcha_id,
                captcha_answer: captcha_answer.get_untracked(),
            };
            busy.set(true);
            let requests = requests.clone();
            let navigate = navigate.clone();
            let load_captcha = load_captcha.clone();
            spawn_local(async move {
                let result = requests
                    .post::<_, RegistrationStarted>(
                        endpoints::REGISTRATIONS,
                        &body,
                        i18n.lang.get_untracked(),
                    )
                    .await;
                busy.set(false);
                match result {
                    Ok(started) => {
                        flow.update(|f| {
                            f.start(Started::from_server(
                                started.registration_id,
                                started.phone_masked,
                                &started.otp,
                                client_now_ms(),
                            ))
                        });
                        navigate(FlowKind::Registration.path(Step::Otp), Default::default());
                    }
                    Err(failure) => {
                        let outcome = form_outcome(&failure);
                        server_errors.set(outcome.fields.clone());
                        carrier_flag.set(outcome.notice == Some(FormNotice::CarrierMismatch));
                        if let Some(at) = outcome.retry_at_ms(client_now_ms()) {
                            wait_until_ms.set(at);
                        }
                        // A network failure may not have reached the server: keep the
                        // captcha for "Thử lại". Anything else spent it.
                        if !matches!(failure, Failure::Network) {
                            captcha_checked.set(false);
                            captcha_answer.set(String::new());
                            load_captcha();
                        }
                        notice.set(outcome.notice);
                        form_submit.refused();
                    }
                }
            });
        }
    };
    let submit_for_retry = submit.clone();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        submit();
    };

    view! {
        <ErrorSummary items=summary focus_token=form_submit.focus_token()/>
        <FormNoticeView notice=notice wait_until_ms=wait_until_ms retry=Callback::new(move |_| submit_for_retry())/>
        <form class="form" on:submit=on_submit novalidate>
            <TextField id="id_number" label=Signal::derive(i18n.t(Field::IdNumber)) value=id_number
                required=true inputmode="numeric" autocomplete="off"
                hint=Signal::derive(i18n.t(Ui::IdNumberHint))
                error=Signal::derive(move || message(Field::IdNumber))
                on_edit=Callback::new(move |_| clear_server(|e| e.id_number = None))/>
            <TextField id="full_name" label=Signal::derive(i18n.t(Field::FullName)) value=full_name
                required=true autocomplete="name"
                error=Signal::derive(move || message(Field::FullName))
                on_edit=Callback::new(move |_| clear_server(|e| e.full_name = None))/>
            <TextField id="date_of_birth" label=Signal::derive(i18n.t(Field::DateOfBirth)) value=date_of_birth
                required=true autocomplete="bday" inputmode="numeric"
                hint=Signal::derive(i18n.t(Ui::DateOfBirthHint))
                error=Signal::derive(move || message(Field::DateOfBirth))
                on_edit=Callback::new(move |_| clear_server(|e| e.date_of_birth = None))/>
            <TextField id="phone" label=Signal::derive(i18n.t(Field::Phone)) value=phone
                required=true input_type="tel" autocomplete="tel-national" inputmode="tel"
                hint=Signal::derive(i18n.t(Ui::PhoneHint))
                error=Signal::derive(move || message(Field::Phone))
                status=carrier
                on_edit=Callback::new(move |_| { carrier_flag.set(false); clear_server(|e| e.phone = None) })/>
            <TextField id="email" label=Signal::derive(i18n.t(Field::Email)) value=email
                input_type="email" autocomplete="email"
                error=Signal::derive(move || message(Field::Email))
                on_edit=Callback::new(move |_| clear_server(|e| e.email = None))/>
            <div class="captcha">
                <div class="captcha__image" aria-live="polite">
                    {move || match captcha.get() {
                        Some(c) => view! {
                            <img width="200" height="70" alt=i18n.get(Ui::CaptchaImageAlt) data-captcha-id=c.captcha_id.clone()
                                src=format!("data:image/svg+xml;charset=utf-8,{}", js_sys::encode_uri_component(&c.image_svg))/>
                        }.into_any(),
                        None => view! { <span class="captcha__loading">{i18n.get(Ui::CaptchaLoading)}</span> }.into_any(),
                    }}
                </div>
                <button type="button" class="button button--secondary captcha__refresh"
                    on:click={ let load_captcha = load_captcha.clone(); move |_| load_captcha() }>
                    {i18n.t(Ui::CaptchaRefresh)}
                </button>
            </div>
            <TextField id="captcha_answer" label=Signal::derive(i18n.t(Field::CaptchaAnswer)) value=captcha_answer
                required=true autocomplete="off"
                hint=Signal::derive(i18n.t(Ui::CaptchaHint))
                error=Signal::derive(move || message(Field::CaptchaAnswer))
                on_edit=Callback::new(move |_| clear_server(|e| e.captcha_answer = None))/>
            <button type="submit" class="button" aria-disabled=move || busy.get().then_some("true")>
                {move || if busy.get() { i18n.get(Ui::Submitting) } else { i18n.get(Ui::Register) }}
            </button>
        </form>
    }
}
