//! Texts of research sessions (study mode).

use super::Localize;

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
