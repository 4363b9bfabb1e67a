pub mod account;
pub mod choose_method;
pub mod home;
pub mod not_found;
pub mod registration;
pub mod reset;
pub mod sign_in;
pub mod steps;
