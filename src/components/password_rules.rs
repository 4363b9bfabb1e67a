use crate::i18n::use_i18n;
use contract::messages::{template, PasswordUi};
use contract::password::PasswordCheck;
use contract::PasswordRule;
use leptos::prelude::*;

/// The live checklist: every rule of the contract, met or not, as the citizen types.
/// Screen readers hear a polite count ("3 requirements not met yet"), not every item.
#[component]
pub fn PasswordRules(check: Memo<PasswordCheck>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="rules" id="password-rules">
            <p class="rules__heading">{i18n.t(PasswordUi::RulesHeading)}</p>
            <ul class="rules__list">
                {PasswordRule::ALL.iter().copied().map(|rule| {
                    let met = move || check.with(|c| c.is_met(rule));
                    view! {
                        <li class="rules__item" class:rules__item--met=met>
                            <span class="rules__icon" aria-hidden="true">{move || if met() { "✓" } else { "•" }}</span>
                            {i18n.t(rule)}
                            <span class="visually-hidden">
                                {move || format!(" ({})", if met() { i18n.get(PasswordUi::RuleMet) } else { i18n.get(PasswordUi::RuleUnmet) })}
                            </span>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <p class="visually-hidden" role="status" aria-live="polite">
                {move || {
                    let left = check.with(|c| c.failed().len());
                    if left == 0 {
                        i18n.get(PasswordUi::RulesAllMet).to_owned()
                    } else {
                        i18n.fill(template::RulesLeft { n: left })
                    }
                }}
            </p>
        </div>
    }
}
