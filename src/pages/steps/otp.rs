//! Screen 4 (and the code step of a reset and of signing in): the one-time code, with its
//! countdown, resend and WebOTP.

use super::{use_flow, use_flow_kind};
use crate::api::PageRequest;
use crate::clock::{client_now_ms, use_now_ms};
use crate::components::page_heading::{use_title, PageHeading};
use crate::effect::effect;
use crate::flow::countdown::{seconds_left, OtpClock, Phase};
use crate::flow::outcome::{otp_outcome, OtpNotice};
use crate::flow::state::{CodeAccepted, FlowKind, FlowState, Started, Step};
use crate::i18n::{use_i18n, I18n};
use crate::session::use_session;
use crate::web_otp::WebOtp;
use contract::api::{ErrorCode, OtpResent, VerifyOtpRequest};
use contract::endpoints::FlowAction;
use contract::messages::{mmss, template, OtpUi, Ui, Wait};
use contract::{OtpCode, OtpCodeError};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// The code step's state: the code typed, what the server last said, and the clock.
#[derive(Clone, Copy)]
struct CodeStep {
    flow: RwSignal<FlowState>,
    now: ReadSignal<i64>,
    clock: Memo<Option<OtpClock>>,
    code: RwSignal<String>,
    local_error: RwSignal<Option<OtpCodeError>>,
    notice: RwSignal<Option<OtpNotice>>,
    resent: RwSignal<bool>,
    locked_until_ms: RwSignal<i64>,
    /// Bumped by each submit refused for the code itself (wrong, not six digits): the field
    /// takes focus, so its message is heard.
    code_refusals: RwSignal<u32>,
}

impl CodeStep {
    fn new(flow: RwSignal<FlowState>) -> Self {
        CodeStep {
            flow,
            now: use_now_ms(std::time::Duration::from_millis(500)),
            clock: Memo::new(move |_| flow.with(|f| f.started.as_ref().map(|s| s.otp))),
            code: RwSignal::new(String::new()),
            local_error: RwSignal::new(None),
            notice: RwSignal::new(None),
            resent: RwSignal::new(false),
            locked_until_ms: RwSignal::new(0),
            code_refusals: RwSignal::new(0),
        }
    }

    fn started(self) -> Option<Started> {
        self.flow.with(|f| f.started.clone())
    }

    fn with_clock<T: Default>(self, f: impl Fn(OtpClock, i64) -> T) -> T {
        self.clock
            .get()
            .map(|c| f(c, self.now.get()))
            .unwrap_or_default()
    }

    fn remaining(self) -> u64 {
        self.with_clock(|c, now| c.remaining_s(now))
    }

    fn resend_wait(self) -> u64 {
        self.with_clock(|c, now| c.resend_wait_s(now))
    }

    fn sends_left(self) -> u32 {
        self.with_clock(|c, _| c.sends_left)
    }

    fn attempts_left(self) -> u32 {
        self.with_clock(|c, _| c.attempts_left)
    }

    fn phase(self) -> Phase {
        self.clock
            .get()
            .map_or(Phase::Expired, |c| c.phase(self.now.get()))
    }

    fn locked_left(self) -> u64 {
        seconds_left(self.locked_until_ms.get(), self.now.get())
    }

    fn update_clock(self, f: impl FnOnce(&mut OtpClock)) {
        self.flow.update(|state| {
            if let Some(s) = state.started.as_mut() {
                f(&mut s.otp)
            }
        });
    }

    /// What the server's refusal means here, shown and kept.
    fn refused(self, notice: OtpNotice) {
        match notice {
            OtpNotice::Incorrect { attempts_left } => {
                self.update_clock(|c| c.attempts_left = attempts_left);
                self.code_refusals.update(|n| *n += 1);
            }
            OtpNotice::Locked { retry_after_s } => self
                .locked_until_ms
                .set(client_now_ms() + retry_after_s as i64 * 1000),
            OtpNotice::ResendLimit => self.update_clock(|c| c.sends_left = 0),
            _ => {}
        }
        self.notice.set(Some(notice));
    }

    /// The field's error: the code's own shape, else the server's "wrong code".
    fn error_text(self, i18n: I18n) -> Option<String> {
        self.local_error
            .get()
            .map(|e| i18n.get(e).to_owned())
            .or_else(|| match self.notice.get() {
                Some(OtpNotice::Incorrect { attempts_left }) => {
                    Some(i18n.fill(template::OtpIncorrect { n: attempts_left }))
                }
                _ => None,
            })
    }
}

/// Where the code step's words differ by flow.
#[derive(Clone, Copy)]
struct FlowWords {
    /// Where the code went.
    sent_to: OtpUi,
    /// The link back to the flow's first step.
    back: OtpUi,
    /// The server no longer knows the flow.
    gone: OtpUi,
}

fn words(kind: FlowKind) -> FlowWords {
    let (sent_to, back, gone) = match kind {
        FlowKind::Registration => (OtpUi::OtpSentTo, OtpUi::ChangePhone, OtpUi::StartAgain),
        FlowKind::Reset => (OtpUi::ResetOtpSentTo, OtpUi::ChangePhone, OtpUi::StartAgain),
        FlowKind::SignIn => (
            OtpUi::SignInOtpSentTo,
            OtpUi::BackToSignIn,
            OtpUi::SignInStartAgain,
        ),
    };
    FlowWords {
        sent_to,
        back,
        gone,
    }
}

/// `…/otp/verify`: on to the password step, or (signing in) signed in and to the account.
fn verify_request(step: CodeStep, kind: FlowKind) -> PageRequest<CodeAccepted> {
    let (flow, session, navigate) = (step.flow, use_session(), use_navigate());
    PageRequest::new(move |answer| match answer {
        Ok(CodeAccepted::PasswordStep(v)) => {
            flow.update(|f| f.verified(v.password_token));
            navigate(kind.path(Step::Password), Default::default());
        }
        Ok(CodeAccepted::SignedIn(signed_in)) => {
            if let Some(account) = flow.try_update(|f| f.signed_in(signed_in)) {
                session.sign_in(account.username.clone(), account.signed_in(), None);
            }
            navigate(kind.path(Step::Done), Default::default());
        }
        Err(failure) => {
            step.code.set(String::new());
            step.refused(otp_outcome(&failure));
        }
    })
}

/// `…/otp/resend`: a new code, its clock from the server's times.
fn resend_request(step: CodeStep) -> PageRequest<OtpResent> {
    PageRequest::new(move |answer: Result<OtpResent, _>| match answer {
        Ok(r) => {
            let fresh = OtpClock::from_status(&r.otp, client_now_ms());
            step.update_clock(|c| *c = fresh);
            step.code.set(String::new());
            step.notice.set(None);
            step.resent.set(true);
        }
        Err(failure) => step.refused(otp_outcome(&failure)),
    })
}

/// Screen 4 (and the code step of a reset and of signing in).
#[component]
pub fn OtpPage() -> impl IntoView {
    let i18n = use_i18n();
    let flow = use_flow();
    let kind = use_flow_kind();
    let navigate = use_navigate();
    let step = CodeStep::new(flow);
    let web_otp = WebOtp::start(step.code);
    use_title(OtpUi::OtpHeading, move || {
        step.local_error.get().is_some()
            || matches!(step.notice.get(), Some(OtpNotice::Incorrect { .. }))
    });

    let verify = verify_request(step, kind);
    let resend = resend_request(step);
    let busy = Signal::derive(move || verify.pending().get() || resend.pending().get());

    let on_verify = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let parsed = OtpCode::parse(&step.code.get_untracked());
        step.local_error.set(parsed.as_ref().err().copied());
        if parsed.is_err() {
            step.code_refusals.update(|n| *n += 1);
        }
        let (Ok(parsed), Some(s)) = (parsed, step.started()) else {
            return;
        };
        web_otp.abort();
        step.notice.set(None);
        let body = VerifyOtpRequest {
            code: parsed.as_str().to_owned(),
        };
        verify.send(kind.api_path(&s.flow_id, FlowAction::Verify), body);
    };
    let on_resend = Callback::new(move |_| {
        let Some(s) = step.started() else { return };
        if !busy.get_untracked() {
            resend.send(
                kind.api_path(&s.flow_id, FlowAction::Resend),
                serde_json::json!({}),
            );
        }
    });
    let change_phone = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        flow.update(|f| f.change_phone());
        navigate(kind.path(Step::Details), Default::default());
    };

    view! {
        <section class="page">
            <PageHeading text=OtpUi::OtpHeading/>
            <SentTo step kind/>
            <CodeNotices step=step kind/>
            <form class="form" on:submit=on_verify novalidate>
                <CodeField step=step/>
                <button type="submit" class="button" aria-disabled=move || busy.get().then_some("true")>
                    {i18n.t(OtpUi::Confirm)}
                </button>
            </form>
            <Resend step=step busy=busy on_resend=on_resend/>
            <p><a href=kind.path(Step::Details) on:click=change_phone>{i18n.t(words(kind).back)}</a></p>
        </section>
    }
}

/// Where the code went (the phone, masked).
#[component]
fn SentTo(step: CodeStep, kind: FlowKind) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="lead">
            {i18n.t(words(kind).sent_to)} " "
            <strong class="phone-masked">{move || step.started().map(|s| s.phone_masked).unwrap_or_default()}</strong>
        </p>
    }
}

/// The countdown's announcements and what the server last said.
#[component]
fn CodeNotices(step: CodeStep, kind: FlowKind) -> impl IntoView {
    let i18n = use_i18n();
    let phase = Memo::new(move |_| step.phase());
    view! {
        // Polite: phase changes only. Assertive: the expiry.
        <p class="visually-hidden" role="status" aria-live="polite">
            {move || match phase.get() {
                Phase::LastMinute => i18n.get(OtpUi::OtpOneMinute),
                Phase::Last30Seconds => i18n.get(OtpUi::Otp30Seconds),
                _ => "",
            }}
        </p>
        <div role="alert">
            <Show when=move || phase.get() == Phase::Expired>
                <p class="notice notice--warning">{i18n.t(OtpUi::OtpExpiredNow)}</p>
            </Show>
        </div>
        {move || step.notice.get().and_then(|n| match n {
            OtpNotice::Expired => Some(i18n.get(ErrorCode::OtpExpired).to_owned()),
            OtpNotice::Locked { .. } => Some(i18n.fill(template::Locked { time: Wait(step.locked_left()) })),
            OtpNotice::ResendTooSoon { retry_after_s } => Some(i18n.fill(template::ResendTooSoon { time: Wait(retry_after_s) })),
            OtpNotice::ResendLimit => Some(i18n.get(ErrorCode::ResendLimit).to_owned()),
            OtpNotice::StartAgain => Some(i18n.get(words(kind).gone).to_owned()),
            OtpNotice::Retry => Some(i18n.get(Ui::RetryBody).to_owned()),
            OtpNotice::Incorrect { .. } => None,
        }).map(|text| view! { <div class="notice notice--error" role="alert"><p>{text}</p></div> })}
        <Show when=move || step.resent.get() && step.notice.get().is_none()>
            <div class="notice" role="status"><p>{i18n.t(OtpUi::NewCodeSent)}</p></div>
        </Show>
    }
}

/// The code's field: its timer and attempts as the hint, its error, digits kept on paste.
/// A refused code moves focus here: the field is heard with its message (the error first,
/// then the time left), once per refusal.
#[component]
fn CodeField(step: CodeStep) -> impl IntoView {
    let i18n = use_i18n();
    let error_text = move || step.error_text(i18n);
    let input = NodeRef::<leptos::html::Input>::new();
    effect(move |_| {
        if step.code_refusals.get() > 0 {
            if let Some(el) = input.get_untracked() {
                let _ = el.focus();
            }
        }
    });
    view! {
        <div class="field" class:field--error=move || error_text().is_some()>
            <label class="field__label" for="otp">{i18n.t(OtpUi::OtpLabel)}</label>
            <p class="field__hint" id="otp-timer">
                {i18n.t(OtpUi::ExpiresIn)} " "
                // Read with the description, never announced: the phase notices say when
                // time runs short.
                <span class="timer">{move || mmss(step.remaining())}</span>
                " · "
                {move || i18n.fill(template::AttemptsLeft { n: step.attempts_left() })}
            </p>
            <Show when=move || error_text().is_some()>
                <p class="field__error" id="otp-error">{error_text}</p>
            </Show>
            <input class="field__input field__input--code" id="otp" name="otp" type="text" node_ref=input
                inputmode="numeric" autocomplete="one-time-code" spellcheck="false"
                aria-invalid=move || error_text().is_some().then_some("true")
                aria-describedby=move || if error_text().is_some() { "otp-error otp-timer" } else { "otp-timer" }
                prop:value=move || step.code.get()
                on:input=move |ev| {
                    // Paste "123 456", "123-456" or "#123456": keep the digits.
                    step.code.set(OtpCode::normalize(&event_target_value(&ev)));
                    step.local_error.set(None);
                }/>
        </div>
    }
}

/// "Không nhận được mã?": resend, once its wait is over and while sends are left.
#[component]
fn Resend(step: CodeStep, busy: Signal<bool>, on_resend: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let disabled = move || {
        busy.get() || step.resend_wait() > 0 || step.sends_left() == 0 || step.locked_left() > 0
    };
    view! {
        <h2>{i18n.t(OtpUi::NotReceived)}</h2>
        <p>
            <button type="button" class="button button--secondary" on:click=move |_| on_resend.run(())
                disabled=disabled>
                {i18n.t(OtpUi::Resend)}
            </button>
            " "
            <span class="resend-status">
                {move || if step.sends_left() == 0 {
                    i18n.get(ErrorCode::ResendLimit).to_owned()
                } else if step.resend_wait() > 0 {
                    i18n.fill(template::ResendIn { time: Wait(step.resend_wait()) })
                } else {
                    i18n.fill(template::SendsLeft { n: step.sends_left() })
                }}
            </span>
        </p>
    }
}
