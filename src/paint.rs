//! Waiting for the browser to have shown what is in the document.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// Resolves after the browser has painted the current frame, or after 100 ms in a hidden tab
/// (which paints no frames).
pub async fn after_next_paint() {
    use std::time::Duration;
    let painted = js_sys::Promise::new(&mut |resolve, _| {
        let after_frame = resolve.clone();
        request_animation_frame(move || {
            set_timeout(
                move || drop(after_frame.call0(&JsValue::NULL)),
                Duration::ZERO,
            )
        });
        set_timeout(
            move || drop(resolve.call0(&JsValue::NULL)),
            Duration::from_millis(100),
        );
    });
    let _ = wasm_bindgen_futures::JsFuture::from(painted).await;
}
