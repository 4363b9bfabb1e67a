import { chromium } from 'playwright-core';
const [url, out, w = 1400, h = 900, full = '1'] = process.argv.slice(2);
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const p = await b.newPage({ viewport: { width: +w, height: +h } });
await p.goto(url); await p.waitForTimeout(500);
await p.screenshot({ path: out, fullPage: full === '1' , timeout: 60000});
await b.close();
