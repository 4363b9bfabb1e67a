//! The participant's task panel: "Nhiệm vụ 1/3", the task's words, "Xong" and "Bỏ qua",
//! the SMS their "phone" received, and the "Góp ý" box. It also watches the screen and the
//! language, which the recorder notes.

use super::recorder::{self, record, screen};
use crate::api::{fetch_text, Method};
use crate::effect::effect;
use crate::i18n::{use_i18n, I18n};
use crate::storage::Storage;
use contract::endpoints::{STUDY_SESSION, STUDY_TASK};
use contract::messages::{template, StudyUi};
use contract::study::{EndTask, Happened, StudySession, TaskOutcome, PANEL_STYLESHEET};
use contract::Lang;
use leptos::prelude::*;
use std::time::Duration;

/// How often the panel asks for the participant's state (new SMS, a reset).
const POLL: Duration = Duration::from_secs(3);

/// Where the tab remembers which reset it has seen.
const GENERATION_KEY: &str = "study.generation";

#[component]
pub fn StudyPanel() -> impl IntoView {
    let i18n = use_i18n();
    let session = RwSignal::new(None::<StudySession>);
    let poll = StoredValue::new_local(None::<IntervalHandle>);
    let load = move || {
        leptos::task::spawn_local(async move {
            if let Some(s) = fetch_session(Method::GET, STUDY_SESSION, None).await {
                recorder::activate();
                forget_tab_after_reset(s.generation);
                session.set(Some(s));
            } else if session.get_untracked().is_none() {
                // Not a participant (the facilitator trying the prototype): stop asking.
                recorder::deactivate();
                if let Some(handle) = poll.try_update_value(Option::take).flatten() {
                    handle.clear();
                }
            }
        });
    };
    poll.set_value(set_interval_with_handle(load, POLL).ok());
    load();
    on_cleanup(move || {
        if let Some(handle) = poll.try_update_value(Option::take).flatten() {
            handle.clear();
        }
    });
    watch_screens_and_language(i18n);
    flush_when_hidden();
    move || {
        session.get().map(|s| {
            view! {
                <link rel="stylesheet" href=PANEL_STYLESHEET/>
                <aside class="study-panel" aria-label=move || i18n.get(StudyUi::PanelLabel)>
                    <TaskCard session=s.clone()/>
                    <Phone sms=s.sms.clone()/>
                    <FeedbackBox/>
                </aside>
            }
        })
    }
}

async fn fetch_session(method: Method, path: &str, body: Option<&str>) -> Option<StudySession> {
    match fetch_text(method, path, body, Lang::Vi, None).await {
        Ok((200, Some(text))) => serde_json::from_str(&text).ok(),
        _ => None,
    }
}

/// After the facilitator's reset (or a new task) the tab starts over: its flows and
/// sign-in go, and the prototype opens at its home page.
fn forget_tab_after_reset(generation: i64) {
    let seen = Storage::Session.read(GENERATION_KEY);
    let now = generation.to_string();
    if seen.as_ref().is_some_and(|seen| *seen != now) {
        start_over(generation);
    } else if seen.is_none() {
        Storage::Session.write(GENERATION_KEY, &now);
    }
}

fn start_over(generation: i64) {
    Storage::Session.clear();
    Storage::Session.write(GENERATION_KEY, &generation.to_string());
    let _ = window().location().assign(contract::route_table::HOME);
}

fn watch_screens_and_language(i18n: I18n) {
    let path = leptos_router::hooks::use_location().pathname;
    let shown = StoredValue::new(None::<String>);
    effect(move |_| {
        let now = path.get();
        if let Some(before) = shown.get_value().filter(|b| *b != now) {
            record(Happened::ScreenLeft { screen: before });
        }
        if shown.get_value().as_deref() != Some(now.as_str()) {
            record(Happened::ScreenEntered {
                screen: now.clone(),
            });
            shown.set_value(Some(now));
        }
    });
    effect(move |ran_before| {
        let lang = i18n.lang.get();
        if ran_before.is_some() {
            record(Happened::LanguageChanged {
                lang: lang.tag().to_owned(),
            });
        }
    });
}

fn flush_when_hidden() {
    let hide = window_event_listener(leptos::ev::pagehide, |_| recorder::flush_with_beacon());
    let hidden = window_event_listener(leptos::ev::visibilitychange, |_| {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            recorder::flush_with_beacon();
        }
    });
    on_cleanup(move || {
        hide.remove();
        hidden.remove();
    });
}

/// The task under way and its two buttons; thanks once every task has ended.
#[component]
fn TaskCard(session: StudySession) -> impl IntoView {
    let i18n = use_i18n();
    let busy = RwSignal::new(false);
    let total = session.tasks.len();
    let Some(current) = session.current else {
        return view! { <p class="study-panel__done">{i18n.t(StudyUi::AllTasksDone)}</p> }
            .into_any();
    };
    let task = session.tasks.get(current).cloned();
    let end = move |outcome: TaskOutcome| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        leptos::task::spawn_local(async move {
            recorder::flush().await;
            let body = serde_json::to_string(&EndTask { outcome }).unwrap_or_default();
            match fetch_session(Method::POST, STUDY_TASK, Some(&body)).await {
                Some(next) => start_over(next.generation),
                None => busy.set(false),
            }
        });
    };
    let title = move || {
        i18n.fill(template::TaskOf {
            n: current + 1,
            total,
        })
    };
    view! {
        <h2 class="study-panel__title">{title}</h2>
        <p class="study-panel__task">{move || task.as_ref().map(|t| i18n.lang.get().pick(&t.vi, &t.en).clone())}</p>
        <div class="study-panel__actions">
            <button type="button" class="button" aria-disabled=move || busy.get().then_some("true")
                on:click=move |_| end(TaskOutcome::Done)>{i18n.t(StudyUi::TaskDone)}</button>
            <button type="button" class="button button--secondary" aria-disabled=move || busy.get().then_some("true")
                on:click=move |_| end(TaskOutcome::Skipped)>{i18n.t(StudyUi::TaskSkip)}</button>
        </div>
    }
    .into_any()
}

/// The SMS sent to the participant's sandbox, newest first.
#[component]
fn Phone(sms: Vec<String>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h3 class="study-panel__subtitle">{i18n.t(StudyUi::PhoneTitle)}</h3>
        {if sms.is_empty() {
            view! { <p class="study-panel__empty">{i18n.t(StudyUi::PhoneEmpty)}</p> }.into_any()
        } else {
            view! { <ul class="study-panel__sms">{sms.into_iter().map(|text| view! { <li>{text}</li> }).collect_view()}</ul> }.into_any()
        }}
    }
}

/// "Góp ý": feedback about the screen the participant is on.
#[component]
fn FeedbackBox() -> impl IntoView {
    let i18n = use_i18n();
    let text = RwSignal::new(String::new());
    let status = RwSignal::new(None::<StudyUi>);
    let send = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let words = text.get_untracked().trim().to_owned();
        if words.is_empty() {
            status.set(Some(StudyUi::FeedbackEmpty));
            return;
        }
        record(Happened::Feedback {
            screen: screen(),
            text: words,
        });
        leptos::task::spawn_local(recorder::flush());
        text.set(String::new());
        status.set(Some(StudyUi::FeedbackSent));
    };
    view! {
        <form class="study-panel__feedback" on:submit=send novalidate>
            <label for="study-feedback">{i18n.t(StudyUi::FeedbackLabel)}</label>
            <p id="study-feedback-hint" class="hint">{i18n.t(StudyUi::FeedbackHint)}</p>
            <textarea id="study-feedback" rows="2" maxlength="2000" aria-describedby="study-feedback-hint"
                prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))></textarea>
            <button type="submit" class="button button--secondary">{i18n.t(StudyUi::FeedbackSend)}</button>
            <p role="status" class="study-panel__status">{move || status.get().map(|s| i18n.get(s))}</p>
        </form>
    }
}
