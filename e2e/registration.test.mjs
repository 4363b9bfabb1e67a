// The registration flow (screens 3–6) against the real mock API.
import { test, expect } from './fixtures.mjs';
import { expectHeading, fillDetails, finishRegistration, screenshot, typeDetails } from './support.mjs';

const MAIN_WASM = /\/portal-[0-9a-f]{16}_bg\.wasm$/;
/** A screen's code, by its path: a split module, a shared chunk or a deep link's bundle. */
const isCode = (path) => /^\/(split_|chunk_)[^/]*\.wasm$|^\/bundle_[^/]*\.bin$/.test(path);
/** The form's deep-link bundle, and the OTP step's own module, by path. */
const FORM_BUNDLE = /^\/bundle_details_page-[0-9a-f]{16}\.bin$/;
const OTP_MODULE = /^\/split_otp_page-[0-9a-f]{16}\.wasm$/;
/** A request of the page for a file whose path matches `pattern`. */
const requestFor = (page, pattern) => page.waitForRequest((r) => pattern.test(new URL(r.url()).pathname));
const LAN = { name: 'Nguyễn Thị Lan' };

/** Holds the page's requests matching `pattern` until the returned function is called. */
async function hold(page, pattern) {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(pattern, async (route) => { await held; await route.continue(); });
  return release;
}

/** Waits until the app has replaced index.html's loading state: role queries would otherwise
 * also match its pre-rendered copy, still in the page until then. */
async function appTookOver(page) {
  await expect(page.getByRole('status').filter({ hasText: 'Đang tải' })).toHaveCount(0);
}

async function submitDetails(page) {
  await page.getByRole('button', { name: 'Đăng ký', exact: true }).click();
}

async function reachOtp(page, who) {
  await fillDetails(page, who);
  await submitDetails(page);
  await expectHeading(page, 'Nhập mã OTP');
}

for (const width of [375, 1280]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 800 } });

    test(`happy path through all six screens (${width}px)`, async ({ page, citizen, mock }) => {
      const who = citizen(LAN);
      await page.goto('/');
      await screenshot(page, '1-home');
      await page.getByRole('main').getByRole('link', { name: 'Đăng ký', exact: true }).click();
      await page.getByRole('radio', { name: 'Công dân' }).check();
      await page.getByRole('radio', { name: 'Thuê bao di động' }).check();
      await screenshot(page, '2-choose-method');
      await page.getByRole('button', { name: 'Tiếp tục' }).click();
      await expectHeading(page, 'Đăng ký bằng thuê bao di động');
      await typeDetails(page, who);
      await expect(page.getByText('Nhà mạng: Vinaphone')).toBeVisible();
      await screenshot(page, '3-details');
      await submitDetails(page);

      await expectHeading(page, 'Nhập mã OTP');
      await expect(page.getByText(`${who.phone.slice(0, 2)}******${who.phone.slice(-2)}`)).toBeVisible();
      await expect(page.locator('.timer')).toHaveText(/^0[45]:\d\d$/);
      await screenshot(page, '4-otp');
      const code = await mock.code(who.phone);
      await page.getByLabel('Mã OTP').fill(`#${code.slice(0, 3)} ${code.slice(3)}`);
      await expect(page.getByLabel('Mã OTP'), 'pasted separators are dropped').toHaveValue(code);
      await page.getByRole('button', { name: 'Xác nhận' }).click();

      await expectHeading(page, 'Đặt mật khẩu');
      await page.getByLabel(/^Mật khẩu/).fill('Sen#vang7');
      await screenshot(page, '5-password-partial');
      await page.getByLabel(/^Mật khẩu/).fill('Sen#vang7Ho');
      await page.getByLabel(/^Nhập lại mật khẩu/).fill('Sen#vang7Ho');
      await expect(page.getByRole('status').filter({ hasText: 'Mật khẩu đã đạt mọi yêu cầu' })).toBeAttached();
      await screenshot(page, '5-password');
      await page.getByRole('button', { name: 'Đăng ký', exact: true }).click();

      await expectHeading(page, 'Đăng ký tài khoản thành công');
      await expect(page.getByText(who.id, { exact: true })).toBeVisible();
      await expect(page.getByText('mức xác minh 2')).toBeVisible();
      await screenshot(page, '6-done');
      const stored = await page.evaluate(() => JSON.stringify(sessionStorage) + JSON.stringify(localStorage) + document.cookie);
      expect(stored, 'the password is never stored').not.toContain('Sen#vang7Ho');
      expect(stored, 'the code is never stored').not.toContain(code);
      expect(page.url()).not.toContain(code);
    });
  });
}

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 800 } });

  test('submitting an empty form lists every error, focused, with "Lỗi: " in the title', async ({ page }) => {
    await page.goto('/dang-ky/thue-bao-di-dong');
    await expectHeading(page, 'Đăng ký bằng thuê bao di động');
    await page.getByRole('button', { name: 'Đăng ký', exact: true }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Có lỗi cần sửa' });
    await expect(summary).toBeVisible();
    await expect(page).toHaveTitle(/^Lỗi: /);
    await expect(summary.getByRole('link')).toHaveCount(5);
    await expect(summary, 'the summary takes focus').toBeFocused();
    await screenshot(page, '3-details-errors');
    await summary.getByRole('link', { name: 'Nhập số điện thoại di động' }).click();
    await expect(page.getByLabel('Số điện thoại')).toBeFocused();
    await expect(page.getByLabel('Số điện thoại')).toHaveAttribute('aria-invalid', 'true');
  });
});

// libphonenumber's plan (crates/contract/src/phone_plan.rs): 030, 031 and 051 are mobile
// blocks opened after 2018; within 052 only 0522, 0523 and 0528 are.
for (const [block, network] of [['030', 'MobiFone'], ['031', 'Viettel'], ['051', 'MobiFone']]) {
  test(`a ${block}… number registers, its network shown (${network})`, async ({ page, citizen, mock }) => {
    const who = citizen();
    const phone = block + who.phone.slice(3);
    await fillDetails(page, { ...who, phone });
    await expect(page.getByText(`Nhà mạng: ${network}`)).toBeVisible();
    await submitDetails(page);
    await expectHeading(page, 'Nhập mã OTP');
    await page.getByLabel('Mã OTP').fill(await mock.code(phone));
    await finishRegistration(page);
  });
}

test('a 0527… number, outside the plan, is refused with the prefix message', async ({ page, citizen }) => {
  const who = citizen();
  await fillDetails(page, { ...who, phone: '0527' + who.phone.slice(4) });
  await expect(page.getByText(/^Nhà mạng:/)).toHaveCount(0);
  await submitDetails(page);
  const summary = page.getByRole('alert').filter({ hasText: 'Có lỗi cần sửa' });
  await expect(summary.getByRole('link', { name: /^Đầu số này không thuộc nhà mạng di động Việt Nam nào/ })).toBeVisible();
  await expect(page.getByLabel('Số điện thoại')).toHaveAttribute('aria-invalid', 'true');
});

test('an existing account gets the notice with its ways forward, and nothing typed is lost', async ({ page, citizen }) => {
  const who = { ...citizen(LAN), id: '001090000001' };
  await fillDetails(page, who);
  await submitDetails(page);
  page.allowErrors(/status of 409/);
  const notice = page.getByRole('region', { name: 'Số CMND/CCCD này đã có tài khoản' });
  await expect(notice).toBeVisible();
  await expect(notice.getByRole('link', { name: /Quên mật khẩu/ })).toBeVisible();
  await expect(notice.getByRole('link', { name: 'Đăng nhập bằng tài khoản này' })).toBeVisible();
  await expect(notice.getByText('quầy giao dịch')).toBeVisible();
  await expect(notice.getByText('phản ánh, kiến nghị')).toBeVisible();
  await screenshot(page, '3-notice-account-exists');
  await expect(page.getByLabel('Họ và tên')).toHaveValue(who.name);
  await expect(page.getByLabel('Mã xác thực'), 'the spent captcha answer is cleared').toHaveValue('');
  await notice.getByRole('link', { name: /Quên mật khẩu/ }).click();
  await expectHeading(page, 'Quên mật khẩu');
});

test('a phone not registered to the ID gets the carrier notice and the field is marked', async ({ page, citizen }) => {
  const who = { ...citizen(LAN), phone: '0912000000' };
  page.allowErrors(/status of 409/);
  await fillDetails(page, who);
  await submitDetails(page);
  const notice = page.getByRole('region', { name: 'Số điện thoại chưa chính chủ' });
  await expect(notice).toBeVisible();
  await expect(notice.getByText('TTTB gửi 1414')).toBeVisible();
  // The recognised network's care line, and which ID to give.
  await expect(notice.getByText('tổng đài chăm sóc khách hàng Vinaphone: 18001091', { exact: false })).toBeVisible();
  await expect(notice.getByText('số CMND nếu SIM đăng ký bằng CMND', { exact: false })).toBeVisible();
  await expect(page.getByRole('textbox', { name: /^Số điện thoại/ })).toHaveAttribute('aria-invalid', 'true');
  await screenshot(page, '3-notice-carrier');
});

for (const width of [320, 375]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 800 } });

    test(`at ${width} px the stepper keeps one line, names the current step and says Bước 3/5`, async ({ page }) => {
      await page.goto('/dang-ky/thue-bao-di-dong');
      await expectHeading(page, 'Đăng ký bằng thuê bao di động');
      await expect(page.getByLabel('Họ và tên')).toBeVisible();
      const steps = page.getByRole('navigation', { name: 'Các bước đăng ký' }).getByRole('listitem');
      await expect(steps).toHaveCount(5);
      const tops = await steps.evaluateAll((items) => items.map((i) => Math.round(i.getBoundingClientRect().top)));
      expect(new Set(tops).size, `one line: ${tops}`).toBe(1);
      const current = await steps.evaluateAll((items) => items.map((i) => i.getAttribute('aria-current')));
      expect(current).toEqual([null, null, 'step', null, null]);
      await expect(steps.nth(2).getByText('Nhập thông tin')).toBeVisible();
      await expect(page.getByText('Bước 3/5', { exact: true })).toBeVisible();
    });
  });
}

for (const written of ['+84 (0) 912 000 000', '(+84) 912 000 000', '84 0912000000']) {
  test(`the same phone written as ${written} gets the same answer as 0912000000`, async ({ page, citizen }) => {
    // Chromium logs the mock's 409 (carrier_mismatch) itself; anything else is a fault.
    page.allowErrors(/status of 409/);
    await fillDetails(page, { ...citizen(LAN), phone: written });
    await submitDetails(page);
    await expect(page.getByRole('region', { name: 'Số điện thoại chưa chính chủ' })).toBeVisible();
    await expect(page.getByRole('link', { name: /phải có 10 chữ số|ký tự không hợp lệ/ })).toHaveCount(0);
  });
}

test('a wrong code says how many attempts are left, then the right code works', async ({ page, citizen, mock }) => {
  const who = citizen(LAN);
  page.allowErrors(/status of 400/);
  await reachOtp(page, who);
  const code = await mock.code(who.phone);
  const wrong = code === '000000' ? '111111' : '000000';
  await page.getByLabel('Mã OTP').fill(wrong);
  await page.getByRole('button', { name: 'Xác nhận' }).click();
  await expect(page.getByText('Bạn còn 4 lần thử')).toBeVisible();
  await screenshot(page, '4-otp-wrong-code');
  await page.getByLabel('Mã OTP').fill(code);
  await page.getByRole('button', { name: 'Xác nhận' }).click();
  await expectHeading(page, 'Đặt mật khẩu');
});

test('an expired code, then "Gửi lại OTP", then success', async ({ page, citizen, mock }) => {
  await page.clock.install();
  const who = citizen(LAN);
  await reachOtp(page, who);
  const resend = page.getByRole('button', { name: 'Gửi lại OTP' });
  await expect(resend, 'not before resend_available_at').toBeDisabled();
  expect((await mock.advance(301)).status).toBe(200);
  await page.clock.fastForward(301_000);
  await expect(page.getByText('Mã OTP đã hết hạn').first()).toBeVisible();
  await screenshot(page, '4-otp-expired');
  await resend.click();
  await expect(page.getByText('Đã gửi mã OTP mới')).toBeVisible();
  await expect(page.locator('.timer'), 'the countdown restarts').toHaveText(/^0[45]:\d\d$/);
  await expect.poll(() => mock.smsCount(who.phone), 'the new code is sent').toBe(2);
  const code = await mock.lastCode(who.phone);
  await page.getByLabel('Mã OTP').fill(code);
  await page.getByRole('button', { name: 'Xác nhận' }).click();
  await expectHeading(page, 'Đặt mật khẩu');
});

test('a reload on the OTP step resumes it with the right remaining time', async ({ page, citizen }) => {
  await page.clock.install();
  await reachOtp(page, citizen(LAN));
  await page.clock.fastForward(90_000);
  await page.reload();
  await expectHeading(page, 'Nhập mã OTP');
  await expect(page.locator('.timer'), 'about 3:30 left after 90 s').toHaveText(/^03:(2\d|30)$/);
});

test('Back from the OTP step shows the form still filled; a fresh tab on /otp lands on the form', async ({ page, newPage, citizen }) => {
  const who = citizen(LAN);
  await reachOtp(page, who);
  await page.goBack();
  await expectHeading(page, 'Đăng ký bằng thuê bao di động');
  await expect(page.getByLabel('Số CMND/CCCD')).toHaveValue(who.id);
  await expect(page.getByLabel('Số điện thoại')).toHaveValue(who.phone);

  const fresh = await newPage();
  await fresh.goto('/dang-ky/thue-bao-di-dong/otp');
  await expectHeading(fresh, 'Đăng ký bằng thuê bao di động');
  await expect(fresh).toHaveURL(/\/dang-ky\/thue-bao-di-dong$/);
});

test('a refused submit asks for the new captcha without calling its empty answer an error', async ({ page, citizen }) => {
  page.allowErrors(/status of 409/);
  await fillDetails(page, { ...citizen(LAN), phone: '0912000000' });
  await submitDetails(page);
  await expect(page.getByRole('region', { name: 'Số điện thoại chưa chính chủ' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: /^Mã xác thực/ })).not.toHaveAttribute('aria-invalid');
});

test('double-clicking "Đăng ký" sends one registration', async ({ page, citizen }) => {
  await fillDetails(page, citizen(LAN));
  let posts = 0;
  page.on('request', (r) => { if (r.method() === 'POST' && r.url().endsWith('/api/registrations')) posts += 1; });
  await page.getByRole('button', { name: 'Đăng ký', exact: true }).dblclick();
  await expectHeading(page, 'Nhập mã OTP');
  expect(posts).toBe(1);
});

test('a failing server shows "Thử lại", keeps every field, and the retry succeeds', async ({ page, citizen, mock }) => {
  const who = citizen(LAN);
  page.allowErrors(/status of 500/);
  await fillDetails(page, who);
  expect((await mock.faults({ fail_next: 1, status: 500 })).status).toBe(200);
  await submitDetails(page);
  const notice = page.getByRole('region', { name: 'Không kết nối được với hệ thống' });
  await expect(notice).toBeVisible();
  await screenshot(page, '3-notice-retry');
  await expect(page.getByRole('textbox', { name: /^Số CMND\/CCCD/ })).toHaveValue(who.id);
  // The 500 came before the server read the captcha, but the form cannot know: it shows a
  // new image, so the citizen types the new answer and retries.
  await page.getByRole('textbox', { name: /^Mã xác thực/ }).fill('abcde');
  await notice.getByRole('button', { name: 'Thử lại' }).click();
  await expectHeading(page, 'Nhập mã OTP');
});

test('the sixth registration for one phone in an hour gets the rate-limit notice, counting down', async ({ page, citizen, mock }) => {
  const who = citizen(LAN);
  for (let i = 0; i < 5; i += 1) {
    const { body: { captcha_id } } = await mock.get('/api/captcha');
    const started = await mock.post('/api/registrations', {
      id_number: `0790909${who.id.slice(-4)}${i}`, full_name: 'Lê Văn Nam',
      date_of_birth: '1990-01-01', phone: who.phone, captcha_id, captcha_answer: 'ABCDE',
    });
    expect(started.status).toBe(201);
  }
  page.allowErrors(/status of 429/);
  await fillDetails(page, who);
  await submitDetails(page);
  const notice = page.getByRole('region', { name: 'Tạm dừng do thử quá nhiều lần' });
  await expect(notice).toBeVisible();
  await expect(notice.getByText(/Vui lòng chờ (59|60):\d\d/)).toBeVisible();
  await expect(page.getByRole('textbox', { name: /^Họ và tên/ })).toHaveValue(who.name);
  await screenshot(page, '3-notice-rate-limited');
});

test('the next step\'s code is fetched once the citizen starts on this one, not on arrival', async ({ page }) => {
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.goto('/dang-ky/thue-bao-di-dong');
  await expectHeading(page, 'Đăng ký bằng thuê bao di động');
  // The moment has passed: the captcha's image answers a request the form makes as it
  // renders, and a prefetch started on arrival would have asked for its first file (a
  // missing chunk, or the module) in that same turn, before any answer could come.
  await expect(page.getByRole('img', { name: 'Ảnh mã xác thực gồm 5 ký tự' })).toBeVisible();
  expect(requested.filter(isCode), 'arriving on the form fetches nothing for the OTP step')
    .toEqual([expect.stringMatching(FORM_BUNDLE)]);
  const fetched = requestFor(page, OTP_MODULE);
  await page.getByLabel('Họ và tên').pressSequentially('An');
  await fetched;
});

test('a link straight to the form takes typing before its code arrives, and the app keeps it', async ({ page }) => {
  const release = await hold(page, /\/bundle_details_page-[0-9a-f]{16}\.bin$/);
  await page.goto('/dang-ky/thue-bao-di-dong');
  // The pre-rendered form: the app stays behind the loading state until its code is there.
  await expect(page.getByRole('status').filter({ hasText: 'Đang tải' }), 'the code is on its way').toHaveCount(1);
  await expect(page.getByLabel('Số điện thoại')).toBeEditable();
  await expect(page.getByRole('button', { name: 'Đăng ký', exact: true }), 'nothing to submit before the app is there').toBeDisabled();
  await page.getByLabel('Số điện thoại').fill('0912');
  await page.getByLabel('Họ và tên').click();
  await page.keyboard.type('Nguyễn Thị');
  release();
  await appTookOver(page);
  await expectHeading(page, 'Đăng ký bằng thuê bao di động');
  await expect(page.getByLabel('Họ và tên')).toHaveValue('Nguyễn Thị');
  await expect(page.getByLabel('Số điện thoại')).toHaveValue('0912');
  await expect(page.getByLabel('Họ và tên'), 'the focus stays in the field being typed in').toBeFocused();
  await page.keyboard.type(' Lan');
  await expect(page.getByLabel('Họ và tên'), 'and so does the caret').toHaveValue('Nguyễn Thị Lan');
  // The app's own state has what was typed, not just its fields.
  await submitDetails(page);
  await expect(page.getByRole('link', { name: 'Nhập số CMND/CCCD' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Nhập họ và tên' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Nhập số điện thoại di động' })).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
});

test('a link in the pre-rendered home page works before the app is there, and keeps the focus when it takes over', async ({ page }) => {
  const release = await hold(page, MAIN_WASM);
  await page.goto('/');
  const register = page.getByRole('main').getByRole('link', { name: 'Đăng ký', exact: true });
  await expect(register).toHaveAttribute('href', '/dang-ky');
  await register.focus();
  release();
  await appTookOver(page);
  await expect(page.getByRole('main').getByRole('link', { name: 'Đăng ký', exact: true }), 'the app\'s own link').toBeFocused();
  await page.keyboard.press('Enter');
  await expectHeading(page, 'Chọn phương thức đăng ký');
});

// The release index.html carries each screen's first render (xtask/src/prerender.rs).
for (const [path, heading] of [['/', 'Tài khoản Dịch vụ công'], ['/dang-ky/thue-bao-di-dong', 'Đăng ký bằng thuê bao di động']]) {
  test.describe(`a phone opening ${path}`, () => {
    test.use({ viewport: { width: 412, height: 800 } });

    test(`a first visit to ${path} paints the screen's own top before the app's code, and the app takes it over unchanged`, async ({ page }) => {
      await page.addInitScript(() => {
        window.paints = [];
        new PerformanceObserver((list) => window.paints.push(...list.getEntries().map((e) => [e.entryType, e.startTime, e.value ?? e.size])))
          .observe({ type: 'largest-contentful-paint', buffered: true });
        new PerformanceObserver((list) => window.paints.push(...list.getEntries().map((e) => [e.entryType, e.startTime, e.value])))
          .observe({ type: 'layout-shift', buffered: true });
      });
      const release = await hold(page, MAIN_WASM);
      await page.goto(path);
      await expect(page.getByText(heading, { exact: true })).toBeVisible();
      // Until its code is there, the copy is the screen as far as it goes without it
      // (Chromium's own accessibility tree: what a screen reader gets): its heading, its
      // links and fields, every button disabled, and the loading status; no id twice.
      const cdp = await page.context().newCDPSession(page);
      const nodes = (await cdp.send('Accessibility.getFullAXTree')).nodes.filter((n) => !n.ignored);
      const exposed = nodes.map((n) => `${n.role?.value}: ${n.name?.value ?? ''}`);
      expect(exposed, exposed.join('\n')).toContain(`heading: ${heading}`);
      const buttons = nodes.filter((n) => n.role?.value === 'button');
      expect(buttons.length).toBeGreaterThan(0);
      expect(buttons.filter((n) => !n.properties?.some((p) => p.name === 'disabled' && p.value.value)).map((n) => n.name?.value),
        'no button can be pressed before the app is there').toEqual([]);
      expect(exposed, exposed.join('\n')).toContain('status: ');
      expect(exposed, exposed.join('\n')).toContain('StaticText: Đang tải… / Loading…');
      expect(await page.evaluate(() => {
        const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
        return ids.filter((id, i) => ids.indexOf(id) !== i);
      }), 'no id twice').toEqual([]);

      const released = await page.evaluate(() => performance.now());
      release();
      await appTookOver(page);
      await expectHeading(page, heading);
      await expect(page.getByRole('button', { name: 'English', disabled: false })).toBeVisible();
      await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
      const paints = await page.evaluate(() => window.paints);
      const largest = paints.filter(([type]) => type === 'largest-contentful-paint');
      expect(largest.length).toBeGreaterThan(0);
      expect(largest.filter(([, at]) => at > released),
        'the app\'s own render of the same top is no larger paint: the pre-rendered one stays the largest').toEqual([]);
      expect(paints.filter(([type]) => type === 'layout-shift'), 'nothing moved when the app took over').toEqual([]);
    });
  });
}

test('a visitor who chose English sees the loading state, not the Vietnamese copy, until the app renders', async ({ page }) => {
  await page.goto('/dang-ky/thue-bao-di-dong');
  await page.getByRole('button', { name: 'English' }).click();
  await expectHeading(page, 'Register with your mobile number');
  const release = await hold(page, MAIN_WASM);
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'Loading' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 }), 'no Vietnamese heading flashes first').toHaveCount(0);
  release();
  await expectHeading(page, 'Register with your mobile number');
});

test('a link straight to the form downloads its code in one file, beside the main wasm, and leaves focus at the top', async ({ page }) => {
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.goto('/');
  await expectHeading(page, 'Tài khoản Dịch vụ công');
  await expect(page.getByRole('main').getByRole('link', { name: 'Đăng ký', exact: true })).toBeVisible();
  // The moment has passed: the app has rendered the home page (the loading state is gone),
  // and only that render could ask for a screen's code here (the home page has no bundle
  // and prefetches nothing).
  expect(requested.filter(isCode), 'the home page downloads no screen').toEqual([]);

  // Started by index.html, not by the loader once the main wasm runs: it comes while the
  // main wasm is still held back.
  const release = await hold(page, MAIN_WASM);
  const bundle = requestFor(page, FORM_BUNDLE);
  await page.goto('/dang-ky/thue-bao-di-dong');
  await bundle;
  release();
  await appTookOver(page);
  await expectHeading(page, 'Đăng ký bằng thuê bao di động');
  // The moment has passed: the form has rendered with every module it needs, and its
  // captcha's image answers a request made as it rendered.
  await expect(page.getByRole('img', { name: 'Ảnh mã xác thực gồm 5 ký tự' })).toBeVisible();
  const code = requested.filter(isCode);
  expect(code, 'one file, no module alone').toEqual([expect.stringMatching(FORM_BUNDLE)]);
  expect(await page.evaluate(() => document.activeElement === document.body),
    'a page opened by its address starts at the top (the skip link first), like any page').toBe(true);
  // Moving on fetches only what the next screen adds, each module alone and once.
  const before = requested.length;
  // The split loader asks for a module's missing chunks, and waits for them, before the
  // module itself: once the OTP step's own module is asked for, the prefetch has asked for
  // everything it will.
  const otpModule = requestFor(page, OTP_MODULE);
  await page.getByLabel('Họ và tên').pressSequentially('An');
  await otpModule;
  const next = requested.slice(before).filter(isCode);
  expect(next.length, 'the next step\'s modules are prefetched').toBeGreaterThan(0);
  expect(next.every((p) => /^\/(split_|chunk_)/.test(p)), `${next}`).toBe(true);
  expect(new Set(next).size, `no module twice: ${next}`).toBe(next.length);
  // The bundle's parts (xtask/src/split/bundle.rs, `bundle`: count, lengths, module numbers, parts).
  const bytes = await (await page.request.get(code[0])).body();
  const count = bytes.readUInt32LE(0);
  const bundled = [];
  for (let k = 0, at = 4 + 8 * count; k < count; k++) {
    const length = bytes.readUInt32LE(4 + 4 * k);
    bundled.push(bytes.subarray(at, at + length));
    at += length;
  }
  expect(bundled.length).toBeGreaterThan(1);
  for (const path of next) {
    const module = await (await page.request.get(path)).body();
    expect(bundled.some((part) => part.equals(module)), `the bundle brought ${path} already`).toBe(false);
  }
});

test('a link straight to the form whose bundle does not download fetches its modules one by one', async ({ page }) => {
  page.allowErrors(/ERR_INTERNET_DISCONNECTED/);
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.route(/\/bundle_[^/]*\.bin$/, (route) => route.abort('internetdisconnected'));
  await page.goto('/dang-ky/thue-bao-di-dong');
  await appTookOver(page);
  await expectHeading(page, 'Đăng ký bằng thuê bao di động');
  await page.getByLabel('Họ và tên').fill('Nguyễn Văn An');
  await expect(page.getByLabel('Họ và tên')).toHaveValue('Nguyễn Văn An');
  expect(requested.some((p) => /^\/bundle_details_page-/.test(p)), 'the bundle was asked for').toBe(true);
  expect(requested.some((p) => /^\/split_[^/]*\.wasm$/.test(p)), 'then each module alone').toBe(true);
});
