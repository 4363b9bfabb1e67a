// Every screen says it is a prototype, in both languages, readable at 320 px, with a way to
// /gioi-thieu; the pre-rendered first screens too. ROUTES is the route table's addresses
// (set by `cargo xtask test` from contract::route_table).
import { test, expect } from './fixtures.mjs';
import { axeViolations, overflow } from './support.mjs';

const ROUTES = JSON.parse(process.env.ROUTES ?? '[]');
const BANNER = {
  vi: { text: 'Bản mô phỏng — không phải Cổng Dịch vụ công quốc gia. Không nhập thông tin thật.', more: 'Tìm hiểu thêm', about: 'Về bản mô phỏng này', header: ['Đăng nhập', 'Đăng ký'], footer: /Bản mô phỏng phục vụ nghiên cứu[^]*Văn phòng Chính phủ[^]*Tổng đài hỗ trợ của Cổng thật: 18001096/ },
  en: { text: 'A prototype — not the National Public Service Portal. Do not enter real details.', more: 'Find out more', about: 'About this prototype', header: ['Sign in', 'Register'], footer: /not part of the National Public Service Portal[^]*Government Office[^]*real portal's helpline: 18001096/ },
};
/** A 320 px page in `lang` (the app's own remembered choice), once the app has taken over. */
async function openIn(newPage, lang, path) {
  const page = await newPage({ width: 320 });
  if (lang === 'en') await page.addInitScript(() => localStorage.setItem('portal.lang', 'en'));
  await page.goto(path);
  await expect(page.getByRole('status').filter({ hasText: 'Đang tải' })).toHaveCount(0);
  return page;
}

test('the route table reaches the e2e run', () => {
  expect(ROUTES).toContain('/');
  expect(ROUTES).toContain('/gioi-thieu');
});

for (const lang of ['vi', 'en']) {
  test(`the banner, the header's links and the footer are on every route and the not-found page, at 320 px (${lang})`, async ({ newPage }) => {
    for (const path of [...ROUTES, '/khong-co-trang-nay']) {
      const page = await openIn(newPage, lang, path);
      const banner = page.getByRole('banner').getByText(BANNER[lang].text, { exact: true });
      await expect(banner, `${path}: banner visible`).toBeVisible();
      const link = page.getByRole('banner').getByRole('link', { name: BANNER[lang].more });
      await expect(link, `${path}: its link is visible`).toBeVisible();
      expect(await overflow(page), `${path}: fits 320 px`).toBe('');
      await expect(page.getByText(BANNER[lang].text), `${path}: said once`).toHaveCount(1);
      // The footer in the portal's structure, naming the real portal's helpline as its.
      await expect(page.getByRole('contentinfo'), `${path}: footer`).toHaveText(BANNER[lang].footer);
      // As on the portal, a visitor's header offers both "Đăng nhập" and "Đăng ký".
      for (const name of BANNER[lang].header) {
        await expect(page.getByRole('banner').getByRole('link', { name, exact: true }), `${path}: "${name}" in the header`).toBeVisible();
      }
      await page.context().close();
    }
  });

  test(`"${BANNER[lang].more}" opens /gioi-thieu, which says what this is, with no axe violation (${lang})`, async ({ newPage }) => {
    const page = await openIn(newPage, lang, '/dang-ky');
    await page.getByRole('banner').getByRole('link', { name: BANNER[lang].more }).click();
    await expect(page.getByRole('heading', { level: 1, name: BANNER[lang].about })).toBeVisible();
    await expect(page).toHaveURL(/\/gioi-thieu$/);
    const main = page.getByRole('main');
    await expect(main).toContainText('VNeID');
    await expect(main).toContainText(lang === 'vi' ? '30/6/2024' : '30 June 2024');
    await expect(main, 'the personas are listed').toContainText('001090000001');
    await expect(main).toContainText('0912000000');
    await expect(main).toContainText('0988000000');
    expect(await axeViolations(page)).toEqual([]);
    expect(await overflow(page)).toBe('');
  });
}

test('the pre-rendered first screens carry the banner, each in its own page', async ({ request }) => {
  let prerendered = 0;
  for (const path of ROUTES) {
    const html = await (await request.get(path)).text();
    const templates = [...html.matchAll(/<template data-screen="([^"]+)">([\s\S]*?)<\/template>/g)];
    expect(templates.length, `${path}: at most its own screen`).toBeLessThanOrEqual(1);
    for (const [, screen, markup] of templates) {
      prerendered += 1;
      expect(screen, 'the page of its own address').toBe(path);
      expect(markup, `${path}'s copy has the banner`).toContain(BANNER.vi.text);
      expect(markup, `${path}'s copy marks the header`).toContain('(bản mô phỏng)');
    }
  }
  expect(prerendered, 'the open screens and each flow\'s first step').toBe(6);
  const html = await (await request.get('/')).text();
  expect(html).toMatch(/<meta name="robots" content="noindex, nofollow">/);
  const robots = await request.get('/robots.txt');
  expect(robots.status()).toBe(200);
  expect(await robots.text()).toMatch(/User-agent: \*\s+Disallow: \//);
  expect(robots.headers()['x-robots-tag']).toBe('noindex, nofollow');
});
