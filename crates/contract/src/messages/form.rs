//! Texts of the forms: the details form, sign-in and reset (fields, captcha, notices).

use super::Localize;

enumerated! {
/// Texts of the screens that load later (their code is in split modules, and so, since only
/// their code reads them, are these words: the first load carries only [`Ui`]'s).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FormUi {
    Required,
    Optional,
    IdNumberHint,
    DateOfBirthHint,
    PhoneHint,
    CarrierPrefix,
    CaptchaImageAlt,
    CaptchaRefresh,
    CaptchaHint,
    CaptchaLoading,
    Submitting,
    ErrorSummaryTitle,
    AccountExistsTitle,
    AccountExistsForgot,
    AccountExistsSignIn,
    AccountExistsCounter,
    AccountExistsComplaint,
    CarrierMismatchTitle,
    CarrierMismatchBody,
    CarrierMismatchTip,
    CarrierCareLine,
    CarrierWhichId,
    RateLimitedTitle,
    RateLimitedBody,
    RetryTitle,
    PasswordLabel,
    ShowPassword,
    HidePassword,
    SigningIn,
    ResetHeading,
    ResetIntro,
    ConfirmPasswordLabel,
    ShowConfirmation,
    HideConfirmation,
}
}

impl Localize for FormUi {
    fn texts(&self) -> (&'static str, &'static str) {
        use FormUi::*;
        match self {
            HideConfirmation => ("Ẩn mật khẩu nhập lại", "Hide password confirmation"),
            ShowConfirmation => ("Hiện mật khẩu nhập lại", "Show password confirmation"),
            ConfirmPasswordLabel => ("Nhập lại mật khẩu", "Confirm password"),
            Required => ("bắt buộc", "required"),
            Optional => ("(không bắt buộc)", "(optional)"),
            IdNumberHint => ("12 số trên thẻ căn cước công dân, hoặc 9 số trên CMND cũ", "The 12 digits on your citizen ID card, or the 9 digits of an old ID card"),
            DateOfBirthHint => ("Ví dụ 15/03/1990", "For example 15/03/1990"),
            PhoneHint => ("Ví dụ 0912 345 678", "For example 0912 345 678"),
            CarrierPrefix => ("Nhà mạng:", "Network:"),
            CaptchaImageAlt => ("Ảnh mã xác thực gồm 5 ký tự", "Verification image with 5 characters"),
            CaptchaRefresh => ("Đổi ảnh khác", "Get a new image"),
            CaptchaHint => ("Nhập 5 ký tự trong ảnh, không phân biệt chữ hoa, chữ thường", "Enter the 5 characters in the image; upper or lower case both work"),
            CaptchaLoading => ("Đang tải ảnh…", "Loading image…"),
            Submitting => ("Đang gửi…", "Sending…"),
            ErrorSummaryTitle => ("Có lỗi cần sửa", "There is a problem"),
            AccountExistsTitle => ("Số CMND/CCCD này đã có tài khoản", "An account already exists for this ID number"),
            AccountExistsForgot => ("Lấy lại mật khẩu bằng \"Quên mật khẩu\"", "Reset your password with \"Quên mật khẩu\" (forgot password)"),
            AccountExistsSignIn => ("Đăng nhập bằng tài khoản này", "Sign in with this account"),
            AccountExistsCounter => ("Hoặc đến quầy giao dịch của cơ quan nhà nước gần nhất để được cấp lại mật khẩu.", "Or go to the nearest public service counter to have your password reset."),
            AccountExistsComplaint => ("Nếu bạn không sở hữu tài khoản này, hãy gửi phản ánh, kiến nghị tới Cổng Dịch vụ công quốc gia.", "If this account is not yours, file a complaint with the National Public Service Portal."),
            CarrierMismatchTitle => ("Số điện thoại chưa chính chủ", "This number is not registered to you"),
            CarrierMismatchBody => ("Nhà mạng cho biết số điện thoại này chưa được đăng ký chính chủ với số CMND/CCCD bạn nhập. Kiểm tra số điện thoại, hoặc dùng số đã đăng ký đúng tên bạn.", "Your mobile network says this number is not registered to the ID number you entered. Check the number, or use one registered in your name."),
            CarrierMismatchTip => ("Mẹo: soạn TTTB gửi 1414 để kiểm tra thông tin thuê bao của bạn.", "Tip: text TTTB to 1414 to check the subscriber details of your number."),
            CarrierCareLine => ("Hoặc gọi tổng đài chăm sóc khách hàng {carrier}: {number}.", "Or call {carrier}'s customer care line: {number}."),
            CarrierWhichId => ("Nhập đúng giấy tờ mà thuê bao đăng ký: số CMND nếu SIM đăng ký bằng CMND, số CCCD nếu đăng ký bằng CCCD.", "Enter the ID the SIM is registered with: the CMND number if it was registered with a CMND, the CCCD number if with a CCCD."),
            RateLimitedTitle => ("Tạm dừng do thử quá nhiều lần", "Too many attempts"),
            RateLimitedBody => ("Vui lòng chờ {time} rồi thử lại. Thông tin bạn đã nhập vẫn được giữ nguyên.", "Wait {time}, then try again. What you typed is kept."),
            RetryTitle => ("Không kết nối được với hệ thống", "We could not reach the service"),
            PasswordLabel => ("Mật khẩu", "Password"),
            ShowPassword => ("Hiện mật khẩu", "Show password"),
            HidePassword => ("Ẩn mật khẩu", "Hide password"),
            SigningIn => ("Đang đăng nhập…", "Signing in…"),
            ResetHeading => ("Quên mật khẩu", "Forgot password"),
            ResetIntro => (
                "Nhập số CMND/CCCD và số điện thoại của tài khoản. Nếu thông tin khớp với một tài khoản, chúng tôi gửi mã OTP đến số điện thoại đó.",
                "Enter the account's ID card number and phone number. If they match an account, we send a code to that phone.",
            ),
        }
    }
}
