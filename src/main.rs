fn main() {
    console_error_panic_hook::set_once();
    // The CSS-only loading state in index.html has done its job.
    if let Ok(Some(boot)) = leptos::prelude::document().query_selector(".boot") {
        boot.remove();
    }
    leptos::mount::mount_to_body(portal::app::App);
}
