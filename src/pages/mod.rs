pub mod choose_method;
pub mod home;
pub mod not_found;
pub mod registration;
