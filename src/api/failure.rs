//! Why a request did not succeed, as the client sees it; `crate::flow::outcome` says what
//! each one means on screen.

use contract::api::ApiError;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Failure {
    /// The server answered with the API's error shape.
    Api(ApiError),
    /// No answer: offline, DNS, connection reset, or our timeout.
    Network,
    /// An answer that is not the API's (a proxy's HTML 502, say).
    Unreadable { status: u16 },
}
