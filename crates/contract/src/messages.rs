//! The one message table: every error code, rule, label and notice, in Vietnamese and
//! English. Each arm gives both languages, so the compiler refuses a missing one; the
//! tests below refuse an empty one or placeholders that differ between languages.
//!
//! Wording follows the GOV.UK pattern: say what to do ("Nhập…"/"Enter…"), never "invalid".

use crate::api::ErrorCode;
use crate::methods::{ChoiceNote, Method, Subject};
use crate::registration::{CaptchaError, Field};
use crate::{
    BirthDateError, EmailError, FullNameError, IdNumberError, Lang, OtpCodeError, PasswordRule,
    PhoneError,
};

/// Anything with a text in both languages.
pub trait Localize {
    /// `(Vietnamese, English)`.
    fn texts(&self) -> (&'static str, &'static str);

    fn text(&self, lang: Lang) -> &'static str {
        let (vi, en) = self.texts();
        match lang {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }
}

/// Replaces each `{name}` in a template with its value.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values
        .iter()
        .fold(template.to_owned(), |acc, (name, value)| {
            acc.replace(&format!("{{{name}}}"), value)
        })
}

/// A wait as the screens and the server's messages show it: `mm:ss`.
pub fn mmss(seconds: u64) -> String {
    format!("{:02}:{:02}", seconds / 60, seconds % 60)
}

impl Localize for Field {
    fn texts(&self) -> (&'static str, &'static str) {
        match self {
            Field::IdNumber => ("Số CMND/CCCD", "ID card number (CMND/CCCD)"),
            Field::FullName => ("Họ và tên", "Full name"),
            Field::DateOfBirth => ("Ngày sinh", "Date of birth"),
            Field::Phone => ("Số điện thoại", "Mobile phone number"),
            Field::Email => ("Email", "Email"),
            Field::CaptchaAnswer => ("Mã xác thực", "Verification code"),
        }
    }
}

impl Localize for IdNumberError {
    fn texts(&self) -> (&'static str, &'static str) {
        use IdNumberError::*;
        match self {
            Required => ("Nhập số CMND/CCCD", "Enter your ID card number"),
            NotDigits => (
                "Số CMND/CCCD chỉ gồm chữ số",
                "ID card number must contain only digits",
            ),
            WrongLength => (
                "Số CMND/CCCD phải có 9 hoặc 12 chữ số",
                "ID card number must be 9 or 12 digits",
            ),
            UnknownProvince => (
                "3 chữ số đầu của số CCCD không phải mã tỉnh, thành phố. Kiểm tra lại số trên thẻ",
                "The first 3 digits of a CCCD must be a province code. Check the number on your card",
            ),
            BirthYearMismatch => (
                "Số CCCD không khớp với năm sinh. Kiểm tra lại số CCCD và ngày sinh",
                "The CCCD number does not match the year of birth. Check both",
            ),
        }
    }
}

impl Localize for FullNameError {
    fn texts(&self) -> (&'static str, &'static str) {
        use FullNameError::*;
        match self {
            Required => ("Nhập họ và tên", "Enter your full name"),
            InvalidCharacters => (
                "Họ và tên chỉ gồm chữ cái, dấu cách, dấu nháy và dấu gạch ngang",
                "Full name must only include letters, spaces, apostrophes and hyphens",
            ),
            TooShort => (
                "Họ và tên phải có ít nhất 2 chữ cái",
                "Full name must have at least 2 letters",
            ),
            TooLong => (
                "Họ và tên phải có tối đa 100 ký tự",
                "Full name must be 100 characters or fewer",
            ),
        }
    }
}

impl Localize for BirthDateError {
    fn texts(&self) -> (&'static str, &'static str) {
        use BirthDateError::*;
        match self {
            Required => ("Nhập ngày sinh", "Enter your date of birth"),
            Format => (
                "Nhập ngày sinh theo dạng ngày/tháng/năm, ví dụ 15/03/1990",
                "Enter your date of birth as day/month/year, for example 15/03/1990",
            ),
            NotReal => (
                "Ngày sinh phải là một ngày có thật",
                "Date of birth must be a real date",
            ),
            InFuture => (
                "Ngày sinh phải là một ngày trong quá khứ",
                "Date of birth must be in the past",
            ),
            Before1900 => (
                "Ngày sinh phải từ năm 1900 trở đi",
                "Date of birth must be in 1900 or later",
            ),
        }
    }
}

impl Localize for PhoneError {
    fn texts(&self) -> (&'static str, &'static str) {
        use PhoneError::*;
        match self {
            Required => (
                "Nhập số điện thoại di động",
                "Enter your mobile phone number",
            ),
            InvalidCharacters => (
                "Số điện thoại chỉ gồm chữ số, ví dụ 0912 345 678",
                "Mobile phone number must contain only digits, like 0912 345 678",
            ),
            WrongLength => (
                "Số điện thoại di động phải có 10 chữ số, ví dụ 0912 345 678",
                "Mobile phone number must be 10 digits, like 0912 345 678",
            ),
            Landline => (
                "Đây là số máy bàn. Nhập số điện thoại di động",
                "This is a landline number. Enter a mobile phone number",
            ),
            UnknownPrefix => (
                "Đầu số này không thuộc nhà mạng di động Việt Nam nào. Kiểm tra lại số điện thoại",
                "No Vietnamese mobile network uses this prefix. Check the number",
            ),
        }
    }
}

impl Localize for EmailError {
    fn texts(&self) -> (&'static str, &'static str) {
        match self {
            EmailError::Invalid => (
                "Nhập email đúng dạng, ví dụ ten@example.vn, hoặc để trống",
                "Enter an email address in the correct format, like name@example.com, or leave it empty",
            ),
            EmailError::TooLong => (
                "Email phải có tối đa 254 ký tự",
                "Email address must be 254 characters or fewer",
            ),
        }
    }
}

impl Localize for CaptchaError {
    fn texts(&self) -> (&'static str, &'static str) {
        match self {
            CaptchaError::Required => (
                "Nhập các ký tự trong ảnh mã xác thực",
                "Enter the characters shown in the image",
            ),
            CaptchaError::Incorrect => (
                "Mã xác thực chưa đúng. Nhập các ký tự trong ảnh mới",
                "The verification code was not right. Enter the characters in the new image",
            ),
        }
    }
}

impl Localize for OtpCodeError {
    fn texts(&self) -> (&'static str, &'static str) {
        match self {
            OtpCodeError::Required => ("Nhập mã OTP", "Enter the code"),
            OtpCodeError::Format => ("Mã OTP gồm 6 chữ số", "The code must be 6 digits"),
        }
    }
}

impl Localize for PasswordRule {
    /// Checklist items: each reads as the rule to meet.
    fn texts(&self) -> (&'static str, &'static str) {
        use PasswordRule::*;
        match self {
            MinLength => ("Ít nhất 8 ký tự", "At least 8 characters"),
            MaxLength => ("Tối đa 128 ký tự", "At most 128 characters"),
            Lowercase => ("Có chữ thường (a–z)", "A lowercase letter (a–z)"),
            Uppercase => ("Có chữ in hoa (A–Z)", "An uppercase letter (A–Z)"),
            Digit => ("Có chữ số (0–9)", "A digit (0–9)"),
            Special => (
                "Có ký tự đặc biệt, ví dụ ! @ # $ %",
                "A special character, like ! @ # $ %",
            ),
            NoIdNumber => ("Không chứa số CMND/CCCD", "Does not contain your ID number"),
            NoPhone => (
                "Không chứa số điện thoại",
                "Does not contain your phone number",
            ),
            NoBirthDate => (
                "Không chứa ngày sinh hoặc năm sinh",
                "Does not contain your date or year of birth",
            ),
            NotCommon => (
                "Không phải mật khẩu phổ biến, dễ đoán",
                "Is not a common, easily guessed password",
            ),
            ConfirmationMatches => ("Nhập lại mật khẩu trùng khớp", "Both passwords match"),
        }
    }
}

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

enumerated! {
/// Texts of the screens themselves (labels, headings, notices).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Ui {
    PortalName,
    PrototypeMark,
    PrototypeBanner,
    PrototypeMore,
    PortalTagline,
    SignIn,
    Register,
    HomeHeading,
    HomeIntro,
    ChooseHeading,
    SubjectLegend,
    MethodLegend,
    Continue,
    SkipToContent,
    LanguageToggle,
    Loading,
    NotFoundHeading,
    NotFoundBody,
    BackHome,
    ChooseIntro,
    ThisBuildCoversMobile,
    StepperLabel,
    StepHome,
    StepMethod,
    StepDetails,
    StepOtp,
    StepPassword,
    StepPrefix,
    CurrentStep,
    DetailsHeading,
    DetailsIntro,
    ErrorTitlePrefix,
    RetryBody,
    Retry,
    PageLoadFailedTitle,
    AccountHeading,
    FooterPrototype,
    FooterRealOwner,
    FooterRealSupport,
}
}

impl Localize for crate::account::SignInPasswordError {
    fn texts(&self) -> (&'static str, &'static str) {
        match self {
            Self::Required => ("Nhập mật khẩu", "Enter your password"),
        }
    }
}

impl Localize for Ui {
    fn texts(&self) -> (&'static str, &'static str) {
        use Ui::*;
        match self {
            PortalName => ("Cổng Dịch vụ công quốc gia", "National Public Service Portal"),
            PrototypeMark => ("(bản mô phỏng)", "(prototype)"),
            PrototypeBanner => (
                "Bản mô phỏng — không phải Cổng Dịch vụ công quốc gia. Không nhập thông tin thật.",
                "A prototype — not the National Public Service Portal. Do not enter real details.",
            ),
            PrototypeMore => ("Tìm hiểu thêm", "Find out more"),
            PortalTagline => (
                "Kết nối, cung cấp thông tin và dịch vụ công mọi lúc, mọi nơi",
                "Public information and services, anytime, anywhere",
            ),
            SignIn => ("Đăng nhập", "Sign in"),
            Register => ("Đăng ký", "Register"),
            HomeHeading => ("Tài khoản Dịch vụ công", "Public service account"),
            HomeIntro => (
                "Đăng ký tài khoản để nộp hồ sơ, tra cứu và thanh toán trực tuyến. Công dân có thể đăng ký bằng thuê bao di động đã đăng ký chính chủ.",
                "Register an account to apply, track and pay online. Citizens can register with a mobile number registered in their own name.",
            ),
            ChooseHeading => ("Chọn phương thức đăng ký", "Choose how to register"),
            SubjectLegend => ("Đối tượng đăng ký", "Who is registering"),
            MethodLegend => ("Phương thức đăng ký", "Registration method"),
            Continue => ("Tiếp tục", "Continue"),
            SkipToContent => ("Bỏ qua đến nội dung chính", "Skip to main content"),
            LanguageToggle => ("English", "Tiếng Việt"),
            Loading => ("Đang tải…", "Loading…"),
            NotFoundHeading => ("Không tìm thấy trang", "Page not found"),
            NotFoundBody => (
                "Địa chỉ này không có trên Cổng. Kiểm tra lại đường dẫn hoặc quay về trang chủ.",
                "There is no page at this address. Check the link or go back to the home page.",
            ),
            BackHome => ("Về trang chủ", "Go to the home page"),
            ChooseIntro => (
                "Chọn đối tượng và phương thức bạn dùng để xác minh danh tính.",
                "Choose who is registering and how you will prove your identity.",
            ),
            ThisBuildCoversMobile => (
                "Bản dựng này hỗ trợ đăng ký bằng thuê bao di động cho công dân. Chọn \"Công dân\" và \"Thuê bao di động\" để tiếp tục.",
                "This build supports registration by mobile subscription for citizens. Choose \"Công dân\" (citizen) and \"Thuê bao di động\" (mobile subscription) to continue.",
            ),
            StepperLabel => ("Các bước đăng ký", "Registration steps"),
            StepHome => ("Trang chủ", "Home"),
            StepMethod => ("Chọn phương thức", "Choose method"),
            StepDetails => ("Nhập thông tin", "Your details"),
            StepOtp => ("Xác thực OTP", "Confirm code"),
            StepPassword => ("Đặt mật khẩu", "Set password"),
            StepPrefix => ("Bước", "Step"),
            CurrentStep => ("(bước hiện tại)", "(current step)"),
            DetailsHeading => ("Đăng ký bằng thuê bao di động", "Register with your mobile number"),
            DetailsIntro => ("Các trường có dấu * đỏ là bắt buộc. Số điện thoại phải đã đăng ký chính chủ với số CMND/CCCD của bạn.", "Fields marked with a red * are required. The phone number must be registered in your name, with your ID number."),
            ErrorTitlePrefix => ("Lỗi: ", "Error: "),
            RetryBody => ("Kiểm tra kết nối mạng rồi nhấn \"Thử lại\". Thông tin bạn đã nhập vẫn được giữ nguyên.", "Check your connection, then select \"Thử lại\" (try again). What you typed is kept."),
            Retry => ("Thử lại", "Try again"),
            PageLoadFailedTitle => ("Không tải được trang", "This page did not load"),
            AccountHeading => ("Tài khoản của tôi", "My account"),
            FooterPrototype => (
                "Bản mô phỏng phục vụ nghiên cứu và học tập, không thuộc Cổng Dịch vụ công quốc gia.",
                "A prototype for research and learning, not part of the National Public Service Portal.",
            ),
            FooterRealOwner => (
                "Cơ quan chủ quản của Cổng Dịch vụ công quốc gia thật: Văn phòng Chính phủ.",
                "The real National Public Service Portal is run by the Government Office of Viet Nam.",
            ),
            FooterRealSupport => (
                "Tổng đài hỗ trợ của Cổng thật: 18001096 · Email: dichvucong@chinhphu.vn",
                "The real portal's helpline: 18001096 · Email: dichvucong@chinhphu.vn",
            ),
        }
    }
}

impl Localize for Subject {
    fn texts(&self) -> (&'static str, &'static str) {
        match self {
            Subject::Citizen => ("Công dân", "Citizen"),
            Subject::Business => ("Doanh nghiệp", "Business"),
            Subject::Organisation => ("Tổ chức", "Organisation"),
        }
    }
}

impl Localize for Method {
    fn texts(&self) -> (&'static str, &'static str) {
        match self {
            Method::Mobile => ("Thuê bao di động", "Mobile subscription"),
            Method::SocialInsurance => ("Bảo hiểm xã hội", "Social insurance"),
            Method::VnPost => ("Bưu điện Việt Nam", "Vietnam Post"),
            Method::UsbToken => ("USB ký số", "USB signing token"),
            Method::SimSignature => ("SIM ký số", "Signing SIM"),
            Method::PersonalSignature => ("Chữ ký số cá nhân", "Personal digital signature"),
        }
    }
}

impl Localize for ChoiceNote {
    fn texts(&self) -> (&'static str, &'static str) {
        use ChoiceNote::*;
        match self {
            ChooseSubject => ("Chọn đối tượng đăng ký", "Select who is registering"),
            ChooseMethod => ("Chọn phương thức đăng ký", "Select a registration method"),
            MobileIsForCitizens => (
                "Đăng ký bằng thuê bao di động chỉ dành cho công dân. Doanh nghiệp và tổ chức đăng ký bằng USB ký số hoặc SIM ký số của đơn vị.",
                "Registration by mobile subscription is for citizens only. Businesses and organisations register with their USB signing token or signing SIM.",
            ),
            SocialInsuranceNeeds => (
                "Cần mã số bảo hiểm xã hội và số điện thoại đã đăng ký với cơ quan Bảo hiểm xã hội Việt Nam; thông tin được đối chiếu với cơ sở dữ liệu bảo hiểm.",
                "You need your social insurance number and the phone number registered with Vietnam Social Security; your details are checked against its records.",
            ),
            VnPostNeeds => (
                "Cần số CMND/CCCD và số điện thoại hoặc email: điền mẫu đăng ký trực tuyến của Bưu điện Việt Nam, rồi kích hoạt tài khoản bằng mã gửi qua SMS hoặc thư kích hoạt qua email.",
                "You need your ID number and a phone number or email: fill in Vietnam Post's online registration form, then activate the account with a code sent by SMS or an activation email.",
            ),
            UsbTokenNeeds => (
                "Cần USB ký số do tổ chức cung cấp dịch vụ chứng thực chữ ký số cấp, và phần mềm ký số được cài trên máy tính.",
                "You need a USB signing token from a licensed certification provider, with its signing software installed on your computer.",
            ),
            SimSignatureNeeds => (
                "Cần SIM ký số do nhà mạng cấp (đã đăng ký dịch vụ chữ ký số trên SIM).",
                "You need a signing SIM from your mobile network, with its digital signature service enabled.",
            ),
            PersonalSignatureNeeds => (
                "Cần chứng thư chữ ký số cá nhân còn hiệu lực (ký số từ xa) do tổ chức được cấp phép cung cấp.",
                "You need a valid personal digital signature certificate (remote signing) from a licensed provider.",
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn placeholders(s: &str) -> Vec<&str> {
        let mut out: Vec<&str> = s
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .collect();
        out.sort_unstable();
        out
    }

    fn check_all<T: Localize + std::fmt::Debug>(items: &[T]) -> usize {
        for item in items {
            let (vi, en) = item.texts();
            assert!(!vi.trim().is_empty(), "{item:?} lacks Vietnamese");
            assert!(!en.trim().is_empty(), "{item:?} lacks English");
            assert_eq!(
                placeholders(vi),
                placeholders(en),
                "{item:?} placeholders differ"
            );
            for lang in Lang::ALL {
                assert!(!item.text(lang).is_empty());
            }
        }
        items.len()
    }

    #[test]
    fn every_code_rule_and_label_has_both_languages() {
        let n = check_all(Field::ALL)
            + check_all(IdNumberError::ALL)
            + check_all(FullNameError::ALL)
            + check_all(BirthDateError::ALL)
            + check_all(PhoneError::ALL)
            + check_all(EmailError::ALL)
            + check_all(CaptchaError::ALL)
            + check_all(OtpCodeError::ALL)
            + check_all(PasswordRule::ALL)
            + check_all(ErrorCode::ALL)
            + check_all(Ui::ALL)
            + check_all(LazyUi::ALL)
            + check_all(AboutUi::ALL)
            + check_all(OtpUi::ALL)
            + check_all(AccountUi::ALL)
            + check_all(PasswordUi::ALL)
            + check_all(crate::account::SignInPasswordError::ALL)
            + check_all(Subject::ALL)
            + check_all(Method::ALL)
            + check_all(ChoiceNote::ALL)
            + check_all(StudyUi::ALL);
        assert!(n >= 80, "{n}");
    }

    #[test]
    fn formats_minutes_and_seconds() {
        assert_eq!(mmss(300), "05:00");
        assert_eq!(mmss(61), "01:01");
        assert_eq!(mmss(9), "00:09");
    }

    #[test]
    fn fill_replaces_placeholders() {
        let t = ErrorCode::OtpIncorrect.text(Lang::En);
        assert_eq!(
            fill(t, &[("n", "3")]),
            "The code is not correct. You have 3 attempts left"
        );
    }
}

enumerated! {
/// Texts of the screens that load later (their code is in split modules, and so, since only
/// their code reads them, are these words: the first load carries only [`Ui`]'s).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LazyUi {
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

impl Localize for LazyUi {
    fn texts(&self) -> (&'static str, &'static str) {
        use LazyUi::*;
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

enumerated! {
/// Texts of `/gioi-thieu`, read only by that screen's code (and so in its module).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AboutUi {
    AboutHeading,
    AboutWhat,
    AboutRetired,
    AboutData,
    AboutPersonasHeading,
    AboutPersonaExisting,
    AboutPersonaMismatch,
    AboutPersonaNoSms,
    AboutPersonaOthers,
}
}

impl Localize for AboutUi {
    fn texts(&self) -> (&'static str, &'static str) {
        use AboutUi::*;
        match self {
            AboutHeading => ("Về bản mô phỏng này", "About this prototype"),
            AboutWhat => (
                "Đây là bản mô phỏng mở của cách đăng ký tài khoản bằng thuê bao di động trên Cổng Dịch vụ công quốc gia, như Cổng đã vận hành từ năm 2020 đến tháng 6/2024. Bản mô phỏng dùng để làm mẫu thử, giảng dạy và rà soát thiết kế; nó không kết nối với Cổng thật.",
                "This is an open reproduction of registering by mobile subscription on the National Public Service Portal, as the portal ran it from 2020 to June 2024. It is for prototyping, teaching and design review; it is not connected to the real portal.",
            ),
            AboutRetired => (
                "Cổng thật đã ngừng cách đăng ký này từ ngày 30/6/2024. Từ ngày 1/7/2024, công dân đăng nhập bằng tài khoản định danh điện tử VNeID.",
                "The real portal stopped this way of registering on 30 June 2024. Since 1 July 2024, citizens sign in with their VNeID electronic identity.",
            ),
            AboutData => (
                "Máy chủ mô phỏng chỉ giữ dữ liệu trong bộ nhớ hoặc trong tệp cơ sở dữ liệu được chỉ định (--db), và không gửi tin nhắn SMS thật: mã OTP chỉ có trong hộp thư thử nghiệm của nó.",
                "The mock server keeps data only in memory or in the database file it was given (--db), and sends no real SMS: codes only reach its test outbox.",
            ),
            AboutPersonasHeading => ("Dữ liệu thử nghiệm", "Test personas"),
            AboutPersonaExisting => (
                "Số CMND/CCCD {id} đã có tài khoản, mật khẩu {password}, số điện thoại {phone}.",
                "ID number {id} already has an account, password {password}, phone {phone}.",
            ),
            AboutPersonaMismatch => (
                "Số điện thoại {phone}: nhà mạng báo số không đăng ký cho CMND/CCCD đó.",
                "Phone {phone}: the carrier says it is not registered to that ID.",
            ),
            AboutPersonaNoSms => (
                "Số điện thoại {phone}: đăng ký được nhưng tin nhắn không đến.",
                "Phone {phone}: registration works but the SMS never arrives.",
            ),
            AboutPersonaOthers => (
                "Mọi thông tin hợp lệ khác: đăng ký thành công.",
                "Anything else valid: registration succeeds.",
            ),
        }
    }
}

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

enumerated! {
/// Texts of research sessions (study mode): the link's pages, which the mock renders, and the
/// task panel of the study build (no other build reads them, so none carries them).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StudyUi {
    ConsentTitle,
    ConsentIntro,
    ConsentRecorded,
    ConsentNeverRecorded,
    ConsentMadeUp,
    ConsentStop,
    ConsentAgree,
    LinkUnknownTitle,
    LinkUnknownBody,
    LinkUsedTitle,
    LinkUsedBody,
    StudyEndedTitle,
    StudyEndedBody,
    PanelLabel,
    TaskOf,
    TaskDone,
    TaskSkip,
    AllTasksDone,
    PhoneTitle,
    PhoneEmpty,
    FeedbackLabel,
    FeedbackHint,
    FeedbackSend,
    FeedbackSent,
    FeedbackEmpty,
}
}

impl Localize for StudyUi {
    fn texts(&self) -> (&'static str, &'static str) {
        use StudyUi::*;
        match self {
            ConsentTitle => ("Trước khi bắt đầu", "Before you start"),
            ConsentIntro => (
                "Bạn sẽ thử một bản mô phỏng việc đăng ký tài khoản trên Cổng Dịch vụ công quốc gia. Chúng tôi thử thiết kế, không thử bạn.",
                "You will try a prototype of registering an account on the National Public Service Portal. We are testing the design, not you.",
            ),
            ConsentRecorded => (
                "Được ghi lại, kèm mã người tham gia và thời điểm: các màn hình bạn mở, các lỗi và thông báo hiện ra (tên ô và loại lỗi), lần gửi lại mã, đổi ngôn ngữ, kết quả từng nhiệm vụ và góp ý bạn viết.",
                "Recorded, with your participant code and the time: the screens you open, the errors and notices shown (which field and which rule), code resends, language changes, each task's outcome and the feedback you write.",
            ),
            ConsentNeverRecorded => (
                "Không bao giờ được ghi lại: những gì bạn gõ vào các ô, mật khẩu, mã OTP, số CMND/CCCD, họ tên, số điện thoại.",
                "Never recorded: what you type into the fields, passwords, codes, ID numbers, names or phone numbers.",
            ),
            ConsentMadeUp => (
                "Hãy dùng thông tin tự nghĩ ra, không dùng thông tin thật của bạn. Tin nhắn SMS hiện trong khung nhiệm vụ.",
                "Use made-up details, not your own. Text messages appear in the task panel.",
            ),
            ConsentStop => (
                "Bạn có thể dừng bất cứ lúc nào.",
                "You can stop at any time.",
            ),
            ConsentAgree => ("Tôi đồng ý, bắt đầu", "I agree, start"),
            LinkUnknownTitle => ("Không tìm thấy phiên này", "There is no session at this link"),
            LinkUnknownBody => (
                "Kiểm tra lại đường dẫn người điều phối đã gửi cho bạn.",
                "Check the link the facilitator gave you.",
            ),
            LinkUsedTitle => ("Đường dẫn này đã được dùng", "This link has already been used"),
            LinkUsedBody => (
                "Mỗi đường dẫn dành cho một người tham gia, trên một trình duyệt. Hỏi người điều phối để có đường dẫn mới.",
                "Each link is for one participant, in one browser. Ask the facilitator for a new link.",
            ),
            StudyEndedTitle => ("Nghiên cứu này đã kết thúc", "This study has ended"),
            StudyEndedBody => (
                "Cảm ơn bạn đã tham gia. Bạn có thể đóng trang này.",
                "Thank you for taking part. You can close this page.",
            ),
            PanelLabel => ("Nhiệm vụ nghiên cứu", "Research task"),
            TaskOf => ("Nhiệm vụ {n}/{total}", "Task {n} of {total}"),
            TaskDone => ("Xong", "Done"),
            TaskSkip => ("Bỏ qua", "Skip"),
            AllTasksDone => (
                "Bạn đã làm xong các nhiệm vụ. Cảm ơn bạn!",
                "You have finished the tasks. Thank you!",
            ),
            PhoneTitle => ("Tin nhắn trên điện thoại của bạn", "Messages on your phone"),
            PhoneEmpty => ("Chưa có tin nhắn", "No messages yet"),
            FeedbackLabel => ("Góp ý về màn hình này", "Feedback on this screen"),
            FeedbackHint => (
                "Điều gì khó hiểu hoặc khó làm? Không ghi thông tin cá nhân.",
                "What was hard to understand or do? No personal details.",
            ),
            FeedbackSend => ("Gửi góp ý", "Send feedback"),
            FeedbackSent => ("Đã gửi góp ý. Cảm ơn bạn!", "Feedback sent. Thank you!"),
            FeedbackEmpty => ("Nhập góp ý trước khi gửi", "Enter your feedback before sending"),
        }
    }
}
