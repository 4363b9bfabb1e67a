//! Screen 5 (and the reset's last step): the password, with the contract's rules as a
//! live checklist. A finished reset signs the citizen in with the new password.

use super::{use_flow, use_flow_kind};
use crate::api::Failure;
use crate::api::PageRequests;
use crate::clock::today_in_vietnam;
use crate::components::error_summary::{ErrorSummary, SummaryItem};
use crate::components::form_submit::FormSubmit;
use crate::components::page_heading::{use_title, PageHeading};
use crate::components::password_field::PasswordField;
use crate::components::password_rules::PasswordRules;
use crate::flow::state::{FlowKind, Step};
use crate::i18n::use_i18n;
use crate::session::{use_session, Flash};
use contract::api::{AccountReady, ErrorCode, SetPasswordRequest, SignInRequest, SignedIn};
use contract::endpoints::{self, FlowAction};
use contract::messages::Ui;
use contract::password::{check, PersonalInfo};
use contract::route_table::SIGN_IN;
use contract::{BirthDate, IdNumber, PasswordRule, Phone};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;

/// Screen 5 (and the reset's last step).
#[component]
pub fn PasswordPage() -> impl IntoView {
    let i18n = use_i18n();
    let flow = use_flow();
    let kind = use_flow_kind();
    let session = use_session();
    let requests = PageRequests::new();
    let navigate = use_navigate();
    let password = RwSignal::new(String::new());
    let confirmation = RwSignal::new(String::new());
    let form_submit = FormSubmit::new();
    let FormSubmit {
        busy, submitted, ..
    } = form_submit;
    let server_rules = RwSignal::new(Vec::<PasswordRule>::new());
    let notice = RwSignal::new(None::<&'static str>);

    let username = move || {
        flow.with(|f| {
            IdNumber::parse(&f.form.id_number)
                .map(|i| i.as_str().to_owned())
                .unwrap_or_default()
        })
    };
    let info = Memo::new(move |_| {
        flow.with(|f| PersonalInfo {
            id_number: IdNumber::parse(&f.form.id_number).ok(),
            phone: Phone::parse(&f.form.phone).ok(),
            birth_date: BirthDate::parse(&f.form.date_of_birth, today_in_vietnam()).ok(),
        })
    });
    let rules = Memo::new(move |_| info.with(|i| check(&password.get(), &confirmation.get(), i)));
    // Unmet rules, after a submit, in checklist order; the server's verdict counts too.
    let unmet = Memo::new(move |_| {
        if !submitted.get() {
            return Vec::new();
        }
        let server = server_rules.get();
        PasswordRule::ALL
            .iter()
            .copied()
            .filter(|r| !rules.with(|c| c.is_met(*r)) || server.contains(r))
            .collect::<Vec<_>>()
    });
    let password_error = Signal::derive(move || {
        unmet.with(|u| {
            u.iter()
                .find(|r| **r != PasswordRule::ConfirmationMatches)
                .map(|r| i18n.get(*r).to_owned())
        })
    });
    let confirmation_error = Signal::derive(move || {
        unmet.with(|u| {
            u.contains(&PasswordRule::ConfirmationMatches)
                .then(|| i18n.get(PasswordRule::ConfirmationMatches).to_owned())
        })
    });
    let summary = Signal::derive(move || {
        unmet.with(|u| {
            u.iter()
                .map(|r| SummaryItem {
                    target_id: if *r == PasswordRule::ConfirmationMatches {
                        "password_confirmation"
                    } else {
                        "password"
                    }
                    .to_owned(),
                    message: i18n.get(*r).to_owned(),
                })
                .collect::<Vec<_>>()
        })
    });
    let (heading, submit_label) = match kind {
        FlowKind::Registration => (Ui::PasswordHeading, Ui::Register),
        FlowKind::Reset => (Ui::ResetPasswordHeading, Ui::ChangePassword),
    };
    use_title(heading, move || !summary.with(Vec::is_empty));
    Effect::new(move |_| {
        password.track();
        server_rules.set(Vec::new());
    });

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !form_submit.begin() {
            return;
        }
        notice.set(None);
        if !rules.get_untracked().all_met() {
            form_submit.refused();
            return;
        }
        let Some((id, token)) =
            flow.with_untracked(|f| Some((f.started.clone()?.flow_id, f.password_token.clone()?)))
        else {
            return;
        };
        let body = SetPasswordRequest {
            password_token: token,
            password: password.get_untracked(),
            password_confirmation: confirmation.get_untracked(),
        };
        busy.set(true);
        let requests = requests.clone();
        let navigate = navigate.clone();
        spawn_local(async move {
            let path = kind.api_path(&id, FlowAction::Password);
            let lang = i18n.lang.get_untracked();
            let result = requests.post::<_, AccountReady>(&path, &body, lang).await;
            let account = match result {
                Ok(account) => account,
                Err(failure) => {
                    busy.set(false);
                    match failure {
                        Failure::Api(e) if e.error == ErrorCode::Validation => {
                            server_rules.set(e.rules.unwrap_or_default());
                            form_submit.refused();
                        }
                        Failure::Api(e)
                            if matches!(e.error, ErrorCode::InvalidToken | ErrorCode::NotFound) =>
                        {
                            // The verification ran out: back to the code step.
                            flow.update(|f| f.password_token = None);
                        }
                        Failure::Api(e) if e.error == ErrorCode::AccountExists => {
                            notice.set(Some(i18n.get(Ui::AccountExistsTitle)));
                        }
                        _ => notice.set(Some(i18n.get(Ui::RetryBody))),
                    }
                    return;
                }
            };
            if kind == FlowKind::Reset {
                // Straight into the account with the new password.
                let request = SignInRequest {
                    username: account.username.clone(),
                    password: password.get_untracked(),
                };
                match requests
                    .post::<_, SignedIn>(endpoints::SESSION, &request, lang)
                    .await
                {
                    Ok(s) => {
                        session.sign_in(account.username.clone(), s, Some(Flash::PasswordChanged))
                    }
                    Err(_) => session.sign_out_with(Flash::PasswordChangedSignIn),
                }
            }
            busy.set(false);
            password.set(String::new());
            confirmation.set(String::new());
            flow.update(|f| f.finished(account));
            // A reset ends on the account page when signed in, else on the sign-in page.
            let next = if session.account.get_untracked().is_none() && kind == FlowKind::Reset {
                SIGN_IN
            } else {
                kind.path(Step::Done)
            };
            navigate(next, Default::default());
        });
    };

    view! {
        <section class="page">
            <PageHeading text=Signal::derive(move || i18n.get(heading).to_owned())/>
            <ErrorSummary items=summary focus_token=form_submit.focus_token()/>
            {move || notice.get().map(|text| view! { <div class="notice notice--error" role="alert"><p>{text}</p></div> })}
            <form class="form" on:submit=on_submit novalidate>
                // For password managers: the account this password belongs to.
                <input type="text" name="username" autocomplete="username" class="visually-hidden"
                    tabindex="-1" aria-hidden="true" readonly prop:value=username/>
                <PasswordField id="password" label=Ui::PasswordLabel show_label=Ui::ShowPassword hide_label=Ui::HidePassword
                    value=password error=password_error described_by="password-rules"/>
                <PasswordRules check=rules/>
                <PasswordField id="password_confirmation" label=Ui::ConfirmPasswordLabel
                    show_label=Ui::ShowConfirmation hide_label=Ui::HideConfirmation
                    value=confirmation error=confirmation_error/>
                <button type="submit" class="button" aria-disabled=move || busy.get().then_some("true")>
                    {move || if busy.get() { i18n.get(Ui::Submitting) } else { i18n.get(submit_label) }}
                </button>
            </form>
        </section>
    }
}
