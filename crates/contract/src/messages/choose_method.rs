//! The method choice's subjects, methods and their notes.

use super::Localize;
use crate::methods::{ChoiceNote, Method, Subject};

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
