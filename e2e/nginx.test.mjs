// Production serving: the release build under Debian's nginx with deploy/nginx.conf,
// proxying /api to the mock (NGINX_BASE_URL, started by `cargo xtask test`).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage } from './support.mjs';

const NGINX = process.env.NGINX_BASE_URL;
// deploy/nginx.conf asks for HTTP Basic everywhere; `cargo xtask test` gives nginx this pair.
const [USER, PASSWORD] = (process.env.NGINX_AUTH ?? ':').split(':');
const AUTH = { authorization: `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}` };
const fetch = (url, init = {}) => globalThis.fetch(url, { ...init, headers: { ...AUTH, ...init.headers } });
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('nginx asks for the prototype\'s password on every path, and refuses a wrong one', async () => {
  assert.ok(NGINX, 'NGINX_BASE_URL is set');
  for (const path of ['/', '/dang-ky/thue-bao-di-dong', '/api/captcha', '/robots.txt']) {
    const none = await globalThis.fetch(`${NGINX}${path}`);
    assert.equal(none.status, 401, `${path} without credentials`);
    assert.match(none.headers.get('www-authenticate') ?? '', /^Basic realm="prototype"/);
    const wrong = await globalThis.fetch(`${NGINX}${path}`, {
      headers: { authorization: `Basic ${Buffer.from(`${USER}:wrong`).toString('base64')}` },
    });
    assert.equal(wrong.status, 401, `${path} with a wrong password`);
    assert.equal((await fetch(`${NGINX}${path}`)).status, 200, `${path} with the password`);
  }
});

test('nginx serves the build: deep links, pre-compressed files, caching and security headers', async () => {
  assert.ok(NGINX, 'NGINX_BASE_URL is set: nginx started (see the nginx lines above if not)');
  const index = await fetch(`${NGINX}/dang-ky/thue-bao-di-dong/otp`, { headers: { 'accept-encoding': 'br' } });
  assert.equal(index.status, 200, 'a deep link falls back to index.html');
  const html = await index.text();
  assert.match(html, /<noscript>/);
  assert.equal(index.headers.get('cache-control'), 'no-cache');
  const csp = index.headers.get('content-security-policy');
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
  assert.match(csp, /frame-ancestors 'none'/);
  assert.equal(index.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(index.headers.get('referrer-policy'), 'no-referrer');
  assert.equal(index.headers.get('x-robots-tag'), 'noindex, nofollow');

  const wasmPath = html.match(/href="([^"]+_bg\.wasm)"/)[1];
  const wasm = await fetch(`${NGINX}${wasmPath}`, { headers: { 'accept-encoding': 'br' } });
  assert.equal(wasm.status, 200);
  assert.equal(wasm.headers.get('content-encoding'), 'br', 'the .br copy is served');
  assert.equal(wasm.headers.get('content-type'), 'application/wasm');
  assert.equal(wasm.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  const gz = await fetch(`${NGINX}${wasmPath}`, { headers: { 'accept-encoding': 'gzip' } });
  assert.equal(gz.headers.get('content-encoding'), 'gzip');

  const captcha = await fetch(`${NGINX}/api/captcha`);
  assert.equal(captcha.status, 200, '/api is proxied to the API');
  assert.equal(captcha.headers.get('cache-control'), 'no-store');
  assert.ok((await captcha.json()).captcha_id);
  const missing = await fetch(`${NGINX}/portal-0000000000000000.js`);
  assert.equal(missing.status, 404, 'a missing hashed file is a 404, not index.html');
});

test('through nginx, the form loads and reaches the OTP step with no console error', async () => {
  assert.ok(NGINX, 'NGINX_BASE_URL is set');
  const page = await openPage(browser, { width: 375, httpCredentials: { username: USER, password: PASSWORD } });
  await page.goto(`${NGINX}/dang-ky/thue-bao-di-dong`);
  await page.getByRole('heading', { level: 1, name: 'Đăng ký bằng thuê bao di động' }).waitFor();
  await page.getByLabel('Số CMND/CCCD').fill('001090000951');
  await page.getByLabel('Họ và tên').fill('Đỗ Minh Châu');
  await page.getByLabel('Ngày sinh').fill('15/03/1990');
  await page.getByLabel('Số điện thoại').fill('0917000951');
  await page.getByRole('img', { name: 'Ảnh mã xác thực gồm 5 ký tự' }).waitFor();
  await page.getByLabel('Mã xác thực').fill('abcde');
  await page.getByRole('button', { name: 'Đăng ký', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Nhập mã OTP' }).waitFor();
  assert.deepEqual(page.errors, [], 'no console errors or CSP violations under nginx');
  await page.context().close();
});
