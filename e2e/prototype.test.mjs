// Every screen says it is a prototype, in both languages, readable at 320 px, with a way to
// /gioi-thieu; the pre-rendered first screens too. ROUTES is the route table's addresses
// (set by `cargo xtask test` from contract::route_table).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, axeViolations, launch, openPage, overflow } from './support.mjs';

const ROUTES = JSON.parse(process.env.ROUTES ?? '[]');
const BANNER = {
  vi: { text: 'Bản mô phỏng — không phải Cổng Dịch vụ công quốc gia. Không nhập thông tin thật.', more: 'Tìm hiểu thêm', about: 'Về bản mô phỏng này', header: ['Đăng nhập', 'Đăng ký'], footer: /Bản mô phỏng phục vụ nghiên cứu[^]*Văn phòng Chính phủ[^]*Tổng đài hỗ trợ của Cổng thật: 18001096/ },
  en: { text: 'A prototype — not the National Public Service Portal. Do not enter real details.', more: 'Find out more', about: 'About this prototype', header: ['Sign in', 'Register'], footer: /not part of the National Public Service Portal[^]*Government Office[^]*real portal's helpline: 18001096/ },
};
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** A 320 px page in `lang` (the app's own remembered choice), once the app has taken over. */
async function openIn(lang, path) {
  const page = await openPage(browser, { width: 320 });
  if (lang === 'en') await page.addInitScript(() => localStorage.setItem('portal.lang', 'en'));
  await page.goto(`${BASE}${path}`);
  await page.getByRole('status').filter({ hasText: 'Đang tải' }).waitFor({ state: 'detached' });
  return page;
}

test('the route table reaches the e2e run', () => {
  assert.ok(ROUTES.includes('/') && ROUTES.includes('/gioi-thieu'), `ROUTES: ${ROUTES}`);
});

for (const lang of ['vi', 'en']) {
  test(`the banner, the header's links and the footer are on every route and the not-found page, at 320 px (${lang})`, async () => {
    for (const path of [...ROUTES, '/khong-co-trang-nay']) {
      const page = await openIn(lang, path);
      const banner = page.getByRole('banner').getByText(BANNER[lang].text, { exact: true });
      await banner.waitFor();
      assert.ok(await banner.isVisible(), `${path}: banner visible`);
      const link = page.getByRole('banner').getByRole('link', { name: BANNER[lang].more });
      assert.ok(await link.isVisible(), `${path}: its link is visible`);
      assert.equal(await overflow(page), '', `${path}: fits 320 px`);
      assert.equal(await page.getByText(BANNER[lang].text).count(), 1, `${path}: said once`);
      // The footer in the portal's structure, naming the real portal's helpline as its.
      assert.match(await page.getByRole('contentinfo').innerText(), BANNER[lang].footer, `${path}: footer`);
      // As on the portal, a visitor's header offers both "Đăng nhập" and "Đăng ký".
      for (const name of BANNER[lang].header) {
        assert.ok(await page.getByRole('banner').getByRole('link', { name, exact: true }).isVisible(), `${path}: "${name}" in the header`);
      }
      await page.context().close();
    }
  });

  test(`"${BANNER[lang].more}" opens /gioi-thieu, which says what this is, with no axe violation (${lang})`, async () => {
    const page = await openIn(lang, '/dang-ky');
    await page.getByRole('banner').getByRole('link', { name: BANNER[lang].more }).click();
    await page.getByRole('heading', { level: 1, name: BANNER[lang].about }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/gioi-thieu');
    const text = await page.getByRole('main').innerText();
    assert.match(text, /VNeID/);
    assert.match(text, lang === 'vi' ? /30\/6\/2024/ : /30 June 2024/);
    assert.match(text, /001090000001/, 'the personas are listed');
    assert.match(text, /0912000000/);
    assert.match(text, /0988000000/);
    assert.deepEqual(await axeViolations(page), []);
    assert.equal(await overflow(page), '');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}

test('the pre-rendered first screens carry the banner', async () => {
  const html = await (await fetch(`${BASE}/`)).text();
  const templates = [...html.matchAll(/<template data-screen="([^"]+)">([\s\S]*?)<\/template>/g)];
  assert.ok(templates.length >= 3, `templates: ${templates.map((t) => t[1])}`);
  for (const [, path, markup] of templates) {
    assert.ok(markup.includes(BANNER.vi.text), `${path}'s copy has the banner`);
    assert.ok(markup.includes('(bản mô phỏng)'), `${path}'s copy marks the header`);
  }
  assert.match(html, /<meta name="robots" content="noindex, nofollow">/);
  const robots = await fetch(`${BASE}/robots.txt`);
  assert.equal(robots.status, 200);
  assert.match(await robots.text(), /User-agent: \*\s+Disallow: \//);
  assert.equal(robots.headers.get('x-robots-tag'), 'noindex, nofollow');
});
