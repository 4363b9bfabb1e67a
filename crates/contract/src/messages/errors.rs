//! The API's error codes as the citizen reads them (the server's `message`, the screens' notices).

use super::Localize;
use crate::api::ErrorCode;

impl Localize for ErrorCode {
    fn texts(&self) -> (&'static str, &'static str) {
        use ErrorCode::*;
        match self {
            BadRequest => (
                "Yêu cầu không đúng định dạng",
                "The request was not in the expected format",
            ),
            PayloadTooLarge => ("Yêu cầu quá lớn", "The request is too large"),
            NotFound => ("Không tìm thấy", "Not found"),
            Validation => (
                "Thông tin chưa đúng. Sửa các mục được đánh dấu",
                "Some details need correcting. Fix the marked fields",
            ),
            CaptchaInvalid => (
                "Mã xác thực chưa đúng. Nhập các ký tự trong ảnh mới",
                "The verification code was not right. Enter the characters in the new image",
            ),
            AccountExists => (
                "Số CMND/CCCD này đã có tài khoản trên Cổng Dịch vụ công",
                "An account already exists for this ID number",
            ),
            CarrierMismatch => (
                "Số điện thoại chưa được đăng ký chính chủ với số CMND/CCCD này tại nhà mạng",
                "The carrier's records do not show this phone number as registered to this ID number",
            ),
            RateLimited => (
                "Bạn đã thử quá nhiều lần. Vui lòng chờ {time} rồi thử lại",
                "Too many attempts. Wait {time}, then try again",
            ),
            ResendTooSoon => (
                "Bạn có thể gửi lại mã OTP sau {time}",
                "You can send another code in {time}",
            ),
            ResendLimit => (
                "Bạn đã gửi lại mã OTP quá số lần cho phép. Hãy bắt đầu lại hoặc đổi số điện thoại",
                "You have asked for the maximum number of codes. Start again or change the phone number",
            ),
            OtpIncorrect => (
                "Mã OTP không đúng. Bạn còn {n} lần thử",
                "The code is not correct. You have {n} attempts left",
            ),
            OtpExpired => (
                "Mã OTP đã hết hạn. Nhấn \"Gửi lại OTP\" để nhận mã mới",
                "The code has expired. Select \"Gửi lại OTP\" (send again) to get a new code",
            ),
            Locked => (
                "Tạm khóa do nhập sai quá nhiều lần. Thử lại sau {time}",
                "Locked after too many wrong attempts. Try again after {time}",
            ),
            InvalidToken => (
                "Phiên xác thực đã hết hạn. Vui lòng xác thực OTP lại",
                "Your verification has expired. Verify the code again",
            ),
            InvalidCredentials => (
                "Tên đăng nhập hoặc mật khẩu không đúng",
                "The username or password is not correct",
            ),
            Unavailable => (
                "Hệ thống đang bận. Vui lòng thử lại",
                "The service is busy. Try again",
            ),
        }
    }
}
