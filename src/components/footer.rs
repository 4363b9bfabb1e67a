use crate::i18n::use_i18n;
use contract::messages::Ui;
use leptos::prelude::*;

/// The portal's footer, in its structure (who runs it, the helpline, the e-mail) but worded
/// as this prototype's: the real portal's owner and lines are named as the real portal's.
#[component]
pub fn Footer() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <footer class="site-footer">
            <div class="site-footer__inner">
                <p class="site-footer__prototype">{i18n.t(Ui::FooterPrototype)}</p>
                <p>{i18n.t(Ui::FooterRealOwner)}</p>
                <p>{i18n.t(Ui::FooterRealSupport)}</p>
            </div>
        </footer>
    }
}
