// Keyboard only: the whole registration with Tab, Shift+Tab, Enter, Space and typing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, openPage } from './support.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

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
  assert.fail(`Tab never reached "${name}" (last: "${await focused(page)}")`);
}

test('the whole registration with the keyboard alone', async () => {
  const page = await openPage(browser, { width: 1280 });
  const phone = '0919000901';
  const code = async () => (await (await fetch(`${BASE}/api/dev/outbox`)).json()).find((s) => s.to === phone)?.code;
  await page.goto(`${BASE}/`);
  await tabTo(page, 'Bỏ qua');
  await tabTo(page, 'Đăng ký');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Chọn phương thức đăng ký' }).waitFor();
  await tabTo(page, 'Công dân');
  await page.keyboard.press('Space');
  // Within a radio group the arrow keys move (and choose); Tab enters and leaves the group.
  await page.keyboard.press('Tab');
  for (let i = 0; i < 6 && !(await focused(page)).startsWith('Thuê bao di động'); i += 1) {
    await page.keyboard.press('ArrowDown');
  }
  assert.ok((await focused(page)).startsWith('Thuê bao di động'));
  await page.keyboard.press('Space');
  await tabTo(page, 'Tiếp tục');
  await page.keyboard.press('Enter');

  await page.getByRole('heading', { level: 1, name: 'Đăng ký bằng thuê bao di động' }).waitFor();
  await tabTo(page, 'Số CMND/CCCD');
  await page.keyboard.type('001090000901');
  await tabTo(page, 'Họ và tên');
  await page.keyboard.type('Vũ Thị Hằng');
  await tabTo(page, 'Ngày sinh');
  await page.keyboard.type('15/03/1990');
  await tabTo(page, 'Số điện thoại');
  await page.keyboard.type(phone);
  // Shift+Tab back to fix a field, then on again.
  await tabTo(page, 'Họ và tên', { back: true });
  await page.keyboard.press('End');
  await page.keyboard.type(' ');
  await page.keyboard.press('Backspace');
  await page.getByRole('img', { name: 'Ảnh mã xác thực gồm 5 ký tự' }).waitFor();
  await tabTo(page, 'Mã xác thực');
  await page.keyboard.type('abcde');
  await page.keyboard.press('Enter');

  await page.getByRole('heading', { level: 1, name: 'Nhập mã OTP' }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1', 'focus moves to the new heading');
  await tabTo(page, 'Mã OTP');
  await page.keyboard.type(await code());
  await page.keyboard.press('Enter');

  await page.getByRole('heading', { level: 1, name: 'Đặt mật khẩu' }).waitFor();
  await tabTo(page, 'Mật khẩu');
  await page.keyboard.type('Sen#vang7Ho');
  await tabTo(page, 'Hiện mật khẩu');
  await page.keyboard.press('Space');
  assert.equal(await page.getByLabel(/^Mật khẩu/).getAttribute('type'), 'text', 'Space shows the password');
  await tabTo(page, 'Nhập lại mật khẩu');
  await page.keyboard.type('Sen#vang7Ho');
  await tabTo(page, 'Đăng ký');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Đăng ký tài khoản thành công' }).waitFor();
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
