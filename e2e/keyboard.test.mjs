// Keyboard only: the whole registration with Tab, Shift+Tab, Enter, Space and typing.
import { test, expect } from './fixtures.mjs';
import { expectHeading } from './support.mjs';

/** What has focus: its label (inputs), or its text (links, buttons). */
function focused(page) {
  return page.evaluate(() => {
    const e = document.activeElement;
    if (!e || e === document.body) return '';
    const label = e.id && document.querySelector(`label[for="${e.id}"]`);
    return (label ? label.textContent : e.getAttribute('aria-label') || e.textContent || '').replace(/\s+/g, ' ').trim();
  });
}

/** Presses Tab (or Shift+Tab) until the focused control's name starts with `name`. */
async function tabTo(page, name, { back = false, max = 40 } = {}) {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    if ((await focused(page)).startsWith(name)) return;
  }
  throw new Error(`Tab never reached "${name}" (last: "${await focused(page)}")`);
}

test('the whole registration with the keyboard alone', async ({ page, citizen, mock }) => {
  const who = citizen({ name: 'Vũ Thị Hằng' });
  await page.goto('/');
  await expectHeading(page, 'Tài khoản Dịch vụ công');
  await tabTo(page, 'Bỏ qua');
  await tabTo(page, 'Đăng ký');
  await page.keyboard.press('Enter');
  await expectHeading(page, 'Chọn phương thức đăng ký');
  await tabTo(page, 'Công dân');
  await page.keyboard.press('Space');
  // Within a radio group the arrow keys move (and choose); Tab enters and leaves the group.
  await page.keyboard.press('Tab');
  for (let i = 0; i < 6 && !(await focused(page)).startsWith('Thuê bao di động'); i += 1) {
    await page.keyboard.press('ArrowDown');
  }
  expect(await focused(page)).toMatch(/^Thuê bao di động/);
  await page.keyboard.press('Space');
  await tabTo(page, 'Tiếp tục');
  await page.keyboard.press('Enter');

  await expectHeading(page, 'Đăng ký bằng thuê bao di động');
  await tabTo(page, 'Số CMND/CCCD');
  await page.keyboard.type(who.id);
  await tabTo(page, 'Họ và tên');
  await page.keyboard.type(who.name);
  await tabTo(page, 'Ngày sinh');
  await page.keyboard.type(who.dob);
  await tabTo(page, 'Số điện thoại');
  await page.keyboard.type(who.phone);
  // Shift+Tab back to fix a field, then on again.
  await tabTo(page, 'Họ và tên', { back: true });
  await page.keyboard.press('End');
  await page.keyboard.type(' ');
  await page.keyboard.press('Backspace');
  await expect(page.getByRole('img', { name: 'Ảnh mã xác thực gồm 5 ký tự' })).toBeVisible();
  await tabTo(page, 'Mã xác thực');
  await page.keyboard.type('abcde');
  await page.keyboard.press('Enter');

  await expectHeading(page, 'Nhập mã OTP');
  await expect(page.getByRole('heading', { level: 1 }), 'focus moves to the new heading').toBeFocused();
  await tabTo(page, 'Mã OTP');
  await page.keyboard.type(await mock.code(who.phone));
  await page.keyboard.press('Enter');

  await expectHeading(page, 'Đặt mật khẩu');
  await tabTo(page, 'Mật khẩu');
  await page.keyboard.type('Sen#vang7Ho');
  await tabTo(page, 'Hiện mật khẩu');
  await page.keyboard.press('Space');
  await expect(page.getByLabel(/^Mật khẩu/), 'Space shows the password').toHaveAttribute('type', 'text');
  await tabTo(page, 'Nhập lại mật khẩu');
  await page.keyboard.type('Sen#vang7Ho');
  await tabTo(page, 'Đăng ký');
  await page.keyboard.press('Enter');
  await expectHeading(page, 'Đăng ký tài khoản thành công');
});
