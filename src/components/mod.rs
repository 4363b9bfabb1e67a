pub mod error_summary;
pub mod form_notice;
pub mod header;
pub mod page_heading;
pub mod password_field;
pub mod password_rules;
pub mod stepper;
pub mod text_field;
