//! The flows that send an SMS code (a registration, a reset after a forgotten password, and
//! signing in, as on the portal) and their steps: the same screens, each flow with its own
//! addresses, API paths and saved state. The mock keeps one of them per started flow; the
//! SPA routes by them. A flow's addresses are the route table's (`FlowKind::path`, in
//! `route_table.rs`) and its API paths are `endpoints.rs`'s (`FlowKind::api_path`): this
//! module knows neither, so the three are no cycle.

/// Which flow a started id belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FlowKind {
    Registration,
    Reset,
    /// ID number, password and captcha, then a code to the account's phone.
    SignIn,
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
    pub const ALL: [FlowKind; 3] = [FlowKind::Registration, FlowKind::Reset, FlowKind::SignIn];

    /// The steps this flow has, in order: signing in sets no password.
    pub fn steps(self) -> &'static [Step] {
        match self {
            FlowKind::Registration | FlowKind::Reset => {
                &[Step::Details, Step::Otp, Step::Password, Step::Done]
            }
            FlowKind::SignIn => &[Step::Details, Step::Otp, Step::Done],
        }
    }

    /// Whether the flow is only for a citizen who is not signed in (signing in is).
    pub fn signed_out_only(self) -> bool {
        self == FlowKind::SignIn
    }

    /// Whether finishing the flow signs the citizen in (its last step is the account page).
    pub fn ends_signed_in(self) -> bool {
        self != FlowKind::Registration
    }

    /// The HTTP status of the answer that moves the flow on from `from` (what the mock answers
    /// and the flow map labels its arrows with): a started registration or reset and a new
    /// account are created, the rest is 200.
    pub fn advance_status(self, from: Step) -> u16 {
        match (self, from) {
            (FlowKind::Registration | FlowKind::Reset, Step::Details) => 201,
            (FlowKind::Registration, Step::Password) => 201,
            _ => 200,
        }
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
