// Screens 1 and 2 from the release build served by the mock API.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, chooseMobile, launch, openPage, screenshot } from './support.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

for (const width of [375, 1280]) {
  test(`home → "Đăng ký" → choose method (${width}px)`, async () => {
    const page = await openPage(browser, { width });
    await page.goto(`${BASE}/`);
    await page.getByRole('heading', { level: 1, name: 'Tài khoản Dịch vụ công' }).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'vi');
    await screenshot(page, 'home');
    await page.getByRole('main').getByRole('link', { name: 'Đăng ký', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Chọn phương thức đăng ký' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/dang-ky');
    await screenshot(page, 'choose-method');
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(scrollWidth <= width, `no horizontal scroll (scrollWidth ${scrollWidth})`);
    assert.deepEqual(page.errors, [], 'no console errors or CSP violations');
    await page.context().close();
  });
}

test('a deep link is served index.html and routed by the app', async () => {
  const page = await openPage(browser);
  const response = await page.goto(`${BASE}/dang-ky`);
  assert.equal(response.status(), 200);
  assert.equal(response.headers()['cache-control'], 'no-cache');
  assert.match(response.headers()['content-security-policy'], /script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
  await page.getByRole('heading', { level: 1, name: 'Chọn phương thức đăng ký' }).waitFor();
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a citizen choosing the mobile method continues to the details form route', async () => {
  const page = await openPage(browser);
  await page.goto(`${BASE}/dang-ky`);
  await chooseMobile(page);
  await page.waitForURL(`${BASE}/dang-ky/thue-bao-di-dong`);
  await page.context().close();
});

test('unknown /api paths answer JSON 404, never index.html', async () => {
  const response = await fetch(`${BASE}/api/nope`);
  assert.equal(response.status, 404);
  assert.equal((await response.json()).error, 'not_found');
});
