//! Texts of `/gioi-thieu`.

use super::Localize;

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
