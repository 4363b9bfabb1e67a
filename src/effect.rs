//! Side effects through one compiled copy of Leptos's `Effect`.

use leptos::prelude::*;

/// `Effect::new(run)`: runs `run` now and again whenever a signal it read changes (given
/// `Some(())` from its second run on). Leptos compiles an effect's scheduling (its task,
/// its subscriber) once per closure type, so each screen's module carried its own copies;
/// boxed here, every effect of the app shares one.
pub fn effect(run: impl FnMut(Option<()>) + 'static) {
    boxed(Box::new(run));
}

// The one place the app calls `Effect::new` (clippy.toml forbids it elsewhere).
#[allow(clippy::disallowed_methods)]
fn boxed(run: Box<dyn FnMut(Option<()>)>) {
    Effect::new(run);
}
