//! The API client: typed requests and answers from `contract` over gloo-net, a timeout,
//! and requests aborted when the page that made them goes away.

mod failure;
mod page_request;

use contract::api::ApiError;
use contract::Lang;
pub use failure::Failure;
pub use gloo_net::http::Method;
use gloo_net::http::RequestBuilder;
use leptos::prelude::*;
pub use page_request::PageRequest;
use send_wrapper::SendWrapper;
use serde::de::DeserializeOwned;
use serde::Serialize;
use web_sys::{AbortController, AbortSignal};

/// A request that never answers is given up after this long.
pub const TIMEOUT_MS: u32 = 15_000;

/// The page's requests: aborted together when the page's component is cleaned up.
#[derive(Clone)]
pub struct PageRequests(SendWrapper<Option<AbortController>>);

impl PageRequests {
    /// Call in a component body: its cleanup aborts whatever is still in flight.
    pub fn new() -> Self {
        let controller = AbortController::new().ok();
        let for_cleanup = SendWrapper::new(controller.clone());
        on_cleanup(move || {
            if let Some(c) = for_cleanup.take() {
                c.abort();
            }
        });
        PageRequests(SendWrapper::new(controller))
    }

    /// The page's signal combined with a fresh timeout.
    fn signal(&self) -> AbortSignal {
        let timeout = AbortSignal::timeout_with_u32(TIMEOUT_MS);
        match self.0.as_ref() {
            Some(c) => {
                let both = js_sys::Array::of2(&c.signal(), &timeout);
                AbortSignal::any(&both)
            }
            None => timeout,
        }
    }

    pub async fn get<Res: DeserializeOwned>(&self, path: &str, lang: Lang) -> Result<Res, Failure> {
        let text = self.send(Method::GET, path, None, lang).await?;
        parse(text)
    }

    pub async fn post<Req: Serialize, Res: DeserializeOwned>(
        &self,
        path: &str,
        body: &Req,
        lang: Lang,
    ) -> Result<Res, Failure> {
        let body = serde_json::to_string(body).map_err(|_| Failure::Network)?;
        let text = self.send(Method::POST, path, Some(&body), lang).await?;
        parse(text)
    }

    /// Sends and reads the body; not generic, so it is compiled once.
    async fn send(
        &self,
        method: Method,
        path: &str,
        body: Option<&str>,
        lang: Lang,
    ) -> Result<(u16, String), Failure> {
        #[cfg(feature = "dev")] // the dev panel's "offline" and the gallery's canned answers
        if let Some(intercepted) = crate::dev::hooks::intercept(method.as_str(), path) {
            return match intercepted {
                crate::dev::hooks::Intercepted::Offline => Err(Failure::Network),
                crate::dev::hooks::Intercepted::Answer(status, body) => Ok((status, body)),
            };
        }
        let answer = fetch_text(method, path, body, lang, Some(&self.signal())).await;
        let (status, text) = noted(path, answer)?;
        // A body cut off mid-way is a network failure when the status said success.
        match text {
            Some(text) => Ok((status, text)),
            None if (200..300).contains(&status) => Err(Failure::Network),
            None => Ok((status, String::new())),
        }
    }
}

/// One `fetch`, read as text: the status, and the body when it could be read. Nothing
/// else: `PageRequests` adds the page's abort, the timeout and (in development builds) the
/// dev kit's hooks; the dev panel calls this directly to reach the dev endpoints.
pub async fn fetch_text(
    method: Method,
    path: &str,
    body: Option<&str>,
    lang: Lang,
    signal: Option<&AbortSignal>,
) -> Result<(u16, Option<String>), Failure> {
    let request = RequestBuilder::new(path)
        .method(method)
        .header("Accept", "application/json")
        .header("Accept-Language", lang.tag())
        .abort_signal(signal);
    let request = match body {
        Some(body) => request
            .header("Content-Type", "application/json")
            .body(body),
        None => request.build(),
    }
    .map_err(|_| Failure::Network)?;
    let response = request.send().await.map_err(|_| Failure::Network)?;
    let text = response.text().await.ok();
    Ok((response.status(), text))
}

impl Default for PageRequests {
    fn default() -> Self {
        Self::new()
    }
}

fn parse<Res: DeserializeOwned>((status, text): (u16, String)) -> Result<Res, Failure> {
    if (200..300).contains(&status) {
        return serde_json::from_str(&text).map_err(|_| Failure::Unreadable { status });
    }
    match serde_json::from_str::<ApiError>(&text) {
        Ok(error) => Err(Failure::Api(error)),
        Err(_) => Err(Failure::Unreadable { status }),
    }
}

/// What an answer showed the participant, noted in the study build; other builds pass it on.
#[inline(always)]
fn noted(path: &str, answer: Fetched) -> Fetched {
    crate::study!(crate::study::observe_answer(path, &answer));
    let _ = path;
    answer
}

/// What [`fetch_text`] gives.
type Fetched = Result<(u16, Option<String>), Failure>;
