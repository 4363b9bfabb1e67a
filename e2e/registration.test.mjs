// The registration flow (screens 3–6) against the real mock API.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE, citizens, fillDetails, lastCode, launch, openPage, postJson, screenshot, typeDetails,
} from './support.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const citizen = citizens({ from: 500, phonePrefix: '0915', name: 'Nguyễn Thị Lan' });

async function advanceServerClock(seconds) {
  assert.equal((await postJson('/api/dev/clock', { advance_s: seconds })).status, 200);
}

const MAIN_WASM = /\/portal-[0-9a-f]{16}_bg\.wasm$/;

/** Holds the page's requests matching `pattern` until the returned function is called. */
async function hold(page, pattern) {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(pattern, async (route) => { await held; await route.continue(); });
  return release;
}

/** Waits until the app has replaced index.html's loading state: role queries would otherwise
 * also match its pre-rendered copy, which is inert but still in the page. */
async function appTookOver(page) {
  await page.getByRole('status').filter({ hasText: 'Đang tải' }).waitFor({ state: 'detached' });
}

async function submitDetails(page) {
  await page.getByRole('button', { name: 'Đăng ký', exact: true }).click();
}

async function reachOtp(page, who) {
  await fillDetails(page, who);
  await submitDetails(page);
  await page.getByRole('heading', { level: 1, name: 'Nhập mã OTP' }).waitFor();
}

for (const width of [375, 1280]) {
  test(`happy path through all six screens (${width}px)`, async () => {
    const page = await openPage(browser, { width });
    const who = citizen();
    await page.goto(`${BASE}/`);
    await screenshot(page, '1-home');
    await page.getByRole('main').getByRole('link', { name: 'Đăng ký', exact: true }).click();
    await page.getByRole('radio', { name: 'Công dân' }).check();
    await page.getByRole('radio', { name: 'Thuê bao di động' }).check();
    await screenshot(page, '2-choose-method');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.getByRole('heading', { level: 1, name: 'Đăng ký bằng thuê bao di động' }).waitFor();
    await typeDetails(page, who);
    await page.getByText('Nhà mạng: Vinaphone').waitFor();
    await screenshot(page, '3-details');
    await submitDetails(page);

    await page.getByRole('heading', { level: 1, name: 'Nhập mã OTP' }).waitFor();
    await page.getByText(`${who.phone.slice(0, 2)}******${who.phone.slice(-2)}`).waitFor();
    assert.match(await page.locator('.timer').innerText(), /^0[45]:\d\d$/);
    await screenshot(page, '4-otp');
    const code = await lastCode(who.phone);
    assert.ok(code, 'the SMS is in the dev outbox');
    await page.getByLabel('Mã OTP').fill(`#${code.slice(0, 3)} ${code.slice(3)}`);
    assert.equal(await page.getByLabel('Mã OTP').inputValue(), code, 'pasted separators are dropped');
    await page.getByRole('button', { name: 'Xác nhận' }).click();

    await page.getByRole('heading', { level: 1, name: 'Đặt mật khẩu' }).waitFor();
    await page.getByLabel(/^Mật khẩu/).fill('Sen#vang7');
    await screenshot(page, '5-password-partial');
    await page.getByLabel(/^Mật khẩu/).fill('Sen#vang7Ho');
    await page.getByLabel(/^Nhập lại mật khẩu/).fill('Sen#vang7Ho');
    await page.getByRole('status').filter({ hasText: 'Mật khẩu đã đạt mọi yêu cầu' }).waitFor({ state: 'attached' });
    await screenshot(page, '5-password');
    await page.getByRole('button', { name: 'Đăng ký', exact: true }).click();

    await page.getByRole('heading', { level: 1, name: 'Đăng ký tài khoản thành công' }).waitFor();
    await page.getByText(who.id, { exact: true }).waitFor();
    await page.getByText('mức xác minh 2').waitFor();
    await screenshot(page, '6-done');
    const stored = await page.evaluate(() => JSON.stringify(sessionStorage) + JSON.stringify(localStorage) + document.cookie);
    assert.ok(!stored.includes('Sen#vang7Ho'), 'the password is never stored');
    assert.ok(!stored.includes(code), 'the code is never stored');
    assert.ok(!page.url().includes(code));
    assert.deepEqual(page.errors, [], 'no console errors or CSP violations');
    await page.context().close();
  });
}

test('submitting an empty form lists every error, focused, with "Lỗi: " in the title', async () => {
  const page = await openPage(browser, { width: 375 });
  await page.goto(`${BASE}/dang-ky/thue-bao-di-dong`);
  await page.getByRole('button', { name: 'Đăng ký', exact: true }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'Có lỗi cần sửa' });
  await summary.waitFor();
  assert.ok((await page.title()).startsWith('Lỗi: '));
  assert.equal(await summary.getByRole('link').count(), 5);
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('error-summary')), true);
  await screenshot(page, '3-details-errors');
  await summary.getByRole('link', { name: 'Nhập số điện thoại di động' }).click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'phone');
  assert.equal(await page.getByLabel('Số điện thoại').getAttribute('aria-invalid'), 'true');
  await page.context().close();
});

test('an existing account gets the notice with its ways forward, and nothing typed is lost', async () => {
  const page = await openPage(browser);
  const who = { ...citizen(), id: '001090000001' };
  await fillDetails(page, who);
  await submitDetails(page);
  const notice = page.getByRole('region', { name: 'Số CMND/CCCD này đã có tài khoản' });
  await notice.waitFor();
  await notice.getByRole('link', { name: /Quên mật khẩu/ }).waitFor();
  await notice.getByRole('link', { name: 'Đăng nhập bằng tài khoản này' }).waitFor();
  await notice.getByText('quầy giao dịch').waitFor();
  await notice.getByText('phản ánh, kiến nghị').waitFor();
  await screenshot(page, '3-notice-account-exists');
  assert.equal(await page.getByLabel('Họ và tên').inputValue(), who.name);
  assert.equal(await page.getByLabel('Mã xác thực').inputValue(), '', 'the spent captcha answer is cleared');
  await notice.getByRole('link', { name: /Quên mật khẩu/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Quên mật khẩu' }).waitFor();
  await page.context().close();
});

test('a phone not registered to the ID gets the carrier notice and the field is marked', async () => {
  const page = await openPage(browser);
  const who = { ...citizen(), phone: '0912000000' };
  await fillDetails(page, who);
  await submitDetails(page);
  const notice = page.getByRole('region', { name: 'Số điện thoại chưa chính chủ' });
  await notice.waitFor();
  await notice.getByText('TTTB gửi 1414').waitFor();
  // The recognised network's care line, and which ID to give.
  await notice.getByText('tổng đài chăm sóc khách hàng Vinaphone: 18001091', { exact: false }).waitFor();
  await notice.getByText('số CMND nếu SIM đăng ký bằng CMND', { exact: false }).waitFor();
  const phone = page.getByRole('textbox', { name: /^Số điện thoại/ });
  assert.equal(await phone.getAttribute('aria-invalid'), 'true');
  await screenshot(page, '3-notice-carrier');
  await page.context().close();
});

for (const width of [320, 375]) {
  test(`at ${width} px the stepper keeps one line, names the current step and says Bước 3/5`, async () => {
    const page = await openPage(browser, { width });
    await page.goto(`${BASE}/dang-ky/thue-bao-di-dong`);
    await page.getByLabel('Họ và tên').waitFor();
    const steps = page.getByRole('navigation', { name: 'Các bước đăng ký' }).getByRole('listitem');
    assert.equal(await steps.count(), 5);
    const tops = await steps.evaluateAll((items) => items.map((i) => Math.round(i.getBoundingClientRect().top)));
    assert.equal(new Set(tops).size, 1, `one line: ${tops}`);
    const current = await steps.evaluateAll((items) => items.map((i) => i.getAttribute('aria-current')));
    assert.deepEqual(current, [null, null, 'step', null, null]);
    assert.ok(await steps.nth(2).getByText('Nhập thông tin').isVisible());
    assert.ok(await page.getByText('Bước 3/5', { exact: true }).isVisible());
    await page.context().close();
  });
}

for (const written of ['+84 (0) 912 000 000', '(+84) 912 000 000', '84 0912000000']) {
  test(`the same phone written as ${written} gets the same answer as 0912000000`, async () => {
    const page = await openPage(browser);
    await fillDetails(page, { ...citizen(), phone: written });
    await submitDetails(page);
    await page.getByRole('region', { name: 'Số điện thoại chưa chính chủ' }).waitFor();
    assert.equal(await page.getByRole('link', { name: /phải có 10 chữ số|ký tự không hợp lệ/ }).count(), 0);
    // Chromium logs the mock's 409 (carrier_mismatch) itself; anything else is a fault.
    assert.deepEqual(page.errors.filter((e) => !e.includes('status of 409')), []);
    await page.context().close();
  });
}

test('a wrong code says how many attempts are left, then the right code works', async () => {
  const page = await openPage(browser);
  const who = citizen();
  await reachOtp(page, who);
  const code = await lastCode(who.phone);
  const wrong = code === '000000' ? '111111' : '000000';
  await page.getByLabel('Mã OTP').fill(wrong);
  await page.getByRole('button', { name: 'Xác nhận' }).click();
  await page.getByText('Bạn còn 4 lần thử').waitFor();
  await screenshot(page, '4-otp-wrong-code');
  await page.getByLabel('Mã OTP').fill(code);
  await page.getByRole('button', { name: 'Xác nhận' }).click();
  await page.getByRole('heading', { level: 1, name: 'Đặt mật khẩu' }).waitFor();
  await page.context().close();
});

test('an expired code, then "Gửi lại OTP", then success', async () => {
  const page = await openPage(browser);
  await page.clock.install();
  const who = citizen();
  await reachOtp(page, who);
  const resend = page.getByRole('button', { name: 'Gửi lại OTP' });
  assert.equal(await resend.isDisabled(), true, 'not before resend_available_at');
  await advanceServerClock(301);
  await page.clock.fastForward(301_000);
  await page.getByText('Mã OTP đã hết hạn').first().waitFor();
  await screenshot(page, '4-otp-expired');
  await resend.click();
  await page.getByText('Đã gửi mã OTP mới').waitFor();
  assert.match(await page.locator('.timer').innerText(), /^0[45]:\d\d$/, 'the countdown restarts');
  const code = await lastCode(who.phone);
  await page.getByLabel('Mã OTP').fill(code);
  await page.getByRole('button', { name: 'Xác nhận' }).click();
  await page.getByRole('heading', { level: 1, name: 'Đặt mật khẩu' }).waitFor();
  await page.context().close();
});

test('a reload on the OTP step resumes it with the right remaining time', async () => {
  const page = await openPage(browser);
  await page.clock.install();
  await reachOtp(page, citizen());
  await page.clock.fastForward(90_000);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Nhập mã OTP' }).waitFor();
  const timer = await page.locator('.timer').innerText();
  assert.match(timer, /^03:(2\d|30)$/, `about 3:30 left after 90 s, got ${timer}`);
  await page.context().close();
});

test('Back from the OTP step shows the form still filled; a fresh tab on /otp lands on the form', async () => {
  const page = await openPage(browser);
  const who = citizen();
  await reachOtp(page, who);
  await page.goBack();
  await page.getByRole('heading', { level: 1, name: 'Đăng ký bằng thuê bao di động' }).waitFor();
  assert.equal(await page.getByLabel('Số CMND/CCCD').inputValue(), who.id);
  assert.equal(await page.getByLabel('Số điện thoại').inputValue(), who.phone);
  await page.context().close();

  const fresh = await openPage(browser);
  await fresh.goto(`${BASE}/dang-ky/thue-bao-di-dong/otp`);
  await fresh.getByRole('heading', { level: 1, name: 'Đăng ký bằng thuê bao di động' }).waitFor();
  assert.equal(new URL(fresh.url()).pathname, '/dang-ky/thue-bao-di-dong');
  await fresh.context().close();
});

test('a refused submit asks for the new captcha without calling its empty answer an error', async () => {
  const page = await openPage(browser);
  const who = { ...citizen(), phone: '0912000000' };
  await fillDetails(page, who);
  await submitDetails(page);
  await page.getByRole('region', { name: 'Số điện thoại chưa chính chủ' }).waitFor();
  const captchaField = page.getByRole('textbox', { name: /^Mã xác thực/ });
  assert.equal(await captchaField.getAttribute('aria-invalid'), null);
  await page.context().close();
});

test('double-clicking "Đăng ký" sends one registration', async () => {
  const page = await openPage(browser);
  const who = citizen();
  await fillDetails(page, who);
  let posts = 0;
  page.on('request', (r) => { if (r.method() === 'POST' && r.url().endsWith('/api/registrations')) posts += 1; });
  await page.getByRole('button', { name: 'Đăng ký', exact: true }).dblclick();
  await page.getByRole('heading', { level: 1, name: 'Nhập mã OTP' }).waitFor();
  assert.equal(posts, 1);
  await page.context().close();
});

test('a failing server shows "Thử lại", keeps every field, and the retry succeeds', async () => {
  const page = await openPage(browser);
  const who = citizen();
  await fillDetails(page, who);
  const fault = await fetch(`${BASE}/api/dev/faults`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ fail_next: 1, status: 500 }),
  });
  assert.equal(fault.status, 200);
  await submitDetails(page);
  const notice = page.getByRole('region', { name: 'Không kết nối được với hệ thống' });
  await notice.waitFor();
  await screenshot(page, '3-notice-retry');
  assert.equal(await page.getByRole('textbox', { name: /^Số CMND\/CCCD/ }).inputValue(), who.id);
  // The 500 came before the server read the captcha, but the form cannot know: it shows a
  // new image, so the citizen types the new answer and retries.
  await page.getByRole('textbox', { name: /^Mã xác thực/ }).fill('abcde');
  await notice.getByRole('button', { name: 'Thử lại' }).click();
  await page.getByRole('heading', { level: 1, name: 'Nhập mã OTP' }).waitFor();
  await page.context().close();
});

test('the sixth registration for one phone in an hour gets the rate-limit notice, counting down', async () => {
  const who = citizen();
  for (let i = 0; i < 5; i += 1) {
    const { captcha_id } = await (await fetch(`${BASE}/api/captcha`)).json();
    const r = await fetch(`${BASE}/api/registrations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        id_number: `0790909${who.id.slice(-4)}${i}`, full_name: 'Lê Văn Nam',
        date_of_birth: '1990-01-01', phone: who.phone, captcha_id, captcha_answer: 'ABCDE',
      }),
    });
    assert.equal(r.status, 201);
  }
  const page = await openPage(browser);
  await fillDetails(page, who);
  await submitDetails(page);
  const notice = page.getByRole('region', { name: 'Tạm dừng do thử quá nhiều lần' });
  await notice.waitFor();
  await notice.getByText(/Vui lòng chờ (59|60):\d\d/).waitFor();
  assert.equal(await page.getByRole('textbox', { name: /^Họ và tên/ }).inputValue(), who.name);
  await screenshot(page, '3-notice-rate-limited');
  await page.context().close();
});

test('the next step\'s code is fetched once the citizen starts on this one, not on arrival', async () => {
  const page = await openPage(browser);
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  const otpModule = (path) => /^\/split_otp_page-[0-9a-f]{16}\.wasm$/.test(path);
  await page.goto(`${BASE}/dang-ky/thue-bao-di-dong`);
  await page.getByRole('img', { name: 'Ảnh mã xác thực gồm 5 ký tự' }).waitFor();
  await page.waitForLoadState('networkidle');
  assert.ok(!requested.some(otpModule), 'arriving on the form fetches nothing for the OTP step');
  const fetched = page.waitForRequest((r) => otpModule(new URL(r.url()).pathname));
  await page.getByLabel('Họ và tên').pressSequentially('An');
  await fetched;
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a link straight to the form shows its heading and introduction before the form\'s code arrives', async () => {
  const page = await openPage(browser);
  const release = await hold(page, /\/split_details_page-[^/]*\.wasm$/);
  await page.goto(`${BASE}/dang-ky/thue-bao-di-dong`);
  // The app's own top, not the pre-rendered copy shown until the main wasm has run.
  await appTookOver(page);
  await page.getByRole('heading', { level: 1, name: 'Đăng ký bằng thuê bao di động' }).waitFor();
  await page.getByText('Các trường có dấu * đỏ là bắt buộc', { exact: false }).waitFor();
  assert.equal(await page.getByLabel('Họ và tên').count(), 0, 'the form is still on its way');
  release();
  await page.getByLabel('Họ và tên').waitFor();
  assert.equal(await page.getByRole('heading', { level: 1 }).count(), 1);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

// The release index.html carries each screen's first render (xtask/src/prerender.rs).
for (const [path, heading] of [['/', 'Tài khoản Dịch vụ công'], ['/dang-ky/thue-bao-di-dong', 'Đăng ký bằng thuê bao di động']]) {
  test(`a first visit to ${path} paints the screen's own top before the app's code, and the app takes it over unchanged`, async () => {
    const page = await openPage(browser, { width: 412 });
    await page.addInitScript(() => {
      window.paints = [];
      new PerformanceObserver((list) => window.paints.push(...list.getEntries().map((e) => [e.entryType, e.startTime, e.value ?? e.size])))
        .observe({ type: 'largest-contentful-paint', buffered: true });
      new PerformanceObserver((list) => window.paints.push(...list.getEntries().map((e) => [e.entryType, e.startTime, e.value])))
        .observe({ type: 'layout-shift', buffered: true });
    });
    const release = await hold(page, MAIN_WASM);
    await page.goto(`${BASE}${path}`);
    await page.getByText(heading, { exact: true }).waitFor();
    // A picture of the screen until its code is there: nothing to focus, press or read out
    // but the loading status (Chromium's own accessibility tree: what a screen reader gets).
    const cdp = await page.context().newCDPSession(page);
    const exposed = (await cdp.send('Accessibility.getFullAXTree')).nodes
      .filter((n) => !n.ignored).map((n) => `${n.role?.value}: ${n.name?.value ?? ''}`);
    assert.deepEqual(exposed.filter((n) => /^(heading|link|button)/.test(n)), []);
    assert.ok(exposed.includes('status: ') && exposed.includes('StaticText: Đang tải… / Loading…'), exposed.join('\n'));
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement === document.body), true);

    const released = await page.evaluate(() => performance.now());
    release();
    await appTookOver(page);
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    await page.getByRole('button', { name: 'English', disabled: false }).waitFor();
    assert.equal(await page.getByRole('heading', { level: 1 }).count(), 1);
    const paints = await page.evaluate(() => window.paints);
    const largest = paints.filter(([type]) => type === 'largest-contentful-paint');
    assert.ok(largest.length > 0);
    assert.deepEqual(largest.filter(([, at]) => at > released), [],
      'the app\'s own render of the same top is no larger paint: the pre-rendered one stays the largest');
    assert.deepEqual(paints.filter(([type]) => type === 'layout-shift'), [], 'nothing moved when the app took over');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}

test('a visitor who chose English sees the loading state, not the Vietnamese copy, until the app renders', async () => {
  const page = await openPage(browser);
  await page.goto(`${BASE}/dang-ky/thue-bao-di-dong`);
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { level: 1, name: 'Register with your mobile number' }).waitFor();
  const release = await hold(page, MAIN_WASM);
  await page.reload();
  await page.getByRole('status').filter({ hasText: 'Loading' }).waitFor();
  assert.equal(await page.getByRole('heading', { level: 1 }).count(), 0, 'no Vietnamese heading flashes first');
  release();
  await page.getByRole('heading', { level: 1, name: 'Register with your mobile number' }).waitFor();
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a link straight to the form fetches its code beside the main wasm, each file once, and leaves focus at the top', async () => {
  const page = await openPage(browser);
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  const isModule = (path) => /^\/(split_|chunk_)[^/]*\.wasm$/.test(path);
  await page.goto(`${BASE}/`);
  await page.getByRole('main').getByRole('link', { name: 'Đăng ký', exact: true }).waitFor();
  await page.waitForLoadState('networkidle');
  assert.deepEqual(requested.filter(isModule), [], 'the home page preloads no screen');

  await page.goto(`${BASE}/dang-ky/thue-bao-di-dong`);
  await page.getByRole('heading', { level: 1, name: 'Đăng ký bằng thuê bao di động' }).waitFor();
  await page.waitForLoadState('networkidle');
  // Started by index.html's preload links (initiator "link"), not by the loader once the
  // main wasm runs (initiator "fetch"); the loader then reuses them.
  const starters = await page.evaluate(() => performance.getEntriesByType('resource')
    .filter((e) => /\/(split_|chunk_)[^/]*\.wasm$/.test(new URL(e.name).pathname))
    .map((e) => [new URL(e.name).pathname, e.initiatorType]));
  assert.ok(starters.some(([path]) => path.startsWith('/split_details_page-')), 'the form module is fetched');
  assert.deepEqual(starters.filter(([, by]) => by !== 'link'), [], 'every module of the form is preloaded');
  const modules = requested.filter(isModule);
  assert.equal(new Set(modules).size, modules.length, `no module is fetched twice: ${modules}`);
  assert.equal(await page.evaluate(() => document.activeElement === document.body), true,
    'a page opened by its address starts at the top (the skip link first), like any page');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
