fn main() {
    console_error_panic_hook::set_once();
    // The first render runs in a task of its own: compiling and instantiating the wasm is one
    // long task already, and a phone that also rendered in it would ignore the citizen's
    // taps for both together.
    leptos::prelude::set_timeout(
        || {
            // The CSS-only loading state in index.html has done its job.
            if let Ok(Some(boot)) = leptos::prelude::document().query_selector(".boot") {
                boot.remove();
            }
            leptos::mount::mount_to_body(portal::app::App);
        },
        std::time::Duration::ZERO,
    );
}
