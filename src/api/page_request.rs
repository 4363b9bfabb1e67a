//! A page's request, the one small helper every form uses: `pending()` while it is in flight
//! (it replaces a hand-set busy flag), aborted with the page (its [`PageRequests`]), and its
//! answer handed to one handler, once, while the page is there (the task is the page's, so
//! an answer that arrives after the citizen left goes nowhere).
//!
//! Not Leptos's `Action`: its versioning, abort handles and channels, instantiated for each
//! request type, weighed about as much as the forms themselves in every screen's download.

use super::{Failure, PageRequests};
use crate::i18n::use_i18n;
use contract::Lang;
use leptos::prelude::*;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

/// Where a request's answer goes.
type Handler<Res> = Rc<dyn Fn(Result<Res, Failure>)>;

pub struct PageRequest<Res: 'static> {
    pending: RwSignal<bool>,
    on_answer: StoredValue<Handler<Res>, LocalStorage>,
    requests: StoredValue<PageRequests, LocalStorage>,
    lang: RwSignal<Lang>,
    /// The component's owner: the request's task is its, whatever view the citizen pressed
    /// (a notice's "Thử lại" goes away as the retry starts; its task must not go with it).
    owner: StoredValue<Option<Owner>, LocalStorage>,
}

impl<Res: 'static> Clone for PageRequest<Res> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<Res: 'static> Copy for PageRequest<Res> {}

impl<Res: 'static> PageRequest<Res> {
    /// Call in a component body: the request belongs to it.
    pub fn new(on_answer: impl Fn(Result<Res, Failure>) + 'static) -> Self {
        PageRequest {
            pending: RwSignal::new(false),
            on_answer: StoredValue::new_local(Rc::new(on_answer)),
            requests: StoredValue::new_local(PageRequests::new()),
            lang: use_i18n().lang,
            owner: StoredValue::new_local(Owner::current()),
        }
    }

    /// Whether it is in flight.
    pub fn pending(self) -> Signal<bool> {
        self.pending.into()
    }

    fn run(self, work: impl Future<Output = Result<Res, Failure>> + 'static) {
        self.pending.set(true);
        let (pending, on_answer) = (self.pending, self.on_answer);
        spawn(
            self.owner.get_value(),
            Box::pin(async move {
                let answer = work.await;
                pending.set(false);
                if let Some(handle) = on_answer.try_get_value() {
                    handle(answer);
                }
            }),
        );
    }
}

/// Runs `task` as `owner`'s (cancelled when it is cleaned up). Boxed and not generic: the
/// scoped task's machinery is compiled once, not once per answer type.
fn spawn(owner: Option<Owner>, task: Pin<Box<dyn Future<Output = ()>>>) {
    match owner {
        Some(owner) => owner.with(|| leptos::task::spawn_local_scoped_with_cancellation(task)),
        None => leptos::task::spawn_local_scoped_with_cancellation(task),
    }
}

impl<Res: DeserializeOwned + 'static> PageRequest<Res> {
    /// POST `body` to `path`.
    pub fn send<Req: Serialize + 'static>(self, path: impl Into<String>, body: Req) {
        let (requests, path, lang) = (self.requests.get_value(), path.into(), self.lang);
        self.run(async move { requests.post(&path, &body, lang.get_untracked()).await });
    }

    /// GET `path`.
    pub fn get(self, path: &'static str) {
        let (requests, lang) = (self.requests.get_value(), self.lang);
        self.run(async move { requests.get(path, lang.get_untracked()).await });
    }
}
