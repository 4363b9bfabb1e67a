// Pre-renders the first screen of each address a first visit sees (called by `cargo xtask
// build`, see xtask/src/prerender.rs): the release app in `DIST` is opened in headless
// Chromium with the API held back, so what it shows is what the app renders before any
// answer. An address that shows no heading at its own address gets nothing (the build then
// fails). Writes JSON to `OUT`:
//   { screens: { "<path>": "<markup>" }, local: {…}, session: {…} }
// where local/session are the web storage a first visit leaves (the snapshot is valid only
// for a visitor whose storage holds no more than that).
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { readFile, writeFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const dist = process.env.DIST;
const paths = JSON.parse(process.env.PATHS);

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.svg': 'image/svg+xml' };

// The files of dist/, and index.html for any address (as the mock and nginx answer).
const server = createServer(async (req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
  const file = extname(path) ? join(dist, path) : join(dist, 'index.html');
  try {
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const base = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
const out = { screens: {}, local: {}, session: {} };
try {
  for (const path of paths) {
    const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    // Never answered: the page renders what it can without them, like a slow network would.
    await page.route((url) => url.pathname.startsWith('/api/'), () => {});
    await page.goto(base + path);
    // The app removes the loading state once its first screen has rendered (src/boot.rs).
    await page.locator('.boot').waitFor({ state: 'detached', timeout: 20_000 });
    const shot = await page.evaluate((path) => {
      if (location.pathname !== path || !document.querySelector('main h1')) return null;
      const kept = [...document.body.children].filter((e) =>
        !e.matches('.boot, noscript, script, template, link'));
      // What the app set as properties (a choice made for the citizen, a value) is not in
      // the markup: written as attributes, so the copy looks the same.
      for (const e of document.querySelectorAll('input, textarea')) {
        if (e.checked) e.setAttribute('checked', '');
        else if (e.value && !['radio', 'checkbox'].includes(e.type)) e.setAttribute('value', e.value);
      }
      const copy = kept.map((e) => e.cloneNode(true));
      for (const root of copy) {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_COMMENT);
        const comments = [];
        while (walker.nextNode()) comments.push(walker.currentNode);
        for (const c of comments) c.remove();
        // The copy sits beside the app until the app takes over (src/boot.rs): its ids are
        // prefixed, and so is every reference to them, so no id is there twice and each
        // label still names its field. Its fields take typing and choices at once, which
        // the app carries over; its links are plain links; its buttons wait for the app.
        for (const e of [root, ...root.querySelectorAll('[id]')]) if (e.id) e.id = `boot-${e.id}`;
        for (const attr of ['for', 'aria-describedby', 'aria-labelledby', 'aria-controls']) {
          for (const e of [root, ...root.querySelectorAll(`[${attr}]`)]) {
            if (e.hasAttribute(attr)) e.setAttribute(attr, e.getAttribute(attr).split(' ').map((id) => `boot-${id}`).join(' '));
          }
        }
        for (const e of root.querySelectorAll('button')) e.disabled = true;
      }
      return copy
        .filter((e) => !(e.matches('a[href^="#"]')))
        .map((e) => e.outerHTML)
        .join('');
    }, path);
    if (errors.length) throw new Error(`${path}: ${errors.join('; ')}`);
    if (shot) {
      out.screens[path] = shot;
      for (const [area, name] of [['local', 'localStorage'], ['session', 'sessionStorage']]) {
        const stored = await page.evaluate((name) => Object.fromEntries(Object.entries(window[name])), name);
        for (const [key, value] of Object.entries(stored)) {
          if (key in out[area] && out[area][key] !== value) throw new Error(`${name} ${key} differs between first visits`);
          out[area][key] = value;
        }
      }
    }
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
await writeFile(process.env.OUT, JSON.stringify(out));
