//! The contract between the SPA and the mock API.
//!
//! Every rule a citizen's input must satisfy lives here once, and both sides call it:
//! the browser to give instant feedback, the server to enforce it. Raw strings are
//! parsed at the boundary into the types below; past it, code only sees parsed values.

/// Declares a fieldless enum with `ALL`, the list of its variants in order, so that
/// tests and the message table can enumerate every code without a list to forget.
macro_rules! enumerated {
    ($(#[$meta:meta])* $vis:vis enum $name:ident { $($(#[$vmeta:meta])* $variant:ident),+ $(,)? }) => {
        $(#[$meta])*
        $vis enum $name { $($(#[$vmeta])* $variant),+ }
        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
        }
    };
}

pub mod account;
pub mod api;
pub mod birth_date;
pub mod carrier;
pub mod email;
pub mod endpoints;
pub mod flow;
pub mod full_name;
pub mod id_number;
pub mod lang;
pub mod messages;
pub mod methods;
pub mod otp;
pub mod password;
pub mod personas;
pub mod phone;
pub mod phone_plan;
pub mod provinces;
pub mod registration;
pub mod route_table;
pub mod study;
mod text;

pub use birth_date::{BirthDate, BirthDateError};
pub use carrier::Carrier;
pub use email::{Email, EmailError};
pub use full_name::{FullName, FullNameError};
pub use id_number::{IdNumber, IdNumberError};
pub use lang::Lang;
pub use messages::Localize;
pub use otp::{OtpCode, OtpCodeError, OtpPolicy};
pub use password::{PasswordCheck, PasswordRule, PersonalInfo};
pub use phone::{Phone, PhoneError};
pub use registration::{FieldErrors, RegistrationForm, ValidRegistration};
