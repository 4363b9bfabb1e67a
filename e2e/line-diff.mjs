// A line diff (longest common subsequence), for the transcript review: small texts, so the
// plain O(n·m) table is fine.

/** `[{ op: ' ' | '-' | '+', line }]` turning `before` into `after`. */
export function lineDiff(before, after) {
  const n = before.length;
  const m = after.length;
  // common[i][j]: the longest common subsequence of before[i..] and after[j..].
  const common = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      common[i][j] = before[i] === after[j] ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
    }
  }
  const out = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (before[i] === after[j]) {
      out.push({ op: ' ', line: before[i] });
      i++;
      j++;
    } else if (common[i + 1][j] >= common[i][j + 1]) {
      out.push({ op: '-', line: before[i++] });
    } else {
      out.push({ op: '+', line: after[j++] });
    }
  }
  while (i < n) out.push({ op: '-', line: before[i++] });
  while (j < m) out.push({ op: '+', line: after[j++] });
  return out;
}

/** The changed lines with `context` unchanged lines around each run; `…` where lines are left out. */
export function hunks(diff, context = 2) {
  const keep = diff.map((d, k) => d.op !== ' ' || diff.slice(Math.max(0, k - context), k + context + 1).some((e) => e.op !== ' '));
  const out = [];
  diff.forEach((d, k) => {
    if (keep[k]) out.push(d);
    else if (out.length && out[out.length - 1].op !== '…') out.push({ op: '…', line: '' });
  });
  return out;
}
