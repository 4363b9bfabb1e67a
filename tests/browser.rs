//! Browser tests: the real components mounted in headless Chromium
//! (`cargo test -p portal --target wasm32-unknown-unknown`, run by `cargo xtask test`).
//! They find elements by role, label and visible text, and wait for conditions.
#![cfg(target_arch = "wasm32")]

mod support;

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
    assert_eq!(path(), "/dang-ky");
}

#[wasm_bindgen_test]
async fn other_methods_are_explained_and_do_not_continue() {
    let _app = mount_app_at("/dang-ky");
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
    assert_eq!(path(), "/dang-ky");
}

#[wasm_bindgen_test]
async fn continuing_without_a_choice_says_what_to_choose() {
    let _app = mount_app_at("/dang-ky");
    wait_for_heading("Chọn phương thức đăng ký").await;
    button("Tiếp tục").click();
    wait_for_text("Chọn đối tượng đăng ký").await;
    assert_eq!(path(), "/dang-ky");
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
