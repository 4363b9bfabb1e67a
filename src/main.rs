use leptos::prelude::set_timeout;
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
        // The loading state in index.html stays until the first screen has rendered
        // (`portal::boot`).
        || leptos::mount::mount_to_body(portal::app::App),
        Duration::ZERO,
    );
}
