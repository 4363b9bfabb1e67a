// What a screen-reader user hears on the flow, beyond what rule engines check: where focus
// lands on each new screen, that a refused code is heard, and that nothing assertive speaks
// while the citizen corrects a refused form.
import { test, expect } from './fixtures.mjs';
import { expectHeading, fillDetails, typeDetails } from './support.mjs';

const heading = (page) => page.getByRole('heading', { level: 1 });

/** From now on, counts every change inside (or insertion of) an alert or assertive live
 *  region: each is an announcement that interrupts. */
async function countAssertive(page) {
  await page.evaluate(() => {
    const ASSERTIVE = '[role=alert], [aria-live=assertive]';
    window.assertiveChanges = [];
    const inside = (node) => (node.nodeType === 1 ? node : node.parentElement)?.closest(ASSERTIVE);
    new MutationObserver((records) => {
      for (const r of records) {
        const added = [...r.addedNodes].some((n) => n.nodeType === 1 && (n.matches(ASSERTIVE) || n.querySelector(ASSERTIVE)));
        if (inside(r.target) || added) window.assertiveChanges.push((inside(r.target) ?? r.target).textContent.slice(0, 80));
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  return () => page.evaluate(() => window.assertiveChanges);
}

async function reachOtp(page, who) {
  await fillDetails(page, who);
  await page.getByRole('button', { name: 'Đăng ký', exact: true }).click();
  await expectHeading(page, 'Nhập mã OTP');
}

test('arriving on a screen from a link or a button, the reader is on its heading', async ({ page, citizen, mock }) => {
  const who = citizen();
  await page.goto('/');
  await expect(heading(page)).toBeVisible();
  await expect(heading(page), 'not on the page a document opens with').not.toBeFocused();
  await page.getByRole('main').getByRole('link', { name: 'Đăng ký', exact: true }).click();
  await expectHeading(page, 'Chọn phương thức đăng ký');
  await expect(heading(page)).toBeFocused();
  await page.getByRole('radio', { name: 'Công dân' }).check();
  await page.getByRole('radio', { name: 'Thuê bao di động' }).check();
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
  await expectHeading(page, 'Đăng ký bằng thuê bao di động');
  await expect(heading(page)).toBeFocused();
  await typeDetails(page, who);
  await page.getByRole('button', { name: 'Đăng ký', exact: true }).click();
  await expectHeading(page, 'Nhập mã OTP');
  await expect(heading(page)).toBeFocused();
  await page.getByLabel('Mã OTP').fill(await mock.code(who.phone));
  await page.getByRole('button', { name: 'Xác nhận' }).click();
  await expectHeading(page, 'Đặt mật khẩu');
  await expect(heading(page)).toBeFocused();
});

test('a refused code is heard: the field takes focus, its message first, then the time left', async ({ page, citizen }) => {
  page.allowErrors(/status of 400/);
  const who = citizen();
  await reachOtp(page, who);
  const field = page.getByLabel('Mã OTP');
  await expect(field, 'the time left is in the description').toHaveAccessibleDescription(/Mã hết hạn sau 0[45]:\d\d · Còn 5 lần nhập/);
  await page.getByRole('button', { name: 'Xác nhận' }).click();
  await expect(field, 'an empty code').toBeFocused();
  await expect(field).toHaveAccessibleDescription(/^Nhập mã OTP Mã hết hạn sau 0[45]:\d\d/);
  await page.getByRole('button', { name: 'Xác nhận' }).focus();
  await field.fill('000000');
  await page.getByRole('button', { name: 'Xác nhận' }).click();
  await expect(field, 'a wrong code').toBeFocused();
  await expect(field).toHaveAccessibleDescription(/^Mã OTP không đúng\. Bạn còn 4 lần thử.* Mã hết hạn sau 0[45]:\d\d · Còn 4 lần nhập/);
  await expect(field).toHaveAttribute('aria-invalid', 'true');
});

test('while a refused form is corrected, nothing assertive speaks and the summary keeps that submit', async ({ page, citizen }) => {
  const who = citizen();
  await fillDetails(page, { ...who, id: '', dob: '', phone: '' });
  await page.getByRole('button', { name: 'Đăng ký', exact: true }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'Có lỗi cần sửa' });
  await expect(summary).toBeFocused();
  const listed = await summary.getByRole('link').allTextContents();
  expect(listed.length).toBe(3);
  const changes = await countAssertive(page);
  for (const [label, text] of [['Số CMND/CCCD', who.id], ['Ngày sinh', who.dob], ['Số điện thoại', who.phone]]) {
    await page.getByLabel(label).pressSequentially(text);
  }
  await expect(page.getByLabel('Số CMND/CCCD'), 'the inline message follows the typing').not.toHaveAttribute('aria-invalid', 'true');
  expect(await changes(), 'no alert changed while typing').toEqual([]);
  expect(await summary.getByRole('link').allTextContents(), 'the summary is the submit\'s').toEqual(listed);
  // The next submit takes the list afresh (here: none left, so it goes on).
  await page.getByRole('button', { name: 'Đăng ký', exact: true }).click();
  await expectHeading(page, 'Nhập mã OTP');
});

test('on the password step too, typing after a refused submit interrupts with nothing assertive', async ({ page, citizen, mock }) => {
  const who = citizen();
  await reachOtp(page, who);
  await page.getByLabel('Mã OTP').fill(await mock.code(who.phone));
  await page.getByRole('button', { name: 'Xác nhận' }).click();
  await expectHeading(page, 'Đặt mật khẩu');
  await page.getByRole('button', { name: 'Đăng ký', exact: true }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'Có lỗi cần sửa' });
  await expect(summary).toBeFocused();
  const changes = await countAssertive(page);
  await page.getByLabel(/^Mật khẩu/).pressSequentially('Sen#vang7Ho');
  await page.getByLabel(/^Nhập lại mật khẩu/).pressSequentially('Sen#vang7Ho');
  await expect(page.getByRole('status').filter({ hasText: 'Mật khẩu đã đạt mọi yêu cầu' }), 'the polite checklist count still speaks').toBeAttached();
  expect(await changes(), 'no alert changed while typing').toEqual([]);
});
