// `cargo xtask gallery [--compare | --accept] [--export DIR]`: every /__gallery state at phone
// and desktop width, one PNG each, and what a screen-reader user hears on it, one transcript
// each (`transcript.mjs`), in target/gallery/ (with the flow map, flow.svg).
//   --compare   each PNG against the committed baseline (gallery/baseline/), the way Playwright
//               Test's toHaveScreenshot does (pixelmatch, threshold 0.2, no pixel may differ),
//               and each transcript line by line; writes review.html + review.json and fails (1)
//               on a changed, new or removed image or transcript, unless the baseline was made
//               with another Chromium (then it says so, and passes).
//   --accept    the images and transcripts become the baseline (with the Chromium version).
//   --export D  a static folder to share: every state at both widths with its notes, the flow
//               map and the last review; no script, no form.
// Rendering is made deterministic: fixed clock and time zone, animations and carets off,
// fonts from the project's packages (xtask's toolchain check).
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PNG } from 'pngjs';
import pixelmatch from 'pixelmatch';
import { BASE, launch } from './support.mjs';
import { exportPack, reviewPage } from './gallery-pages.mjs';
import { transcript, transcriptText } from './transcript.mjs';
import { lineDiff } from './line-diff.mjs';

const { values: opt } = parseArgs({
  options: {
    compare: { type: 'boolean', default: false },
    accept: { type: 'boolean', default: false },
    export: { type: 'string' },
    out: { type: 'string', default: process.env.GALLERY_DIR ?? 'target/gallery' },
    baseline: { type: 'string', default: 'gallery/baseline' },
    // A scratch stylesheet served in place of the build's (the review's own test).
    stylesheet: { type: 'string' },
    // `FROM=TO`: the wasm served with the text FROM replaced by TO, of the same length in
    // UTF-8 (the transcript review's own test: a changed label).
    'replace-text': { type: 'string' },
    // Only these states (comma-separated keys).
    only: { type: 'string' },
    // Where "open it live" links point: `cargo xtask dev`'s address.
    live: { type: 'string', default: 'http://127.0.0.1:8080' },
  },
});

const WIDTHS = [375, 1280];
const TRANSCRIPT_WIDTH = 375;
// The clock every state is rendered at (codes count down from it, locks end after it).
const FROZEN_AT = new Date('2026-01-15T09:00:00+07:00');
const OUT = opt.out;
const PROTOTYPE_BANNER = 'Bản mô phỏng — không phải Cổng Dịch vụ công quốc gia.';
mkdirSync(OUT, { recursive: true });

const browser = await launch();
const chromium = browser.version();
const states = await readStates();
const failures = [];
await Promise.all(WIDTHS.map(renderAll));
await saveFlowMap();
await browser.close();
// A state that did not render cleanly is not a visual change: its own exit status.
if (failures.length) {
  console.error(failures.join('\n'));
  process.exit(2);
}
console.log(`${states.length * WIDTHS.length} screenshots of ${states.length} states in ${OUT}`);

let exitCode = 0;
if (opt.compare) exitCode = compareAll();
if (opt.accept) acceptAll();
if (opt.export) {
  exportPack(opt.export, { out: OUT, states, widths: WIDTHS });
  console.log(`export: ${opt.export}/index.html`);
}
process.exit(exitCode);

/** Every state of the gallery index: key, title and the notes on reaching it. */
async function readStates() {
  const page = await newPage(1280);
  await page.goto(`${BASE}/__gallery`);
  const articles = page.locator('article[id]');
  await articles.first().waitFor();
  let all = await articles.evaluateAll((list) => list.map((a) => ({
    key: a.id,
    title: a.querySelector('h2').firstChild.textContent.trim(),
    notes: [...a.querySelectorAll('ol li')].map((li) => li.textContent),
  })));
  await page.close();
  if (opt.only) {
    const only = opt.only.split(',');
    all = all.filter((s) => only.includes(s.key));
  }
  return all;
}

async function newPage(width) {
  const context = await browser.newContext({
    viewport: { width, height: 800 },
    timezoneId: 'Asia/Ho_Chi_Minh',
    locale: 'vi-VN',
    reducedMotion: 'reduce',
  });
  await context.clock.setFixedTime(FROZEN_AT);
  const page = await context.newPage();
  page.errors = [];
  page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
  page.on('pageerror', (e) => page.errors.push(String(e)));
  if (opt.stylesheet) await serveScratchStylesheet(page);
  if (opt['replace-text']) await serveRelabelledWasm(page, opt['replace-text']);
  page.close = async () => {
    // A request the page still had in flight (an image after the screenshot) must not end
    // in a route handler on a closed context: that rejection would end the whole run.
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await context.close();
  };
  return page;
}

/** The gallery's pages without their integrity pins, so a scratch file can stand in for the
 *  build's. */
async function dropIntegrityPins(page) {
  await page.route((url) => url.pathname.startsWith('/__gallery'), async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace(/ integrity="[^"]*"/g, '');
    await route.fulfill({ response, body });
  });
}

/** The scratch stylesheet in place of the build's. */
async function serveScratchStylesheet(page) {
  await page.route(/\/main-[0-9a-f]+\.css$/, (route) => route.fulfill({ path: opt.stylesheet, contentType: 'text/css' }));
  await dropIntegrityPins(page);
}

/** The build's wasm with one text replaced by another of the same byte length. */
async function serveRelabelledWasm(page, spec) {
  const [from, to] = spec.split('=').map((s) => Buffer.from(s));
  if (!to || from.length !== to.length) throw new Error(`--replace-text: ${spec}: both sides the same length in UTF-8`);
  await page.route(/_bg\.wasm$/, async (route) => {
    const response = await route.fetch();
    const body = await response.body();
    for (let at = body.indexOf(from); at >= 0; at = body.indexOf(from, at + 1)) to.copy(body, at);
    await route.fulfill({ response, body });
  });
  await dropIntegrityPins(page);
}

async function renderAll(width) {
  for (const { key } of states) {
    const page = await newPage(width);
    await page.goto(`${BASE}/__gallery/${key}`);
    await page.locator('body[data-gallery-ready]').waitFor({ state: 'attached' });
    // A picture of this prototype always says it is one (the exported pack relies on it).
    const banner = await page.getByText(PROTOTYPE_BANNER).first().waitFor({ timeout: 5000 }).then(() => true, () => false);
    if (!banner) failures.push(`${key} @${width}: no prototype banner`);
    await page.screenshot({
      path: join(OUT, `${key}-${width}.png`), fullPage: true, animations: 'disabled', caret: 'hide', scale: 'css',
    });
    // What it sounds like: read once, at phone width (the width most participants use).
    if (width === TRANSCRIPT_WIDTH) writeFileSync(join(OUT, `${key}.txt`), transcriptText(await transcript(page)));
    if (page.errors.length) failures.push(`${key} @${width}: ${page.errors.join('; ')}`);
    await page.close();
  }
}

/** The flow map as SVG files: flow.svg (thumbnails beside it, links to the live states) and
 *  flow-export.svg (for the pack: thumbnails in shots/, links into its index). */
async function saveFlowMap() {
  const variants = {
    'flow.svg': { thumbnails: '', states: `${opt.live}/__gallery/` },
    'flow-export.svg': { thumbnails: 'shots/', states: 'index.html#' },
  };
  for (const [file, hrefs] of Object.entries(variants)) {
    const page = await newPage(1280);
    await page.goto(`${BASE}/__gallery/flow?${new URLSearchParams(hrefs)}`);
    const svg = page.getByRole('img', { name: /^Flow map/ });
    await svg.waitFor();
    const markup = await svg.evaluate((e) => new XMLSerializer().serializeToString(e));
    writeFileSync(join(OUT, file), `<?xml version="1.0" encoding="UTF-8"?>\n${markup}\n`);
    await page.close();
  }
}

/** A baseline file of a state (an image or a transcript), not the Chromium version note. */
function isStateFile(name) {
  return name.endsWith('.png') || (name.endsWith('.txt') && name !== 'chromium.txt');
}

function compareAll() {
  const dir = join(OUT, 'review');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const versionFile = join(opt.baseline, 'chromium.txt');
  const baselineChromium = existsSync(versionFile) ? readFileSync(versionFile, 'utf8').trim() : 'none';
  const review = { chromium, baselineChromium, changed: [], unchanged: [], removed: [] };
  const rendered = new Set();
  for (const state of states) {
    for (const width of WIDTHS) {
      const name = `${state.key}-${width}`;
      rendered.add(`${name}.png`);
      const result = compareOne(name, dir);
      const entry = { key: state.key, title: state.title, width, ...result };
      if (result.pixels === 0) review.unchanged.push(entry);
      else review.changed.push(entry);
    }
  }
  review.transcripts = compareTranscripts();
  if (!opt.only && existsSync(opt.baseline)) {
    for (const state of states) rendered.add(`${state.key}.txt`);
    review.removed = readdirSync(opt.baseline).filter((f) => isStateFile(f) && !rendered.has(f));
  }
  review.changed.sort((a, b) => b.ratio - a.ratio);
  writeFileSync(join(OUT, 'review.json'), JSON.stringify(review, null, 1));
  writeFileSync(join(OUT, 'review.html'), reviewPage(review, opt.live));
  const count = review.changed.length + review.removed.length + review.transcripts.changed.length;
  console.log(`review: ${count} changed, ${review.unchanged.length} unchanged: ${join(OUT, 'review.html')}`);
  for (const c of review.changed) console.log(`  changed: ${c.key} @${c.width} (${c.note})`);
  for (const t of review.transcripts.changed) console.log(`  transcript changed: ${t.key} (${t.note})`);
  for (const r of review.removed) console.log(`  removed: ${r} (its state is gone)`);
  if (baselineChromium !== chromium) {
    console.log(`The baseline was made with Chromium ${baselineChromium}; this is Chromium ${chromium}. ` +
      'Differences may be rendering noise, so they do not fail: look at the review, then ' +
      '`cargo xtask gallery --accept` to make a baseline with this Chromium.');
    return 0;
  }
  if (count) console.log('Not meant? Fix it. Meant? `cargo xtask gallery --accept` and commit the images with the change.');
  return count ? 1 : 0;
}

/** Each state's transcript against its baseline, line by line. */
function compareTranscripts() {
  const result = { changed: [], unchanged: [] };
  for (const state of states) {
    const now = readFileSync(join(OUT, `${state.key}.txt`), 'utf8');
    const basePath = join(opt.baseline, `${state.key}.txt`);
    const base = existsSync(basePath) ? readFileSync(basePath, 'utf8') : null;
    if (base === now) {
      result.unchanged.push(state.key);
      continue;
    }
    const diff = lineDiff(base === null ? [] : base.trimEnd().split('\n'), now.trimEnd().split('\n'));
    const added = diff.filter((d) => d.op === '+').length;
    const removed = diff.filter((d) => d.op === '-').length;
    const note = base === null ? 'new: no baseline' : `${removed} lines gone, ${added} new`;
    result.changed.push({ key: state.key, title: state.title, note, diff });
  }
  return result;
}

/** One image against its baseline, as toHaveScreenshot compares (sizes padded to the larger). */
function compareOne(name, dir) {
  const nowPath = join(OUT, `${name}.png`);
  const basePath = join(opt.baseline, `${name}.png`);
  const now = PNG.sync.read(readFileSync(nowPath));
  if (!existsSync(basePath)) {
    copyFileSync(nowPath, join(dir, `${name}-now.png`));
    return { pixels: now.width * now.height, ratio: 1, note: 'new: no baseline' };
  }
  const base = PNG.sync.read(readFileSync(basePath));
  const width = Math.max(now.width, base.width);
  const height = Math.max(now.height, base.height);
  const diff = new PNG({ width, height });
  const pixels = pixelmatch(pad(base, width, height).data, pad(now, width, height).data, diff.data, width, height, { threshold: 0.2 });
  const resized = now.height !== base.height || now.width !== base.width;
  if (pixels === 0 && !resized) return { pixels: 0, ratio: 0, note: 'same' };
  copyFileSync(basePath, join(dir, `${name}-baseline.png`));
  copyFileSync(nowPath, join(dir, `${name}-now.png`));
  writeFileSync(join(dir, `${name}-diff.png`), PNG.sync.write(diff));
  const ratio = pixels / (width * height);
  const size = resized ? `, was ${base.width}×${base.height}, now ${now.width}×${now.height}` : '';
  return { pixels: Math.max(pixels, 1), ratio, note: `${pixels} pixels differ (${(ratio * 100).toFixed(2)} %)${size}` };
}

function pad(image, width, height) {
  if (image.width === width && image.height === height) return image;
  const out = new PNG({ width, height, fill: true });
  PNG.bitblt(image, out, 0, 0, image.width, image.height, 0, 0);
  return out;
}

function acceptAll() {
  mkdirSync(opt.baseline, { recursive: true });
  if (!opt.only) {
    for (const f of readdirSync(opt.baseline)) if (isStateFile(f)) rmSync(join(opt.baseline, f));
  }
  for (const { key } of states) {
    for (const width of WIDTHS) copyFileSync(join(OUT, `${key}-${width}.png`), join(opt.baseline, `${key}-${width}.png`));
    copyFileSync(join(OUT, `${key}.txt`), join(opt.baseline, `${key}.txt`));
  }
  writeFileSync(join(opt.baseline, 'chromium.txt'), `${chromium}\n`);
  console.log(`baseline: ${states.length * WIDTHS.length} images and ${states.length} transcripts in ${opt.baseline} (Chromium ${chromium})`);
}
