//! Texts of sign-in, the account page and the registration's end.

use super::Localize;

enumerated! {
/// Texts of sign-in, the account page and the registration's end, read only by their code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AccountUi {
    DoneHeading,
    DoneUsername,
    DoneLevel,
    GoToSignIn,
    UsernameLabel,
    UsernameHint,
    ForgotPassword,
    NoAccount,
    SignInLocked,
    SignedOut,
    AccountName,
    AccountUsername,
    AccountLevel,
    AccountLevelValue,
    SignOut,
    PasswordChanged,
    PasswordChangedSignIn,
}
}

impl Localize for AccountUi {
    fn texts(&self) -> (&'static str, &'static str) {
        use AccountUi::*;
        match self {
            DoneHeading => ("Đăng ký tài khoản thành công", "Your account has been created"),
            DoneUsername => ("Tên đăng nhập của bạn là số CMND/CCCD:", "Your username is your ID number:"),
            DoneLevel => ("Tài khoản có mức xác minh 2 (đã được xác minh bởi nhà mạng).", "The account has verification level 2 (verified by your mobile network)."),
            GoToSignIn => ("Đăng nhập", "Sign in"),
            UsernameLabel => ("Tên đăng nhập (số CMND/CCCD)", "Username (ID card number)"),
            UsernameHint => ("Tên đăng nhập là số CMND/CCCD bạn đã dùng khi đăng ký.", "Your username is the ID card number you registered with."),
            ForgotPassword => ("Quên mật khẩu?", "Forgot your password?"),
            NoAccount => ("Chưa có tài khoản? Đăng ký", "No account yet? Register"),
            SignInLocked => (
                "Tài khoản tạm khóa do nhập sai mật khẩu 5 lần. Bạn có thể đăng nhập lại sau {time} (giờ Việt Nam), hoặc đặt lại mật khẩu.",
                "The account is locked after 5 wrong passwords. You can sign in again after {time} (Vietnam time), or reset your password.",
            ),
            SignedOut => ("Bạn đã đăng xuất.", "You have signed out."),
            AccountName => ("Họ và tên", "Full name"),
            AccountUsername => ("Tên đăng nhập", "Username"),
            AccountLevel => ("Mức độ xác minh", "Verification level"),
            AccountLevelValue => ("Mức {n} (đã xác minh qua nhà mạng)", "Level {n} (verified by your mobile network)"),
            SignOut => ("Đăng xuất", "Sign out"),
            PasswordChanged => ("Đã đổi mật khẩu. Lần sau, hãy đăng nhập bằng mật khẩu mới.", "Your password has been changed. Use the new one next time you sign in."),
            PasswordChangedSignIn => ("Đã đổi mật khẩu. Hãy đăng nhập bằng mật khẩu mới.", "Your password has been changed. Sign in with the new one."),
        }
    }
}
