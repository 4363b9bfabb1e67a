// What a screen-reader user hears on a page, read from top to bottom by a virtual screen
// reader (npm `@guidepup/virtual-screen-reader`, pinned; its browser build is served to the
// page from node_modules, never a CDN), and the checks every gallery state's transcript must
// pass. The simulator computes roles and names itself (WAI-ARIA, accname): no verbosity
// modes, and it does not speak alerts inserted later; the flow tests (spoken.test.mjs) watch
// those. It changes the page it reads (below): read last, after any check of the DOM.
import { fileURLToPath } from 'node:url';

const SIMULATOR = fileURLToPath(import.meta.resolve('@guidepup/virtual-screen-reader/browser.js'));
const SIMULATOR_PATH = '/__virtual-screen-reader.js';
/** More lines than any state has: a page that never ends is an error, not a hang. */
const MAX_LINES = 2000;

/** The page read through, one spoken phrase per line. */
export async function transcript(page) {
  await page.route(`**${SIMULATOR_PATH}`, (route) => route.fulfill({ path: SIMULATOR, contentType: 'text/javascript' }));
  return page.evaluate(async ({ path, max }) => {
    // Where the simulator differs from a screen reader, the page is set as the reader sees
    // it (it is thrown away after): a reader never reads <noscript> (scripting is on), and it
    // hears a password field as the text box Chromium exposes, with its states (the simulator
    // gives it no role, and then no states).
    for (const n of document.querySelectorAll('noscript')) n.remove();
    for (const p of document.querySelectorAll('input[type=password]:not([role])')) p.setAttribute('role', 'textbox');
    const { virtual } = await import(path);
    await virtual.start({ container: document.body });
    try {
      for (let i = 0; i < max && (await virtual.lastSpokenPhrase()) !== 'end of document'; i++) await virtual.next();
      return await virtual.spokenPhraseLog();
    } finally {
      await virtual.stop();
    }
  }, { path: SIMULATOR_PATH, max: MAX_LINES });
}

/** The transcript as committed: one phrase per line, nothing that changes by itself. */
export function transcriptText(lines) {
  return `${lines.map((l) => l.replace(/\s+/g, ' ').trim()).join('\n')}\n`;
}

const PROTOTYPE_BANNER = 'Bản mô phỏng — không phải Cổng Dịch vụ công quốc gia.';
const FIELD = /^(textbox|combobox|spinbutton|checkbox|radio|searchbox), /;

/** What a listener must hear on every state; each problem names the lines that show it. */
export function transcriptProblems(lines) {
  const problems = [];
  const count = (test) => lines.filter(test).length;
  const banner = count((l) => l.includes(PROTOTYPE_BANNER));
  if (banner !== 1) problems.push(`the prototype banner is heard ${banner} times, not once`);
  for (const landmark of ['banner', 'main', 'contentinfo']) {
    if (!lines.some((l) => l === landmark || l.startsWith(`${landmark}, `))) problems.push(`no ${landmark} landmark`);
  }
  const h1 = lines.filter((l) => /^heading, .*, level 1$/.test(l));
  if (h1.length !== 1) problems.push(`${h1.length} level-1 headings: ${JSON.stringify(h1)}`);
  const unnamed = lines.filter((l) => /^(button|link|img|image|textbox)(, *)?$/.test(l) || /^(button|link|img|image|textbox), ,/.test(l));
  if (unnamed.length) problems.push(`unnamed controls or images: ${JSON.stringify(unnamed)}`);
  for (const field of lines.filter((l) => FIELD.test(l))) {
    if (field.includes('(bắt buộc)') && !/, required(,|$)/.test(field)) problems.push(`a required field not heard as required: ${JSON.stringify(field)}`);
  }
  // After a refused submit: each message of the summary is heard on an invalid field.
  const start = lines.findIndex((l) => l.startsWith('alert, Có lỗi cần sửa'));
  if (start >= 0) {
    const end = lines.findIndex((l, i) => i > start && l.startsWith('end of alert'));
    const messages = lines.slice(start, end).filter((l) => l.startsWith('link, ')).map((l) => l.slice('link, '.length));
    for (const message of messages) {
      const heard = lines.some((l) => FIELD.test(l) && l.includes(message) && /, invalid(,|$)/.test(l));
      if (!heard) problems.push(`"${message}" is in the summary but no invalid field is heard with it`);
    }
  }
  return problems;
}
