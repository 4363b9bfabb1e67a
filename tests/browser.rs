//! Browser tests: the real components mounted in headless Chromium
//! (`cargo test -p portal --target wasm32-unknown-unknown`, run by `cargo xtask test`).
//! They find elements by role, label and visible text, and wait for conditions.
#![cfg(target_arch = "wasm32")]

mod support;

use contract::route_table::CHOOSE_METHOD;
use support::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn home_offers_sign_in_and_register_then_register_opens_screen_2() {
    let _app = mount_app_at("/");
    wait_for_heading("Tài khoản Dịch vụ công").await;
    assert!(link("Đăng nhập").is_some(), "a sign-in link");
    link("Đăng ký").expect("a register link").click();
    wait_for_heading("Chọn phương thức đăng ký").await;
    assert_eq!(path(), CHOOSE_METHOD);
}

#[wasm_bindgen_test]
async fn other_methods_are_explained_and_do_not_continue() {
    let _app = mount_app_at(CHOOSE_METHOD);
    wait_for_heading("Chọn phương thức đăng ký").await;
    radio("Doanh nghiệp").click();
    radio("Thuê bao di động").click();
    wait_for_text("chỉ dành cho công dân").await;
    radio("Công dân").click();
    radio("USB ký số").click();
    wait_for_text("USB ký số do tổ chức").await;
    button("Tiếp tục").click();
    // Still here, with the explanation.
    wait_for_text("Bản dựng này hỗ trợ đăng ký bằng thuê bao di động").await;
    assert_eq!(path(), CHOOSE_METHOD);
}

#[wasm_bindgen_test]
async fn continuing_without_a_choice_says_what_to_choose() {
    let _app = mount_app_at(CHOOSE_METHOD);
    wait_for_heading("Chọn phương thức đăng ký").await;
    button("Tiếp tục").click();
    wait_for_text("Chọn đối tượng đăng ký").await;
    assert_eq!(path(), CHOOSE_METHOD);
}

#[wasm_bindgen_test]
async fn language_toggle_switches_to_english_and_sets_html_lang() {
    clear_saved_language();
    let _app = mount_app_at("/");
    wait_for_heading("Tài khoản Dịch vụ công").await;
    button("English").click();
    wait_for_heading("Public service account").await;
    assert_eq!(html_lang(), "en");
    button("Tiếng Việt").click();
    wait_for_heading("Tài khoản Dịch vụ công").await;
    assert_eq!(html_lang(), "vi");
}

mod registration {
    use super::support::*;
    use contract::route_table::{REGISTRATION, REGISTRATION_OTP, REGISTRATION_PASSWORD};
    use leptos::prelude::document;
    use portal::flow::countdown::OtpClock;
    use portal::flow::state::{FlowState, Started};
    use wasm_bindgen_test::*;

    /// A flow on the OTP step whose code expires `expires_in_ms` from now and may be
    /// resent `resend_in_ms` from now (the countdown's time is controlled through these).
    fn otp_flow(expires_in_ms: i64, resend_in_ms: i64) -> FlowState {
        let now = now_ms();
        let mut flow = FlowState::default();
        flow.form.id_number = "001090000123".into();
        flow.form.phone = "0912345679".into();
        flow.form.date_of_birth = "15/03/1990".into();
        flow.start(Started {
            flow_id: "test".into(),
            phone_masked: "09******79".into(),
            otp: OtpClock {
                expires_at_ms: now + expires_in_ms,
                resend_at_ms: now + resend_in_ms,
                offset_ms: 0,
                sends_left: 4,
                attempts_left: 5,
            },
        });
        flow
    }

    fn polite_status() -> String {
        text_of_role("[role=status][aria-live=polite]").join(" ")
    }

    #[wasm_bindgen_test]
    async fn countdown_announces_phases_only() {
        save_flow(&otp_flow(250_000, 60_000));
        let app = mount_app_at(REGISTRATION_OTP);
        wait_for_heading("Nhập mã OTP").await;
        wait_for_text("Mã hết hạn sau 04:").await;
        assert_eq!(polite_status(), "", "nothing announced while running");
        drop(app);

        save_flow(&otp_flow(45_000, 0));
        let app = mount_app_at(REGISTRATION_OTP);
        wait_until("the one-minute phase", || {
            polite_status().contains("Còn 1 phút")
        })
        .await;
        drop(app);

        save_flow(&otp_flow(20_000, 0));
        let app = mount_app_at(REGISTRATION_OTP);
        wait_until("the 30-second phase", || {
            polite_status().contains("Còn 30 giây")
        })
        .await;
        drop(app);

        save_flow(&otp_flow(1_200, 0));
        let _app = mount_app_at(REGISTRATION_OTP);
        wait_until("expiry in the alert region", || {
            text_of_role("[role=alert]")
                .join(" ")
                .contains("Mã OTP đã hết hạn")
        })
        .await;
        wait_for_text("Mã hết hạn sau 00:00").await;
        clear_flow();
    }

    #[wasm_bindgen_test]
    async fn resend_is_enabled_when_its_wait_ends() {
        save_flow(&otp_flow(300_000, 1_500));
        let _app = mount_app_at(REGISTRATION_OTP);
        wait_for_heading("Nhập mã OTP").await;
        let resend = button("Gửi lại OTP");
        assert!(resend.has_attribute("disabled"), "disabled while waiting");
        wait_for_text("Gửi lại sau 00:0").await;
        wait_until("resend enabled", || {
            !button("Gửi lại OTP").has_attribute("disabled")
        })
        .await;
        wait_for_text("Còn 4 lần gửi lại").await;
        clear_flow();
    }

    #[wasm_bindgen_test]
    async fn pasted_codes_keep_only_digits() {
        save_flow(&otp_flow(300_000, 60_000));
        let _app = mount_app_at(REGISTRATION_OTP);
        wait_for_heading("Nhập mã OTP").await;
        let input = input_labelled("Mã OTP");
        assert_eq!(
            input.get_attribute("autocomplete").as_deref(),
            Some("one-time-code")
        );
        assert_eq!(input.get_attribute("inputmode").as_deref(), Some("numeric"));
        for pasted in ["123 456", "123-456", "#123456"] {
            type_into(&input, pasted);
            wait_until(pasted, || input_labelled("Mã OTP").value() == "123456").await;
        }
        clear_flow();
    }

    #[wasm_bindgen_test]
    async fn intervals_are_cleared_when_the_otp_screen_unmounts() {
        count_live_intervals();
        let before = live_intervals();
        save_flow(&otp_flow(300_000, 60_000));
        let app = mount_app_at(REGISTRATION_OTP);
        wait_for_heading("Nhập mã OTP").await;
        assert!(live_intervals() > before, "the countdown ticks");
        drop(app);
        assert_eq!(live_intervals(), before, "no leaked interval");
        clear_flow();
    }

    #[wasm_bindgen_test]
    async fn password_checklist_follows_typing() {
        let mut flow = otp_flow(300_000, 60_000);
        flow.verified("token".into());
        save_flow(&flow);
        let _app = mount_app_at(REGISTRATION_PASSWORD);
        wait_for_heading("Đặt mật khẩu").await;
        let item = |rule: &str| {
            text_of_role(".rules__item")
                .into_iter()
                .find(|t| t.contains(rule))
                .unwrap_or_else(|| panic!("no rule {rule:?}"))
        };
        assert!(item("Ít nhất 8 ký tự").ends_with("(chưa đạt)"));
        type_into(&input_labelled("Mật khẩu"), "abc1990");
        wait_until("lowercase met", || {
            item("Có chữ thường").ends_with("(đã đạt)")
        })
        .await;
        assert!(item("Ít nhất 8 ký tự").ends_with("(chưa đạt)"));
        assert!(
            item("Không chứa ngày sinh").ends_with("(chưa đạt)"),
            "1990 is the birth year"
        );
        type_into(&input_labelled("Mật khẩu"), "Sen#vang7Ho");
        type_into(&input_labelled("Nhập lại mật khẩu"), "Sen#vang7Ho");
        wait_for_text("Mật khẩu đã đạt mọi yêu cầu").await;
        let input = input_labelled("Mật khẩu");
        assert_eq!(
            input.get_attribute("autocomplete").as_deref(),
            Some("new-password")
        );
        assert!(input.get_attribute("maxlength").is_none());
        assert_eq!(input.type_(), "password");
        button("Hiện mật khẩu").click();
        wait_until("shown", || input_labelled("Mật khẩu").type_() == "text").await;
        clear_flow();
    }

    #[wasm_bindgen_test]
    async fn error_summary_is_focused_and_links_to_fields() {
        clear_flow();
        let _app = mount_app_at(REGISTRATION);
        wait_for_heading("Đăng ký bằng thuê bao di động").await;
        // The form follows its heading (the page's top paints first).
        wait_for_text("Số điện thoại *").await;
        type_into(&input_labelled("Số điện thoại"), "02438253535");
        button("Đăng ký").click();
        wait_for_text("Có lỗi cần sửa").await;
        wait_until("summary focused", || {
            active_element().is_some_and(|e| e.class_list().contains("error-summary"))
        })
        .await;
        assert!(document().title().starts_with("Lỗi: "));
        link("Đây là số máy bàn. Nhập số điện thoại di động")
            .expect("a summary link")
            .click();
        wait_until("phone focused", || {
            active_element().is_some_and(|e| e.id() == "phone")
        })
        .await;
        // Corrected, the field's own error goes away without another submit; the summary
        // (an alert) keeps what that submit found, so it never speaks over the typing.
        type_into(&input_labelled("Số điện thoại"), "0912345679");
        wait_until("phone error cleared", || {
            input_labelled("Số điện thoại")
                .get_attribute("aria-invalid")
                .is_none()
        })
        .await;
        assert!(
            link("Đây là số máy bàn. Nhập số điện thoại di động").is_some(),
            "the summary is the submit's"
        );
        clear_flow();
    }
}

/// In the browser the contract normalises with the engine's own NFC (no bundled tables).
#[wasm_bindgen_test]
fn decomposed_names_equal_composed_ones_in_the_browser() {
    let nfd = "Nguye\u{0302}\u{0303}n Thi\u{0323} A\u{0301}nh";
    let name = contract::FullName::parse(nfd).expect("a valid name");
    assert_eq!(name.as_str(), "Nguyễn Thị Ánh");
}
