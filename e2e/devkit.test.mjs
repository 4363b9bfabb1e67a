// The designer kit: the dev panel and /__gallery in the development build (the `dev`
// project's base URL), and their absence from the release build (BASE_URL).
import { test, expect } from './fixtures.mjs';
import { axeViolations, expectHeading, finishRegistration, htmlCheck, overflow, screenshot, wasmText } from './support.mjs';
import { transcript, transcriptProblems } from './transcript.mjs';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const RELEASE = process.env.BASE_URL;
const NO_DEV = process.env.NO_DEV_BASE_URL;
const MARKER = 'portal-dev-kit-3f9c1a';

test('the release build has no dev panel, no /__gallery and no dev code', async ({ page, request, baseURL }) => {
  expect((await wasmText(request, baseURL)).text.includes(MARKER), 'the marker is in the dev build (the check can fail)').toBe(true);
  const release = await wasmText(request, RELEASE);
  expect(release.files, 'the release wasm is split into modules').toBeGreaterThan(1);
  expect(release.text.includes(MARKER), 'no dev code in any release wasm file').toBe(false);
  await page.goto(`${RELEASE}/dang-ky/thue-bao-di-dong`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Dev' })).toHaveCount(0);
  await page.goto(`${RELEASE}/__gallery`);
  await expectHeading(page, 'Không tìm thấy trang');
});

test('with a mock started with --no-dev, even a development build shows no panel', async ({ page }) => {
  // The panel would appear once its probe of /api/dev/outbox answered; wait for that answer.
  page.allowErrors(/status of 404/);
  const probed = page.waitForResponse((r) => r.url().endsWith('/api/dev/outbox'));
  await page.goto(`${NO_DEV}/`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect((await probed).status()).toBe(404);
  await page.evaluate(() => new Promise(requestAnimationFrame));
  await expect(page.getByRole('button', { name: 'Dev' })).toHaveCount(0);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 800 } });

  test('the panel fills the form and the flow completes using only its SMS inbox', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('button', { name: 'Dev' }).click();
    await page.getByRole('button', { name: 'random valid citizen' }).click();
    await expectHeading(page, 'Đăng ký bằng thuê bao di động');
    await expect(page.getByLabel('Mã xác thực'), 'the live captcha answer, from the dev endpoint').toHaveValue('ABCDE');
    const phone = await page.getByLabel('Số điện thoại').inputValue();
    expect(phone).toMatch(/^09\d{8}$/);
    await screenshot(page, 'dev-panel-filled');
    await page.getByRole('button', { name: 'Đăng ký', exact: true }).click();
    await expectHeading(page, 'Nhập mã OTP');
    await page.getByRole('button', { name: 'Dev' }).click();
    const sms = page.getByRole('complementary', { name: 'Dev panel' }).getByRole('listitem').filter({ hasText: phone });
    await sms.getByRole('button', { name: /^Fill \d{6}$/ }).click();
    await expect(page.getByLabel('Mã OTP')).toHaveValue(/^\d{6}$/);
    await page.getByRole('button', { name: 'Close dev panel' }).click();
    await finishRegistration(page);
  });
});

test('"Expire the code now" moves both clocks: the OTP screen shows it expired', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Dev' }).click();
  await page.getByRole('button', { name: 'OTP', exact: true }).click();
  await expectHeading(page, 'Nhập mã OTP');
  await page.getByRole('button', { name: 'Dev' }).click();
  await expect(page.locator('.timer')).toHaveText(/^0[34]:\d\d$/);
  await page.getByRole('button', { name: 'Expire the code now' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'hết hạn' }).first()).toBeVisible();
  await expect(page.locator('.timer')).toHaveText('00:00');
});

test('"Clear data" asks first, then empties the mock: a registered ID can register again', async ({ page, mock, citizen }) => {
  const who = citizen();
  const register = async () => {
    const { body: captcha } = await mock.get('/api/captcha');
    return mock.post('/api/registrations', {
      id_number: who.id, full_name: who.name, date_of_birth: '1990-03-15', phone: who.phone,
      captcha_id: captcha.captcha_id, captcha_answer: 'abcde',
    });
  };
  const started = await register();
  expect(started.status).toBe(201);
  const id = started.body.registration_id;
  const verified = await mock.post(`/api/registrations/${id}/otp/verify`, { code: await mock.code(who.phone) });
  const password = 'Sen#vang7Ho';
  const done = await mock.post(`/api/registrations/${id}/password`, {
    password_token: verified.body.password_token, password, password_confirmation: password,
  });
  expect(done.status).toBe(201);
  expect((await register()).body.error, 'the account exists').toBe('account_exists');

  await page.goto('/');
  await page.getByRole('button', { name: 'Dev' }).click();
  const panel = page.getByRole('complementary', { name: 'Dev panel' });
  const dialogs = [];
  page.once('dialog', (dialog) => { dialogs.push(dialog.message()); dialog.dismiss(); });
  await panel.getByRole('button', { name: 'Clear data' }).click();
  await expect.poll(() => dialogs.length, 'a confirmation was asked').toBe(1);
  expect((await register()).body.error, 'dismissed: nothing cleared').toBe('account_exists');

  page.once('dialog', (dialog) => dialog.accept());
  await panel.getByRole('button', { name: 'Clear data' }).click();
  await expect(panel.getByRole('status')).toHaveText(/^Cleared [1-9]\d* accounts and \d+ flows under way/);
  expect((await register()).status, 'the ID is free again').toBe(201);
});

// The gallery index frames every state; the mock's CSP (`frame-ancestors 'none'`, as in
// production) refuses them. Under `cargo xtask dev` (trunk serve) they show.
const FRAMING_REFUSED = /^Framing '.*' violates the following Content Security Policy directive: "frame-ancestors 'none'"/;

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
};

test('every gallery state renders from its own link: no console error, no axe WCAG 2.2 A/AA violation, heard as a screen-reader user needs it, fits 320 px and 200 % zoom, valid HTML (Nu Html Checker)', async ({ page: index, newPage }) => {
  test.setTimeout(900_000);
  const html = htmlCheck('nu-html-gallery');
  // Each state is checked on its own page below (the index's frames are refused here).
  index.allowErrors(FRAMING_REFUSED);
  await index.goto('/__gallery');
  const links = index.locator('a[data-state]');
  await expect(links.first()).toBeAttached();
  const keys = await links.evaluateAll((all) => all.map((a) => a.dataset.state));
  expect(keys.length, `${keys.length} states`).toBeGreaterThanOrEqual(25);
  for (const key of keys) await expect(index.locator(`[id="${key}"]`), `anchor #${key}`).toHaveCount(1);
  for (const key of keys) {
    await test.step(key, async () => {
      const page = await newPage({ width: 375 });
      await page.goto(`/__gallery/${key}`);
      await expect(page.locator('body[data-gallery-ready]')).toBeAttached();
      await expect(page.getByRole('heading', { level: 1 }), `${key} has its heading`).toHaveCount(1);
      if (EXPECT[key]) await expect(page.getByText(EXPECT[key]).first()).toBeVisible();
      expect(await axeViolations(page), `${key}: axe`).toEqual([]);
      await html.add(key, page);
      // 320 px is the narrowest phone; 640 px is a 1280 px window zoomed to 200 %.
      for (const width of [320, 640]) {
        await page.setViewportSize({ width, height: 800 });
        expect(await overflow(page), `${key} at ${width} px`).toBe('');
      }
      // Read through by the virtual screen reader (last: the read adjusts the page): the
      // banner once, the landmarks, one level-1 heading, fields with their labels (and
      // "required"), invalid fields with the summary's messages, nothing unnamed. The
      // transcript is the evidence.
      const heard = await transcript(page);
      expect(transcriptProblems(heard), `${key}, heard:\n${heard.join('\n')}`).toEqual([]);
      expect(page.unexpectedErrors(), key).toEqual([]);
      await page.context().close();
    });
  }
  // The W3C checker on every state's DOM: attribute values (autocomplete tokens…), element
  // nesting and ids that axe does not judge.
  expect(html.errors()).toEqual([]);
});

// The visual review's own check: one rule of a scratch copy of the stylesheet changed, and
// exactly the states that show what it styles are reported changed, at each width.
const SCRATCH_STATES = ['home', 'details-empty', 'details-errors', 'details-account-exists', 'password-partial',
  'password-errors', 'sign-in', 'sign-in-error', 'sign-in-captcha-wrong', 'otp-wrong-code'];

test('the visual review reports exactly the states a changed style rule shows on', async ({ page, baseURL }) => {
  test.setTimeout(300_000);
  const dir = 'target/gallery-scratch';
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  await page.goto('/');
  const href = await page.locator('link[rel="stylesheet"]').getAttribute('href');
  const built = await (await page.request.get(href)).text();
  const rule = '.error-summary { border: 4px solid var(--color-error);';
  expect(built, 'the rule to change is in the build').toContain(rule);
  const stylesheet = join(dir, 'scratch.css');
  writeFileSync(stylesheet, built.replace(rule, '.error-summary { border: 4px solid #1d4e89;'));

  const run = spawnSync('node', ['e2e/gallery.mjs', '--compare', '--only', SCRATCH_STATES.join(','),
    '--stylesheet', stylesheet, '--out', join(dir, 'out')], { env: { ...process.env, BASE_URL: baseURL }, encoding: 'utf8' });
  const said = `${run.stdout}${run.stderr}`;
  expect(run.status, `a changed state fails the review:\n${said}`).toBe(1);
  expect(existsSync(join(dir, 'out/review.json')), `the review was written:\n${said}`).toBe(true);
  const review = JSON.parse(readFileSync(join(dir, 'out/review.json'), 'utf8'));
  const reported = review.changed.map((c) => `${c.key}@${c.width}`).sort();

  // Which states show an error summary, seen on each state's page.
  const showing = [];
  for (const width of [375, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    for (const key of SCRATCH_STATES) {
      await page.goto(`/__gallery/${key}`);
      await expect(page.locator('body[data-gallery-ready]')).toBeAttached();
      if (await page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'Có lỗi cần sửa' }) }).count()) {
        showing.push(`${key}@${width}`);
      }
    }
  }
  expect(showing.length, 'some states show the summary').toBeGreaterThan(0);
  expect(showing.length, 'some do not').toBeLessThan(SCRATCH_STATES.length * 2);
  expect(reported).toEqual(showing.sort());
  expect(review.unchanged.length + review.changed.length).toBe(SCRATCH_STATES.length * 2);

  // A baseline from another Chromium: the same change is shown and said, and does not fail.
  const other = join(dir, 'other-baseline');
  mkdirSync(other, { recursive: true });
  for (const width of [375, 1280]) copyFileSync(`gallery/baseline/details-errors-${width}.png`, join(other, `details-errors-${width}.png`));
  writeFileSync(join(other, 'chromium.txt'), '1.0.0.0\n');
  const noisy = spawnSync('node', ['e2e/gallery.mjs', '--compare', '--only', 'details-errors', '--baseline', other,
    '--stylesheet', stylesheet, '--out', join(dir, 'other')], { env: { ...process.env, BASE_URL: baseURL }, encoding: 'utf8' });
  expect(noisy.status, `${noisy.stdout}${noisy.stderr}`).toBe(0);
  expect(noisy.stdout).toContain('The baseline was made with Chromium 1.0.0.0');
  const otherReview = readFileSync(join(dir, 'other/review.html'), 'utf8');
  expect(otherReview).toContain('The baseline was made with Chromium 1.0.0.0');
  expect(JSON.parse(readFileSync(join(dir, 'other/review.json'), 'utf8')).changed).toHaveLength(2);
});

// The transcript review's own check: one label changed in a scratch copy of the build (the
// wasm's text, same length in UTF-8), and exactly the states that show it are reported heard
// differently.
test('the transcript review reports exactly the states that show a changed label', async ({ page, baseURL }) => {
  test.setTimeout(300_000);
  const dir = 'target/gallery-scratch-heard';
  rmSync(dir, { recursive: true, force: true });
  const [label, changed] = ['Họ và tên', 'Họ và TÊN'];
  const run = spawnSync('node', ['e2e/gallery.mjs', '--compare', '--only', SCRATCH_STATES.join(','),
    '--replace-text', `${label}=${changed}`, '--out', join(dir, 'out')], { env: { ...process.env, BASE_URL: baseURL }, encoding: 'utf8' });
  const said = `${run.stdout}${run.stderr}`;
  expect(run.status, `a changed transcript fails the review:\n${said}`).toBe(1);
  const review = JSON.parse(readFileSync(join(dir, 'out/review.json'), 'utf8'));
  const reported = review.transcripts.changed.map((t) => t.key).sort();

  // Which states show the label, seen on each state's page.
  const showing = [];
  for (const key of SCRATCH_STATES) {
    await page.goto(`/__gallery/${key}`);
    await expect(page.locator('body[data-gallery-ready]')).toBeAttached();
    if (await page.getByText(new RegExp(label)).count()) showing.push(key);
  }
  expect(showing.length, 'some states show the label').toBeGreaterThan(0);
  expect(showing.length, 'some do not').toBeLessThan(SCRATCH_STATES.length);
  expect(reported).toEqual(showing.sort());
  const html = readFileSync(join(dir, 'out/review.html'), 'utf8');
  expect(html, 'the review shows the line as it was and as it is').toContain(`- textbox, ${label} (bắt buộc)`);
  expect(html).toContain(`+ textbox, ${changed} (bắt buộc)`);
});

test('the flow map lists every route and every gallery state, and each link it draws is on its screen', async ({ page }) => {
  await page.goto('/__gallery/flow');
  const map = page.getByRole('img', { name: /^Flow map/ });
  await expect(map).toBeVisible();
  for (const path of JSON.parse(process.env.ROUTES)) await expect(map, path).toContainText(path);
  page.allowErrors(FRAMING_REFUSED);
  await page.goto('/__gallery');
  const keys = await page.locator('a[data-state]').evaluateAll((all) => all.map((a) => a.dataset.state));
  await page.goto('/__gallery/flow');
  for (const key of keys) await expect(map, key).toContainText(`→ ${key}`);
  // "Trang chủ (home, /) → Chọn phương thức (choose-method, /dang-ky): “Đăng ký”"
  const links = (await page.getByRole('listitem').allTextContents())
    .map((line) => line.match(/^.* \(([a-z0-9-]+), [^)]*\) → .* \([a-z0-9-]+, ([^)]*)\): “(.+)”$/))
    .filter(Boolean);
  expect(links.length, 'the links between screens').toBeGreaterThanOrEqual(6);
  for (const [, from, to, label] of links) {
    await page.goto(`/__gallery/${from}`);
    await expect(page.locator('body[data-gallery-ready]')).toBeAttached();
    const link = page.getByRole('link', { name: label, exact: true }).first();
    if (await link.count()) await expect(link, `${from}: “${label}”`).toHaveAttribute('href', to);
    else await expect(page.getByRole('button', { name: label, exact: true }), `${from}: “${label}”`).toBeVisible();
  }
});
