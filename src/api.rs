//! The API client: typed requests and answers from `contract`, a timeout, and requests
//! aborted when the page that made them goes away.

use crate::flow::outcome::Failure;
use contract::api::ApiError;
use contract::Lang;
use gloo_net::http::{Request, RequestBuilder};
use leptos::prelude::*;
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

    fn builder(&self, builder: RequestBuilder, lang: Lang) -> RequestBuilder {
        builder
            .header("Accept-Language", lang.tag())
            .abort_signal(Some(&self.signal()))
    }

    pub async fn get<Res: DeserializeOwned>(&self, path: &str, lang: Lang) -> Result<Res, Failure> {
        send(self.builder(Request::get(path), lang).build()).await
    }

    pub async fn post<Req: Serialize, Res: DeserializeOwned>(
        &self,
        path: &str,
        body: &Req,
        lang: Lang,
    ) -> Result<Res, Failure> {
        send(self.builder(Request::post(path), lang).json(body)).await
    }
}

impl Default for PageRequests {
    fn default() -> Self {
        Self::new()
    }
}

async fn send<Res: DeserializeOwned>(
    request: Result<Request, gloo_net::Error>,
) -> Result<Res, Failure> {
    let request = request.map_err(|_| Failure::Network)?;
    let response = request.send().await.map_err(|_| Failure::Network)?;
    let status = response.status();
    if (200..300).contains(&status) {
        return response
            .json::<Res>()
            .await
            .map_err(|_| Failure::Unreadable { status });
    }
    match response.json::<ApiError>().await {
        Ok(error) => Err(Failure::Api(error)),
        Err(_) => Err(Failure::Unreadable { status }),
    }
}
