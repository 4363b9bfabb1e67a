// `cargo xtask bench`: the slow-phone probe. The details form opened as a link, next to
// bench/plain-form.html (the same fields and rules as plain HTML + JS), in the same run, on one
// profile: 4x CPU slowdown, 1.6 Mbit/s down, 750 kbit/s up, 150 ms RTT, cold cache (a fresh
// browser context per run). For each page, the median of RUNS runs of:
//   - readiness: from navigation to the name field accepting typing, the same test on both
//     pages: a field labelled "Họ và tên" on screen, enabled, not inert. On the app that may
//     be index.html's pre-rendered form before the app is there: the probe types into it at
//     once, and fails unless the app's own field then holds what was typed, with the focus;
//   - the app's own readiness (its field and no loading state: the form can be submitted), and
//     on the plain page, its script having run;
//   - the longest input event (Event Timing: keydown, keypress, beforeinput, input, keyup)
//     while typing 18 characters into the name field after a failed submit, when every
//     keystroke re-validates the form;
//   - the bytes moved until ready.
// Writes JSON to OUT (read by bench/lighthouse.mjs into the dated report) and prints it.
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { readFileSync, writeFileSync } from 'node:fs';
import { brotliCompressSync } from 'node:zlib';

const base = process.env.BASE_URL;
const RUNS = Number(process.env.SLOW_PHONE_RUNS ?? 5);
const PROFILE = { cpu: 4, downKbps: 1600, upKbps: 750, rttMs: 150 };
const TYPED = 'Nguyen Van Thang A';

// The plain page, brotli-compressed like the release build's files.
const plain = brotliCompressSync(readFileSync(new URL('./plain-form.html', import.meta.url)));
const server = createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'br', 'cache-control': 'no-cache' });
  res.end(plain);
});
await new Promise((done) => server.listen(0, '127.0.0.1', done));

const pages = [
  { name: 'this app, /dang-ky/thue-bao-di-dong', kind: 'app', url: `${base}/dang-ky/thue-bao-di-dong` },
  { name: 'plain HTML + JS page (bench/plain-form.html)', kind: 'plain', url: `http://127.0.0.1:${server.address().port}/` },
];

const EARLY = 'Nguyen';

// Both readinesses are watched from the start at every frame (an init script, so neither
// waits for the probe to start polling), recorded in the page (a function, not a string: the
// CSP forbids eval):
//   - ready to type: a field labelled "Họ và tên" on screen that takes typing (focused then,
//     as a citizen's tap would);
//   - the page's own readiness: the app's own field with the loading state gone (the form can
//     be submitted); the plain page's script has run.
function watchReadiness(kind) {
  const check = () => {
    if (!window.readyAt) {
      const input = [...document.querySelectorAll('input')].find((i) =>
        [...(i.labels ?? [])].some((l) => l.textContent.trim().startsWith('Họ và tên')));
      if (input && !input.disabled && !input.readOnly && !input.closest('[inert]') && input.getClientRects().length > 0) {
        window.readyAt = performance.now();
        input.focus();
      }
    }
    if (!window.ownReadyAt) {
      const field = !!document.getElementById('full_name');
      const ready = kind === 'app' ? field && !document.querySelector('.boot') : field && window.formReady === true;
      if (ready) window.ownReadyAt = performance.now();
    }
    if (!window.readyAt || !window.ownReadyAt) requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function once(browser, target) {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 }, locale: 'vi-VN' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: PROFILE.rttMs,
    downloadThroughput: (PROFILE.downKbps * 1000) / 8,
    uploadThroughput: (PROFILE.upKbps * 1000) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: PROFILE.cpu });
  await page.addInitScript(() => {
    window.slowEvents = [];
    new PerformanceObserver((list) => window.slowEvents.push(...list.getEntries().map((e) => [e.name, e.startTime, e.duration])))
      .observe({ type: 'event', durationThreshold: 16, buffered: true });
  });
  await page.addInitScript(watchReadiness, target.kind);
  await page.goto(target.url, { waitUntil: 'commit' });
  await page.waitForFunction(() => !!window.readyAt, null, { polling: 'raf', timeout: 120_000 });
  // A citizen starts typing at once; whatever took it, the page's own form must keep it.
  await page.keyboard.type(EARLY);
  await page.waitForFunction(() => !!window.ownReadyAt, null, { polling: 'raf', timeout: 120_000 });
  const kept = await page.evaluate(() => [document.getElementById('full_name').value, document.activeElement?.id]);
  if (kept[0] !== EARLY || kept[1] !== 'full_name') {
    throw new Error(`${target.name}: typed "${EARLY}" when ready, the form then held "${kept[0]}" with the focus on "${kept[1]}"`);
  }
  const { readyAt, ownReadyAt } = await page.evaluate(() => ({ readyAt: window.readyAt, ownReadyAt: window.ownReadyAt }));
  const bytes = await page.evaluate(() => [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
    .filter((e) => e.responseEnd <= window.readyAt).reduce((sum, e) => sum + (e.transferSize || 0), 0));
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');

  await page.getByRole('button', { name: 'Đăng ký', exact: true }).click();
  await page.getByRole('link', { name: 'Nhập họ và tên' }).waitFor();
  const field = page.getByLabel('Họ và tên');
  await field.focus();
  const from = await page.evaluate(() => performance.now());
  await page.keyboard.type(TYPED);
  await page.waitForFunction((text) => document.getElementById('full_name').value === text, TYPED);
  // Event Timing reports an event after the frame it painted in: two frames later all are in.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const longest = await page.evaluate((from) => Math.max(0, ...window.slowEvents
    .filter(([name, at]) => at >= from && ['keydown', 'keypress', 'beforeinput', 'input', 'keyup'].includes(name))
    .map(([, , duration]) => duration)), from);
  await context.close();
  return { readyAt, ownReadyAt, bytes, longest };
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
const rows = [];
try {
  for (const target of pages) {
    const runs = [];
    // Alternating would mix their caches' warm-up of the browser itself; one after the other,
    // each in a fresh context, is cold for both.
    for (let i = 0; i < RUNS; i += 1) runs.push(await once(browser, target));
    rows.push({
      page: target.name,
      readyMs: Math.round(median(runs.map((r) => r.readyAt))),
      readyRangeMs: `${Math.round(Math.min(...runs.map((r) => r.readyAt)))}–${Math.round(Math.max(...runs.map((r) => r.readyAt)))}`,
      ownReadyMs: Math.round(median(runs.map((r) => r.ownReadyAt))),
      longestInputMs: median(runs.map((r) => r.longest)),
      bytes: median(runs.map((r) => r.bytes)),
    });
  }
} finally {
  await browser.close();
  server.close();
}
const [app, plainRow] = rows;
const result = {
  profile: PROFILE, runs: RUNS, typed: TYPED.length, rows,
  readinessRatio: +(app.readyMs / plainRow.readyMs).toFixed(2),
  ownReadinessRatio: +(app.ownReadyMs / plainRow.ownReadyMs).toFixed(2),
  inputRatio: plainRow.longestInputMs ? +(app.longestInputMs / plainRow.longestInputMs).toFixed(2) : null,
};
if (process.env.OUT) writeFileSync(process.env.OUT, JSON.stringify(result, null, 2));
console.log(JSON.stringify(result, null, 2));
