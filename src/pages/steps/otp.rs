//! Screen 4 (and the reset's code step): the one-time code, with its countdown, resend
//! and WebOTP.

use super::{use_flow, use_flow_kind};
use crate::api::PageRequests;
use crate::clock::{client_now_ms, use_now_ms};
use crate::components::page_heading::{use_title, PageHeading};
use crate::flow::countdown::{seconds_left, OtpClock, Phase};
use crate::flow::outcome::{otp_outcome, OtpNotice};
use crate::flow::state::{FlowKind, Step};
use crate::i18n::use_i18n;
use crate::web_otp::WebOtp;
use contract::api::{ErrorCode, OtpResent, OtpVerified, VerifyOtpRequest};
use contract::endpoints::FlowAction;
use contract::messages::mmss;
use contract::messages::Ui;
use contract::{OtpCode, OtpCodeError};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;

/// Screen 4 (and the reset's code step).
#[component]
pub fn OtpPage() -> impl IntoView {
    let i18n = use_i18n();
    let flow = use_flow();
    let kind = use_flow_kind();
    let requests = PageRequests::new();
    let navigate = use_navigate();
    let now = use_now_ms(std::time::Duration::from_millis(500));
    let code = RwSignal::new(String::new());
    let local_error = RwSignal::new(None::<OtpCodeError>);
    let notice = RwSignal::new(None::<OtpNotice>);
    let resent = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let locked_until_ms = RwSignal::new(0i64);

    let started = move || flow.with(|f| f.started.clone());
    let clock = Memo::new(move |_| started().map(|s| s.otp));
    let remaining = move || clock.get().map(|c| c.remaining_s(now.get())).unwrap_or(0);
    let resend_wait = move || clock.get().map(|c| c.resend_wait_s(now.get())).unwrap_or(0);
    let phase = Memo::new(move |_| {
        clock
            .get()
            .map(|c| c.phase(now.get()))
            .unwrap_or(Phase::Expired)
    });
    let locked_left = move || seconds_left(locked_until_ms.get(), now.get());

    let web_otp = WebOtp::start(code);
    use_title(Ui::OtpHeading, move || {
        local_error.get().is_some() || matches!(notice.get(), Some(OtpNotice::Incorrect { .. }))
    });

    let verify = {
        let requests = requests.clone();
        let navigate = navigate.clone();
        let web_otp = web_otp.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            if busy.get_untracked() {
                return;
            }
            let parsed = OtpCode::parse(&code.get_untracked());
            local_error.set(parsed.as_ref().err().copied());
            let (Ok(parsed), Some(s)) = (parsed, started()) else {
                return;
            };
            web_otp.abort();
            busy.set(true);
            notice.set(None);
            let requests = requests.clone();
            let navigate = navigate.clone();
            spawn_local(async move {
                let path = kind.api_path(&s.flow_id, FlowAction::Verify);
                let body = VerifyOtpRequest {
                    code: parsed.as_str().to_owned(),
                };
                let result = requests
                    .post::<_, OtpVerified>(&path, &body, i18n.lang.get_untracked())
                    .await;
                busy.set(false);
                match result {
                    Ok(v) => {
                        flow.update(|f| f.verified(v.password_token));
                        navigate(kind.path(Step::Password), Default::default());
                    }
                    Err(failure) => {
                        let n = otp_outcome(&failure);
                        if let OtpNotice::Incorrect { attempts_left } = n {
                            flow.update(|f| {
                                if let Some(s) = f.started.as_mut() {
                                    s.otp.attempts_left = attempts_left
                                }
                            });
                        }
                        if let OtpNotice::Locked { retry_after_s } = n {
                            locked_until_ms.set(client_now_ms() + retry_after_s as i64 * 1000);
                        }
                        code.set(String::new());
                        notice.set(Some(n));
                    }
                }
            });
        }
    };

    let resend = {
        let requests = requests.clone();
        move |_| {
            let Some(s) = started() else { return };
            if busy.get_untracked() {
                return;
            }
            busy.set(true);
            let requests = requests.clone();
            spawn_local(async move {
                let path = kind.api_path(&s.flow_id, FlowAction::Resend);
                let result = requests
                    .post::<_, OtpResent>(&path, &serde_json::json!({}), i18n.lang.get_untracked())
                    .await;
                busy.set(false);
                match result {
                    Ok(r) => {
                        let fresh = OtpClock::from_status(&r.otp, client_now_ms());
                        flow.update(|f| {
                            if let Some(s) = f.started.as_mut() {
                                s.otp = fresh
                            }
                        });
                        code.set(String::new());
                        notice.set(None);
                        resent.set(true);
                    }
                    Err(failure) => {
                        let n = otp_outcome(&failure);
                        if let OtpNotice::Locked { retry_after_s } = n {
                            locked_until_ms.set(client_now_ms() + retry_after_s as i64 * 1000);
                        }
                        if n == OtpNotice::ResendLimit {
                            flow.update(|f| {
                                if let Some(s) = f.started.as_mut() {
                                    s.otp.sends_left = 0
                                }
                            });
                        }
                        notice.set(Some(n));
                    }
                }
            });
        }
    };

    let change_phone = {
        let navigate = navigate.clone();
        move |ev: leptos::ev::MouseEvent| {
            ev.prevent_default();
            flow.update(|f| f.change_phone());
            navigate(kind.path(Step::Details), Default::default());
        }
    };

    let sends_left = move || clock.get().map(|c| c.sends_left).unwrap_or(0);
    let resend_disabled =
        move || busy.get() || resend_wait() > 0 || sends_left() == 0 || locked_left() > 0;
    let error_text = move || {
        local_error
            .get()
            .map(|e| i18n.get(e).to_owned())
            .or_else(|| match notice.get() {
                Some(OtpNotice::Incorrect { attempts_left }) => Some(contract::messages::fill(
                    i18n.get(ErrorCode::OtpIncorrect),
                    &[("n", &attempts_left.to_string())],
                )),
                _ => None,
            })
    };

    view! {
        <section class="page">
            <PageHeading text=Signal::derive(move || i18n.get(Ui::OtpHeading).to_owned())/>
            <p class="lead">
                {i18n.t(if kind == FlowKind::Reset { Ui::ResetOtpSentTo } else { Ui::OtpSentTo })} " "
                <strong class="phone-masked">{move || started().map(|s| s.phone_masked).unwrap_or_default()}</strong>
            </p>
            // Polite: phase changes only. Assertive: the expiry.
            <p class="visually-hidden" role="status" aria-live="polite">
                {move || match phase.get() {
                    Phase::LastMinute => i18n.get(Ui::OtpOneMinute),
                    Phase::Last30Seconds => i18n.get(Ui::Otp30Seconds),
                    _ => "",
                }}
            </p>
            <div role="alert">
                <Show when=move || phase.get() == Phase::Expired>
                    <p class="notice notice--warning">{i18n.t(Ui::OtpExpiredNow)}</p>
                </Show>
            </div>
            {move || notice.get().and_then(|n| match n {
                OtpNotice::Expired => Some(i18n.get(ErrorCode::OtpExpired).to_owned()),
                OtpNotice::Locked { .. } => Some(i18n.fill(ErrorCode::Locked, &[("time", &mmss(locked_left()))])),
                OtpNotice::ResendTooSoon { retry_after_s } => Some(i18n.fill(ErrorCode::ResendTooSoon, &[("time", &mmss(retry_after_s))])),
                OtpNotice::ResendLimit => Some(i18n.get(ErrorCode::ResendLimit).to_owned()),
                OtpNotice::StartAgain => Some(i18n.get(Ui::StartAgain).to_owned()),
                OtpNotice::Retry => Some(i18n.get(Ui::RetryBody).to_owned()),
                OtpNotice::Incorrect { .. } => None,
            }).map(|text| view! { <div class="notice notice--error" role="alert"><p>{text}</p></div> })}
            <Show when=move || resent.get() && notice.get().is_none()>
                <div class="notice" role="status"><p>{i18n.t(Ui::NewCodeSent)}</p></div>
            </Show>
            <form class="form" on:submit=verify novalidate>
                <div class="field" class:field--error=move || error_text().is_some()>
                    <label class="field__label" for="otp">{i18n.t(Ui::OtpLabel)}</label>
                    <p class="field__hint" id="otp-timer">
                        {i18n.t(Ui::ExpiresIn)} " "
                        <span class="timer" aria-hidden="true">{move || mmss(remaining())}</span>
                        " · "
                        {move || contract::messages::fill(i18n.get(Ui::AttemptsLeft), &[("n", &clock.get().map(|c| c.attempts_left).unwrap_or(0).to_string())])}
                    </p>
                    <Show when=move || error_text().is_some()>
                        <p class="field__error" id="otp-error">{error_text}</p>
                    </Show>
                    <input class="field__input field__input--code" id="otp" name="otp" type="text"
                        inputmode="numeric" autocomplete="one-time-code" spellcheck="false"
                        aria-invalid=move || error_text().is_some().then_some("true")
                        aria-describedby=move || if error_text().is_some() { "otp-timer otp-error" } else { "otp-timer" }
                        prop:value=move || code.get()
                        on:input=move |ev| {
                            // Paste "123 456", "123-456" or "#123456": keep the digits.
                            code.set(OtpCode::normalize(&event_target_value(&ev)));
                            local_error.set(None);
                        }/>
                </div>
                <button type="submit" class="button" aria-disabled=move || busy.get().then_some("true")>
                    {i18n.t(Ui::Confirm)}
                </button>
            </form>
            <h2>{i18n.t(Ui::NotReceived)}</h2>
            <p>
                <button type="button" class="button button--secondary" on:click=resend
                    disabled=resend_disabled>
                    {i18n.t(Ui::Resend)}
                </button>
                " "
                <span class="resend-status">
                    {move || if sends_left() == 0 {
                        i18n.get(ErrorCode::ResendLimit).to_owned()
                    } else if resend_wait() > 0 {
                        i18n.fill(Ui::ResendIn, &[("time", &mmss(resend_wait()))])
                    } else {
                        i18n.fill(Ui::SendsLeft, &[("n", &sends_left().to_string())])
                    }}
                </span>
            </p>
            <p><a href=kind.path(Step::Details) on:click=change_phone>{i18n.t(Ui::ChangePhone)}</a></p>
        </section>
    }
}
