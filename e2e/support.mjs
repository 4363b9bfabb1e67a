// Shared by the end-to-end tests: one headless Chromium (Debian's, as root), pages that
// record console errors and CSP violations, and screenshots under target/.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const BASE = process.env.BASE_URL ?? 'http://127.0.0.1:8787';
const SHOTS = process.env.SCREENSHOT_DIR ?? 'target/screenshots';

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A page at `width`×800 whose console errors and page errors are collected in `errors`. */
export async function openPage(browser, { width = 1280 } = {}) {
  const context = await browser.newContext({ viewport: { width, height: 800 } });
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
