//! The two flows that end with a password (a registration, or a reset after a forgotten
//! one) and their steps: the same screens, each flow with its own addresses, API paths and
//! saved state. The mock keeps one of them per started flow; the SPA routes by them.

use crate::endpoints;

/// Which flow a started id belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FlowKind {
    Registration,
    Reset,
}

/// Where a citizen is in a flow.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Step {
    Details,
    Otp,
    Password,
    Done,
}

impl FlowKind {
    pub const ALL: [FlowKind; 2] = [FlowKind::Registration, FlowKind::Reset];

    /// The address of `step` in this flow (the route table's).
    pub fn path(self, step: Step) -> &'static str {
        crate::route_table::step_path(self, step)
    }

    /// Where the flow's OTP and password sub-paths live (`{base}/{id}/otp/verify`...).
    pub fn api_base(self) -> &'static str {
        match self {
            FlowKind::Registration => endpoints::REGISTRATIONS,
            FlowKind::Reset => endpoints::PASSWORD_RESETS,
        }
    }

    /// `{base}/{id}/{action}` for the flow's started id.
    pub fn api_path(self, flow_id: &str, action: endpoints::FlowAction) -> String {
        format!("{}/{flow_id}/{}", self.api_base(), action.suffix())
    }
}

impl Step {
    /// The article's "Bước" number (1 home, 2 method, 3 details, 4 OTP, 5 password).
    pub fn article_step(self) -> u8 {
        match self {
            Step::Details => 3,
            Step::Otp => 4,
            Step::Password | Step::Done => 5,
        }
    }
}
