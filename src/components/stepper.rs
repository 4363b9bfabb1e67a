use crate::i18n::use_i18n;
use contract::messages::Ui;
use leptos::prelude::*;

const STEPS: [Ui; 5] = [
    Ui::StepHome,
    Ui::StepMethod,
    Ui::StepDetails,
    Ui::StepOtp,
    Ui::StepPassword,
];

/// The article's five steps (Bước 1–5), with the current one marked for everyone. On a
/// phone the list keeps one line: the others as numbers, the current one with its name, and
/// "Bước 3/5" above it (for the eye; a screen reader hears each step's own "Bước 3:").
#[component]
pub fn Stepper(#[prop(into)] current: Signal<u8>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <nav class="stepper" aria-label=move || i18n.get(Ui::StepperLabel)>
            <p class="stepper__count" aria-hidden="true">
                {move || format!("{} {}/{}", i18n.get(Ui::StepPrefix), current.get(), STEPS.len())}
            </p>
            <ol>
                {STEPS.iter().enumerate().map(|(i, step)| {
                    let n = i as u8 + 1;
                    let step = *step;
                    view! {
                        <li class="stepper__step"
                            class:stepper__step--done=move || n < current.get()
                            class:stepper__step--current=move || n == current.get()
                            aria-current=move || (n == current.get()).then_some("step")>
                            <span class="stepper__number" aria-hidden="true">{n}</span>
                            <span class="stepper__label">
                                <span class="visually-hidden">{move || format!("{} {n}: ", i18n.get(Ui::StepPrefix))}</span>
                                {i18n.t(step)}
                            </span>
                        </li>
                    }
                }).collect_view()}
            </ol>
        </nav>
    }
}
