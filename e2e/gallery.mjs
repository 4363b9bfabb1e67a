// `cargo xtask gallery`: every /__gallery state at phone and desktop width, one PNG each.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { BASE, launch, openPage } from './support.mjs';

const OUT = process.env.GALLERY_DIR ?? 'target/gallery';
mkdirSync(OUT, { recursive: true });
const browser = await launch();
const index = await openPage(browser);
await index.goto(`${BASE}/__gallery`);
await index.locator('a[data-state]').first().waitFor();
const keys = await index.locator('a[data-state]').evaluateAll((links) => links.map((a) => a.dataset.state));
await index.context().close();
let written = 0;
for (const key of keys) {
  for (const width of [375, 1280]) {
    const page = await openPage(browser, { width });
    await page.goto(`${BASE}/__gallery/${key}`);
    await page.locator('body[data-gallery-ready]').waitFor({ state: 'attached' });
    await page.screenshot({ path: join(OUT, `${key}-${width}.png`), fullPage: true });
    if (page.errors.length) console.error(`${key} @${width}: ${page.errors.join('; ')}`);
    await page.context().close();
    written += 1;
  }
}
await browser.close();
console.log(`${written} screenshots of ${keys.length} states`);
