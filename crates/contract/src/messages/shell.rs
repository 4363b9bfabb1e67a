//! Texts of the shell (header, banner, footer, stepper) and of the screens in the first load:
//! home, the method choice, the top of the form, not found.

use super::Localize;

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
