/**
 * `workbook lineprofile` prints what `kernprof -l -v` prints. The oracle is
 * Debian's kernprof (python3-line-profiler, which CI installs) run on a Python
 * twin of the JavaScript program: same lines, same calls, so the same line
 * numbers, the same blank rows and the same hits. The twin has no branch or
 * loop: Python 3.11 reports those lines' events by bytecode layout (an `if`
 * tested three times shows 2 hits), which no JavaScript twin could match. Times differ by nature, so
 * they are compared by format (`%5.1f`, `%g`) and column, everything else
 * character for character.
 */
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatG } from '../../../src/sandbox/profile/render/kernprof';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const KERNPROF = '/usr/bin/kernprof';

const JS = `// @profile
function work(n) {
  const total = sumTo(n);
  const s = [3, 1, 2].sort();

  // a comment
  const t = Math.max(...s) + total;
  return total + s[0] + t * 0; }

for (const n of [1, 1000, 2000]) work(n);

function sumTo(n) {
  let s = 0;
  for (let i = 0; i < n; i++) s += i;
  return s;
}
`;

const PY = `@profile
def work(n):
    total = sum(range(n))
    s = sorted([3, 1, 2])

    # a comment
    t = max(s) + total
    return total + s[0] + t * 0

for n in [1, 1000, 2000]: work(n)
`;

function exec(cmd: string, args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(cmd, args, { cwd, timeout: 120_000 }, (err, stdout, stderr) => {
      done({ code: err ? Number((err as NodeJS.ErrnoException & { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** A row of `%6s %9s %12s %8s %8s  %-s`, its time figures checked and masked, its code dropped. */
function maskRow(line: string): string {
  const m = /^(.{6}) (.{9}) (.{12}) (.{8}) (.{8})  (.*)$/.exec(line);
  if (!m) throw new Error(`not a row: ${JSON.stringify(line)}`);
  const [, lineNo, hits, time, perHit, percent] = m;
  expect(lineNo).toMatch(/^ *\d+$/);
  if (hits.trim() === '') {
    expect(time + perHit + percent).toMatch(/^ *$/);
    return `${lineNo} ${hits}`;
  }
  expect(hits).toMatch(/^ *\d+$/);
  for (const f of [time, perHit, percent]) expect(f).toMatch(/^ *\d+\.\d$/);
  return `${lineNo} ${hits} T`;
}

/** The text with every figure that is a measurement checked for its format and masked. */
function layout(text: string): string[] {
  const out: string[] = [];
  let inRows = false;
  for (const line of text.replace(/\n+$/, '').split('\n')) {
    if (line.startsWith('Wrote profile results')) continue;
    const total = /^Total time: (\S+) s$/.exec(line);
    if (total) {
      expect(formatG(Number(total[1]))).toBe(total[1]); // %g
      out.push('Total time: G s');
      inRows = false;
    } else if (line.startsWith('File: ')) out.push(line.replace(/\.(py|js)$/, '.EXT'));
    else if (/^=+$/.test(line)) {
      out.push(line);
      inRows = true;
    } else if (inRows && line !== '') out.push(maskRow(line));
    else out.push(line);
  }
  return out;
}

describe('workbook lineprofile matches kernprof -l -v', () => {
  it('has kernprof to compare with (CI installs python3-line-profiler)', () => {
    expect(existsSync(KERNPROF), `${KERNPROF} is missing: apt-get install -y python3-line-profiler`).toBe(true);
  });

  it('prints the same header lines, columns, widths, formats, line numbers and hits', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lineprofile-'));
    writeFileSync(join(dir, 'twin.py'), PY);
    writeFileSync(join(dir, 'twin.js'), JS);
    const [py, js] = await Promise.all([
      exec(KERNPROF, ['-l', '-v', 'twin.py'], dir),
      exec('node', [join(root, 'bin/workbook.mjs'), 'lineprofile', '--csv', join(dir, 'twin.csv'), join(dir, 'twin.js')], root),
    ]);
    expect(py.code, py.stderr).toBe(0);
    expect(js.code, js.stderr).toBe(0);
    const want = layout(py.stdout);
    expect(want).toContain('Function: work at line 1');
    expect(want.some((l) => l.endsWith(' T'))).toBe(true);
    expect(layout(js.stdout)).toEqual(want);
    expect(js.stderr).toMatch(/measured and subtracted/);

    const csv = readFileSync(join(dir, 'twin.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('function,file,function_line,line,hits,time_us,per_hit_us,percent_time,line_contents');
    expect(csv.length).toBe(1 + 8);
    const returnRow = csv.find((r) => r.includes('return total'))!.split(',');
    expect(returnRow.slice(0, 5)).toEqual(['work', 'twin.js', '1', '8', '3']);
  });

  it('formats numbers like Python', () => {
    // Python: '%g' % x for each
    const cases: Array<[number, string]> = [[1e-6, '1e-06'], [0.214818, '0.214818'], [0.0001234567, '0.000123457'], [12.5, '12.5'], [1234567, '1.23457e+06'], [0, '0'], [3, '3']];
    for (const [x, s] of cases) expect(formatG(x)).toBe(s);
  });
});
