//! Research sessions, in the study build only (`--features study`, `cargo xtask study`):
//! the task panel with the participant's "phone" and the "Góp ý" box, and the recorder that
//! sends what happened on screen to the mock. Other builds compile none of it: the rest of
//! the app reaches it only through [`crate::study!`].

mod panel;
mod recorder;

pub use panel::StudyPanel;
pub use recorder::{observe_answer, record, refused};
