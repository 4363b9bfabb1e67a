// The fixtures every end-to-end test takes instead of conventions:
// - `page` (and `newPage` for more): fails the test on any console error, page error or CSP
//   violation it did not declare with `page.allowErrors(/…/)`;
// - `citizen`: a fresh, valid identity and phone that no other test of the run has;
// - `mock`: the mock API's dev endpoints (outbox, clock, faults) and plain JSON calls.
import { test as base, expect } from '@playwright/test';

export { expect };

/** Collects what the browser reports as an error on `page`. */
function watch(page) {
  page.errors = [];
  const allowed = [];
  page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
  page.on('pageerror', (e) => page.errors.push(String(e)));
  /** Errors this test expects (a refused request that Chromium logs itself, say). */
  page.allowErrors = (...patterns) => allowed.push(...patterns);
  page.unexpectedErrors = () => page.errors.filter((e) => !allowed.some((p) => p.test(e)));
  return page;
}

// Citizens handed out by this worker. A worker's index is never reused in a run, and the
// personas and fixed examples sit below serial 100000.
let issued = 0;

export const test = base.extend({
  page: async ({ page }, use) => {
    watch(page);
    await use(page);
    expect(page.unexpectedErrors(), 'console errors or CSP violations').toEqual([]);
  },

  /** Another page in a context of its own: `newPage({ width })`. Checked like `page`. */
  newPage: async ({ browser, baseURL }, use) => {
    const pages = [];
    await use(async ({ width = 1280, ...options } = {}) => {
      const context = await browser.newContext({ baseURL, viewport: { width, height: 800 }, ...options });
      const page = watch(await context.newPage());
      pages.push(page);
      return page;
    });
    for (const page of pages) {
      expect(page.unexpectedErrors(), 'console errors or CSP violations').toEqual([]);
      await page.context().close();
    }
  },

  /** `citizen({ name })`: a CCCD of Hà Nội, born 15/03/1990, and a mobile number. */
  citizen: async ({}, use, testInfo) => {
    await use(({ name = 'Trần Văn Bình' } = {}) => {
      issued += 1;
      const serial = 100000 + testInfo.workerIndex * 1000 + issued;
      if (issued >= 1000 || serial > 999999) throw new Error('out of citizens for this worker');
      return { id: `001090${serial}`, name, dob: '15/03/1990', phone: `0916${serial}` };
    });
  },

  mock: async ({ request }, use) => {
    const json = async (response) => ({ status: response.status(), body: await response.json() });
    const outbox = async () => (await request.get('/api/dev/outbox')).json();
    const mock = {
      outbox,
      /** The newest code "sent" to `phone`, if any. */
      lastCode: async (phone) => (await outbox()).find((sms) => sms.to === phone)?.code,
      /** The newest code sent to `phone`, once there is one. */
      code: async (phone) => {
        let code;
        await expect.poll(async () => (code = await mock.lastCode(phone)), { message: `a code to ${phone}` }).toBeTruthy();
        return code;
      },
      smsCount: async (phone) => (await outbox()).filter((sms) => sms.to === phone).length,
      /** Moves the mock's clock on. */
      advance: async (seconds) => json(await request.post('/api/dev/clock', { data: { advance_s: seconds } })),
      faults: async (faults) => json(await request.post('/api/dev/faults', { data: faults })),
      get: async (path, options) => json(await request.get(path, options)),
      post: async (path, body, options = {}) => json(await request.post(path, { data: body, ...options })),
    };
    await use(mock);
  },
});
