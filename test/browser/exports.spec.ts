/**
 * The exports opened in speedscope itself (the npm package's built app, served
 * here on loopback, no site build needed): each file imports with no error and
 * speedscope's sandwich table shows every function with the total and self
 * times of the workbook's own table. Profiles come from the real sandbox in Node.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { runCode } from '../../src/sandbox/node';
import { flatRows, renderCpuProfile, renderFolded, renderSpeedscope } from '../../src/sandbox/profile/index';
import type { Profile } from '../../src/sandbox/types';

const SPEEDSCOPE = join(dirname(createRequire(import.meta.url).resolve('speedscope/package.json')), 'dist/release');
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.wasm': 'application/wasm' };

const SLEEPER = fileURLToPath(new URL('../../src/content/examples/sleeper.js', import.meta.url));
const RECURSIVE = 'function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }\nfunction main() { sleep(0.2); fib(12); sleep(0.1); }\nmain();';
// More calls than the timeline keeps: speedscope's JSON falls back to a sampled profile.
const LONG = 'function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }\nfunction main() { sleep(0.2); fib(20); }\nmain();';

/** Files the test serves: speedscope's app under /, the exports under /files/. */
const files = new Map<string, string>();
let server: Server;
let origin = '';

test.beforeAll(async () => {
  server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path.startsWith('/files/') && files.has(path.slice(7))) {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(files.get(path.slice(7)));
      return;
    }
    const file = normalize(join(SPEEDSCOPE, path === '/' ? 'index.html' : path));
    if (!file.startsWith(SPEEDSCOPE)) return void res.writeHead(403).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

test.afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

async function profileOf(code: string, filename: string): Promise<Profile> {
  const result = await runCode({ code, filename, profile: { kind: 'deterministic' } });
  if (!result.profile) throw new Error(`no profile: ${result.status}`);
  return result.profile;
}

/** speedscope's time format (value-formatters.ts) read back, in ms; and half its last digit. */
function parseTime(text: string): { ms: number; precision: number } {
  const m = /^([\d.]+)(s|ms|µs|ns)$/.exec(text.trim());
  if (!m) throw new Error(`not a speedscope time: ${text}`);
  const scale = { s: 1000, ms: 1, µs: 1e-3, ns: 1e-6 }[m[2] as 's' | 'ms' | 'µs' | 'ns'];
  return { ms: Number(m[1]) * scale, precision: 0.005 * scale };
}

/** speedscope's raw counts (toLocaleString) read back: folded stacks count microseconds. */
function parseCount(text: string): { ms: number; precision: number } {
  return { ms: Number(text.trim().replace(/[^\d.]/g, '')) / 1000, precision: 0.0005 };
}

interface Shown {
  name: string;
  total: string;
  self: string;
}

/** Opens a served export in speedscope and reads its sandwich table. */
async function openInSpeedscope(page: Page, name: string, text: string): Promise<Shown[]> {
  files.set(name, text);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${origin}/index.html#profileURL=${encodeURIComponent(`${origin}/files/${name}`)}`);
  await page.getByText('Sandwich', { exact: false }).first().click();
  const rows = page.locator('table tr').filter({ has: page.locator('td:nth-child(3)') });
  await expect(rows.first()).toBeVisible();
  await expect(page.getByText('Something went wrong')).toHaveCount(0);
  expect(errors).toEqual([]);
  return rows.evaluateAll((trs) =>
    trs.map((tr) => {
      const td = tr.querySelectorAll('td');
      const strip = (s: string) => s.replace(/\s*\([^()]*%\)\s*$/, '');
      return { total: strip(td[0].textContent ?? ''), self: strip(td[1].textContent ?? ''), name: (td[2].textContent ?? '').trim() };
    }),
  );
}

/** Checks every function of the table against speedscope's row for it. */
function expectTotals(profile: Profile, shown: Shown[], parse: (t: string) => { ms: number; precision: number }, slackMs: (calls: number) => number): void {
  const rows = flatRows(profile);
  const byName = new Map<string, Shown>();
  // Folded stacks name a frame "main (test.js:19)"; speedscope shows that whole text.
  for (const s of shown) byName.set(s.name.replace(/ \([^()]*:\d+\)$/, ''), s);
  for (const r of rows) {
    const name = profile.frames[r.frame].name;
    if (name === '<module>' || (r.totalMs === 0 && !byName.has(name))) continue;
    const s = byName.get(name);
    expect(s, `${name} in speedscope: ${[...byName.keys()].join(', ')}`).toBeDefined();
    const total = parse(s!.total);
    const self = parse(s!.self);
    expect(Math.abs(total.ms - r.totalMs), `${name} total ${s!.total} vs ${r.totalMs} ms`).toBeLessThanOrEqual(total.precision + slackMs(r.calls));
    expect(Math.abs(self.ms - r.selfMs), `${name} self ${s!.self} vs ${r.selfMs} ms`).toBeLessThanOrEqual(self.precision + slackMs(r.calls));
  }
}

// Whole microseconds at each end of every call (.cpuprofile), at each call path (folded).
const perCallUs = (calls: number) => (2 * calls + 2) * 0.001;

for (const [label, code, filename] of [
  ['the sleeper', undefined, 'sleeper.js'],
  ['a recursive program', RECURSIVE, 'recursive.js'],
  ['a run longer than the timeline', LONG, 'long.js'],
] as const) {
  test.describe(`speedscope opens the exports of ${label}`, () => {
    let profile: Profile;
    test.beforeAll(async () => {
      profile = await profileOf(code ?? (await readFile(SLEEPER, 'utf8')), filename);
    });

    test('.cpuprofile', async ({ page }) => {
      const shown = await openInSpeedscope(page, `${filename}.cpuprofile`, renderCpuProfile(profile));
      expectTotals(profile, shown, parseTime, perCallUs);
    });

    test('speedscope JSON', async ({ page }) => {
      const shown = await openInSpeedscope(page, `${filename}.speedscope.json`, renderSpeedscope(profile));
      expectTotals(profile, shown, parseTime, () => 1e-6);
      // Where the timeline could not hold every call, speedscope shows the profile's name saying so.
      const note = page.getByText(/not in call order/);
      if (profile.spansTruncated) await expect(note.first()).toBeVisible();
      else await expect(note).toHaveCount(0);
    });

    test('folded stacks', async ({ page }) => {
      const shown = await openInSpeedscope(page, `${filename}.folded.txt`, renderFolded(profile));
      expectTotals(profile, shown, parseCount, perCallUs);
    });
  });
}

/**
 * The .cpuprofile in the DevTools front end that /usr/bin/chromium ships
 * (devtools://devtools/bundled/): loaded the way the Performance panel loads a
 * file (SamplesIntegrator.createFakeTraceFromCpuProfile, then the trace model
 * with every handler), reading the bounds and the flame chart's calls it builds.
 */
async function loadInDevTools(page: Page, cpu: unknown): Promise<{ bounds: { min: number; range: number }; calls: Array<{ name: string; ts: number; dur: number }> }> {
  await page.goto('devtools://devtools/bundled/devtools_app.html');
  return page.evaluate(async (cpuProfile) => {
    const traceModule = './models/trace/trace.js'; // DevTools' own module, relative to its page
    const Trace = await import(traceModule);
    const file = Trace.Helpers.SamplesIntegrator.SamplesIntegrator.createFakeTraceFromCpuProfile(cpuProfile, Trace.Types.Events.ThreadID(1));
    const model = Trace.TraceModel.Model.createWithAllHandlers();
    await model.parse(file.traceEvents, { metadata: file.metadata, isCPUProfile: true });
    const parsed = model.parsedTrace(0);
    const data = parsed.data ?? parsed;
    const calls: Array<{ name: string; ts: number; dur: number }> = [];
    for (const byThread of data.Samples.profilesInProcess.values())
      for (const thread of byThread.values())
        for (const c of thread.profileCalls as Array<{ callFrame: { functionName: string }; ts: number; dur: number }>) calls.push({ name: c.callFrame.functionName, ts: c.ts, dur: c.dur });
    return { bounds: { min: data.Meta.traceBounds.min, range: data.Meta.traceBounds.range }, calls };
  }, cpu);
}

test.describe('Chromium DevTools\' Performance panel opens the .cpuprofile', () => {
  test('the sleeper\'s six naps are six separate one-second calls', async ({ page }) => {
    const profile = await profileOf(await readFile(SLEEPER, 'utf8'), 'sleeper.js');
    const cpu = JSON.parse(renderCpuProfile(profile));
    const loaded = await loadInDevTools(page, cpu);
    // The chart starts at the profile's start and lasts the run (at startTime 0 the old export got bounds of Infinity: an empty chart).
    expect(loaded.bounds.min).toBe(cpu.startTime);
    expect(Math.abs(loaded.bounds.range - profile.root.totalMs * 1000)).toBeLessThanOrEqual(2);
    const naps = loaded.calls.filter((c) => c.name === 'sleep').sort((a, b) => a.ts - b.ts);
    expect(naps).toHaveLength(6);
    // One simulated second, plus at most the run's real time (whole µs at both ends; DevTools keeps
    // floats), less what the table's overhead correction took off sleep's row below the simulated 6 s.
    const sleepRow = flatRows(profile).find((r) => profile.frames[r.frame].name === 'sleep')!;
    const correctedUs = (Math.max(0, 6000 - sleepRow.selfMs) / 6) * 1000;
    for (const nap of naps) {
      expect(nap.dur).toBeGreaterThanOrEqual(1_000_000 - correctedUs - 2);
      expect(nap.dur).toBeLessThanOrEqual(1_000_000 + (profile.meta.wallMs - profile.meta.simulatedMs) * 1000 + 2);
    }
    for (let i = 1; i < naps.length; i++) expect(naps[i].ts).toBeGreaterThanOrEqual(naps[i - 1].ts + naps[i - 1].dur - 1);
    expect(loaded.calls.filter((c) => c.name === 'sleepOneSecond')).toHaveLength(6);
    expect(loaded.calls.filter((c) => c.name === 'function1')).toHaveLength(1);
  });

  test('a run longer than the timeline keeps its outer calls in order', async ({ page }) => {
    const profile = await profileOf(LONG.replace('fib(20); }', 'fib(20); sleep(0.1); }'), 'long.js');
    expect(profile.spansTruncated).toBe(true);
    const loaded = await loadInDevTools(page, JSON.parse(renderCpuProfile(profile)));
    expect(Math.abs(loaded.bounds.range - profile.root.totalMs * 1000)).toBeLessThanOrEqual(2);
    const sleeps = loaded.calls.filter((c) => c.name === 'sleep').sort((a, b) => a.ts - b.ts);
    expect(sleeps).toHaveLength(2);
    const main = loaded.calls.find((c) => c.name === 'main')!;
    // The outermost fib: called by main, between the two sleeps.
    const fibs = loaded.calls.filter((c) => c.name === 'fib' && c.ts >= main.ts);
    const first = fibs.sort((a, b) => a.ts - b.ts)[0];
    expect(first.ts).toBeGreaterThanOrEqual(sleeps[0].ts + sleeps[0].dur - 1);
    expect(first.ts + first.dur).toBeLessThanOrEqual(sleeps[1].ts + 1);
  });
});
