//! Acting on the page the way a citizen would (typing into a field, submitting the form),
//! for the gallery's states and the panel's persona fill. Input events reach the real
//! handlers, so the components do not know they are being driven.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Event, EventInit, HtmlFormElement, HtmlInputElement};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Act {
    /// Type `text` into the input with this id.
    Fill(&'static str, &'static str),
    /// Submit the page's form (as the Enter key would).
    Submit,
}

/// Sets an input's value and fires `input`, as typing does. False when there is no such input.
pub fn fill(id: &str, text: &str) -> bool {
    let Some(input) = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
    else {
        return false;
    };
    input.set_value(text);
    let init = EventInit::new();
    init.set_bubbles(true);
    if let Ok(event) = Event::new_with_event_init_dict("input", &init) {
        let _ = input.dispatch_event(&event);
    }
    true
}

pub fn submit() {
    if let Some(form) = document()
        .query_selector("main form")
        .ok()
        .flatten()
        .and_then(|f| f.dyn_into::<HtmlFormElement>().ok())
    {
        let _ = form.request_submit();
    }
}

pub fn run(acts: &[Act]) {
    for act in acts {
        match *act {
            Act::Fill(id, text) => {
                fill(id, text);
            }
            Act::Submit => submit(),
        }
    }
}
