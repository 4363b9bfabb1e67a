use crate::effect::effect;
use crate::i18n::use_i18n;
use contract::messages::FormUi;
use leptos::html;
use leptos::prelude::*;

/// One error: the field's input id and the message (the same words as the inline one).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SummaryItem {
    pub target_id: String,
    pub message: String,
}

impl SummaryItem {
    /// The summary of a form: one item per field (input id, its message if any) that has an
    /// error, in the order given (the page's order).
    pub fn list<'a>(fields: impl IntoIterator<Item = (&'a str, Option<String>)>) -> Vec<Self> {
        fields
            .into_iter()
            .filter_map(|(id, message)| {
                message.map(|message| SummaryItem {
                    target_id: id.to_owned(),
                    message,
                })
            })
            .collect()
    }
}

/// GOV.UK-style error summary at the top: what the last refused submit found, focused when
/// it shows, each item a link that moves focus to its field.
///
/// It keeps that submit's list while the citizen corrects the form (the inline message by
/// each field follows their typing): an alert that changed with every keystroke would speak
/// over them. A new refusal, or a change of language, takes the list afresh.
#[component]
pub fn ErrorSummary(
    items: Signal<Vec<SummaryItem>>,
    /// Bumped by each failed submit, so the summary takes focus again.
    focus_token: Signal<u32>,
) -> impl IntoView {
    let i18n = use_i18n();
    let node = NodeRef::<html::Div>::new();
    // The list as it was at the last refusal (or change of language): read untracked, so
    // nothing that shows it runs again while the citizen types.
    let shown = Signal::derive(move || {
        focus_token.track();
        i18n.lang.track();
        items.get_untracked()
    });
    effect(move |_| {
        focus_token.track();
        if let Some(el) = node.get_untracked() {
            let _ = el.focus();
        }
    });
    view! {
        <Show when=move || !shown.with(Vec::is_empty)>
            <div class="error-summary" role="alert" tabindex="-1" node_ref=node aria-labelledby="error-summary-title">
                <h2 id="error-summary-title" class="error-summary__title">{i18n.t(FormUi::ErrorSummaryTitle)}</h2>
                <ul class="error-summary__list">
                    // Not keyed (`For`): the list is short and redrawn whole, and keyed
                    // diffing's code weighed more than the rest of the summary.
                    {move || shown.get().into_iter().map(summary_link).collect_view()}
                </ul>
            </div>
        </Show>
    }
}

/// One item: a link that moves focus to its field.
fn summary_link(item: SummaryItem) -> impl IntoView {
    let SummaryItem { target_id, message } = item;
    view! {
        <li>
            <a href=format!("#{target_id}") on:click=move |ev| {
                ev.prevent_default();
                if let Some(el) = document().get_element_by_id(&target_id) {
                    use leptos::wasm_bindgen::JsCast;
                    if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
                        let _ = el.focus();
                    }
                    el.scroll_into_view();
                }
            }>{message}</a>
        </li>
    }
}
