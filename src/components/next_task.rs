use leptos::prelude::*;
use std::time::Duration;

/// Renders `children` in a task of their own, after the current one: a long first render
/// cut in two, so a phone can answer a tap (and paint) in between.
#[component]
pub fn NextTask(children: ChildrenFn) -> impl IntoView {
    let ready = RwSignal::new(false);
    let timer = set_timeout_with_handle(move || ready.set(true), Duration::ZERO).ok();
    on_cleanup(move || {
        if let Some(timer) = timer {
            timer.clear();
        }
    });
    move || ready.get().then(|| children())
}
