use crate::components::prototype_banner::PrototypeBanner;
use crate::i18n::use_i18n;
use crate::session::use_session;
use contract::messages::Ui;
use contract::route_table::{ACCOUNT, CHOOSE_METHOD, HOME, SIGN_IN};
use leptos::prelude::*;

/// Red portal header: the prototype banner, a neutral emblem of our own, the portal name
/// (marked as a prototype), the way to the
/// account (sign in and register, or the account once signed in) and the language toggle.
#[component]
pub fn Header() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let signed_in = move || session.account.with(Option::is_some);
    view! {
        <header class="site-header">
            <PrototypeBanner/>
            <div class="site-header__inner">
                <a href=HOME class="site-header__brand">
                    <svg class="emblem" viewBox="0 0 32 32" aria-hidden="true" width="36" height="36">
                        <circle cx="16" cy="16" r="15" fill="#c8102e" stroke="#ffd34e" stroke-width="2"/>
                        <path d="M16 7l2.6 6.1 6.6.5-5 4.3 1.6 6.4L16 20.9l-5.8 3.4 1.6-6.4-5-4.3 6.6-.5z" fill="#ffd34e"/>
                    </svg>
                    <span class="site-header__text">
                        <span class="site-header__name">{i18n.t(Ui::PortalName)}
                            " " <span class="site-header__mark">{i18n.t(Ui::PrototypeMark)}</span></span>
                        <span class="site-header__tagline">{i18n.t(Ui::PortalTagline)}</span>
                    </span>
                </a>
                <a href=move || if signed_in() { ACCOUNT } else { SIGN_IN } class="site-header__link">
                    {move || i18n.get(if signed_in() { Ui::AccountHeading } else { Ui::SignIn })}
                </a>
                // As on the portal: "Đăng ký" beside "Đăng nhập", for a visitor.
                <a href=CHOOSE_METHOD class="site-header__link" hidden=signed_in>{i18n.t(Ui::Register)}</a>
                <button type="button" class="lang-toggle" on:click=move |_| i18n.toggle()
                    lang=move || if i18n.lang.get() == contract::Lang::Vi { "en" } else { "vi" }>
                    {i18n.t(Ui::LanguageToggle)}
                </button>
            </div>
        </header>
    }
}
