// Research sessions end to end (the study build under the mock's study mode): a facilitator
// sets up a study, three participants take it, and the results, the exports and the
// database file say exactly what happened, and nothing any participant typed.
import { test, expect } from './fixtures.mjs';
import { chooseMobile, expectHeading, finishRegistration, typeDetails, wasmText } from './support.mjs';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const [user, password] = (process.env.STUDY_AUTH ?? 'facilitator:e2e-study').split(':');
const facilitator = { httpCredentials: { username: user, password } };
const PASSWORD = 'Sen#vang7Ho';

/** The task panel of the participant's page. */
const panel = (page) => page.getByRole('complementary', { name: 'Nhiệm vụ nghiên cứu' });

/** The newest code on the participant's "phone" (the panel's SMS list). */
async function smsCode(page) {
  const sms = panel(page).getByRole('listitem').first();
  await expect(sms).toContainText('Ma OTP');
  return (await sms.textContent()).match(/: (\d{6})\./)[1];
}

/** Opens the participant's link, agrees, and lands on the prototype with the task panel. */
async function consent(page, link) {
  // The mock's refusals the participant meets (a wrong code, "account exists") are logged
  // by Chromium as failed loads.
  page.allowErrors(/status of 40[09]/);
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: 'Trước khi bắt đầu' })).toBeVisible();
  await expect(page.getByText('Không bao giờ được ghi lại')).toBeVisible();
  await page.getByRole('button', { name: 'Tôi đồng ý, bắt đầu' }).click();
  await expect(panel(page).getByRole('heading', { name: 'Nhiệm vụ 1/2' })).toBeVisible();
}

/** Task 1: a registration from the home page to its last screen, then "Xong". */
async function register(page, who, { stumble = false } = {}) {
  await page.goto('/dang-ky');
  await expectHeading(page, 'Chọn phương thức đăng ký');
  await chooseMobile(page);
  if (stumble) {
    await page.getByRole('button', { name: 'Đăng ký', exact: true }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Nhập số CMND/CCCD' })).toBeVisible();
  }
  await typeDetails(page, who);
  await page.getByRole('button', { name: 'Đăng ký', exact: true }).click();
  await expectHeading(page, 'Nhập mã OTP');
  const code = await smsCode(page);
  const codes = [code];
  if (stumble) {
    const wrong = code.replace(/^./, (d) => String((Number(d) + 1) % 10));
    codes.push(wrong);
    await page.getByLabel('Mã OTP').fill(wrong);
    await page.getByRole('button', { name: 'Xác nhận' }).click();
    await expect(page.getByText(/Mã OTP không đúng/).first()).toBeVisible();
  }
  await page.getByLabel('Mã OTP').fill(code);
  await finishRegistration(page);
  await panel(page).getByRole('button', { name: 'Xong' }).click();
  await expect(panel(page).getByRole('heading', { name: 'Nhiệm vụ 2/2' })).toBeVisible();
  return codes;
}

/** Task 2 (the existing-account persona): any ID meets "account exists", then "Xong". */
async function meetExistingAccount(page, who) {
  await page.goto('/dang-ky/thue-bao-di-dong');
  await expectHeading(page, 'Đăng ký bằng thuê bao di động');
  await typeDetails(page, who);
  await page.getByRole('button', { name: 'Đăng ký', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Số CMND/CCCD này đã có tài khoản' })).toBeVisible();
  await panel(page).getByRole('button', { name: 'Xong' }).click();
  await expect(panel(page).getByText('Bạn đã làm xong các nhiệm vụ')).toBeVisible();
}

/** RFC 4180 CSV: rows of fields (quoted fields may hold commas, quotes and newlines). */
function parseCsv(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 1; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
    else if (c !== '\r') field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

function median(sorted) {
  const n = sorted.length;
  return n % 2 ? sorted[(n - 1) / 2] : Math.floor((sorted[n / 2 - 1] + sorted[n / 2]) / 2);
}

test('a facilitator runs a study with three participants and reads exactly what happened', async ({ newPage, citizen }) => {
  test.setTimeout(240_000);
  const desk = await newPage(facilitator);
  const typed = { ids: [], names: [], phones: [], codes: [] };
  const made = (name) => {
    const who = citizen({ name });
    typed.ids.push(who.id); typed.names.push(who.name); typed.phones.push(who.phone);
    return who;
  };

  let studyUrl;
  await test.step('the facilitator creates a study with two tasks and three participants', async () => {
    await desk.goto('/__study');
    await expect(desk.getByRole('heading', { level: 1, name: 'Research sessions' })).toBeVisible();
    await desk.getByLabel('Study name').fill('Pilot study');
    const task1 = desk.getByRole('group', { name: 'Task 1' });
    await task1.getByLabel('Text in Vietnamese').fill('Đăng ký một tài khoản mới bằng thuê bao di động.');
    await task1.getByLabel('Starts from').selectOption('fresh_citizen');
    const task2 = desk.getByRole('group', { name: 'Task 2 (optional)' });
    await task2.getByLabel('Text in Vietnamese').fill('Đăng ký thêm một tài khoản cho người thân.');
    await task2.getByLabel('Starts from').selectOption('existing_account');
    await desk.getByRole('button', { name: 'Create study' }).click();
    await expect(desk.getByRole('heading', { level: 1, name: 'Pilot study' })).toBeVisible();
    studyUrl = desk.url();
    await desk.getByLabel('Add participants').fill('3');
    await desk.getByRole('button', { name: 'Add', exact: true }).click();
    for (const code of ['P01', 'P02', 'P03']) {
      const row = desk.getByRole('row', { name: new RegExp(code) });
      await expect(row.getByRole('img', { name: `QR code of ${code}'s link` })).toBeVisible();
    }
  });
  const link = async (code) => {
    const row = desk.getByRole('row', { name: new RegExp(code) });
    return (await row.getByText(/\/s\/[0-9a-f]{32}$/).textContent()).trim();
  };
  const links = { P01: await link('P01'), P02: await link('P02'), P03: await link('P03') };

  await test.step('P01 completes both tasks, meeting a refused submit and a wrong code on the way', async () => {
    const page = await newPage();
    await consent(page, links.P01);
    typed.codes.push(...await register(page, made('Nguyễn Thị Hoa'), { stumble: true }));
    await panel(page).getByLabel('Góp ý về màn hình này').fill('Nút đăng ký khó tìm');
    await panel(page).getByRole('button', { name: 'Gửi góp ý' }).click();
    await expect(panel(page).getByRole('status')).toHaveText('Đã gửi góp ý. Cảm ơn bạn!');
    await meetExistingAccount(page, made('Lê Văn Toàn'));
    await page.close();
  });

  await test.step('P02 completes both tasks', async () => {
    const page = await newPage();
    await consent(page, links.P02);
    typed.codes.push(...await register(page, made('Phạm Minh Châu')));
    await meetExistingAccount(page, made('Đỗ Thu Hằng'));
    await page.close();
  });

  await test.step('P03 skips the first task and leaves', async () => {
    const page = await newPage();
    await consent(page, links.P03);
    await panel(page).getByRole('button', { name: 'Bỏ qua' }).click();
    await expect(panel(page).getByRole('heading', { name: 'Nhiệm vụ 2/2' })).toBeVisible();
    await page.close();
  });

  const events = await test.step('the JSON export has the events', async () => {
    const answer = await desk.request.get(`${studyUrl}/events.json`);
    expect(answer.status()).toBe(200);
    return (await answer.json()).events;
  });

  await test.step('the results show those completions, times, the funnel and the errors', async () => {
    await desk.goto(`${studyUrl}/results`);
    await expect(desk.getByRole('heading', { level: 1, name: 'Results: Pilot study' })).toBeVisible();
    const tasks = desk.getByRole('table', { name: 'Completion and time per task' });
    // Started, done, skipped, completion; the median time as the events give it.
    const times = (task) => {
      const by = (kind, p) => events.find((e) => e.participant === p && e.kind === kind && e.task === task);
      return ['P01', 'P02'].map((p) => by('task_ended', p).at - by('task_started', p).at).sort((a, b) => a - b);
    };
    for (const [task, skipped] of [[0, 1], [1, 0]]) {
      const row = tasks.getByRole('row', { name: new RegExp(`^Task ${task + 1}:`) });
      const seconds = `${(median(times(task)) / 1000).toFixed(1)} s`;
      await expect(row.getByRole('cell')).toHaveText(['3', '2', String(skipped), '67%', seconds]);
    }
    const funnel = desk.getByRole('table', { name: 'Participants who reached each screen' });
    for (const [screen, count] of [['/', '3'], ['/dang-ky', '2'], ['/dang-ky/thue-bao-di-dong', '2'],
      ['/dang-ky/thue-bao-di-dong/otp', '2'], ['/dang-ky/thue-bao-di-dong/mat-khau', '2'], ['/dang-ky/thue-bao-di-dong/hoan-tat', '2']]) {
      await expect(funnel.getByRole('row', { name: new RegExp(`^${screen} `) }).getByRole('cell')).toHaveText([count]);
    }
    const errors = desk.getByRole('table', { name: 'Errors met most' });
    await expect(errors.getByRole('row', { name: /^code × otp_incorrect/ }).getByRole('cell')).toHaveText(['1']);
    await expect(errors.getByRole('row', { name: /^id_number × required/ }).getByRole('cell')).toHaveText(['1']);
    const notices = desk.getByRole('table', { name: 'Notices shown most' });
    await expect(notices.getByRole('row', { name: /^account_exists/ }).getByRole('cell')).toHaveText(['2']);
    const timelines = desk.getByRole('table', { name: "Each participant's screens, in order" });
    await expect(timelines.getByRole('row')).toHaveCount(4);
    await expect(desk.getByRole('img', { name: "Each participant's screens over time, errors marked in red" })).toBeVisible();
    await expect(desk.getByText('Nút đăng ký khó tìm')).toBeVisible();
  });

  await test.step('the CSV has one row per recorded event, and parses', async () => {
    const answer = await desk.request.get(`${studyUrl}/events.csv`);
    expect(answer.status()).toBe(200);
    const [header, ...rows] = parseCsv(await answer.text());
    expect(header).toEqual(['participant', 'at', 'at_ms', 'task', 'kind', 'screen', 'code', 'fields', 'notice', 'outcome', 'lang', 'text']);
    expect(rows).toHaveLength(events.length);
    expect(rows.every((r) => r.length === header.length)).toBe(true);
    expect(rows.filter((r) => r[4] === 'wrong_code')).toHaveLength(1);
  });

  await test.step('the database file holds nothing the participants typed', async () => {
    const db = process.env.STUDY_DB;
    expect(db, 'STUDY_DB names the study database').toBeTruthy();
    const files = readdirSync(dirname(db)).filter((f) => f.startsWith(basename(db)));
    const bytes = Buffer.concat(files.map((f) => readFileSync(join(dirname(db), f))));
    expect(bytes.includes(Buffer.from('Pilot study')), 'the study itself is there').toBe(true);
    for (const value of [...typed.ids, ...typed.names, ...typed.phones, ...typed.codes, PASSWORD]) {
      expect(bytes.includes(Buffer.from(value)), `${value} is not in ${files.join(', ')}`).toBe(false);
    }
  });

  await test.step('a closed study, a used link and a made-up link each answer a clear page', async () => {
    const stranger = await newPage();
    stranger.allowErrors(/status of 40[49]|status of 410/);
    await stranger.goto(links.P02);
    await expect(stranger.getByRole('heading', { level: 1, name: 'Đường dẫn này đã được dùng' })).toBeVisible();
    await stranger.goto(links.P02.replace(/[0-9a-f]{32}$/, '0123456789abcdef0123456789abcdef'));
    await expect(stranger.getByRole('heading', { level: 1, name: 'Không tìm thấy phiên này' })).toBeVisible();
    const unauthorised = await stranger.request.get(studyUrl);
    expect(unauthorised.status()).toBe(401);
    await desk.goto(studyUrl);
    await desk.getByRole('button', { name: 'Close the study' }).click();
    await expect(desk.getByText('Closed: every link of this study now says the study has ended.')).toBeVisible();
    await stranger.goto(links.P01);
    await expect(stranger.getByRole('heading', { level: 1, name: 'Nghiên cứu này đã kết thúc' })).toBeVisible();
    await expect(stranger.getByText('Research sessions')).toHaveCount(0);
  });
});

test('a normal build has none of the study code and sends nothing to the study endpoints', async ({ page, request, baseURL }) => {
  const RELEASE = process.env.BASE_URL;
  expect(RELEASE, 'BASE_URL names the release build').toBeTruthy();
  // Strings only the study code holds: the events' address and the tab's reset key.
  const markers = ['/api/study/', 'study.generation'];
  const authorization = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  const study = (await wasmText(request, baseURL, { authorization })).text;
  for (const m of markers) expect(study.includes(m), `${m} is in the study build (the check can fail)`).toBe(true);
  const release = await wasmText(request, RELEASE);
  expect(release.files, 'every module of the split release').toBeGreaterThan(1);
  for (const m of markers) expect(release.text.includes(m), `${m} in the release wasm`).toBe(false);

  const asked = [];
  page.on('request', (r) => asked.push(new URL(r.url()).pathname));
  await page.goto(`${RELEASE}/dang-ky`);
  await expectHeading(page, 'Chọn phương thức đăng ký');
  await chooseMobile(page);
  await page.getByRole('button', { name: 'Đăng ký', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Nhập số CMND/CCCD' })).toBeVisible();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Register with your mobile number' })).toBeVisible();
  // The refusal and the language change are what the study build would have sent.
  expect(asked.filter((p) => p.startsWith('/api/study') || p.startsWith('/s/'))).toEqual([]);
  await expect(page.getByRole('complementary', { name: /Nhiệm vụ|Research task/ })).toHaveCount(0);
});
