//! Finding things the way a person does (role + accessible text, label) and waiting
//! for conditions, for the browser tests.

use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement};

/// Keeps the app mounted; unmounts it and runs every cleanup (listeners, timers) of
/// its reactive owner when dropped, so one test's router cannot handle the next's clicks.
pub struct Mounted {
    handle: Option<Box<dyn std::any::Any>>,
    owner: Owner,
    container: HtmlElement,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.handle.take();
        self.owner.cleanup();
        self.container.remove();
    }
}

/// Mounts the whole app in a fresh container, with the URL at `path`.
pub fn mount_app_at(path: &str) -> Mounted {
    window()
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path))
        .unwrap();
    // A test that panicked never dropped its app (wasm panics do not unwind): clear it
    // from the page so it cannot confuse this one.
    for stale in all("[data-test-app]") {
        stale.remove();
    }
    let container: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    container.set_attribute("data-test-app", "").unwrap();
    document().body().unwrap().append_child(&container).unwrap();
    let owner = Owner::new();
    let handle = owner.with(|| mount_to(container.clone(), portal::app::App));
    Mounted {
        handle: Some(Box::new(handle)),
        owner,
        container,
    }
}

pub fn path() -> String {
    window().location().pathname().unwrap()
}

pub fn html_lang() -> String {
    document()
        .document_element()
        .unwrap()
        .get_attribute("lang")
        .unwrap_or_default()
}

pub fn clear_saved_language() {
    if let Ok(Some(storage)) = window().local_storage() {
        let _ = storage.remove_item("portal.lang");
    }
}

fn all(selector: &str) -> Vec<Element> {
    let list = document().query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .collect()
}

fn text_of(e: &Element) -> String {
    e.text_content()
        .unwrap_or_default()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn by_role_and_name(selector: &str, name: &str) -> Option<HtmlElement> {
    all(selector)
        .into_iter()
        .find(|e| text_of(e) == name)
        .map(|e| e.unchecked_into())
}

pub fn link(name: &str) -> Option<HtmlElement> {
    by_role_and_name("a[href]", name)
}

pub fn button(name: &str) -> HtmlElement {
    by_role_and_name("button", name).unwrap_or_else(|| panic!("no button named {name:?}"))
}

/// The radio input whose `<label>` reads `label`.
pub fn radio(label: &str) -> HtmlInputElement {
    let label_el = all("label")
        .into_iter()
        .find(|e| text_of(e) == label)
        .unwrap_or_else(|| panic!("no label {label:?}"));
    let id = label_el.get_attribute("for").expect("label has a for");
    document()
        .get_element_by_id(&id)
        .expect("labelled input exists")
        .unchecked_into()
}

fn page_text() -> String {
    document().body().map(|b| text_of(&b)).unwrap_or_default()
}

/// Resolves on the next animation-free tick (a macrotask), letting Leptos and the
/// router run.
pub async fn tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Waits (up to 5 s of ticks) until `condition` holds; panics with `what` otherwise.
pub async fn wait_until(what: &str, condition: impl Fn() -> bool) {
    for _ in 0..500 {
        if condition() {
            return;
        }
        tick().await;
    }
    panic!("timed out waiting for {what}; page says: {}", page_text());
}

pub async fn wait_for_heading(name: &str) {
    wait_until(&format!("heading {name:?}"), || {
        by_role_and_name("h1", name).is_some()
    })
    .await;
}

pub async fn wait_for_text(text: &str) {
    wait_until(&format!("text {text:?}"), || page_text().contains(text)).await;
}

/// Puts a registration flow in sessionStorage, as a reload or an earlier step would.
pub fn save_flow(flow: &portal::flow::state::FlowState) {
    let storage = window().session_storage().unwrap().unwrap();
    storage
        .set_item("portal.registration", &serde_json::to_string(flow).unwrap())
        .unwrap();
}

pub fn clear_flow() {
    let storage = window().session_storage().unwrap().unwrap();
    let _ = storage.remove_item("portal.registration");
}

/// The input whose `<label>` text starts with `label`.
pub fn input_labelled(label: &str) -> HtmlInputElement {
    let label_el = all("label")
        .into_iter()
        .find(|e| text_of(e).starts_with(label))
        .unwrap_or_else(|| panic!("no label {label:?}"));
    let id = label_el.get_attribute("for").expect("label has a for");
    document()
        .get_element_by_id(&id)
        .expect("labelled input")
        .unchecked_into()
}

/// Types (or pastes) `text` into an input: sets the value and fires `input`.
pub fn type_into(input: &HtmlInputElement, text: &str) {
    input.set_value(text);
    let event = web_sys::Event::new_with_event_init_dict("input", &{
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        init
    })
    .unwrap();
    input.dispatch_event(&event).unwrap();
}

pub fn text_of_role(role_selector: &str) -> Vec<String> {
    all(role_selector).iter().map(text_of).collect()
}

pub fn active_element() -> Option<Element> {
    document().active_element()
}

pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// Wraps `setInterval`/`clearInterval` to count the intervals alive right now.
pub fn count_live_intervals() {
    let install = js_sys::Function::new_no_args(
        "if (!window.__liveIntervals) {
           window.__liveIntervals = new Set();
           const set = window.setInterval.bind(window), clear = window.clearInterval.bind(window);
           window.setInterval = (...a) => { const id = set(...a); window.__liveIntervals.add(id); return id; };
           window.clearInterval = (id) => { window.__liveIntervals.delete(id); clear(id); };
         }",
    );
    install.call0(&wasm_bindgen::JsValue::NULL).unwrap();
}

pub fn live_intervals() -> u32 {
    let set = js_sys::Reflect::get(&window(), &"__liveIntervals".into()).unwrap();
    js_sys::Reflect::get(&set, &"size".into())
        .unwrap()
        .as_f64()
        .unwrap() as u32
}
