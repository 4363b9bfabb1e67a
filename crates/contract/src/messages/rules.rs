//! The field and password rules' messages: what to do, never "invalid".

use super::Localize;
use crate::registration::{CaptchaError, Field};
use crate::{
    BirthDateError, EmailError, FullNameError, IdNumberError, OtpCodeError, PasswordRule,
    PhoneError,
};

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

impl Localize for crate::account::SignInPasswordError {
    fn texts(&self) -> (&'static str, &'static str) {
        match self {
            Self::Required => ("Nhập mật khẩu", "Enter your password"),
        }
    }
}
