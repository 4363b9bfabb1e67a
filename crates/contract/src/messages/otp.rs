//! Texts of the code step (registration, reset and sign-in share it).

use super::Localize;

enumerated! {
/// Texts of the code step, read only by its code (and so in its module).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OtpUi {
    OtpHeading,
    OtpSentTo,
    OtpLabel,
    Confirm,
    ExpiresIn,
    OtpOneMinute,
    Otp30Seconds,
    OtpExpiredNow,
    Resend,
    ResendIn,
    SendsLeft,
    AttemptsLeft,
    NewCodeSent,
    NotReceived,
    ChangePhone,
    StartAgain,
    ResetOtpSentTo,
    SignInOtpSentTo,
    SignInStartAgain,
    BackToSignIn,
}
}

impl Localize for OtpUi {
    fn texts(&self) -> (&'static str, &'static str) {
        use OtpUi::*;
        match self {
            OtpHeading => ("Nhập mã OTP", "Enter the code we sent"),
            OtpSentTo => (
                "Mã OTP gồm 6 chữ số đã được gửi đến số điện thoại",
                "We sent a 6-digit code to",
            ),
            OtpLabel => ("Mã OTP", "Code"),
            Confirm => ("Xác nhận", "Confirm"),
            ExpiresIn => ("Mã hết hạn sau", "The code expires in"),
            OtpOneMinute => (
                "Còn 1 phút trước khi mã hết hạn",
                "1 minute left before the code expires",
            ),
            Otp30Seconds => (
                "Còn 30 giây trước khi mã hết hạn",
                "30 seconds left before the code expires",
            ),
            OtpExpiredNow => (
                "Mã OTP đã hết hạn. Nhấn \"Gửi lại OTP\" để nhận mã mới",
                "The code has expired. Select \"Gửi lại OTP\" (send again) for a new one",
            ),
            Resend => ("Gửi lại OTP", "Gửi lại OTP (send again)"),
            ResendIn => ("Gửi lại sau {time}", "Send again in {time}"),
            SendsLeft => ("Còn {n} lần gửi lại", "{n} resends left"),
            AttemptsLeft => ("Còn {n} lần nhập", "{n} attempts left"),
            NewCodeSent => (
                "Đã gửi mã OTP mới. Mã cũ không còn dùng được.",
                "A new code has been sent. The old one no longer works.",
            ),
            NotReceived => ("Chưa nhận được mã?", "Not received a code?"),
            ChangePhone => ("Đổi số điện thoại", "Change the phone number"),
            StartAgain => (
                "Phiên đăng ký đã hết. Vui lòng đăng ký lại từ đầu.",
                "This registration has ended. Please start again.",
            ),
            ResetOtpSentTo => (
                "Nếu thông tin khớp với một tài khoản, mã OTP đã được gửi đến số",
                "If the details match an account, a code has been sent to",
            ),
            SignInOtpSentTo => (
                "Để đăng nhập, nhập mã OTP gồm 6 chữ số đã được gửi đến số điện thoại của tài khoản",
                "To sign in, enter the 6-digit code we sent to the account's phone number",
            ),
            SignInStartAgain => (
                "Phiên đăng nhập đã hết. Vui lòng đăng nhập lại.",
                "This sign-in has ended. Please sign in again.",
            ),
            BackToSignIn => ("Quay lại trang đăng nhập", "Back to sign in"),
        }
    }
}
