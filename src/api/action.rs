//! A page's requests as Leptos actions: `pending()` while one is in flight (it replaces a
//! hand-set busy flag), aborted with the page (its [`PageRequests`]), and each answer handed
//! to one handler, once, while the page is there (an effect of the page's, so an answer that
//! arrives after the citizen left goes nowhere).

use super::{Failure, PageRequests};
use crate::i18n::use_i18n;
use leptos::prelude::*;
use serde::de::DeserializeOwned;
use serde::Serialize;

/// A POST a page makes: [`PostAction::send`] it, watch [`PostAction::pending`], and the
/// answer goes to the handler given to [`PostAction::new`].
pub struct PostAction<Req: 'static, Res: 'static> {
    action: Action<(String, Req), Result<Res, Failure>>,
}

impl<Req: 'static, Res: 'static> Clone for PostAction<Req, Res> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<Req: 'static, Res: 'static> Copy for PostAction<Req, Res> {}

impl<Req, Res> PostAction<Req, Res>
where
    Req: Serialize + Clone + 'static,
    Res: DeserializeOwned + Clone + 'static,
{
    /// Call in a component body: the requests belong to it.
    pub fn new(on_answer: impl Fn(Result<Res, Failure>) + 'static) -> Self {
        let requests = PageRequests::new();
        let lang = use_i18n().lang;
        let action = Action::new_local(move |(path, body): &(String, Req)| {
            let (requests, path, body) = (requests.clone(), path.clone(), body.clone());
            async move { requests.post(&path, &body, lang.get_untracked()).await }
        });
        handle_answers(action, on_answer);
        PostAction { action }
    }

    pub fn send(self, path: impl Into<String>, body: Req) {
        self.action.dispatch_local((path.into(), body));
    }

    pub fn pending(self) -> Memo<bool> {
        self.action.pending()
    }
}

/// A GET a page makes, answered to `on_answer`; dispatch it with `()`.
pub fn get_action<Res>(
    path: &'static str,
    on_answer: impl Fn(Result<Res, Failure>) + 'static,
) -> Action<(), Result<Res, Failure>>
where
    Res: DeserializeOwned + Clone + 'static,
{
    let requests = PageRequests::new();
    let lang = use_i18n().lang;
    let action = Action::new_local(move |_: &()| {
        let requests = requests.clone();
        async move { requests.get(path, lang.get_untracked()).await }
    });
    handle_answers(action, on_answer);
    action
}

/// The one place an action's answers are handled: each new value, once.
pub fn handle_answers<I: 'static, O: Clone + 'static>(
    action: Action<I, O>,
    on_answer: impl Fn(O) + 'static,
) {
    Effect::new(move |_| {
        if let Some(answer) = action.value().get() {
            untrack(|| on_answer(answer));
        }
    });
}
