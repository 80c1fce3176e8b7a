import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile('node', ['bin/workbook.mjs', 'memprofile', ...args], { cwd: root, timeout: 60_000 }, (err, stdout, stderr) => {
      done({ code: err ? Number((err as NodeJS.ErrnoException & { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('workbook memprofile', () => {
  it('prints the line table and writes the timeline CSV', async () => {
    const csv = join(mkdtempSync(join(tmpdir(), 'memprofile-')), 'eater.csv');
    const r = await cli(['src/content/examples/memory-eater.js', '--timeline', csv]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Filename: memory-eater.js');
    expect(r.stdout).toMatch(/Line # +Mem usage +Peak +Increment +Occurrences +Line Contents\n=+\n/);
    // The growth line: 500,000 numbers × 8 bytes = 3.815 MiB, once (after its usage and its peak).
    expect(r.stdout).toMatch(/\s+13 +[\d.]+ MiB +[\d.]+ MiB +3\.81\d MiB +1 +for \(let i = 1; i < COUNT; i\+\+\) numbers\.push\(i\);/);
    expect(r.stdout).toMatch(/-15\.2\d\d MiB +1 +numbers = null;/);
    const rows = readFileSync(csv, 'utf8').trim().split('\n');
    expect(rows[0]).toBe('time_s,heap_bytes,heap_mib,wasm_bytes');
    expect(rows.length).toBeGreaterThan(10);
    const last = Number(rows[rows.length - 1].split(',')[0]);
    expect(last).toBeGreaterThanOrEqual(4); // four simulated seconds of sleep
  });

  it('explains how to mark a function when none is marked, and fails on bad usage', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'memprofile-')), 'plain.js');
    writeFileSync(file, 'const a = [1, 2, 3];\nconsole.log(a.length);\n');
    const plain = await cli([file]);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('3\n');
    expect(plain.stdout).toContain('put a `// @profile` comment on the line above one');
    const usage = await cli([]);
    expect(usage.code).toBe(2);
    expect(usage.stdout).toContain('Usage: workbook memprofile');
  });
});
