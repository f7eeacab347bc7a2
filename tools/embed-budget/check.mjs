#!/usr/bin/env node
// The embed's budgets, checked; exits 1 when one is exceeded:
//   size         dist/apps/embed bundle ≤ 10 KB gzipped
//   main thread  in Chromium, on a blank host page of another origin, the work the embed adds to
//                the page's main thread (CDP Performance.getMetrics TaskDuration, this page minus
//                the same blank page without the snippet; median of the runs) ≤ 50 ms
//   layout shift the sum of 'layout-shift' entries (PerformanceObserver) is 0 in every run
//
// Needs `npx nx run-many -t build -p api embed`. Starts the built Parley on a throwaway database
// with the demo data (or uses PARLEY_URL), serves the host pages from node:http on another port,
// and drives Debian's Chromium (CHROMIUM_PATH, default /usr/bin/chromium).
//   node tools/embed-budget/check.mjs [--runs 5]
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { ROOT, startParley } from '../bench/support/start-parley.mjs';

const BUDGET = { gzipBytes: 10 * 1024, mainThreadMs: 50, layoutShift: 0 };
const PRACTICES = ['wilmslow-health-centre', 'demo-riverside-surgery'];
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Math.max(1, Number(process.argv[runsArg + 1]) || 5) : 5;

const failures = [];
const report = (name, value, limit, unit, ok) => {
  console.log(
    `${ok ? 'ok  ' : 'FAIL'} ${name.padEnd(44)} ${String(value).padStart(8)} ${unit.padEnd(3)} (budget ${limit} ${unit})`,
  );
  if (!ok) failures.push(name);
};

// --- size -------------------------------------------------------------------------------------
const dist = join(ROOT, 'dist/apps/embed');
if (!existsSync(join(dist, 'manifest.json'))) {
  console.error('No built embed: run `npx nx run-many -t build -p api embed` first.');
  process.exit(2);
}
const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8'));
const code = readFileSync(join(dist, manifest.file));
const gzipBytes = gzipSync(code, { level: 9 }).length;
console.log(
  `bundle ${manifest.file}: ${code.length} B minified, ${gzipBytes} B gzipped, ${manifest.brotliBytes} B brotli\n`,
);
report('size, gzipped', gzipBytes, BUDGET.gzipBytes, 'B', gzipBytes <= BUDGET.gzipBytes);

// --- Chromium ---------------------------------------------------------------------------------
// A Parley given by PARLEY_URL is someone else's to stop.
const parley = process.env.PARLEY_URL
  ? { url: process.env.PARLEY_URL.replace(/\/+$/, ''), stop: () => Promise.resolve() }
  : await startParley({ env: { LOG_LEVEL: 'warn' } });
const page = (body) =>
  `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Host</title></head><body>${body}</body></html>`;
const snippet = (slug) =>
  `<script src="${parley.url}/embed.js" async></script>` +
  `<parley-policy practice="${slug}" style="display:block;min-height:40rem"><noscript><a href="${parley.url}/p/${slug}">Our social media policy</a></noscript></parley-policy>`;
const host = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://host');
  const slug = url.searchParams.get('practice');
  const after = url.searchParams.has('after')
    ? '<p>The host page’s own content, below the embed.</p>'
    : '';
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(page(slug ? snippet(slug) + after : ''));
});
await new Promise((resolve) => host.listen(0, '127.0.0.1', resolve));
// localhost vs 127.0.0.1: the host page is another origin than Parley, as on a practice's website.
const hostUrl = `http://localhost:${host.address().port}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
  ],
});

/**
 * Runs in the page before anything loads: records layout shifts and long tasks, and says on the
 * console when the page has settled (the embed rendered, then two frames and 300 ms more, so late
 * shifts are seen). Nothing else is run in the page while it is measured: Playwright's own
 * injected scripts (waitForFunction, evaluate) would be counted as main-thread work.
 */
function observe(expectEmbed) {
  window.__budget = { shift: 0, longTasks: [] };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      if (!entry.hadRecentInput) window.__budget.shift += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      window.__budget.longTasks.push(Math.round(entry.duration));
  }).observe({ type: 'longtask', buffered: true });
  const settled = (what) => () =>
    requestAnimationFrame(() =>
      requestAnimationFrame(() => setTimeout(() => console.log(`__budget:${what}`), 300)),
    );
  if (expectEmbed) {
    document.addEventListener('parley-policy-ready', settled('ready'));
    document.addEventListener('parley-policy-error', settled('error'));
  } else {
    addEventListener('load', settled('ready'));
  }
}

/** One load in a fresh context (cold HTTP cache, as a first visit): main-thread time and shifts. */
async function measure(path, expectEmbed) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const tab = await context.newPage();
    await tab.addInitScript(observe, expectEmbed);
    const outcome = new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${path} did not settle within 20 s`)),
        20_000,
      );
      tab.on('console', (message) => {
        const match = /^__budget:(\w+)$/.exec(message.text());
        if (match) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
    });
    const cdp = await context.newCDPSession(tab);
    // Thread CPU time, not wall time: other processes on the machine must not count against the embed.
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    const before = metrics(await cdp.send('Performance.getMetrics'));
    await tab.goto(`${hostUrl}${path}`, { waitUntil: 'load' });
    if ((await outcome) !== 'ready') throw new Error(`The embed did not render on ${path}`);
    const after = metrics(await cdp.send('Performance.getMetrics'));
    const seen = await tab.evaluate(() => window.__budget);
    return {
      taskMs: (after.TaskDuration - before.TaskDuration) * 1000,
      scriptMs: (after.ScriptDuration - before.ScriptDuration) * 1000,
      layoutMs:
        (after.LayoutDuration +
          after.RecalcStyleDuration -
          before.LayoutDuration -
          before.RecalcStyleDuration) *
        1000,
      shift: seen.shift,
      longTasks: seen.longTasks,
    };
  } finally {
    await context.close();
  }
}

function metrics(result) {
  return Object.fromEntries(result.metrics.map((m) => [m.name, m.value]));
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const round = (n) => Math.round(n * 10) / 10;

try {
  // Warm Parley's snapshot cache and the browser binary, so the first measured run is not an outlier.
  await measure(`/?practice=${PRACTICES[0]}`, true);
  const blank = [];
  for (let i = 0; i < RUNS; i++) blank.push(await measure('/', false));
  const blankTask = median(blank.map((r) => r.taskMs));
  console.log(
    `\nblank host page (baseline, median of ${RUNS}): ${round(blankTask)} ms main-thread tasks`,
  );

  for (const slug of PRACTICES) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await measure(`/?practice=${slug}`, true));
    const embedTask = median(runs.map((r) => r.taskMs)) - blankTask;
    const maxShift = Math.max(...runs.map((r) => r.shift));
    const longTasks = runs.flatMap((r) => r.longTasks);
    console.log(
      `\n${slug} (median of ${RUNS}): page ${round(median(runs.map((r) => r.taskMs)))} ms tasks, ` +
        `of which script ${round(median(runs.map((r) => r.scriptMs)))} ms, style+layout ${round(median(runs.map((r) => r.layoutMs)))} ms; ` +
        `long tasks: ${longTasks.length ? longTasks.join(', ') + ' ms' : 'none'}`,
    );
    report(
      `main-thread work added by the embed, ${slug}`,
      round(embedTask),
      BUDGET.mainThreadMs,
      'ms',
      embedTask <= BUDGET.mainThreadMs,
    );
    report(
      `layout shift (worst run), ${slug}`,
      round(maxShift * 1000) / 1000,
      BUDGET.layoutShift,
      '',
      maxShift <= BUDGET.layoutShift,
    );
  }

  // For information: with the host's own content below the element, a reserved height smaller
  // than the rendered policy moves that content once. The snippet's min-height is what avoids it.
  const below = await measure(`/?practice=${PRACTICES[0]}&after`, true);
  console.log(
    `\n(info) ${PRACTICES[0]} with content below and min-height:40rem: layout shift ${round(below.shift * 1000) / 1000}`,
  );
} finally {
  await browser.close();
  host.close();
  await parley.stop();
}

if (failures.length) {
  console.error(`\nOver budget: ${failures.join('; ')}`);
  process.exit(1);
}
console.log('\nAll embed budgets met.');
