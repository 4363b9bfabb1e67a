//! Screen 7, "Đăng nhập", as on the portal: the ID number, the password and the captcha,
//! then a code by SMS to the account's phone (the shared code step). Five wrong passwords
//! lock the account, and the screen says until when; a wrong captcha never counts as one.

use crate::api::PageRequest;
use crate::clock::client_now_ms;
use crate::components::captcha::{Captcha, CaptchaField};
use crate::components::error_summary::{ErrorSummary, SummaryItem};
use crate::components::form_submit::{FormSubmit, SubmitButton};
use crate::components::page_heading::{use_title, PageHeading};
use crate::components::password_field::PasswordField;
use crate::components::text_field::TextField;
use crate::effect::effect;
use crate::flow::outcome::{sign_in_outcome, SignInNotice};
use crate::i18n::use_i18n;
use crate::pages::steps::start::flow_starter;
use crate::pages::steps::use_flow;
use crate::session::{use_session, Flash};
use contract::api::{ErrorCode, SignInChallenge, SignInRequest};
use contract::endpoints;
use contract::messages::{template, AccountUi, FormUi, Ui};
use contract::registration::{CaptchaError, Field};
use contract::route_table::{CHOOSE_METHOD, RESET};
use leptos::prelude::*;

/// What the citizen typed, and the captcha they answer.
#[derive(Clone, Copy)]
struct Typed {
    username: RwSignal<String>,
    password: RwSignal<String>,
    captcha: Captcha,
}

impl Typed {
    /// The request as typed; without the captcha's id until its image has arrived.
    fn request(self) -> SignInRequest {
        SignInRequest {
            username: self.username.get(),
            password: self.password.get(),
            captcha_id: self.captcha.id(),
            captcha_answer: self.captcha.answer.get(),
        }
    }
}

/// Each field's error, in the citizen's language.
#[derive(Clone, Copy)]
struct Errors {
    username: Signal<Option<String>>,
    password: Signal<Option<String>>,
    captcha: Signal<Option<String>>,
}

/// Screen 7 (signed out only, at each of its steps: the route table's flow).
#[component]
pub fn SignInPage() -> impl IntoView {
    let i18n = use_i18n();
    let flow = use_flow();
    let flash = use_session().take_flash();
    let typed = Typed {
        username: RwSignal::new(flow.get_untracked().form.id_number),
        password: RwSignal::new(String::new()),
        captcha: Captcha::new(),
    };
    // Kept in the flow: the code step signs in as this ID, and Back finds it typed.
    effect(move |_| {
        let id = typed.username.get();
        flow.update(|f| f.form.id_number = id);
    });
    let form_submit = FormSubmit::new();
    let notice = RwSignal::new(None::<SignInNotice>);
    let errors = field_errors(typed, form_submit.submitted, notice);
    let summary = Signal::derive(move || {
        SummaryItem::list([
            ("username", errors.username.get()),
            ("password", errors.password.get()),
            (Field::CaptchaAnswer.key(), errors.captcha.get()),
        ])
    });
    use_title(Ui::SignIn, move || !summary.with(Vec::is_empty));
    // Editing what the server refused takes its error away.
    let edited = move |refused: SignInNotice| {
        Callback::new(move |_| {
            if notice.get_untracked().as_ref() == Some(&refused) {
                notice.set(None);
            }
        })
    };

    let sign_in = flow_starter::<SignInChallenge>(move |failure| {
        typed.captcha.after_refusal(&failure);
        notice.set(Some(sign_in_outcome(&failure, client_now_ms())));
        form_submit.refused();
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        submit(typed, form_submit, notice, sign_in);
    };

    view! {
        <section class="page page--narrow">
            <PageHeading text=Ui::SignIn/>
            {flash.map(|flash| view! { <FlashNotice flash/> })}
            <ErrorSummary items=summary focus_token=form_submit.focus_token()/>
            <SignInNoticeView notice/>
            <form class="form" on:submit=on_submit novalidate>
                <TextField id="username" label=AccountUi::UsernameLabel value=typed.username
                    required=true inputmode="numeric" autocomplete="username"
                    hint=AccountUi::UsernameHint
                    error=errors.username on_edit=edited(SignInNotice::InvalidCredentials)/>
                <PasswordField id="password" label=FormUi::PasswordLabel show_label=FormUi::ShowPassword
                    hide_label=FormUi::HidePassword value=typed.password error=errors.password
                    autocomplete="current-password" on_edit=edited(SignInNotice::InvalidCredentials)/>
                <CaptchaField captcha=typed.captcha error=errors.captcha
                    on_edit=edited(SignInNotice::CaptchaInvalid)/>
                <SubmitButton pending=sign_in.pending() label=Ui::SignIn busy_label=FormUi::SigningIn/>
            </form>
            <p><a href=RESET>{i18n.t(AccountUi::ForgotPassword)}</a></p>
            <p><a href=CHOOSE_METHOD>{i18n.t(AccountUi::NoAccount)}</a></p>
        </section>
    }
}

/// Sends the form once its own rules pass and the captcha's image is there.
fn submit(
    typed: Typed,
    form_submit: FormSubmit,
    notice: RwSignal<Option<SignInNotice>>,
    sign_in: PageRequest<SignInChallenge>,
) {
    if !form_submit.begin(sign_in.pending().get_untracked()) {
        return;
    }
    typed.captcha.check();
    notice.set(None);
    let body = typed.request();
    let own_rules_pass = body.validate().is_ok() && typed.captcha.local_error().is_none();
    if !own_rules_pass || body.captcha_id.is_empty() {
        crate::study!({
            let e = body.validate().err().unwrap_or_default();
            crate::study::refused(&serde_json::json!({
                "username": e.username,
                "password": e.password,
                "captcha_answer": typed.captcha.local_error(),
            }));
        });
        form_submit.refused();
        return;
    }
    sign_in.send(endpoints::SESSION, body);
}

/// Each field's error: the contract's rules once the citizen has tried, a wrong pair on the
/// password, a wrong captcha on its answer.
fn field_errors(
    typed: Typed,
    submitted: RwSignal<bool>,
    notice: RwSignal<Option<SignInNotice>>,
) -> Errors {
    let i18n = use_i18n();
    let local = Memo::new(move |_| {
        if !submitted.get() {
            return Default::default();
        }
        typed.request().validate().err().unwrap_or_default()
    });
    let refused = move |which: SignInNotice| notice.with(|n| n.as_ref() == Some(&which));
    Errors {
        username: Signal::derive(move || local.get().username.map(|e| i18n.get(e).to_owned())),
        password: Signal::derive(move || {
            let wrong_pair = refused(SignInNotice::InvalidCredentials);
            match local.get().password {
                Some(e) => Some(i18n.get(e).to_owned()),
                None => wrong_pair.then(|| i18n.get(ErrorCode::InvalidCredentials).to_owned()),
            }
        }),
        captcha: Signal::derive(move || {
            let wrong = refused(SignInNotice::CaptchaInvalid).then_some(CaptchaError::Incorrect);
            typed
                .captcha
                .local_error()
                .or(wrong)
                .map(|e| i18n.get(e).to_owned())
        }),
    }
}

/// Why the citizen is here: signed out, or a changed password to sign in with.
#[component]
fn FlashNotice(flash: Flash) -> impl IntoView {
    let i18n = use_i18n();
    let text = match flash {
        Flash::SignedOut => AccountUi::SignedOut,
        Flash::PasswordChanged => AccountUi::PasswordChangedSignIn,
    };
    view! { <div class="notice notice--success" role="status"><p>{i18n.t(text)}</p></div> }
}

/// The lockout (until when, and the way out) or "try again"; a wrong pair or captcha is a
/// field's error instead.
#[component]
fn SignInNoticeView(notice: RwSignal<Option<SignInNotice>>) -> impl IntoView {
    let i18n = use_i18n();
    move || match notice.get() {
        Some(SignInNotice::Locked { until }) => Some(
            view! {
                <div class="notice notice--error" role="alert">
                    <p>{move || i18n.fill(template::SignInLocked { time: until.clone() })}</p>
                    <p><a href=RESET>{i18n.t(AccountUi::ForgotPassword)}</a></p>
                </div>
            }
            .into_any(),
        ),
        Some(SignInNotice::Retry) => Some(
            view! {
                <div class="notice notice--error" role="alert"><p>{i18n.t(Ui::RetryBody)}</p></div>
            }
            .into_any(),
        ),
        _ => None,
    }
}
