#!/usr/bin/env node
/**
 * `npm test`: every test the project has, in the order a newcomer would want
 * failures reported: unit + content tests (vitest, Node, real QuickJS), then
 * the production build, then browser tests (Playwright driving Debian's
 * Chromium against `astro preview` of that build). Ends with one summary line
 * "N passed, N failed" counted from the runners' JSON reports.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const only = process.argv.slice(2); // e.g. `npm test -- unit` or `npm test -- browser`
const want = (step) => only.length === 0 || only.includes(step);
mkdirSync('test-results', { recursive: true });

function sh(label, command, args, env = {}) {
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const r = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`  (${label}: ${((Date.now() - started) / 1000).toFixed(1)} s, exit ${r.status})`);
  return r.status === 0;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

let passed = 0;
let failed = 0;
let skipped = 0;
let ok = true;
/** Names of what failed, repeated at the very end: a CI log is often read from its tail. */
const failures = [];

function unitFailures(report) {
  return (report.testResults ?? []).flatMap((file) =>
    (file.assertionResults ?? []).filter((t) => t.status === 'failed').map((t) => `unit: ${t.fullName ?? t.title} (${(t.failureMessages?.[0] ?? '').split('\n')[0].slice(0, 300)})`),
  );
}

function browserFailures(report) {
  const out = [];
  const walk = (suite, path) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        if (t.status === 'expected' || t.status === 'skipped') continue;
        const error = t.results?.at(-1)?.error?.message ?? '';
        out.push(`browser: ${[...path, spec.title].join(' › ')} [${t.status}] (${error.replace(/\x1b\[[0-9;]*m/g, '').split('\n')[0].slice(0, 300)})`);
      }
    }
    for (const child of suite.suites ?? []) walk(child, [...path, child.title]);
  };
  for (const suite of report.suites ?? []) walk(suite, [suite.title]);
  return out;
}

if (want('unit')) {
  rmSync('test-results/unit.json', { force: true });
  const unitOk = sh('unit and content tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=test-results/unit.json']);
  ok = unitOk && ok;
  const unit = readJson('test-results/unit.json');
  if (unit) {
    passed += unit.numPassedTests;
    failed += unit.numFailedTests;
    failures.push(...unitFailures(unit));
    // Vitest also fails a run whose tests all passed when an error escaped them (an unhandled
    // rejection, or its own worker RPC timing out): say so, or the tail reads "0 failed".
    if (!unitOk && unit.numFailedTests === 0) failures.push('unit: vitest exited non-zero with every test passed: an unhandled error (see "Unhandled Error" in its output above)');
    skipped += unit.numPendingTests + (unit.numTodoTests ?? 0);
  } else {
    ok = false;
    console.error('No vitest report was written: counting the unit step as failed.');
    failed += 1;
  }
}

if (want('browser')) {
  const built = sh('production build', 'npx', ['astro', 'build']);
  ok = built && ok;
  if (!built) {
    failed += 1;
    failures.push('build: astro build failed (see its output above)');
  }
  else {
    rmSync('test-results/browser.json', { force: true });
    const browserOk = sh('browser tests', 'npx', ['playwright', 'test'], { CI: process.env.CI ?? 'true' });
    ok = browserOk && ok;
    const browser = readJson('test-results/browser.json');
    if (browser?.stats) {
      passed += browser.stats.expected;
      failed += browser.stats.unexpected;
      failed += browser.stats.flaky; // a test that needed a retry is not a pass here
      failures.push(...browserFailures(browser));
      if (!browserOk && browser.stats.unexpected + browser.stats.flaky === 0) failures.push('browser: Playwright exited non-zero with every test passed (an error outside the tests, see its output above)');
      skipped += browser.stats.skipped;
    } else {
      ok = false;
      console.error('No Playwright report was written: counting the browser step as failed.');
      failed += 1;
    }
  }
}

if (skipped > 0) {
  console.error(`${skipped} test(s) were skipped: skipped tests are not allowed to count as passing.`);
  ok = false;
}
if (passed === 0) ok = false;
if (failures.length) console.log(`\nFailed:\n${failures.map((f) => `  - ${f}`).join('\n')}`);
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}${ok ? '' : ' (the run FAILED: see the list above)'}`);
process.exit(ok && failed === 0 ? 0 : 1);
