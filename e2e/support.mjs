// Shared by the end-to-end tests (steps and checks over a page) and the gallery script (a
// browser of its own). Screenshots go under target/.
import { chromium } from 'playwright-core';
import { expect } from '@playwright/test';
import { CHROMIUM_OPTIONS } from './chromium.mjs';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

export const BASE = process.env.BASE_URL ?? 'http://127.0.0.1:8787';
const SHOTS = process.env.SCREENSHOT_DIR ?? 'target/screenshots';

/** For the gallery script, outside the test runner. */
export async function launch() {
  return chromium.launch(CHROMIUM_OPTIONS);
}

/** For the gallery script: a page at `width`×800 whose console errors and page errors are
 *  collected in `errors`. */
export async function openPage(browser, { width = 1280, httpCredentials } = {}) {
  const context = await browser.newContext({ viewport: { width, height: 800 }, httpCredentials });
  const page = await context.newPage();
  page.errors = [];
  page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
  page.on('pageerror', (e) => page.errors.push(String(e)));
  return page;
}

export async function screenshot(page, name) {
  mkdirSync(SHOTS, { recursive: true });
  const width = page.viewportSize().width;
  await page.screenshot({ path: join(SHOTS, `${name}-${width}.png`), fullPage: true });
}

// axe-core, evaluated through the DevTools protocol (so the page's CSP does not block it).
const AXE_SOURCE = readFileSync(new URL('../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/** The page's WCAG 2.2 A/AA violations, as "rule: selectors" lines (empty when clean). */
export async function axeViolations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, WCAG_TAGS);
}

/** Elements wider than the viewport, or a horizontal scroll: "" when everything fits. */
/** A folder of rendered pages for the Nu Html Checker, emptied: `add(name, page)` keeps a page's
 * DOM as HTML, `errors()` checks them all in one run of the checker (one Java start). */
export function htmlCheck(folder) {
  const dir = new URL(`../target/${folder}/`, import.meta.url).pathname;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return {
    add: async (name, page) => writeFileSync(join(dir, `${name}.html`), await page.content()),
    errors: () => {
      const vnu = new URL('../node_modules/vnu-jar/build/dist/vnu.jar', import.meta.url).pathname;
      try {
        execFileSync('java', ['-jar', vnu, '--errors-only', '--format', 'json', dir], { stdio: 'pipe' });
        return [];
      } catch (e) {
        // Errors found: exit status 1, the JSON report on stderr.
        const report = JSON.parse(e.stderr.toString());
        return report.messages.map((m) => `${basename(m.url ?? '')}: ${m.message} (${(m.extract ?? '').trim()})`);
      }
    },
  };
}

export async function overflow(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > width) return `page scrolls sideways (${document.documentElement.scrollWidth} > ${width})`;
    const cut = [...document.querySelectorAll('main *, header *')]
      .filter((e) => e.getClientRects().length && e.getBoundingClientRect().right > width + 1)
      .map((e) => e.tagName.toLowerCase() + (e.id ? `#${e.id}` : '') + (e.className ? `.${e.className}` : ''));
    return cut.length ? `past the right edge: ${cut.slice(0, 5).join(', ')}` : '';
  });
}

/** Types `who` into the details form on screen, with the test server's captcha answer. */
export async function typeDetails(page, who) {
  await page.getByLabel('Số CMND/CCCD').fill(who.id);
  await page.getByLabel('Họ và tên').fill(who.name);
  await page.getByLabel('Ngày sinh').fill(who.dob);
  await page.getByLabel('Số điện thoại').fill(who.phone);
  await expect(page.getByRole('img', { name: 'Ảnh mã xác thực gồm 5 ký tự' })).toBeVisible();
  await page.getByLabel('Mã xác thực').fill('abcde');
}

/** From the code step with its code typed: confirm it, set a password, and see the account
 *  made. */
export async function finishRegistration(page) {
  await page.getByRole('button', { name: 'Xác nhận' }).click();
  await expectHeading(page, 'Đặt mật khẩu');
  await page.getByLabel(/^Mật khẩu/).fill('Sen#vang7Ho');
  await page.getByLabel(/^Nhập lại mật khẩu/).fill('Sen#vang7Ho');
  await page.getByRole('button', { name: 'Đăng ký', exact: true }).click();
  await expectHeading(page, 'Đăng ký tài khoản thành công');
}

/** Opens the details form and types `who` in. */
export async function fillDetails(page, who) {
  await page.goto('/dang-ky/thue-bao-di-dong');
  await expectHeading(page, 'Đăng ký bằng thuê bao di động');
  await typeDetails(page, who);
}

/** The page's one level-1 heading says `name`, and it is the app's: index.html's loading
 * state (and the pre-rendered copy in it, whose fields and links work too) is gone. */
export async function expectHeading(page, name) {
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Đang tải… / Loading…' })).toHaveCount(0);
}

/** On the choose-method screen: "Công dân" + "Thuê bao di động", then on to the form (or
 * to the screen whose heading is `reaches`). */
export async function chooseMobile(page, { reaches = 'Đăng ký bằng thuê bao di động' } = {}) {
  await page.getByRole('radio', { name: 'Công dân' }).check();
  await page.getByRole('radio', { name: 'Thuê bao di động' }).check();
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
  await expectHeading(page, reaches);
}

// Every wasm file of a build: the main module and, in the split release, each module its
// loader names (dev code could hide in any of them).
export async function wasmText(request, base, headers = {}) {
  const html = await (await request.get(`${base}/`, { headers })).text();
  const wasm = html.match(/href="([^"]+_bg\.wasm)"/)?.[1];
  expect(wasm, 'index.html names the wasm').toBeTruthy();
  const files = [wasm];
  const loader = html.match(/href="(\/split-[0-9a-f]{16}\.js)"/)?.[1];
  if (loader) {
    const js = await (await request.get(`${base}${loader}`, { headers })).text();
    for (const [, name] of js.matchAll(/"\.\/([^"]+\.wasm)"/g)) files.push(`/${name}`);
  }
  let text = '';
  for (const file of files) {
    const response = await request.get(`${base}${file}`, { headers });
    expect(response.status(), file).toBe(200);
    text += (await response.body()).toString('latin1');
  }
  return { text, files: files.length };
}
