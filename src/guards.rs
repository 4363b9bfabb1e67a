//! The route table's guards ([`contract::route_table::Guard`]) as views: whether a screen
//! may show, decided around the screen rather than inside it, and where a citizen who may
//! not see it goes instead.

use crate::components::stepper::Stepper;
use crate::flow::state::{FlowKind, Step};
use crate::pages::steps::FlowCtx;
use crate::session::use_session;
use contract::route_table::{Guard, ACCOUNT, SIGN_IN};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// `page` behind `guard`, for a screen of a split module (the main wasm's screens are all
/// open). A step's guard reads its flow ([`crate::pages::steps::enter_flow`]).
pub fn guarded(guard: Guard, page: impl Fn() -> AnyView + Send + Sync + 'static) -> AnyView {
    match guard {
        Guard::SignedIn => view! { <SignedIn>{page()}</SignedIn> }.into_any(),
        Guard::Step(step) => view! { <FlowStep step>{page()}</FlowStep> }.into_any(),
        Guard::Open => page(),
    }
}

/// A flow's step; a flow only for the signed out (signing in) sends a signed-in citizen to
/// the account page first.
#[component]
fn FlowStep(step: Step, children: ChildrenFn) -> impl IntoView {
    let kind = expect_context::<FlowCtx>().kind;
    let step_view = move || {
        let children = children.clone();
        view! { <StepGuard step>{children()}</StepGuard> }
    };
    if kind.signed_out_only() {
        view! { <SignedOut>{step_view()}</SignedOut> }.into_any()
    } else {
        step_view().into_any()
    }
}

/// Renders `children` only if the flow has reached `step`; otherwise redirects to the
/// furthest step it has (a fresh tab on `/otp` lands on the form).
#[component]
pub fn StepGuard(step: Step, children: ChildrenFn) -> impl IntoView {
    let FlowCtx { kind, state } = expect_context::<FlowCtx>();
    let reachable = Memo::new(move |_| state.with(|f| f.reachable(step)));
    view! {
        <Show when=move || reachable.get() == step
            fallback=move || redirect(kind.path(reachable.get()))>
            // The article's five steps are the registration's; a reset has no stepper.
            {(kind == FlowKind::Registration).then(|| view! {
                <div class="page page--top">
                    <Stepper current=Signal::derive(move || step.article_step())/>
                </div>
            })}
            {children()}
        </Show>
    }
}

/// Signed out (or after signing out here): the sign-in page.
#[component]
fn SignedIn(children: ChildrenFn) -> impl IntoView {
    let session = use_session();
    view! {
        <Show when=move || session.account.with(Option::is_some)
            fallback=|| redirect(SIGN_IN)>
            {children()}
        </Show>
    }
}

/// Already signed in on arrival: the account page is what this tab is for. Decided once, so
/// signing in on this page leaves by the page's own navigation.
#[component]
fn SignedOut(children: ChildrenFn) -> impl IntoView {
    let signed_in = use_session().account.get_untracked().is_some();
    view! {
        <Show when=move || !signed_in fallback=|| redirect(ACCOUNT)>
            {children()}
        </Show>
    }
}

/// Goes to `path` instead of showing a screen (what `<Redirect>` does in the browser, without
/// its server-side path resolution, which a client-only app never runs).
fn redirect(path: &str) {
    use_navigate()(path, Default::default());
}
