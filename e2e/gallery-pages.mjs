// The gallery's static pages: the visual review (target/gallery/review.html) and the pack to
// share (`cargo xtask gallery --export DIR`). Plain HTML and images, no script: they open from
// the file system or any static host, and nothing in them works like the service.
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hunks } from './line-diff.mjs';

const esc = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;margin:1.5rem;color:#1b1b1b}
img{border:1px solid #c9cdd3;max-width:100%;height:auto;vertical-align:top}
.row{display:flex;gap:1rem;align-items:flex-start;flex-wrap:wrap}.row figure{margin:0;flex:1 1 20rem}
.notice{border-left:6px solid #b26b00;background:#fff4e0;padding:.5rem 1rem}
.state{border-top:2px solid #c9cdd3;padding-top:1rem;margin-top:1.5rem}
.phone{width:375px}.desktop{width:640px}
.heard{font:14px/1.45 ui-monospace,monospace;background:#f3f4f6;padding:.5rem 1rem;max-height:30rem;overflow:auto;white-space:pre-wrap}
.heard .gone{background:#fde2e1;text-decoration:line-through}.heard .new{background:#dff3e4}`;

function page(title, body) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>${esc(title)}</title><style>${STYLE}</style></head>
<body><main>${body}</main></body></html>
`;
}

/** target/gallery/review.html: the changed images, most changed first; the rest on one line. */
export function reviewPage(review, live) {
  const versions = review.baselineChromium === review.chromium
    ? `<p>Baseline and this run: Chromium ${esc(review.chromium)}.</p>`
    : `<p class="notice"><strong>The baseline was made with Chromium ${esc(review.baselineChromium)}; this run is
      Chromium ${esc(review.chromium)}.</strong> Differences below may be rendering noise, so they do not fail the
      tests. Make a baseline with this Chromium: <code>cargo xtask gallery --accept</code>.</p>`;
  const changed = review.changed.map((c) => {
    const name = `${c.key}-${c.width}`;
    const figure = (suffix, caption) => `<figure><figcaption>${caption}</figcaption>
      <img src="review/${name}-${suffix}.png" alt="${esc(c.title)}, ${c.width} px: ${caption}"></figure>`;
    const images = c.ratio === 1 && c.note.startsWith('new')
      ? figure('now', 'now (no baseline)')
      : figure('baseline', 'baseline') + figure('now', 'now') + figure('diff', 'difference (red)');
    return `<section class="state" id="${esc(name)}"><h2>${esc(c.title)} <code>${esc(c.key)}</code> at ${c.width} px</h2>
      <p>${esc(c.note)}. <a href="${esc(live)}/__gallery/${esc(c.key)}">Open it live</a> (under <code>cargo xtask dev</code>).</p>
      <div class="row">${images}</div></section>`;
  }).join('\n');
  const heard = review.transcripts.changed.map((t) => `<section class="state" id="${esc(t.key)}-heard">
      <h2>What a screen-reader user hears: ${esc(t.title)} <code>${esc(t.key)}</code></h2>
      <p>${esc(t.note)}. <a href="${esc(live)}/__gallery/${esc(t.key)}">Open it live</a>.
      ${review.changed.some((c) => c.key === t.key) ? `Its images: ${review.changed.filter((c) => c.key === t.key).map((c) => `<a href="#${esc(c.key)}-${c.width}">${c.width} px</a>`).join(', ')}.` : 'Its images did not change.'}</p>
      <pre class="heard">${hunks(t.diff).map((d) => (d.op === '…' ? '…'
        : `<span class="${d.op === '-' ? 'gone' : d.op === '+' ? 'new' : ''}">${d.op} ${esc(d.line)}</span>`)).join('\n')}</pre></section>`).join('\n');
  const removed = review.removed.length
    ? `<p>Baseline files with no state any more: ${review.removed.map(esc).join(', ')}.</p>` : '';
  const unchanged = review.unchanged.map((u) => `${esc(u.key)} @${u.width}`).join(', ');
  const count = review.changed.length + review.removed.length + review.transcripts.changed.length;
  return page('Visual review', `<h1>Visual review: ${count} changed, ${review.unchanged.length} unchanged</h1>
    ${versions}
    ${count ? `<nav aria-label="Changed"><ol>${review.changed.map((c) => `<li><a href="#${esc(c.key)}-${c.width}">${esc(c.title)} at ${c.width} px</a>: ${esc(c.note)}</li>`).join('')}${review.transcripts.changed.map((t) => `<li><a href="#${esc(t.key)}-heard">${esc(t.title)}, heard</a>: ${esc(t.note)}</li>`).join('')}</ol></nav>` : ''}
    <p>Every gallery state at 375 and 1280 px, and what a screen reader says on it, against the committed
    baseline (<code>gallery/baseline/</code>). Meant? <code>cargo xtask gallery --accept</code> and commit the
    images and transcripts with the change.</p>
    ${changed}${heard}${removed}
    <h2>Unchanged</h2><p>${unchanged || 'none'}</p><p>Transcripts unchanged: ${review.transcripts.unchanged.map(esc).join(', ') || 'none'}.</p>`);
}

/** `--export DIR`: index.html with every state at both widths and its notes, the flow map and the
 *  last review, all relative links. */
export function exportPack(dir, { out, states, widths }) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'shots'), { recursive: true });
  for (const { key } of states) {
    for (const width of widths) copyFileSync(join(out, `${key}-${width}.png`), join(dir, 'shots', `${key}-${width}.png`));
  }
  const heard = (key) => readFileSync(join(out, `${key}.txt`), 'utf8');
  copyFileSync(join(out, 'flow-export.svg'), join(dir, 'flow.svg'));
  const hasReview = existsSync(join(out, 'review.html'));
  if (hasReview) {
    copyFileSync(join(out, 'review.html'), join(dir, 'review.html'));
    cpSync(join(out, 'review'), join(dir, 'review'), { recursive: true });
  }
  const toc = states.map((s) => `<li><a href="#${esc(s.key)}">${esc(s.title)}</a></li>`).join('');
  const items = states.map((s) => `<section class="state" id="${esc(s.key)}">
    <h2>${esc(s.title)} <code>${esc(s.key)}</code></h2>
    <h3>How to reach it in the running flow</h3><ol>${s.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ol>
    <div class="row">${widths.map((w) => `<figure><figcaption>${w} px</figcaption>
      <img class="${w < 800 ? 'phone' : 'desktop'}" src="shots/${esc(s.key)}-${w}.png" alt="${esc(s.title)} at ${w} px" loading="lazy"></figure>`).join('')}</div>
    <details><summary>What a screen-reader user hears</summary><pre class="heard">${esc(heard(s.key))}</pre></details>
  </section>`).join('\n');
  writeFileSync(join(dir, 'index.html'), page('Review pack: đăng ký bằng thuê bao di động (prototype)', `
    <h1>Review pack: đăng ký bằng thuê bao di động (prototype)</h1>
    <p class="notice">Pictures of a prototype of a retired service (the National Public Service Portal's
    registration by mobile subscription, retired on 30 June 2024). Nothing here is the service and no form here works.</p>
    <ul><li><a href="flow.svg">The flow map</a>: every screen and what leads from one to the next.</li>
    ${hasReview ? '<li><a href="review.html">The last visual review</a>: what changed against the baseline.</li>' : ''}</ul>
    <h2>Every state (${states.length}), at ${widths.join(' and ')} px</h2><ul>${toc}</ul>
    ${items}`));
}
