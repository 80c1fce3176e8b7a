/**
 * Views benchmark: time to first paint of each profile view for the generated
 * 5,000-node profile (test/fixtures/profiles/large.json) in headless Chromium
 * (target ≤ 200 ms each), in the column and as the expanded inspector shows it
 * (`expanded`, in a 1280-px-wide page). Compare runs, with its differential flame
 * graph, compares the profile with a copy whose every third node took half the time,
 * so its boxes are coloured. The views are bundled with esbuild into one page, the
 * profile is handed over as data, and each view is rendered RUNS times; the
 * median is reported. The call graph also reports when Graphviz's SVG is shown.
 * Prints a table; writes bench-results/views.json.
 */
import { build } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { launchChromium } from './support/chromium';
import type { CallNode, Profile, RunResult } from '../../src/sandbox/types';

const RUNS = 7;
const TARGET_MS = 200;
const VIEWS = ['baseline', 'profile', 'callgraph', 'icicle', 'tree', 'timeline', 'compare'];
/** The views again, opened wide as the expanded inspector shows them. */
const EXPANDED = ['profile', 'callgraph', 'icicle', 'tree', 'timeline', 'compare'];

function resultOf(profile: Profile): RunResult {
  const { wallMs, cpuMs, simulatedMs, resolutionMs } = profile.meta;
  return { status: 'ok', console: [], outputTruncated: false, timing: { wallMs, cpuMs, simulatedMs, resolutionMs }, profile };
}

/** A copy of the profile in which every third node spent half its own time (totals follow), for Compare runs. */
function halvedEveryThird(profile: Profile): Profile {
  const copy = structuredClone(profile);
  let index = 0;
  const halve = (node: CallNode): number => {
    if (index++ % 3 === 0) node.selfMs /= 2;
    // The fixture is a few dozen levels deep; recursion is fine here.
    node.totalMs = node.selfMs + node.children.reduce((sum, child) => sum + halve(child), 0);
    return node.totalMs;
  };
  halve(copy.root);
  return copy;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  const bundle = await build({
    entryPoints: ['test/bench/views/harness.tsx'],
    bundle: true,
    write: false,
    format: 'esm',
    minify: true,
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  });
  const script = bundle.outputFiles.map((file) => file.text).join('\n');
  const css = readFileSync('src/components/views/profile/profile-views.css', 'utf8');
  const large = JSON.parse(readFileSync('test/fixtures/profiles/large.json', 'utf8')) as Profile;
  const result = resultOf(large);
  const previous = resultOf(halvedEveryThird(large));

  const browser = await launchChromium(['--disable-renderer-backgrounding', '--disable-background-timer-throttling', '--disable-backgrounding-occluded-windows']);
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('crash', () => console.error('the page crashed'));
  page.on('pageerror', (error) => console.error('page error:', error.message));
  await page.setContent(`<!doctype html><html><head><style>${css}</style></head><body></body></html>`);
  await page.addScriptTag({ content: script, type: 'module' });
  await page.waitForFunction(() => typeof window.renderView === 'function');

  const rows: Array<{ view: string; renderMs: number; firstPaintMs: number; settledMs: number; elements: number; target: number; ok: boolean }> = [];
  const cases = [...VIEWS.map((view) => ({ view, expanded: false })), ...EXPANDED.map((view) => ({ view, expanded: true }))];
  const wanted = process.env.WB_VIEWS?.split(',');
  for (const { view, expanded } of cases.filter(({ view }) => !wanted || wanted.includes(view))) {
    const name = expanded ? `${view} (expanded)` : view;
    process.stderr.write(`${name}… `);
    const samples: Array<{ firstPaintMs: number; settledMs: number; elements: number; renderMs: number }> = [];
    // One warm-up render (chunk parsing, Graphviz wasm instantiation), then RUNS measured ones.
    for (let i = 0; i <= RUNS; i++) {
      const sample = await page.evaluate(
        ([id, r, before, wide]) => window.renderView(id, r, id === 'compare' ? before : undefined, wide),
        [view, result, previous, expanded] as const,
      );
      if (i > 0) samples.push(sample);
    }
    const firstPaintMs = median(samples.map((s) => s.firstPaintMs));
    rows.push({
      view: name,
      firstPaintMs: Math.round(firstPaintMs * 10) / 10,
      settledMs: Math.round(median(samples.map((s) => s.settledMs)) * 10) / 10,
      renderMs: Math.round(median(samples.map((s) => s.renderMs)) * 10) / 10,
      elements: samples[0].elements,
      target: TARGET_MS,
      ok: firstPaintMs <= TARGET_MS,
    });
  }
  await browser.close();

  console.log(`Views, 5,000-node profile (${large.frames.length} functions), median of ${RUNS} renders in Chromium:`);
  // An empty view's first paint is this browser's floor (headless frame scheduling); what a view adds is above it.
  const floor = rows.find((r) => r.view === 'baseline')?.firstPaintMs ?? 0;
  console.table(rows.map((r) => ({ view: r.view, 'React render ms': r.renderMs, 'first paint ms': r.firstPaintMs, 'above empty ms': Math.round((r.firstPaintMs - floor) * 10) / 10, 'settled ms': r.settledMs, 'DOM elements': r.elements, 'target ms': r.target, ok: r.ok ? 'yes' : 'NO' })));
  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/views.json', JSON.stringify({ date: new Date().toISOString(), runs: RUNS, nodes: 5000, emptyViewFirstPaintMs: floor, rows }, null, 2) + '\n');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
