//! The account page after signing in: the citizen's name, username and verification
//! level, and "Đăng xuất". Signed out, it sends to the sign-in page.

use crate::components::page_heading::{use_title, PageHeading};
use crate::i18n::use_i18n;
use crate::session::{use_session, Flash};
use contract::messages::{template, AccountUi, Ui};
use contract::route_table::SIGN_IN;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// The account page (signed in only: the route table's guard).
#[component]
pub fn AccountPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let navigate = use_navigate();
    let flash = session.take_flash();
    use_title(Ui::AccountHeading, || false);
    let field = move |get: fn(&crate::session::Account) -> String| {
        move || {
            session
                .account
                .with(|a| a.as_ref().map(get).unwrap_or_default())
        }
    };
    let sign_out = move |_| {
        session.sign_out();
        navigate(SIGN_IN, Default::default());
    };
    view! {
        <section class="page page--narrow">
            <PageHeading text=Ui::AccountHeading/>
            {(flash == Some(Flash::PasswordChanged)).then(|| view! {
                <div class="notice notice--success" role="status"><p>{i18n.t(AccountUi::PasswordChanged)}</p></div>
            })}
            <dl class="summary-list">
                <div class="summary-list__row">
                    <dt>{i18n.t(AccountUi::AccountName)}</dt>
                    <dd>{field(|a| a.full_name.clone())}</dd>
                </div>
                <div class="summary-list__row">
                    <dt>{i18n.t(AccountUi::AccountUsername)}</dt>
                    <dd>{field(|a| a.username.clone())}</dd>
                </div>
                <div class="summary-list__row">
                    <dt>{i18n.t(AccountUi::AccountLevel)}</dt>
                    <dd>{move || {
                        let n = session.account.with(|a| a.as_ref().map_or(0, |a| a.verification_level));
                        i18n.fill(template::AccountLevelValue { n })
                    }}</dd>
                </div>
            </dl>
            <button type="button" class="button button--secondary" on:click=sign_out>
                {i18n.t(AccountUi::SignOut)}
            </button>
        </section>
    }
}
