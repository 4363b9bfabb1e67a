// `cargo xtask bench`: Lighthouse (mobile preset) against the preview server for `/` and the
// form, plus the release sizes xtask measured; written to docs/bench/<date>.md and printed.
// Lighthouse is installed by xtask into target/tools/lighthouse (LIGHTHOUSE_DIR).
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = process.env.LIGHTHOUSE_DIR;
const base = process.env.BASE_URL;
const { default: lighthouse } = await import(pathToFileURL(join(dir, 'node_modules/lighthouse/core/index.js')).href);
const chromeLauncher = await import(pathToFileURL(join(dir, 'node_modules/chrome-launcher/dist/index.js')).href);

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
const rows = [];
try {
  for (const path of ['/', '/dang-ky/thue-bao-di-dong']) {
    const result = await lighthouse(`${base}${path}`, {
      port: chrome.port, output: 'json', logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices'],
    });
    const lhr = result.lhr;
    const score = (c) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
    const audit = (a) => lhr.audits[a]?.numericValue ?? NaN;
    rows.push({
      path,
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      lcp: Math.round(audit('largest-contentful-paint')),
      tbt: Math.round(audit('total-blocking-time')),
      bytes: Math.round(audit('total-byte-weight')),
      failing: Object.values(lhr.audits)
        .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual')
        .map((a) => a.id).slice(0, 8),
    });
  }
} finally {
  await chrome.kill();
}

const date = new Date().toISOString().slice(0, 10);
const sizes = readFileSync(process.env.SIZES_FILE, 'utf8');
const table = [
  '| page | performance | accessibility | best practices | LCP | TBT | total bytes | audits under 90 |',
  '|---|---|---|---|---|---|---|---|',
  ...rows.map((r) => `| \`${r.path}\` | ${r.performance} | ${r.accessibility} | ${r.bestPractices} | ${r.lcp} ms | ${r.tbt} ms | ${r.bytes} B | ${r.failing.join(', ') || '—'} |`),
].join('\n');
const report = `# Bench ${date}\n\nCommand: \`cargo xtask bench\` (release build served by the mock API with pre-compressed files;\nLighthouse ${JSON.parse(readFileSync(join(dir, 'node_modules/lighthouse/package.json'), 'utf8')).version}, mobile preset, simulated throttling, Debian Chromium headless).\nGoal: performance ≥ 98, accessibility 100, best practices 100.\n\n${table}\n\nRelease sizes (bytes):\n\n\`\`\`\n${sizes.trim()}\n\`\`\`\n`;
mkdirSync('docs/bench', { recursive: true });
writeFileSync(`docs/bench/${date}.md`, report);
console.log(report);
console.log(`written: docs/bench/${date}.md`);
