// After registration (screens 7–8): sign in, the account page, sign out, and the
// "Quên mật khẩu" reset through the shared code and password steps.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, citizens, fillDetails, lastCode, launch, openPage, postJson, screenshot, smsCount } from './support.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const PERSONA = { id: '001090000001', phone: '0912345678', password: 'Matkhau@2024' };

const citizen = citizens({ from: 700, phonePrefix: '0916', name: 'Trần Văn Bình' });
const post = postJson;

/** An account made through the API (the UI path is covered in registration.test.mjs). */
async function registerViaApi(who, password) {
  const captcha = await (await fetch(`${BASE}/api/captcha`)).json();
  const started = await post('/api/registrations', {
    id_number: who.id, full_name: who.name, date_of_birth: '1990-03-15', phone: who.phone,
    captcha_id: captcha.captcha_id, captcha_answer: 'abcde',
  });
  assert.equal(started.status, 201, JSON.stringify(started.body));
  const id = started.body.registration_id;
  const verified = await post(`/api/registrations/${id}/otp/verify`, { code: await lastCode(who.phone) });
  assert.equal(verified.status, 200);
  const done = await post(`/api/registrations/${id}/password`, {
    password_token: verified.body.password_token, password, password_confirmation: password,
  });
  assert.equal(done.status, 201);
}

/** The sign-in form typed in and sent: ID, password and the captcha (the test server's
 *  answer unless another). Resolves with the server's answer. */
async function sendSignIn(page, username, password, captcha = 'ABCDE') {
  await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
  // The button says "Đăng nhập" again once the last answer was handled (and its spent
  // captcha replaced).
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).waitFor();
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel(/^Mật khẩu/).fill(password);
  await page.getByRole('img', { name: 'Ảnh mã xác thực gồm 5 ký tự' }).waitFor();
  await page.getByLabel('Mã xác thực').fill(captcha);
  const answered = page.waitForResponse((r) => r.url().endsWith('/api/session'));
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  return answered;
}

/** The code step of signing in: the code the account's phone got, then the account page. */
async function enterSignInCode(page, phone) {
  await page.getByRole('heading', { level: 1, name: 'Nhập mã OTP' }).waitFor();
  await page.getByText('Để đăng nhập, nhập mã OTP').waitFor();
  await page.getByLabel('Mã OTP').fill(await lastCode(phone));
  await page.getByRole('button', { name: 'Xác nhận' }).click();
  await page.getByRole('heading', { level: 1, name: 'Tài khoản của tôi' }).waitFor();
}

/** Both steps of signing in, as on the portal. */
async function signIn(page, who, password) {
  await sendSignIn(page, who.id, password);
  await enterSignInCode(page, who.phone);
}

/** The reset's first step typed in, with the test server's captcha answer unless another. */
async function typeReset(page, id, phone, captcha = 'ABCDE') {
  await page.goto(`${BASE}/quen-mat-khau`);
  await page.getByRole('heading', { level: 1, name: 'Quên mật khẩu' }).waitFor();
  await page.getByLabel('Số CMND/CCCD').fill(id);
  await page.getByLabel('Số điện thoại').fill(phone);
  await page.getByRole('img', { name: 'Ảnh mã xác thực gồm 5 ký tự' }).waitFor();
  await page.getByLabel('Mã xác thực').fill(captcha);
}

async function startReset(page, id, phone) {
  await typeReset(page, id, phone);
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
  await page.getByRole('heading', { level: 1, name: 'Nhập mã OTP' }).waitFor();
}

for (const width of [375, 1280]) {
  test(`register, sign out, sign in with the new password (${width}px)`, async () => {
    const page = await openPage(browser, { width });
    const who = citizen();
    await fillDetails(page, who);
    await page.getByRole('button', { name: 'Đăng ký', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Nhập mã OTP' }).waitFor();
    await page.getByLabel('Mã OTP').fill(await lastCode(who.phone));
    await page.getByRole('button', { name: 'Xác nhận' }).click();
    await page.getByLabel(/^Mật khẩu/).fill('Sen#vang7Ho');
    await page.getByLabel(/^Nhập lại mật khẩu/).fill('Sen#vang7Ho');
    await page.getByRole('button', { name: 'Đăng ký', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Đăng ký tài khoản thành công' }).waitFor();
    await page.getByRole('link', { name: 'Đăng nhập' }).last().click();

    // The pair and the captcha, then a code to the account's phone: a reload keeps the step.
    assert.equal((await sendSignIn(page, who.id, 'Sen#vang7Ho')).status(), 200);
    await page.getByRole('heading', { level: 1, name: 'Nhập mã OTP' }).waitFor();
    assert.ok(page.url().endsWith('/dang-nhap/otp'));
    await screenshot(page, '7-sign-in-otp');
    await page.reload();
    await page.getByText(`${who.phone.slice(0, 2)}******${who.phone.slice(-2)}`).waitFor();
    await enterSignInCode(page, who.phone);
    await page.getByText(who.name, { exact: true }).waitFor();
    await page.getByText('Mức 2', { exact: false }).waitFor();
    await screenshot(page, '7-account');
    await page.reload();
    await page.getByText(who.name, { exact: true }).waitFor();

    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByRole('status').filter({ hasText: 'Bạn đã đăng xuất' }).waitFor();
    await page.goto(`${BASE}/tai-khoan`);
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
    assert.ok(page.url().endsWith('/dang-nhap'), 'signed out, the account page sends to sign in');
    await screenshot(page, '7-sign-in');

    await signIn(page, who, 'Sen#vang7Ho');
    const stored = await page.evaluate(() => JSON.stringify(sessionStorage) + JSON.stringify(localStorage) + document.cookie);
    assert.ok(!stored.includes('Sen#vang7Ho'), 'the password is never stored');
    // Signed in, the sign-in's steps lead to the account page.
    await page.goto(`${BASE}/dang-nhap`);
    await page.getByRole('heading', { level: 1, name: 'Tài khoản của tôi' }).waitFor();
    assert.deepEqual(page.errors, [], 'no console errors or CSP violations');
    await page.context().close();
  });
}

test('the code step of signing in, opened without a sign-in under way, is the sign-in form', async () => {
  const page = await openPage(browser, { width: 375 });
  await page.goto(`${BASE}/dang-nhap/otp`);
  await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
  assert.ok(page.url().endsWith('/dang-nhap'));
  await page.context().close();
});

test('a wrong password is refused with a linked error, and nothing typed is lost', async () => {
  const page = await openPage(browser, { width: 375 });
  await page.goto(`${BASE}/dang-nhap`);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'Có lỗi cần sửa' });
  await summary.getByRole('link', { name: 'Nhập số CMND/CCCD' }).waitFor();
  await summary.getByRole('link', { name: 'Nhập mật khẩu' }).waitFor();
  await summary.getByRole('link', { name: 'Nhập các ký tự trong ảnh mã xác thực' }).waitFor();
  assert.ok((await page.title()).startsWith('Lỗi: '));

  const who = citizen();
  await registerViaApi(who, 'Sen#vang7Ho');
  await sendSignIn(page, who.id, 'Sai#matkhau1');
  await summary.getByRole('link', { name: 'Tên đăng nhập hoặc mật khẩu không đúng' }).waitFor();
  assert.equal(await page.getByLabel('Tên đăng nhập').inputValue(), who.id);
  assert.equal(await page.getByLabel(/^Mật khẩu/).inputValue(), 'Sai#matkhau1');
  assert.equal(await page.getByLabel(/^Mật khẩu/).getAttribute('aria-invalid'), 'true');
  assert.equal(await page.getByLabel('Mã xác thực').inputValue(), '', 'the spent captcha answer is cleared');
  await screenshot(page, '7-sign-in-wrong');
  await page.context().close();
});

test('a wrong captcha keeps the ID and password typed, gives a new image and sends no code', async () => {
  const page = await openPage(browser, { width: 375 });
  const who = citizen();
  await registerViaApi(who, 'Sen#vang7Ho');
  await page.goto(`${BASE}/dang-nhap`);
  const image = page.getByRole('img', { name: 'Ảnh mã xác thực gồm 5 ký tự' });
  await image.waitFor();
  const before = await image.getAttribute('src');
  const sent = await smsCount(who.phone);
  const answer = await sendSignIn(page, who.id, 'Sen#vang7Ho', 'WRONG');
  assert.equal(answer.status(), 400);
  await page.getByRole('alert').filter({ hasText: 'Có lỗi cần sửa' })
    .getByRole('link', { name: /Mã xác thực chưa đúng/ }).waitFor();
  assert.equal(await page.getByLabel('Tên đăng nhập').inputValue(), who.id);
  assert.equal(await page.getByLabel(/^Mật khẩu/).inputValue(), 'Sen#vang7Ho');
  assert.equal(await page.getByLabel('Mã xác thực').inputValue(), '');
  await page.waitForFunction((old) => {
    const img = [...document.images].find((i) => i.alt === 'Ảnh mã xác thực gồm 5 ký tự');
    return img && img.getAttribute('src') !== old;
  }, before);
  assert.equal(await smsCount(who.phone), sent, 'no code for a wrong captcha');
  await screenshot(page, '7-sign-in-captcha-wrong');
  // The right answer on the new image goes on, with what was typed.
  await page.getByLabel('Mã xác thực').fill('ABCDE');
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  await enterSignInCode(page, who.phone);
  const unexpected = page.errors.filter((e) => !e.includes('status of 400'));
  assert.deepEqual(unexpected, []);
  await page.context().close();
});

test('5 wrong passwords lock the account and the screen says until when; a wrong captcha does not count', async () => {
  const page = await openPage(browser);
  const who = citizen();
  await registerViaApi(who, 'Sen#vang7Ho');
  await page.goto(`${BASE}/dang-nhap`);
  const wrongPair = 'Tên đăng nhập hoặc mật khẩu không đúng';
  for (let i = 1; i <= 4; i += 1) {
    await sendSignIn(page, who.id, `Sai#matkhau${i}`);
    await page.getByRole('alert').filter({ hasText: wrongPair }).first().waitFor();
  }
  // A wrong captcha is checked first: the password behind it is never tried.
  await sendSignIn(page, who.id, 'Sai#matkhau5', 'WRONG');
  await page.getByRole('alert').filter({ hasText: 'Mã xác thực chưa đúng' }).first().waitFor();
  assert.equal(await page.getByRole('alert').filter({ hasText: 'Tài khoản tạm khóa' }).count(), 0);
  await sendSignIn(page, who.id, 'Sai#matkhau5');
  const lock = page.getByRole('alert').filter({ hasText: 'Tài khoản tạm khóa' });
  await lock.waitFor();
  assert.match(await lock.innerText(), /sau \d\d:\d\d \d\d\/\d\d\/\d{4} \(giờ Việt Nam\)/);
  await lock.getByRole('link', { name: 'Quên mật khẩu?' }).waitFor();
  await screenshot(page, '7-sign-in-locked');
  // Locked means locked: even the right password waits, and no code is sent.
  const sent = await smsCount(who.phone);
  await sendSignIn(page, who.id, 'Sen#vang7Ho');
  await page.getByRole('alert').filter({ hasText: 'Tài khoản tạm khóa' }).waitFor();
  assert.ok(page.url().endsWith('/dang-nhap'));
  assert.equal(await smsCount(who.phone), sent);
  await page.context().close();
});

/** The reset's code screen, with the parts that vary per request (number, clock) masked. */
async function resetScreenText(page) {
  const text = await page.locator('main').innerText();
  return text.replace(/\d\d\*+\d\d/g, 'PHONE').replace(/\d\d:\d\d/g, 'MM:SS');
}

test('persona 001090000001 resets its password: the new one works, Matkhau@2024 fails', async () => {
  const page = await openPage(browser, { width: 375 });
  await startReset(page, PERSONA.id, PERSONA.phone);
  await page.getByText('Nếu thông tin khớp với một tài khoản').waitFor();
  await screenshot(page, '8-reset-otp');
  const code = await lastCode(PERSONA.phone);
  assert.ok(code, 'a matching account gets the SMS');
  await page.getByLabel('Mã OTP').fill(code);
  await page.getByRole('button', { name: 'Xác nhận' }).click();
  await page.getByRole('heading', { level: 1, name: 'Đặt mật khẩu mới' }).waitFor();
  // The same checklist as registration, with the account's ID and phone as personal data.
  await page.getByLabel(/^Mật khẩu/).fill('Ab#0912345678');
  await page.getByLabel(/^Nhập lại mật khẩu/).fill('Ab#0912345678');
  await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  await page.getByRole('alert').filter({ hasText: 'Có lỗi cần sửa' }).waitFor();
  await page.getByLabel(/^Mật khẩu/).fill('Hoa#sen2026');
  await page.getByLabel(/^Nhập lại mật khẩu/).fill('Hoa#sen2026');
  await screenshot(page, '8-reset-password');
  await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();

  await page.getByRole('heading', { level: 1, name: 'Tài khoản của tôi' }).waitFor();
  await page.getByRole('status').filter({ hasText: 'Đã đổi mật khẩu' }).waitFor();
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await sendSignIn(page, PERSONA.id, PERSONA.password);
  await page.getByRole('alert').filter({ hasText: 'Tên đăng nhập hoặc mật khẩu không đúng' }).first().waitFor();
  await signIn(page, PERSONA, 'Hoa#sen2026');
  // Chromium logs the refused old password's 401 itself; anything else is a fault.
  const unexpected = page.errors.filter((e) => !e.includes('status of 401'));
  assert.deepEqual(unexpected, [], 'no other console errors or CSP violations');
  await page.context().close();
});

test('a wrong captcha on reset keeps the ID and phone typed, gives a new image and sends nothing', async () => {
  const page = await openPage(browser, { width: 375 });
  await typeReset(page, PERSONA.id, PERSONA.phone, 'WRONG');
  const image = await page.getByRole('img', { name: 'Ảnh mã xác thực gồm 5 ký tự' }).getAttribute('src');
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
  await page.getByRole('alert').filter({ hasText: 'Có lỗi cần sửa' }).waitFor();
  await page.getByRole('link', { name: /Mã xác thực chưa đúng/ }).waitFor();
  assert.equal(await page.getByLabel('Số CMND/CCCD').inputValue(), PERSONA.id);
  assert.equal(await page.getByLabel('Số điện thoại').inputValue(), PERSONA.phone);
  assert.equal(await page.getByLabel('Mã xác thực').inputValue(), '', 'the spent answer is cleared');
  await page.waitForFunction((before) => {
    const img = [...document.images].find((i) => i.alt === 'Ảnh mã xác thực gồm 5 ký tự');
    return img && img.getAttribute('src') !== before;
  }, image);
  // The right answer on the new image goes on.
  await page.getByLabel('Mã xác thực').fill('ABCDE');
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
  await page.getByRole('heading', { level: 1, name: 'Nhập mã OTP' }).waitFor();
  const unexpected = page.errors.filter((e) => !e.includes('status of 400'));
  assert.deepEqual(unexpected, []);
  await page.context().close();
});

test('an unknown ID on reset gets the same screen as a known one, and no SMS', async () => {
  const known = await openPage(browser);
  await startReset(known, PERSONA.id, PERSONA.phone);
  const unknown = await openPage(browser);
  const stranger = { id: '001090999999', phone: '0913999999' };
  await startReset(unknown, stranger.id, stranger.phone);
  assert.equal(await resetScreenText(unknown), await resetScreenText(known));
  assert.equal(await lastCode(stranger.phone), undefined, 'nothing is sent to an unknown pair');
  // And a wrong code there reads like any wrong code.
  await unknown.getByLabel('Mã OTP').fill('123456');
  await unknown.getByRole('button', { name: 'Xác nhận' }).click();
  await unknown.getByText('Mã OTP không đúng').first().waitFor();
  await known.context().close();
  await unknown.context().close();
});
