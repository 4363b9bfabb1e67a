use crate::components::page_heading::PageHeading;
use crate::components::stepper::Stepper;
use crate::i18n::use_i18n;
use contract::messages::Ui;
use contract::methods::{outcome, ChoiceNote, ChoiceOutcome, Method, Subject};
use contract::route_table::REGISTRATION;
use contract::Localize;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// Screen 2: subject and method. Only "Công dân" + "Thuê bao di động" continues; any
/// other choice is explained where the citizen is looking, not at the top of the page.
#[component]
pub fn ChooseMethod() -> impl IntoView {
    let i18n = use_i18n();
    crate::components::page_heading::use_title(Ui::ChooseHeading, || false);
    let subject = RwSignal::new(None::<Subject>);
    let method = RwSignal::new(None::<Method>);
    // The note shows after "Tiếp tục", then follows the choice as it changes.
    let attempted = RwSignal::new(false);
    let note = move || match outcome(subject.get(), method.get()) {
        ChoiceOutcome::Explain(note) if attempted.get() || is_method_note(note) => Some(note),
        _ => None,
    };
    let navigate = use_navigate();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        attempted.set(true);
        if outcome(subject.get(), method.get()) == ChoiceOutcome::ContinueWithMobile {
            navigate(REGISTRATION, Default::default());
        }
    };

    view! {
        <div class="page page--top">
            <Stepper current=Signal::stored(2)/>
        </div>
        <section class="page">
            <PageHeading text=Ui::ChooseHeading/>
            <p class="lead">{i18n.t(Ui::ChooseIntro)}</p>
            <form class="choose" on:submit=on_submit novalidate>
                <RadioGroup legend=Ui::SubjectLegend name="subject" options=Subject::ALL selected=subject/>
                <RadioGroup legend=Ui::MethodLegend name="method" options=Method::ALL selected=method/>
                <div class="choose__note" role="status" aria-live="polite">
                    {move || note().map(|n| view! {
                        <div class="notice notice--info">
                            <p>{n.text(i18n.lang.get())}</p>
                            {is_method_note(n).then(|| view! { <p>{i18n.t(Ui::ThisBuildCoversMobile)}</p> })}
                        </div>
                    })}
                </div>
                <button type="submit" class="button">{i18n.t(Ui::Continue)}</button>
            </form>
        </section>
    }
}

/// Notes about a chosen method explain themselves as soon as it is chosen.
fn is_method_note(note: ChoiceNote) -> bool {
    !matches!(note, ChoiceNote::ChooseSubject | ChoiceNote::ChooseMethod)
}

#[component]
fn RadioGroup<T>(
    legend: Ui,
    name: &'static str,
    options: &'static [T],
    selected: RwSignal<Option<T>>,
) -> impl IntoView
where
    T: Localize + Copy + PartialEq + Send + Sync + std::fmt::Debug + 'static,
{
    let i18n = use_i18n();
    view! {
        <fieldset class="radios">
            <legend>{i18n.t(legend)}</legend>
            {options.iter().copied().enumerate().map(|(i, option)| {
                let id = format!("{name}-{i}");
                view! {
                    <div class="radios__item">
                        <input type="radio" id=id.clone() name=name
                            prop:checked=move || selected.get() == Some(option)
                            on:change=move |_| selected.set(Some(option))/>
                        <label for=id>{i18n.t(option)}</label>
                    </div>
                }
            }).collect_view()}
        </fieldset>
    }
}
