//! The captcha: its image from the server (a new one on "Đổi mã" and after every refused
//! submit, which spends it) and the answer field. The rules are the contract's.

use crate::api::{Failure, PageRequest};
use crate::components::text_field::TextField;
use crate::i18n::use_i18n;
use contract::api::CaptchaChallenge;
use contract::endpoints;
use contract::messages::FormUi;
use contract::registration::{CaptchaError, Field};
use leptos::prelude::*;

/// The captcha a form shows and the answer typed for it.
#[derive(Clone, Copy)]
pub struct Captcha {
    pub challenge: RwSignal<Option<CaptchaChallenge>>,
    pub answer: RwSignal<String>,
    /// A new image after a refused submit starts clean: its empty answer is not an error
    /// until the next submit.
    checked: RwSignal<bool>,
    load: PageRequest<CaptchaChallenge>,
}

impl Captcha {
    /// Call in the form's body: it fetches the first image at once.
    pub fn new() -> Self {
        let challenge = RwSignal::new(None);
        let load = PageRequest::new(move |answer| {
            if let Ok(c) = answer {
                challenge.set(Some(c));
            }
        });
        let captcha = Captcha {
            challenge,
            answer: RwSignal::new(String::new()),
            checked: RwSignal::new(false),
            load,
        };
        captcha.reload();
        captcha
    }

    /// A new image ("Đổi mã"), keeping the answer field as it is.
    pub fn reload(self) {
        self.challenge.set(None);
        self.load.get(endpoints::CAPTCHA);
    }

    /// The server spent it (any refused submit that reached it): a new image, an empty answer.
    pub fn renew(self) {
        self.checked.set(false);
        self.answer.set(String::new());
        self.reload();
    }

    /// After a refused submit: a network failure may not have reached the server, so the
    /// captcha stays for "Thử lại"; any answer means the server spent it, so a new one.
    pub fn after_refusal(self, failure: &Failure) {
        if !matches!(failure, Failure::Network) {
            self.renew();
        }
    }

    /// The image's id to send with the answer; empty until the image has arrived.
    pub fn id(self) -> String {
        self.challenge
            .with(|c| c.as_ref().map(|c| c.captcha_id.clone()))
            .unwrap_or_default()
    }

    /// A submit checks the answer from now on.
    pub fn check(self) {
        self.checked.set(true);
    }

    /// The answer's own error, once checked.
    pub fn local_error(self) -> Option<CaptchaError> {
        (self.checked.get() && self.answer.with(|a| a.trim().is_empty()))
            .then_some(CaptchaError::Required)
    }
}

impl Default for Captcha {
    fn default() -> Self {
        Self::new()
    }
}

/// The image (announced when it changes), "Đổi mã", and the answer's field.
#[component]
pub fn CaptchaField(
    captcha: Captcha,
    #[prop(into)] error: Signal<Option<String>>,
    on_edit: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="captcha">
            <div class="captcha__image" aria-live="polite">
                {move || match captcha.challenge.get() {
                    Some(c) => view! {
                        <img width="200" height="70" alt=i18n.get(FormUi::CaptchaImageAlt) data-captcha-id=c.captcha_id.clone()
                            src=format!("data:image/svg+xml;charset=utf-8,{}", js_sys::encode_uri_component(&c.image_svg))/>
                    }.into_any(),
                    None => view! { <span class="captcha__loading">{i18n.get(FormUi::CaptchaLoading)}</span> }.into_any(),
                }}
            </div>
            <button type="button" class="button button--secondary captcha__refresh"
                on:click=move |_| captcha.reload()>
                {i18n.t(FormUi::CaptchaRefresh)}
            </button>
        </div>
        <TextField id="captcha_answer" label=Field::CaptchaAnswer value=captcha.answer
            required=true autocomplete="off"
            hint=FormUi::CaptchaHint
            error=error
            on_edit=on_edit/>
    }
}
