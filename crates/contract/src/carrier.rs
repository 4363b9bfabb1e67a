//! A mobile network, as the portal's notices name it, with its customer-care line. Which
//! numbers are on which network is the numbering plan's (`phone_plan.rs`, `phone.rs`).

use serde::{Deserialize, Serialize};

enumerated! {
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Carrier {
    Viettel,
    Vinaphone,
    MobiFone,
    Vietnamobile,
    Gmobile,
    Itelecom,
    Reddi,
    IndochinaTelecom,
}
}

impl Carrier {
    pub fn name(self) -> &'static str {
        match self {
            Carrier::Viettel => "Viettel",
            Carrier::Vinaphone => "Vinaphone",
            Carrier::MobiFone => "MobiFone",
            Carrier::Vietnamobile => "Vietnamobile",
            Carrier::Gmobile => "Gmobile",
            Carrier::Itelecom => "Itelecom",
            Carrier::Reddi => "Reddi",
            Carrier::IndochinaTelecom => "Indochina Telecom",
        }
    }

    /// The free customer-care line the portal's guides name for checking who a number is
    /// registered to, where they name one.
    pub fn care_line(self) -> Option<&'static str> {
        match self {
            Carrier::Viettel => Some("18008098"),
            Carrier::Vinaphone => Some("18001091"),
            Carrier::MobiFone => Some("9090"),
            _ => None,
        }
    }
}
