// Production serving: the release build under Debian's nginx with deploy/nginx.conf,
// proxying /api to the mock (the `nginx` project; NGINX_BASE_URL, started by `cargo xtask
// test`). deploy/nginx.conf asks for HTTP Basic everywhere; the project's `httpCredentials`
// are the pair `cargo xtask test` gives nginx.
import { test, expect } from './fixtures.mjs';
import { expectHeading, typeDetails } from './support.mjs';

const [USER] = (process.env.NGINX_AUTH ?? ':').split(':');

test.beforeEach(({ baseURL }) => {
  expect(baseURL, 'NGINX_BASE_URL is set: nginx started (see the nginx lines above if not)').toBeTruthy();
});

test('nginx asks for the prototype\'s password on every path, and refuses a wrong one', async ({ baseURL, request }) => {
  // Plain requests, outside the project's credentials.
  const wrong = { authorization: `Basic ${Buffer.from(`${USER}:wrong`).toString('base64')}` };
  for (const path of ['/', '/dang-ky/thue-bao-di-dong', '/api/captcha', '/robots.txt']) {
    const url = new URL(path, baseURL);
    const none = await fetch(url);
    expect(none.status, `${path} without credentials`).toBe(401);
    expect(none.headers.get('www-authenticate') ?? '').toMatch(/^Basic realm="prototype"/);
    expect((await fetch(url, { headers: wrong })).status, `${path} with a wrong password`).toBe(401);
    expect((await request.get(path)).status(), `${path} with the password`).toBe(200);
  }
});

test('nginx serves the build: deep links, pre-compressed files, caching and security headers', async ({ request }) => {
  const index = await request.get('/dang-ky/thue-bao-di-dong/otp', { headers: { 'accept-encoding': 'br' } });
  expect(index.status(), 'a deep link falls back to index.html').toBe(200);
  const html = await index.text();
  expect(html).toMatch(/<noscript>/);
  const headers = index.headers();
  expect(headers['cache-control']).toBe('no-cache');
  expect(headers['content-security-policy']).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
  expect(headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['x-robots-tag']).toBe('noindex, nofollow');
  expect(html, 'a later step gets no pre-rendered screen').not.toMatch(/<template data-screen/);
  for (const path of ['/', '/dang-ky/thue-bao-di-dong']) {
    const page = await request.get(path, { headers: { 'accept-encoding': 'br' } });
    expect(page.headers()['content-encoding'], `${path}: the .br copy of its own page`).toBe('br');
    expect(page.headers()['cache-control']).toBe('no-cache');
    expect(page.headers()['content-security-policy']).toBe(headers['content-security-policy']);
    expect(await page.text(), `${path}: its own screen, pre-rendered`).toContain(`<template data-screen="${path}">`);
  }

  const wasmPath = html.match(/href="([^"]+_bg\.wasm)"/)[1];
  const wasm = await request.get(wasmPath, { headers: { 'accept-encoding': 'br' } });
  expect(wasm.status()).toBe(200);
  expect(wasm.headers()['content-encoding'], 'the .br copy is served').toBe('br');
  expect(wasm.headers()['content-type']).toBe('application/wasm');
  expect(wasm.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  const gz = await request.get(wasmPath, { headers: { 'accept-encoding': 'gzip' } });
  expect(gz.headers()['content-encoding']).toBe('gzip');

  const captcha = await request.get('/api/captcha');
  expect(captcha.status(), '/api is proxied to the API').toBe(200);
  expect(captcha.headers()['cache-control']).toBe('no-store');
  expect((await captcha.json()).captcha_id).toBeTruthy();
  const missing = await request.get('/portal-0000000000000000.js');
  expect(missing.status(), 'a missing hashed file is a 404, not index.html').toBe(404);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 800 } });

  test('through nginx, the form loads and reaches the OTP step with no console error', async ({ page, citizen }) => {
    await page.goto('/dang-ky/thue-bao-di-dong');
    await expectHeading(page, 'Đăng ký bằng thuê bao di động');
    await typeDetails(page, citizen({ name: 'Đỗ Minh Châu' }));
    await page.getByRole('button', { name: 'Đăng ký', exact: true }).click();
    await expectHeading(page, 'Nhập mã OTP');
  });
});
