// Screens 1 and 2 from the release build served by the mock API.
import { test, expect } from './fixtures.mjs';
import { chooseMobile, expectHeading, screenshot } from './support.mjs';

for (const width of [375, 1280]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 800 } });

    test(`home → "Đăng ký" → choose method (${width}px)`, async ({ page }) => {
      await page.goto('/');
      await expectHeading(page, 'Tài khoản Dịch vụ công');
      await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
      await screenshot(page, 'home');
      await page.getByRole('main').getByRole('link', { name: 'Đăng ký', exact: true }).click();
      await expectHeading(page, 'Chọn phương thức đăng ký');
      await expect(page).toHaveURL(/\/dang-ky$/);
      await screenshot(page, 'choose-method');
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scrollWidth, 'no horizontal scroll').toBeLessThanOrEqual(width);
    });
  });
}

test('a deep link is served index.html and routed by the app', async ({ page }) => {
  const response = await page.goto('/dang-ky');
  expect(response.status()).toBe(200);
  expect(response.headers()['cache-control']).toBe('no-cache');
  expect(response.headers()['content-security-policy']).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
  await expectHeading(page, 'Chọn phương thức đăng ký');
});

test('a citizen choosing the mobile method continues to the details form route', async ({ page }) => {
  await page.goto('/dang-ky');
  await chooseMobile(page);
  await expect(page).toHaveURL(/\/dang-ky\/thue-bao-di-dong$/);
});

test('unknown /api paths answer JSON 404, never index.html', async ({ mock }) => {
  const answer = await mock.get('/api/nope');
  expect(answer.status).toBe(404);
  expect(answer.body.error).toBe('not_found');
});
