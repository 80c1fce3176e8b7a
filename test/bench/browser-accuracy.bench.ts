/**
 * Profiler accuracy in the browser (issue 14), side by side with Node in one run.
 *
 * Every program of the accuracy corpus (test/unit/profiler/accuracy-corpus.ts),
 * whose truth is known by construction, runs in headless Chromium in the
 * profiling chapter's own cells (test/browser/support/accuracy-harness.ts), then
 * in Node. The table gives each profiler's error against the truth measured on
 * the same platform, and the hook cost the deterministic profiler subtracted.
 *
 * Needs a build (`npm run build`); `npm run bench -- browser-accuracy`.
 * WB_ACCURACY_RUNS=<n> sets the runs per program (default 3, medians compared).
 * Writes bench-results/browser-accuracy.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { launchChromium } from './support/chromium';
import { runInSandbox } from '../../src/sandbox/engine/run';
import { profilerTool } from '../../src/sandbox/profiler/tool';
import { ACCURACY_CORPUS, measuredShareDetail, profiledShare, profiledSource, trueShare, type AccuracyProgram } from '../unit/profiler/accuracy-corpus';
import { ACCURACY_CHAPTER, sharesInBrowser } from '../browser/support/accuracy-harness';
import { startPreview, stopPreview } from './support/preview';

const RUNS = Number(process.env.WB_ACCURACY_RUNS ?? 3);

interface Shares {
  truth: number;
  deterministic: number;
  sampling: number;
  /** The deterministic run's calibrated hook cost per event, and per child call in the caller (ns). */
  eventNs?: number;
  childCallNs?: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

async function inNode(program: AccuracyProgram): Promise<Shares> {
  const truth = await trueShare(program);
  const result = await runInSandbox({ code: profiledSource(program), filename: 'profiled.js', profile: { kind: 'deterministic' }, limits: { timeoutMs: 60_000 } }, [profilerTool]);
  if (result.status !== 'ok' || !result.profile) throw new Error(`${program.name}: ${result.status} ${result.error?.message ?? ''}`);
  const { meta } = result.profile;
  return {
    truth,
    deterministic: profiledShare(result.profile, program.target).share,
    sampling: (await measuredShareDetail(program, { kind: 'sampling' })).share,
    eventNs: meta.overheadPerEventNs,
    childCallNs: meta.overheadPerChildCallNs,
  };
}

function medians(runs: Shares[]): Shares {
  const of = (pick: (r: Shares) => number | undefined) => median(runs.map((r) => pick(r) ?? NaN));
  return {
    truth: of((r) => r.truth),
    deterministic: of((r) => r.deterministic),
    sampling: of((r) => r.sampling),
    eventNs: of((r) => r.eventNs),
    childCallNs: of((r) => r.childCallNs),
  };
}

const points = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x * 100).toFixed(1)}`;
const line = (s: Shares) =>
  `truth ${s.truth.toFixed(3)} det ${points(s.deterministic - s.truth)} samp ${points(s.sampling - s.truth)} hooks ${s.eventNs?.toFixed(0)}/${s.childCallNs?.toFixed(0)} ns`;

async function main(): Promise<void> {
  const { origin, server } = await startPreview();
  let browser: Browser | undefined;
  const rows: Array<{ program: string; target: string; browser: Shares; node: Shares }> = [];
  try {
    browser = await launchChromium();
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    for (const program of ACCURACY_CORPUS) {
      const browserRuns: Shares[] = [];
      const nodeRuns: Shares[] = [];
      // Alternating, so that a change of the machine's load touches both platforms alike.
      for (let r = 0; r < RUNS; r++) {
        const b = await sharesInBrowser(page, `${origin}${ACCURACY_CHAPTER}`, program);
        browserRuns.push({
          truth: b.truth,
          deterministic: b.deterministic.share,
          sampling: b.sampling.share,
          eventNs: b.deterministicMeta.overheadPerEventNs,
          childCallNs: b.deterministicMeta.overheadPerChildCallNs,
        });
        nodeRuns.push(await inNode(program));
      }
      const row = { program: program.name, target: program.target, browser: medians(browserRuns), node: medians(nodeRuns) };
      rows.push(row);
      console.log(`${program.name.padEnd(44)} browser: ${line(row.browser)} | node: ${line(row.node)}`);
    }
  } finally {
    await browser?.close();
    stopPreview(server);
  }
  const worst = (platform: 'browser' | 'node', profiler: 'deterministic' | 'sampling') =>
    Math.max(...rows.map((row) => Math.abs(row[platform][profiler] - row[platform].truth)));
  const summary = {
    browserDeterministic: worst('browser', 'deterministic'),
    browserSampling: worst('browser', 'sampling'),
    nodeDeterministic: worst('node', 'deterministic'),
    nodeSampling: worst('node', 'sampling'),
  };
  console.log(`\nLargest share error over the corpus (percentage points; target ≤ 10), medians of ${RUNS} runs:`);
  for (const [name, value] of Object.entries(summary)) console.log(`  ${name.padEnd(22)} ${(value * 100).toFixed(1)}`);
  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/browser-accuracy.json', JSON.stringify({ runs: RUNS, rows, summary }, null, 2));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
