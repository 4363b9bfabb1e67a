//! Texts of the password step and its checklist.

use super::Localize;

enumerated! {
/// Texts of the password step and its checklist, read only by their code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PasswordUi {
    PasswordHeading,
    RulesHeading,
    RuleMet,
    RuleUnmet,
    RulesLeft,
    RulesAllMet,
    ResetPasswordHeading,
    ChangePassword,
}
}

impl Localize for PasswordUi {
    fn texts(&self) -> (&'static str, &'static str) {
        use PasswordUi::*;
        match self {
            PasswordHeading => ("Đặt mật khẩu", "Set your password"),
            RulesHeading => ("Mật khẩu cần:", "Your password needs:"),
            RuleMet => ("đã đạt", "done"),
            RuleUnmet => ("chưa đạt", "not yet"),
            RulesLeft => ("Còn {n} yêu cầu chưa đạt", "{n} requirements not met yet"),
            RulesAllMet => (
                "Mật khẩu đã đạt mọi yêu cầu",
                "Your password meets every requirement",
            ),
            ResetPasswordHeading => ("Đặt mật khẩu mới", "Choose a new password"),
            ChangePassword => ("Đổi mật khẩu", "Change password"),
        }
    }
}
