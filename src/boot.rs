//! The loading state in index.html (a spinner, or the screen pre-rendered: see
//! `xtask/src/prerender.rs`) and how the app takes the page over from it.

use crate::paint::after_next_paint;
use leptos::prelude::*;
use std::cell::Cell;

thread_local! {
    static SHOWN: Cell<bool> = const { Cell::new(false) };
}

/// The first screen has rendered (the app stays hidden behind the loading state, style
/// `.boot ~ *`, until then). Once the browser has painted it, the loading state goes: a
/// pre-rendered screen is what the citizen saw first, and the app's identical one replaces
/// it without a paint of its own to count. Waiting for the screen itself, not just the app,
/// keeps a screen whose code is still downloading from showing an empty page meanwhile.
pub fn screen_rendered() {
    if SHOWN.with(|shown| shown.replace(true)) {
        return;
    }
    leptos::task::spawn_local(async {
        after_next_paint().await;
        if let Ok(Some(boot)) = document().query_selector(".boot") {
            // What the citizen typed or chose on the copy meanwhile, and the focus, go over
            // to the app's own fields as the copy leaves (index.html's script, `prerender.rs`).
            boot.remove();
        }
        #[cfg(feature = "dev")]
        for f in WAITING.take() {
            f();
        }
    });
}

#[cfg(feature = "dev")]
thread_local! {
    static WAITING: std::cell::RefCell<Vec<Box<dyn FnOnce()>>> = Default::default();
}

/// Runs `f` once the loading state has gone, at once if it has: before, the app is hidden
/// and nothing in it can take focus (the gallery replays a citizen's actions only then).
#[cfg(feature = "dev")]
pub fn when_shown(f: impl FnOnce() + 'static) {
    if document().query_selector(".boot").ok().flatten().is_some() {
        WAITING.with_borrow_mut(|waiting| waiting.push(Box::new(f)));
    } else {
        f();
    }
}
