//! WebOTP (`navigator.credentials.get({otp})`): fills the code from the SMS on browsers
//! that support it, does nothing elsewhere, and is aborted on submit or when the screen
//! goes away. It never submits by itself.

use leptos::prelude::*;
use leptos::wasm_bindgen::{JsCast, JsValue};
use send_wrapper::SendWrapper;
use web_sys::AbortController;

#[derive(Clone)]
pub struct WebOtp(SendWrapper<Option<AbortController>>);

impl WebOtp {
    /// Starts listening if the browser has `OTPCredential`; writes the code into `into`.
    pub fn start(into: RwSignal<String>) -> Self {
        let supported =
            js_sys::Reflect::has(&window(), &JsValue::from_str("OTPCredential")).unwrap_or(false);
        let controller = supported.then(|| AbortController::new().ok()).flatten();
        if let Some(c) = &controller {
            let options = js_sys::Object::new();
            let otp = js_sys::Object::new();
            let transport = js_sys::Array::of1(&JsValue::from_str("sms"));
            let _ = js_sys::Reflect::set(&otp, &"transport".into(), &transport);
            let _ = js_sys::Reflect::set(&options, &"otp".into(), &otp);
            let _ = js_sys::Reflect::set(&options, &"signal".into(), &c.signal());
            let options: web_sys::CredentialRequestOptions = options.unchecked_into();
            if let Ok(promise) = window()
                .navigator()
                .credentials()
                .get_with_options(&options)
            {
                leptos::task::spawn_local(async move {
                    // Aborted, denied or unsupported: silently nothing.
                    if let Ok(credential) = wasm_bindgen_futures::JsFuture::from(promise).await {
                        if let Ok(code) = js_sys::Reflect::get(&credential, &"code".into()) {
                            if let Some(code) = code.as_string() {
                                into.set(contract::OtpCode::normalize(&code));
                            }
                        }
                    }
                });
            }
        }
        let this = WebOtp(SendWrapper::new(controller));
        let for_cleanup = this.clone();
        on_cleanup(move || for_cleanup.abort());
        this
    }

    pub fn abort(&self) {
        if let Some(c) = self.0.as_ref() {
            c.abort();
        }
    }
}
