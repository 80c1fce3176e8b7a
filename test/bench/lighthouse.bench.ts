/**
 * Lighthouse on a chapter page, mobile settings (Lighthouse's defaults: a
 * Moto G Power-sized screen, simulated slow 4G and a 4x slower CPU), against
 * `astro preview` of the built site, in Debian's Chromium. Prints the
 * performance, accessibility and best-practices scores (target ≥ 95 each),
 * the main timings and every audit that did not pass; writes
 * bench-results/lighthouse.json. WB_BENCH_URL=<origin> reuses a running
 * server; WB_BENCH_PAGE picks the page (default /profiling/).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { startPreview, stopPreview } from './support/preview';

const PAGE = process.env.WB_BENCH_PAGE ?? '/profiling/';
const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;
const TARGET = 95;
const METRICS = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index', 'interactive'];


async function main(): Promise<void> {
  const { origin, server } = await startPreview();
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const url = `${origin}${PAGE}`;
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
    if (!result) throw new Error('Lighthouse returned no result');
    const { lhr } = result;
    const scores = Object.fromEntries(CATEGORIES.map((id) => [id, Math.round((lhr.categories[id]?.score ?? 0) * 100)]));
    const metrics = Object.fromEntries(METRICS.map((id) => [id, lhr.audits[id]?.displayValue ?? 'n/a']));
    // Audits that count towards a category score and did not pass, for the reader to act on.
    const failing = CATEGORIES.flatMap((id) =>
      (lhr.categories[id]?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0)
        .map((ref) => lhr.audits[ref.id])
        .filter((audit) => audit && audit.score !== null && audit.score < 0.9)
        .map((audit) => ({ category: id, id: audit.id, score: audit.score, title: audit.title, value: audit.displayValue ?? '' })),
    );
    // Where the blocking time comes from: the page's long main-thread tasks (as Lighthouse simulated them).
    const longTasks = ((lhr.audits['long-tasks']?.details as { items?: Array<{ url: string; duration: number; startTime: number }> } | undefined)?.items ?? [])
      .slice(0, 8)
      .map((task) => ({ url: task.url.replace(origin, ''), startMs: Math.round(task.startTime), durationMs: Math.round(task.duration) }));

    console.log(`Lighthouse ${lhr.lighthouseVersion}, ${lhr.configSettings.formFactor}, ${lhr.configSettings.throttlingMethod} throttling: ${url}`);
    console.log(`Chromium: ${lhr.environment.hostUserAgent}`);
    console.log('\n  category          score  target');
    for (const id of CATEGORIES) console.log(`  ${id.padEnd(17)} ${String(scores[id]).padStart(5)}  ≥ ${TARGET}${scores[id] >= TARGET ? '' : '  (below)'}`);
    console.log('\n  metric                      value');
    for (const id of METRICS) console.log(`  ${id.padEnd(27)} ${metrics[id]}`);
    if (longTasks.length) {
      console.log('\n  longest main-thread tasks (ms, simulated):');
      for (const task of longTasks) console.log(`  ${String(task.durationMs).padStart(6)} at ${task.startMs} ms  ${task.url}`);
    }
    if (failing.length) {
      console.log('\n  audits below 0.9:');
      for (const audit of failing) console.log(`  [${audit.category}] ${audit.id} (${audit.score}): ${audit.title} ${audit.value}`);
    }

    mkdirSync('bench-results', { recursive: true });
    writeFileSync(
      'bench-results/lighthouse.json',
      `${JSON.stringify(
        {
          url: PAGE,
          lighthouse: lhr.lighthouseVersion,
          formFactor: lhr.configSettings.formFactor,
          throttling: lhr.configSettings.throttlingMethod,
          userAgent: lhr.environment.hostUserAgent,
          fetchTime: lhr.fetchTime,
          target: TARGET,
          scores,
          metrics,
          failing,
          longTasks,
        },
        null,
        2,
      )}\n`,
    );
    console.log('\nwritten bench-results/lighthouse.json');
  } finally {
    await chrome.kill();
    stopPreview(server);
  }
}

await main();
