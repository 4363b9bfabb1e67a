// After registration (screens 7–8): sign in as on the portal (ID, password and captcha, then
// an SMS code), the account page, sign out, and the "Quên mật khẩu" reset through the shared
// code and password steps.
import { test, expect } from './fixtures.mjs';
import { expectHeading, fillDetails, screenshot } from './support.mjs';

const PERSONA = { id: '001090000001', phone: '0912345678', password: 'Matkhau@2024' };
const BINH = { name: 'Trần Văn Bình' };
const CAPTCHA_IMAGE = { name: 'Ảnh mã xác thực gồm 5 ký tự' };

/** An account made through the API (the UI path is covered in registration.test.mjs). */
async function registerViaApi(mock, who, password) {
  const { body: captcha } = await mock.get('/api/captcha');
  const started = await mock.post('/api/registrations', {
    id_number: who.id, full_name: who.name, date_of_birth: '1990-03-15', phone: who.phone,
    captcha_id: captcha.captcha_id, captcha_answer: 'abcde',
  });
  expect(started.status, JSON.stringify(started.body)).toBe(201);
  const id = started.body.registration_id;
  const verified = await mock.post(`/api/registrations/${id}/otp/verify`, { code: await mock.code(who.phone) });
  expect(verified.status).toBe(200);
  const done = await mock.post(`/api/registrations/${id}/password`, {
    password_token: verified.body.password_token, password, password_confirmation: password,
  });
  expect(done.status).toBe(201);
}

/** The sign-in form typed in and sent: ID, password and the captcha (the test server's
 *  answer unless another). Resolves with the server's answer. */
async function sendSignIn(page, username, password, captcha = 'ABCDE') {
  await expectHeading(page, 'Đăng nhập');
  // The button says "Đăng nhập" again once the last answer was handled (and its spent
  // captcha replaced).
  const submit = page.getByRole('button', { name: 'Đăng nhập', exact: true });
  await expect(submit).toBeVisible();
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel(/^Mật khẩu/).fill(password);
  await expect(page.getByRole('img', CAPTCHA_IMAGE)).toBeVisible();
  await page.getByLabel('Mã xác thực').fill(captcha);
  const answered = page.waitForResponse((r) => r.url().endsWith('/api/session'));
  await submit.click();
  return answered;
}

/** The code step of signing in: the code the account's phone got, then the account page. */
async function enterSignInCode(page, mock, phone) {
  await expectHeading(page, 'Nhập mã OTP');
  await expect(page.getByText('Để đăng nhập, nhập mã OTP')).toBeVisible();
  await page.getByLabel('Mã OTP').fill(await mock.code(phone));
  await page.getByRole('button', { name: 'Xác nhận' }).click();
  await expectHeading(page, 'Tài khoản của tôi');
}

/** Both steps of signing in, as on the portal. */
async function signIn(page, mock, who, password) {
  await sendSignIn(page, who.id, password);
  await enterSignInCode(page, mock, who.phone);
}

/** The reset's first step typed in, with the test server's captcha answer unless another. */
async function typeReset(page, id, phone, captcha = 'ABCDE') {
  await page.goto('/quen-mat-khau');
  await expectHeading(page, 'Quên mật khẩu');
  await page.getByLabel('Số CMND/CCCD').fill(id);
  await page.getByLabel('Số điện thoại').fill(phone);
  await expect(page.getByRole('img', CAPTCHA_IMAGE)).toBeVisible();
  await page.getByLabel('Mã xác thực').fill(captcha);
}

async function startReset(page, id, phone) {
  await typeReset(page, id, phone);
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
  await expectHeading(page, 'Nhập mã OTP');
}

/** Waits for the captcha image to be another than the one whose `src` was `before`. */
async function newCaptchaImage(page, before) {
  await expect(page.getByRole('img', CAPTCHA_IMAGE)).not.toHaveAttribute('src', before);
}

for (const width of [375, 1280]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 800 } });

    test(`register, sign out, sign in with the new password (${width}px)`, async ({ page, citizen, mock }) => {
      const who = citizen(BINH);
      await fillDetails(page, who);
      await page.getByRole('button', { name: 'Đăng ký', exact: true }).click();
      await expectHeading(page, 'Nhập mã OTP');
      await page.getByLabel('Mã OTP').fill(await mock.code(who.phone));
      await page.getByRole('button', { name: 'Xác nhận' }).click();
      await page.getByLabel(/^Mật khẩu/).fill('Sen#vang7Ho');
      await page.getByLabel(/^Nhập lại mật khẩu/).fill('Sen#vang7Ho');
      await page.getByRole('button', { name: 'Đăng ký', exact: true }).click();
      await expectHeading(page, 'Đăng ký tài khoản thành công');
      await page.getByRole('link', { name: 'Đăng nhập' }).last().click();

      // The pair and the captcha, then a code to the account's phone: a reload keeps the step.
      expect((await sendSignIn(page, who.id, 'Sen#vang7Ho')).status()).toBe(200);
      await expectHeading(page, 'Nhập mã OTP');
      await expect(page).toHaveURL(/\/dang-nhap\/otp$/);
      await screenshot(page, '7-sign-in-otp');
      await page.reload();
      await expect(page.getByText(`${who.phone.slice(0, 2)}******${who.phone.slice(-2)}`)).toBeVisible();
      await enterSignInCode(page, mock, who.phone);
      await expect(page.getByText(who.name, { exact: true })).toBeVisible();
      await expect(page.getByText('Mức 2', { exact: false })).toBeVisible();
      await screenshot(page, '7-account');
      await page.reload();
      await expect(page.getByText(who.name, { exact: true })).toBeVisible();

      await page.getByRole('button', { name: 'Đăng xuất' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Bạn đã đăng xuất' })).toBeVisible();
      await page.goto('/tai-khoan');
      await expectHeading(page, 'Đăng nhập');
      await expect(page, 'signed out, the account page sends to sign in').toHaveURL(/\/dang-nhap$/);
      await screenshot(page, '7-sign-in');

      await signIn(page, mock, who, 'Sen#vang7Ho');
      const stored = await page.evaluate(() => JSON.stringify(sessionStorage) + JSON.stringify(localStorage) + document.cookie);
      expect(stored, 'the password is never stored').not.toContain('Sen#vang7Ho');
      // Signed in, the sign-in's steps lead to the account page.
      await page.goto('/dang-nhap');
      await expectHeading(page, 'Tài khoản của tôi');
    });
  });
}

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 800 } });

  test('the code step of signing in, opened without a sign-in under way, is the sign-in form', async ({ page }) => {
    await page.goto('/dang-nhap/otp');
    await expectHeading(page, 'Đăng nhập');
    await expect(page).toHaveURL(/\/dang-nhap$/);
  });

  test('a wrong password is refused with a linked error, and nothing typed is lost', async ({ page, citizen, mock }) => {
    page.allowErrors(/status of 401/);
    await page.goto('/dang-nhap');
    await expectHeading(page, 'Đăng nhập');
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Có lỗi cần sửa' });
    await expect(summary.getByRole('link', { name: 'Nhập số CMND/CCCD' })).toBeVisible();
    await expect(summary.getByRole('link', { name: 'Nhập mật khẩu' })).toBeVisible();
    await expect(summary.getByRole('link', { name: 'Nhập các ký tự trong ảnh mã xác thực' })).toBeVisible();
    await expect(page).toHaveTitle(/^Lỗi: /);

    const who = citizen(BINH);
    await registerViaApi(mock, who, 'Sen#vang7Ho');
    await sendSignIn(page, who.id, 'Sai#matkhau1');
    await expect(summary.getByRole('link', { name: 'Tên đăng nhập hoặc mật khẩu không đúng' })).toBeVisible();
    await expect(page.getByLabel('Tên đăng nhập')).toHaveValue(who.id);
    await expect(page.getByLabel(/^Mật khẩu/)).toHaveValue('Sai#matkhau1');
    await expect(page.getByLabel(/^Mật khẩu/)).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('Mã xác thực'), 'the spent captcha answer is cleared').toHaveValue('');
    await screenshot(page, '7-sign-in-wrong');
  });

  test('a wrong captcha keeps the ID and password typed, gives a new image and sends no code', async ({ page, citizen, mock }) => {
    page.allowErrors(/status of 400/);
    const who = citizen(BINH);
    await registerViaApi(mock, who, 'Sen#vang7Ho');
    await page.goto('/dang-nhap');
    await expectHeading(page, 'Đăng nhập');
    const image = page.getByRole('img', CAPTCHA_IMAGE);
    await expect(image).toBeVisible();
    const before = await image.getAttribute('src');
    const sent = await mock.smsCount(who.phone);
    const answer = await sendSignIn(page, who.id, 'Sen#vang7Ho', 'WRONG');
    expect(answer.status()).toBe(400);
    await expect(page.getByRole('alert').filter({ hasText: 'Có lỗi cần sửa' })
      .getByRole('link', { name: /Mã xác thực chưa đúng/ })).toBeVisible();
    await expect(page.getByLabel('Tên đăng nhập')).toHaveValue(who.id);
    await expect(page.getByLabel(/^Mật khẩu/)).toHaveValue('Sen#vang7Ho');
    await expect(page.getByLabel('Mã xác thực')).toHaveValue('');
    await newCaptchaImage(page, before);
    expect(await mock.smsCount(who.phone), 'no code for a wrong captcha').toBe(sent);
    await screenshot(page, '7-sign-in-captcha-wrong');
    // The right answer on the new image goes on, with what was typed.
    await page.getByLabel('Mã xác thực').fill('ABCDE');
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await enterSignInCode(page, mock, who.phone);
  });
});

test('5 wrong passwords lock the account and the screen says until when; a wrong captcha does not count', async ({ page, citizen, mock }) => {
  page.allowErrors(/status of 40[01]/, /status of 423/);
  const who = citizen(BINH);
  await registerViaApi(mock, who, 'Sen#vang7Ho');
  await page.goto('/dang-nhap');
  await expectHeading(page, 'Đăng nhập');
  const wrongPair = page.getByRole('alert').filter({ hasText: 'Tên đăng nhập hoặc mật khẩu không đúng' }).first();
  for (let i = 1; i <= 4; i += 1) {
    expect((await sendSignIn(page, who.id, `Sai#matkhau${i}`)).status()).toBe(401);
    await expect(wrongPair).toBeVisible();
  }
  // A wrong captcha is checked first: the password behind it is never tried.
  expect((await sendSignIn(page, who.id, 'Sai#matkhau5', 'WRONG')).status()).toBe(400);
  await expect(page.getByRole('alert').filter({ hasText: 'Mã xác thực chưa đúng' }).first()).toBeVisible();
  const lock = page.getByRole('alert').filter({ hasText: 'Tài khoản tạm khóa' });
  await expect(lock).toHaveCount(0);
  expect((await sendSignIn(page, who.id, 'Sai#matkhau5')).status()).toBe(423);
  await expect(lock).toBeVisible();
  await expect(lock).toHaveText(/sau \d\d:\d\d \d\d\/\d\d\/\d{4} \(giờ Việt Nam\)/);
  await expect(lock.getByRole('link', { name: 'Quên mật khẩu?' })).toBeVisible();
  await screenshot(page, '7-sign-in-locked');
  // Locked means locked: even the right password waits, and no code is sent.
  const sent = await mock.smsCount(who.phone);
  expect((await sendSignIn(page, who.id, 'Sen#vang7Ho')).status()).toBe(423);
  await expect(lock).toBeVisible();
  await expect(page).toHaveURL(/\/dang-nhap$/);
  expect(await mock.smsCount(who.phone)).toBe(sent);
});

/** The reset's code screen, with the parts that vary per request (number, clock) masked. */
async function resetScreenText(page) {
  const text = await page.locator('main').innerText();
  return text.replace(/\d\d\*+\d\d/g, 'PHONE').replace(/\d\d:\d\d/g, 'MM:SS');
}

test.describe('on a phone, the reset', () => {
  test.use({ viewport: { width: 375, height: 800 } });

  test('persona 001090000001 resets its password: the new one works, Matkhau@2024 fails', async ({ page, mock }) => {
    // Chromium logs the refused old password's 401 itself; anything else is a fault.
    page.allowErrors(/status of 401/);
    await startReset(page, PERSONA.id, PERSONA.phone);
    await expect(page.getByText('Nếu thông tin khớp với một tài khoản')).toBeVisible();
    await screenshot(page, '8-reset-otp');
    const code = await mock.code(PERSONA.phone);
    await page.getByLabel('Mã OTP').fill(code);
    await page.getByRole('button', { name: 'Xác nhận' }).click();
    await expectHeading(page, 'Đặt mật khẩu mới');
    // The same checklist as registration, with the account's ID and phone as personal data.
    await page.getByLabel(/^Mật khẩu/).fill('Ab#0912345678');
    await page.getByLabel(/^Nhập lại mật khẩu/).fill('Ab#0912345678');
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Có lỗi cần sửa' })).toBeVisible();
    await page.getByLabel(/^Mật khẩu/).fill('Hoa#sen2026');
    await page.getByLabel(/^Nhập lại mật khẩu/).fill('Hoa#sen2026');
    await screenshot(page, '8-reset-password');
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();

    await expectHeading(page, 'Tài khoản của tôi');
    await expect(page.getByRole('status').filter({ hasText: 'Đã đổi mật khẩu' })).toBeVisible();
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    expect((await sendSignIn(page, PERSONA.id, PERSONA.password)).status()).toBe(401);
    await expect(page.getByRole('alert').filter({ hasText: 'Tên đăng nhập hoặc mật khẩu không đúng' }).first()).toBeVisible();
    await signIn(page, mock, PERSONA, 'Hoa#sen2026');
  });

  test('a wrong captcha on reset keeps the ID and phone typed, gives a new image and sends nothing', async ({ page }) => {
    page.allowErrors(/status of 400/);
    await typeReset(page, PERSONA.id, PERSONA.phone, 'WRONG');
    const before = await page.getByRole('img', CAPTCHA_IMAGE).getAttribute('src');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Có lỗi cần sửa' })).toBeVisible();
    await expect(page.getByRole('link', { name: /Mã xác thực chưa đúng/ })).toBeVisible();
    await expect(page.getByLabel('Số CMND/CCCD')).toHaveValue(PERSONA.id);
    await expect(page.getByLabel('Số điện thoại')).toHaveValue(PERSONA.phone);
    await expect(page.getByLabel('Mã xác thực'), 'the spent answer is cleared').toHaveValue('');
    await newCaptchaImage(page, before);
    // The right answer on the new image goes on.
    await page.getByLabel('Mã xác thực').fill('ABCDE');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await expectHeading(page, 'Nhập mã OTP');
  });
});

test('an unknown ID on reset gets the same screen as a known one, and no SMS', async ({ newPage, mock }) => {
  const known = await newPage();
  await startReset(known, PERSONA.id, PERSONA.phone);
  const unknown = await newPage();
  unknown.allowErrors(/status of 400/);
  const stranger = { id: '001090999999', phone: '0913999999' };
  await startReset(unknown, stranger.id, stranger.phone);
  expect(await resetScreenText(unknown)).toBe(await resetScreenText(known));
  expect(await mock.lastCode(stranger.phone), 'nothing is sent to an unknown pair').toBeUndefined();
  // And a wrong code there reads like any wrong code.
  await unknown.getByLabel('Mã OTP').fill('123456');
  await unknown.getByRole('button', { name: 'Xác nhận' }).click();
  await expect(unknown.getByText('Mã OTP không đúng').first()).toBeVisible();
});
