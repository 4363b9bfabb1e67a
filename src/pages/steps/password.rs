//! Screen 5 (and the reset's last step): the password, with the contract's rules as a
//! live checklist. A finished reset signs the citizen in: its code went to the account's
//! phone, as a sign-in's does.

use super::{use_flow, use_flow_kind};
use crate::api::PageRequest;
use crate::clock::today_in_vietnam;
use crate::components::error_summary::{ErrorSummary, SummaryItem};
use crate::components::form_submit::{FormSubmit, SubmitButton};
use crate::components::page_heading::{use_title, PageHeading};
use crate::components::password_field::PasswordField;
use crate::components::password_rules::PasswordRules;
use crate::effect::effect;
use crate::flow::outcome::{password_outcome, PasswordRefusal};
use crate::flow::state::{FlowKind, FlowState, Step};
use crate::i18n::{use_i18n, I18n, Text};
use crate::session::{use_session, Flash, Session};
use contract::api::{AccountReady, SetPasswordRequest};
use contract::endpoints::FlowAction;
use contract::messages::{FormUi, PasswordUi, Ui};
use contract::password::{check, PersonalInfo};
use contract::{BirthDate, IdNumber, PasswordCheck, PasswordRule, Phone};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// Screen 5 (and the reset's last step).
#[component]
pub fn PasswordPage() -> impl IntoView {
    let i18n = use_i18n();
    let flow = use_flow();
    let kind = use_flow_kind();
    let navigate = use_navigate();
    let password = RwSignal::new(String::new());
    let confirmation = RwSignal::new(String::new());
    let form_submit = FormSubmit::new();
    let server_rules = RwSignal::new(Vec::<PasswordRule>::new());
    // The refusal, not its text: the notice follows a change of language.
    let notice = RwSignal::new(None::<PasswordRefusal>);
    let checks = Checks::new(
        flow,
        password,
        confirmation,
        form_submit.submitted,
        server_rules,
    );
    let (heading, submit_label) = heading_and_button(kind);
    let summary = checks.summary(i18n);
    use_title(heading, move || !summary.with(Vec::is_empty));
    effect(move |_| {
        password.track();
        server_rules.set(Vec::new());
    });

    let session = use_session();
    let submit = PageRequest::new(move |answer| match answer {
        Ok(account) => {
            password.set(String::new());
            confirmation.set(String::new());
            finish(session, kind, flow, account);
            navigate(kind.path(Step::Done), Default::default());
        }
        Err(failure) => match password_outcome(&failure) {
            PasswordRefusal::Rules(rules) => {
                server_rules.set(rules);
                form_submit.refused();
            }
            PasswordRefusal::VerifyAgain => flow.update(|f| f.password_token = None),
            refusal @ (PasswordRefusal::AccountExists | PasswordRefusal::Retry) => {
                notice.set(Some(refusal))
            }
        },
    });

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !form_submit.begin(submit.pending().get_untracked()) {
            return;
        }
        notice.set(None);
        if !checks.rules.get_untracked().all_met() {
            crate::study!(crate::study::refused(
                &serde_json::json!({ "password": checks.rules.get_untracked().failed() })
            ));
            form_submit.refused();
            return;
        }
        let Some((id, body)) = password_request(flow, password, confirmation) else {
            return;
        };
        submit.send(kind.api_path(&id, FlowAction::Password), body);
    };

    view! {
        <section class="page">
            <PageHeading text=heading/>
            <ErrorSummary items=summary focus_token=form_submit.focus_token()/>
            {move || notice.get().map(|refusal| refusal_notice(i18n, refusal))}
            <form class="form" on:submit=on_submit novalidate>
                <PasswordFields flow password confirmation checks/>
                <SubmitButton pending=submit.pending() label=submit_label/>
            </form>
        </section>
    }
}

/// The step's heading and its button's words: a registration creates the account, a reset
/// (or a sign-in's) changes its password.
fn heading_and_button(kind: FlowKind) -> (PasswordUi, Text) {
    match kind {
        FlowKind::Registration => (PasswordUi::PasswordHeading, Text::from(Ui::Register)),
        FlowKind::Reset | FlowKind::SignIn => (
            PasswordUi::ResetPasswordHeading,
            Text::from(PasswordUi::ChangePassword),
        ),
    }
}

/// The flow's id and the request for the typed password, once the code step has given the
/// flow its token.
fn password_request(
    flow: RwSignal<FlowState>,
    password: RwSignal<String>,
    confirmation: RwSignal<String>,
) -> Option<(String, SetPasswordRequest)> {
    let (id, token) =
        flow.with_untracked(|f| Some((f.started.clone()?.flow_id, f.password_token.clone()?)))?;
    let body = SetPasswordRequest {
        password_token: token,
        password: password.get_untracked(),
        password_confirmation: confirmation.get_untracked(),
    };
    Some((id, body))
}

/// A refusal that is not about the rules: registered meanwhile, or try again.
fn refusal_notice(i18n: I18n, refusal: PasswordRefusal) -> impl IntoView {
    let text = match refusal {
        PasswordRefusal::AccountExists => i18n.get(FormUi::AccountExistsTitle),
        _ => i18n.get(Ui::RetryBody),
    };
    view! { <div class="notice notice--error" role="alert"><p>{text}</p></div> }
}

/// The flow is done; a reset has signed the citizen in.
fn finish(session: Session, kind: FlowKind, flow: RwSignal<FlowState>, account: AccountReady) {
    if kind.ends_signed_in() {
        let signed_in = account.signed_in();
        session.sign_in(
            account.username.clone(),
            signed_in,
            Some(Flash::PasswordChanged),
        );
    }
    flow.update(|f| f.finished(account.username));
}

/// The rules as typed, and which of them are unmet once the citizen has tried.
#[derive(Clone, Copy)]
struct Checks {
    rules: Memo<PasswordCheck>,
    /// After a submit, in checklist order; the server's verdict counts too.
    unmet: Memo<Vec<PasswordRule>>,
}

impl Checks {
    fn new(
        flow: RwSignal<FlowState>,
        password: RwSignal<String>,
        confirmation: RwSignal<String>,
        submitted: RwSignal<bool>,
        server_rules: RwSignal<Vec<PasswordRule>>,
    ) -> Self {
        let info = Memo::new(move |_| {
            flow.with(|f| PersonalInfo {
                id_number: IdNumber::parse(&f.form.id_number).ok(),
                phone: Phone::parse(&f.form.phone).ok(),
                birth_date: BirthDate::parse(&f.form.date_of_birth, today_in_vietnam()).ok(),
            })
        });
        let rules =
            Memo::new(move |_| info.with(|i| check(&password.get(), &confirmation.get(), i)));
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
        Checks { rules, unmet }
    }

    /// The first unmet rule of the password itself.
    fn password_error(self, i18n: I18n) -> Signal<Option<String>> {
        Signal::derive(move || {
            self.unmet.with(|u| {
                u.iter()
                    .find(|r| **r != PasswordRule::ConfirmationMatches)
                    .map(|r| i18n.get(*r).to_owned())
            })
        })
    }

    fn confirmation_error(self, i18n: I18n) -> Signal<Option<String>> {
        Signal::derive(move || {
            self.unmet.with(|u| {
                u.contains(&PasswordRule::ConfirmationMatches)
                    .then(|| i18n.get(PasswordRule::ConfirmationMatches).to_owned())
            })
        })
    }

    fn summary(self, i18n: I18n) -> Signal<Vec<SummaryItem>> {
        Signal::derive(move || {
            self.unmet.with(|u| {
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
        })
    }
}

/// The password, its live checklist and its confirmation.
#[component]
fn PasswordFields(
    flow: RwSignal<FlowState>,
    password: RwSignal<String>,
    confirmation: RwSignal<String>,
    checks: Checks,
) -> impl IntoView {
    let i18n = use_i18n();
    let username = move || {
        flow.with(|f| {
            IdNumber::parse(&f.form.id_number)
                .map(|i| i.as_str().to_owned())
                .unwrap_or_default()
        })
    };
    view! {
        // For password managers: the account this password belongs to.
        <input type="text" name="username" autocomplete="username" class="visually-hidden"
            tabindex="-1" aria-hidden="true" readonly prop:value=username/>
        <PasswordField id="password" label=FormUi::PasswordLabel show_label=FormUi::ShowPassword hide_label=FormUi::HidePassword
            value=password error=checks.password_error(i18n) described_by="password-rules"/>
        <PasswordRules check=checks.rules/>
        <PasswordField id="password_confirmation" label=FormUi::ConfirmPasswordLabel
            show_label=FormUi::ShowConfirmation hide_label=FormUi::HideConfirmation
            value=confirmation error=checks.confirmation_error(i18n)/>
    }
}
