// The designer kit: the dev panel and /__gallery in the development build (DEV_BASE_URL),
// and their absence from the release build (BASE_URL).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, axeViolations, htmlCheck, launch, openPage, overflow, screenshot } from './support.mjs';

const DEV = process.env.DEV_BASE_URL;
const MARKER = 'portal-dev-kit-3f9c1a';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// Every wasm file of a build: the main module and, in the split release, each module its
// loader names (dev code could hide in any of them).
async function wasmText(base) {
  const html = await (await fetch(`${base}/`)).text();
  const wasm = html.match(/href="([^"]+_bg\.wasm)"/)?.[1];
  assert.ok(wasm, 'index.html names the wasm');
  const files = [wasm];
  const loader = html.match(/href="(\/split-[0-9a-f]{16}\.js)"/)?.[1];
  if (loader) {
    const js = await (await fetch(`${base}${loader}`)).text();
    for (const [, name] of js.matchAll(/"\.\/([^"]+\.wasm)"/g)) files.push(`/${name}`);
  }
  let text = '';
  for (const file of files) {
    const response = await fetch(`${base}${file}`);
    assert.equal(response.status, 200, file);
    text += Buffer.from(await response.arrayBuffer()).toString('latin1');
  }
  return { text, files: files.length };
}

test('the release build has no dev panel, no /__gallery and no dev code', async () => {
  assert.ok((await wasmText(DEV)).text.includes(MARKER), 'the marker is in the dev build (the check can fail)');
  const release = await wasmText(BASE);
  assert.ok(release.files > 1, 'the release wasm is split into modules');
  assert.ok(!release.text.includes(MARKER), 'no dev code in any release wasm file');
  const page = await openPage(browser);
  await page.goto(`${BASE}/dang-ky/thue-bao-di-dong`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Dev' }).count(), 0);
  await page.goto(`${BASE}/__gallery`);
  await page.getByRole('heading', { level: 1, name: 'Không tìm thấy trang' }).waitFor();
  await page.context().close();
});

test('with a mock started with --no-dev, even a development build shows no panel', async () => {
  const page = await openPage(browser);
  // The panel would appear once its probe of /api/dev/outbox answered; wait for that answer.
  const probed = page.waitForResponse((r) => r.url().endsWith('/api/dev/outbox'));
  await page.goto(`${process.env.NO_DEV_BASE_URL}/`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  assert.equal((await probed).status(), 404);
  await page.evaluate(() => new Promise(requestAnimationFrame));
  assert.equal(await page.getByRole('button', { name: 'Dev' }).count(), 0);
  await page.context().close();
});

test('the panel fills the form and the flow completes using only its SMS inbox', async () => {
  const page = await openPage(browser, { width: 375 });
  await page.goto(`${DEV}/`);
  await page.getByRole('button', { name: 'Dev' }).click();
  await page.getByRole('button', { name: 'random valid citizen' }).click();
  await page.getByRole('heading', { level: 1, name: 'Đăng ký bằng thuê bao di động' }).waitFor();
  const captcha = page.getByLabel('Mã xác thực');
  await page.waitForFunction(() => document.getElementById('captcha_answer')?.value.length === 5);
  assert.equal(await captcha.inputValue(), 'ABCDE', 'the live captcha answer, from the dev endpoint');
  const phone = await page.getByLabel('Số điện thoại').inputValue();
  assert.match(phone, /^09\d{8}$/);
  await screenshot(page, 'dev-panel-filled');
  await page.getByRole('button', { name: 'Đăng ký', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Nhập mã OTP' }).waitFor();
  await page.getByRole('button', { name: 'Dev' }).click();
  const sms = page.getByRole('complementary', { name: 'Dev panel' }).getByRole('listitem').filter({ hasText: phone });
  await sms.getByRole('button', { name: /^Fill \d{6}$/ }).click();
  assert.match(await page.getByLabel('Mã OTP').inputValue(), /^\d{6}$/);
  await page.getByRole('button', { name: 'Close dev panel' }).click();
  await page.getByRole('button', { name: 'Xác nhận' }).click();
  await page.getByRole('heading', { level: 1, name: 'Đặt mật khẩu' }).waitFor();
  await page.getByLabel(/^Mật khẩu/).fill('Sen#vang7Ho');
  await page.getByLabel(/^Nhập lại mật khẩu/).fill('Sen#vang7Ho');
  await page.getByRole('button', { name: 'Đăng ký', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Đăng ký tài khoản thành công' }).waitFor();
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('"Expire the code now" moves both clocks: the OTP screen shows it expired', async () => {
  const page = await openPage(browser);
  await page.goto(`${DEV}/`);
  await page.getByRole('button', { name: 'Dev' }).click();
  await page.getByRole('button', { name: 'OTP', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Nhập mã OTP' }).waitFor();
  await page.getByRole('button', { name: 'Dev' }).click();
  assert.match(await page.locator('.timer').innerText(), /^0[34]:\d\d$/);
  await page.getByRole('button', { name: 'Expire the code now' }).click();
  await page.getByRole('alert').filter({ hasText: 'hết hạn' }).first().waitFor();
  assert.equal(await page.locator('.timer').innerText(), '00:00');
  await page.context().close();
});

/** What a few states must show: the state is really the one its name says. */
const EXPECT = {
  'details-errors': 'Có lỗi cần sửa',
  'details-account-exists': 'Số CMND/CCCD này đã có tài khoản',
  'details-rate-limited': 'Tạm dừng do thử quá nhiều lần',
  'details-carrier-mismatch': 'Vinaphone: 18001091',
  'details-carrier-mismatch-viettel': 'Viettel: 18008098',
  'details-carrier-mismatch-mobifone': 'MobiFone: 9090',
  'details-carrier-mismatch-other': 'TTTB gửi 1414',
  'reset-captcha-wrong': 'Mã xác thực chưa đúng',
  'otp-under-30s': '00:2',
  'otp-expired': 'Mã OTP đã hết hạn',
  'otp-wrong-code': 'Bạn còn 3 lần thử',
  'otp-send-limit': 'quá số lần cho phép',
  'password-met': 'Mật khẩu đã đạt mọi yêu cầu',
  'sign-in-error': 'Tên đăng nhập hoặc mật khẩu không đúng',
  'sign-in-locked': 'Tài khoản tạm khóa',
  'sign-in-captcha-wrong': 'Mã xác thực chưa đúng',
  'sign-in-otp': 'Để đăng nhập, nhập mã OTP',
  'sign-in-otp-wrong-code': 'Bạn còn 3 lần thử',
  'sign-in-otp-locked': 'Tạm khóa do nhập sai quá nhiều lần',
  account: 'Nguyễn Văn An',
  done: '001090000001',
  'load-failed': 'Kiểm tra kết nối mạng',
  'details-load-failed': 'Không tải được phần còn lại của trang',
};

test('every gallery state renders from its own link: no console error, no axe WCAG 2.2 A/AA violation, fits 320 px and 200 % zoom, valid HTML (Nu Html Checker)', async () => {
  const html = htmlCheck('nu-html-gallery');
  const index = await openPage(browser);
  await index.goto(`${DEV}/__gallery`);
  await index.locator('a[data-state]').first().waitFor();
  const keys = await index.locator('a[data-state]').evaluateAll((links) => links.map((a) => a.dataset.state));
  assert.ok(keys.length >= 25, `${keys.length} states`);
  for (const key of keys) assert.equal(await index.locator(`[id="${key}"]`).count(), 1, `anchor #${key}`);
  await index.context().close();
  for (const key of keys) {
    const page = await openPage(browser, { width: 375 });
    await page.goto(`${DEV}/__gallery/${key}`);
    await page.locator('body[data-gallery-ready]').waitFor({ state: 'attached' });
    assert.equal(await page.getByRole('heading', { level: 1 }).count(), 1, `${key} has its heading`);
    if (EXPECT[key]) await page.getByText(EXPECT[key]).first().waitFor();
    assert.deepEqual(await axeViolations(page), [], `${key}: axe`);
    await html.add(key, page);
    // 320 px is the narrowest phone; 640 px is a 1280 px window zoomed to 200 %.
    for (const width of [320, 640]) {
      await page.setViewportSize({ width, height: 800 });
      assert.equal(await overflow(page), '', `${key} at ${width} px`);
    }
    assert.deepEqual(page.errors, [], key);
    await page.context().close();
  }
  // The W3C checker on every state's DOM: attribute values (autocomplete tokens…), element
  // nesting and ids that axe does not judge.
  assert.deepEqual(html.errors(), []);
});
