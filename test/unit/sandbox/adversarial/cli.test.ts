/**
 * The adversarial cases (./cases.ts) through the CLI: `node bin/workbook.mjs
 * <mode> --timeout 1s case.js`, each case in one of run, profile, profile
 * --sampling and memprofile (rotating, so every mode meets every class), two
 * at a time. Each process must end within its deadline plus the watchdog's
 * grace plus the CLI's own start-up (measured here on a trivial script), stay
 * under 600 MB resident (its VmHWM, polled), print no host stack trace, and
 * write no raw control character but line feed and tab to the terminal.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { WATCHDOG_GRACE_MS } from '../../../../src/sandbox/watchdog/runner';
import { CASES, DEADLINE_MS } from './cases';
import { HOST_STACK, RSS_LIMIT_KB } from './checks';

const MODES = [['run'], ['profile'], ['profile', '--sampling'], ['memprofile']];
const dir = mkdtempSync(join(tmpdir(), 'wb-adversarial-'));
const RAW_CONTROL = /[\x00-\x08\x0b-\x1a\x1c-\x1f\x7f-\x9f]|\x1b(?!\[[0-9;]*m)/; // eslint-disable-line no-control-regex

interface Outcome { code: number | null; stdout: string; stderr: string; ms: number; peakKb: number }

/** VmHWM (peak resident set) of a running process, in KB; 0 once it is gone. */
function peakRss(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

function cli(args: string[]): Promise<Outcome> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn('node', ['bin/workbook.mjs', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let peakKb = 0;
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const poll = setInterval(() => (peakKb = Math.max(peakKb, peakRss(child.pid!))), 25);
    const kill = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('close', (code) => {
      clearInterval(poll);
      clearTimeout(kill);
      resolve({ code, stdout, stderr, ms: performance.now() - started, peakKb });
    });
  });
}

/** Two at a time: the machine has two cores, and other tests share them. */
function limited<T>(jobs: Array<() => Promise<T>>, width = 2): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  const lane = async () => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await jobs[i]();
    }
  };
  return Promise.all(Array.from({ length: width }, lane)).then(() => results);
}

let outcomes: Outcome[] = [];
let startupMs = 0;

describe('adversarial programs through the CLI', () => {
  beforeAll(async () => {
    const hello = join(dir, 'hello.js');
    writeFileSync(hello, 'console.log("hello")');
    // The CLI's start-up (tsx, the worker, the wasm) on this machine now: the slowest of three.
    const starts = await limited([0, 1, 2].map(() => () => cli(['run', hello])));
    startupMs = Math.max(...starts.map((s) => s.ms));
    outcomes = await limited(
      CASES.map((c, i) => () => {
        const file = join(dir, `case-${i}.js`);
        writeFileSync(file, c.code);
        return cli([...MODES[i % MODES.length], '--timeout', `${DEADLINE_MS}ms`, file]);
      }),
    );
  }, 30 * 60_000);

  it.each(CASES.map((c, i) => [c.name, i] as const))('%s', (_name, i) => {
    const o = outcomes[i];
    const where = `${MODES[i % MODES.length].join(' ')}: exit ${o.code}\n${o.stderr.slice(0, 500)}`;
    // Twice the measured start-up: start-up varies with the machine's load from one process to the next.
    expect(o.ms, where).toBeLessThan(DEADLINE_MS + WATCHDOG_GRACE_MS + 2 * startupMs);
    expect(o.code, where).not.toBeNull();
    expect(o.peakKb, where).toBeLessThan(RSS_LIMIT_KB);
    expect(o.stdout + o.stderr, where).not.toMatch(HOST_STACK);
    expect(o.stdout + o.stderr, where).not.toMatch(RAW_CONTROL);
    expect(o.stdout.length + o.stderr.length).toBeLessThan(4 * 1024 * 1024);
    const c = CASES[i];
    if (o.code === 0) for (const line of c.prints ?? []) expect(o.stdout).toContain(line.replace(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/g, (ch) => `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`)); // eslint-disable-line no-control-regex
  });
});
