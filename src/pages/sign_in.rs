//! Screen 7, "Đăng nhập": ID number and password against the mock. Five wrong passwords
//! lock the account, and the screen says until when.

use crate::api::PageRequest;
use crate::clock::client_now_ms;
use crate::components::error_summary::{ErrorSummary, SummaryItem};
use crate::components::form_submit::{FormSubmit, SubmitButton};
use crate::components::page_heading::{use_title, PageHeading};
use crate::components::password_field::PasswordField;
use crate::components::text_field::TextField;
use crate::flow::outcome::{sign_in_outcome, SignInNotice};
use crate::i18n::use_i18n;
use crate::session::{use_session, Flash};
use contract::account::SignInErrors;
use contract::api::{ErrorCode, SignInRequest, SignedIn};
use contract::endpoints;
use contract::messages::{AccountUi, LazyUi, Ui};
use contract::route_table::{ACCOUNT, CHOOSE_METHOD, RESET};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

/// Screen 7 (signed out only: the route table's guard).
#[component]
pub fn SignInPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let navigate = use_navigate();
    let flash = session.take_flash();
    let username = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let form_submit = FormSubmit::new();
    let submitted = form_submit.submitted;
    let notice = RwSignal::new(None::<SignInNotice>);

    let request = move || SignInRequest {
        username: username.get(),
        password: password.get(),
    };
    let (username_error, password_error) = field_errors(request, submitted, notice);
    let summary = Signal::derive(move || {
        SummaryItem::list([
            ("username", username_error.get()),
            ("password", password_error.get()),
        ])
    });
    use_title(Ui::SignIn, move || !summary.with(Vec::is_empty));
    let edited = Callback::new(move |_| {
        if notice.get_untracked() == Some(SignInNotice::InvalidCredentials) {
            notice.set(None);
        }
    });

    // The account being signed in to: the ID as submitted (normalised), not as edited since.
    let signing_in = StoredValue::new(String::new());
    let sign_in = PageRequest::<SignedIn>::new(move |answer| match answer {
        Ok(signed_in) => {
            password.set(String::new());
            session.sign_in(signing_in.get_value(), signed_in, None);
            navigate(ACCOUNT, Default::default());
        }
        Err(failure) => {
            notice.set(Some(sign_in_outcome(&failure, client_now_ms())));
            form_submit.refused();
        }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !form_submit.begin(sign_in.pending().get_untracked()) {
            return;
        }
        notice.set(None);
        let body = request();
        let Ok(id) = body.validate() else {
            form_submit.refused();
            return;
        };
        signing_in.set_value(id.as_str().to_owned());
        sign_in.send(endpoints::SESSION, body);
    };

    view! {
        <section class="page page--narrow">
            <PageHeading text=Signal::derive(move || i18n.get(Ui::SignIn).to_owned())/>
            {flash.map(|flash| view! { <FlashNotice flash/> })}
            <ErrorSummary items=summary focus_token=form_submit.focus_token()/>
            <SignInNoticeView notice/>
            <form class="form" on:submit=on_submit novalidate>
                <TextField id="username" label=Signal::derive(i18n.t(AccountUi::UsernameLabel)) value=username
                    required=true inputmode="numeric" autocomplete="username"
                    hint=Signal::derive(i18n.t(AccountUi::UsernameHint))
                    error=username_error on_edit=edited/>
                <PasswordField id="password" label=LazyUi::PasswordLabel show_label=LazyUi::ShowPassword
                    hide_label=LazyUi::HidePassword value=password error=password_error
                    autocomplete="current-password" on_edit=edited/>
                <SubmitButton pending=sign_in.pending() label=Signal::derive(i18n.t(Ui::SignIn)) busy_label=LazyUi::SigningIn/>
            </form>
            <p><A href=RESET>{i18n.t(AccountUi::ForgotPassword)}</A></p>
            <p><A href=CHOOSE_METHOD>{i18n.t(AccountUi::NoAccount)}</A></p>
        </section>
    }
}

/// Each field's error: the contract's rules once the citizen has tried, and a wrong pair
/// on the password.
fn field_errors(
    request: impl Fn() -> SignInRequest + Send + Sync + 'static,
    submitted: RwSignal<bool>,
    notice: RwSignal<Option<SignInNotice>>,
) -> (Signal<Option<String>>, Signal<Option<String>>) {
    let i18n = use_i18n();
    let local = Memo::new(move |_| {
        if !submitted.get() {
            return SignInErrors::default();
        }
        request().validate().err().unwrap_or_default()
    });
    let username = Signal::derive(move || local.get().username.map(|e| i18n.get(e).to_owned()));
    let password = Signal::derive(move || {
        local
            .get()
            .password
            .map(|e| i18n.get(e).to_owned())
            .or_else(|| {
                (notice.get() == Some(SignInNotice::InvalidCredentials))
                    .then(|| i18n.get(ErrorCode::InvalidCredentials).to_owned())
            })
    });
    (username, password)
}

/// Why the citizen is here: signed out, or a changed password to sign in with.
#[component]
fn FlashNotice(flash: Flash) -> impl IntoView {
    let i18n = use_i18n();
    let text = match flash {
        Flash::SignedOut => AccountUi::SignedOut,
        Flash::PasswordChanged | Flash::PasswordChangedSignIn => AccountUi::PasswordChangedSignIn,
    };
    view! { <div class="notice notice--success" role="status"><p>{i18n.t(text)}</p></div> }
}

/// The lockout (until when, and the way out) or "try again"; a wrong pair is the password
/// field's error instead.
#[component]
fn SignInNoticeView(notice: RwSignal<Option<SignInNotice>>) -> impl IntoView {
    let i18n = use_i18n();
    move || match notice.get() {
        Some(SignInNotice::Locked { until }) => Some(
            view! {
                <div class="notice notice--error" role="alert">
                    <p>{move || i18n.fill(AccountUi::SignInLocked, &[("time", &until)])}</p>
                    <p><A href=RESET>{i18n.t(AccountUi::ForgotPassword)}</A></p>
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
