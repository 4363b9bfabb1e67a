use leptos::prelude::{document, set_timeout};
use std::time::Duration;

// Talc instead of the standard library's dlmalloc: smaller code for the first load, and
// faster (its own WebAssembly benchmarks).
#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    // Development builds say what panicked; a release build's panic aborts (its text and the
    // hook would only add to the first load).
    #[cfg(feature = "dev")]
    console_error_panic_hook::set_once();
    // The first render runs in a task of its own: compiling and instantiating the wasm is one
    // long task already, and a phone that also rendered in it would ignore the citizen's
    // taps for both together.
    set_timeout(
        || {
            leptos::mount::mount_to_body(portal::app::App);
            // The loading state in index.html (a spinner, or this screen pre-rendered: see
            // xtask/src/prerender.rs) hides the app (style: `.boot ~ *`) until the page under
            // the header has rendered (`NextTask`, the next task) and the loading state has
            // been on screen once: a pre-rendered screen is what the citizen saw first, and
            // the app's identical one then replaces it without a paint of its own to count.
            leptos::task::spawn_local(async {
                portal::paint::after_next_paint().await;
                if let Ok(Some(boot)) = document().query_selector(".boot") {
                    boot.remove();
                }
            });
        },
        Duration::ZERO,
    );
}
