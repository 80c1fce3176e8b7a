/**
 * Known shortcuts through the optimisation chapter's exercises: code that
 * looks like a solution, or an answer that a learner could reach without doing
 * the task, must be told no by the check (outcome "failed", never an error).
 */
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXAMPLES_DIR } from '../../src/markdown/find-cells';
import { runExercise } from '../../src/sandbox/exercises/node';
import { chapterShortcuts } from './support/shortcuts';

const { exercise, expectFails } = chapterShortcuts('optimisation');

/** The starter (or the reference) with one function replaced by another version. */
function withFunction(code: string, name: string, replacement: string): string {
  const pattern = new RegExp(`function ${name}\\([^)]*\\) \\{[\\s\\S]*?\\n\\}\\n`);
  expect(pattern.test(code), `no function ${name} in the code`).toBe(true);
  return code.replace(pattern, replacement.trim() + '\n');
}


describe('find-duplicates: counting the repeats', () => {
  const starter = () => exercise('find-duplicates').spec.starter;

  it('fails with the Set version of the duplicates cell above it, copied and renamed', { timeout: 60_000 }, async () => {
    const demo = readFileSync(path.join(EXAMPLES_DIR, 'duplicates.js'), 'utf8');
    const copied = /function duplicatesWithSet\(ids\) \{[\s\S]*?\n\}\n/.exec(demo);
    expect(copied, 'duplicates.js has no duplicatesWithSet').not.toBeNull();
    const code = withFunction(starter(), 'countRepeats', copied![0].replace('function duplicatesWithSet(', 'function countRepeats('));
    expect(await expectFails('find-duplicates', code)).toMatch(/\[id, count\] pairs/);
  });

  it('fails with the demo adapted to counts but kept in the order of the second copies', { timeout: 60_000 }, async () => {
    const adapted = `
function countRepeats(ids) {
  const seen = new Set();
  const repeated = new Map();
  for (const id of ids) {
    if (seen.has(id)) repeated.set(id, (repeated.get(id) ?? 1) + 1);
    else seen.add(id);
  }
  return [...repeated];
}
`;
    expect(await expectFails('find-duplicates', withFunction(starter(), 'countRepeats', adapted))).toMatch(/not in the same order/);
  });
});

describe('binary-search-bins: a binary search over any sorted edges', () => {
  const starter = () => exercise('binary-search-bins').spec.starter;

  it('fails with the direct formula, which assumes bins of equal width', { timeout: 60_000 }, async () => {
    const formula = `
function binOf(v, edges) {
  const last = edges.length - 1;
  if (!(v >= edges[0] && v < edges[last])) return -1;
  return Math.floor((v - edges[0]) / ((edges[last] - edges[0]) / last));
}
`;
    expect(await expectFails('binary-search-bins', withFunction(starter(), 'binOf', formula))).toMatch(/returned/);
  });

  it('fails with a binary search over the global edges that ignores its argument', { timeout: 60_000 }, async () => {
    const global = `
function binOf(v) {
  const last = edges.length - 1;
  if (!(v >= edges[0] && v < edges[last])) return -1;
  let low = 0;
  let high = last;
  while (high - low > 1) {
    const middle = (low + high) >> 1;
    if (v >= edges[middle]) low = middle;
    else high = middle;
  }
  return low;
}
`;
    expect(await expectFails('binary-search-bins', withFunction(starter(), 'binOf', global))).toMatch(/returned/);
  });

  it('fails with findIndex, which still reads the edges one by one', { timeout: 60_000 }, async () => {
    const findIndex = `
function binOf(v, edges) {
  if (!(v >= edges[0] && v < edges[edges.length - 1])) return -1;
  return edges.findIndex((edge, i) => v >= edge && v < edges[i + 1]);
}
`;
    expect(await expectFails('binary-search-bins', withFunction(starter(), 'binOf', findIndex))).toMatch(/read the edges \d+ times per reading/);
  });

  it('fails with a binary search on a copy of the edges, made at every call', { timeout: 60_000 }, async () => {
    const copy = `
function binOf(v, given) {
  const edges = [...given];
  const last = edges.length - 1;
  if (!(v >= edges[0] && v < edges[last])) return -1;
  let low = 0;
  let high = last;
  while (high - low > 1) {
    const middle = (low + high) >> 1;
    if (v >= edges[middle]) low = middle;
    else high = middle;
  }
  return low;
}
`;
    expect(await expectFails('binary-search-bins', withFunction(starter(), 'binOf', copy))).toMatch(/read the edges \d+ times per reading/);
  });
});

describe("predict-the-speedup: Amdahl's law, predicted then measured", () => {
  const reference = () => exercise('predict-the-speedup').reference;

  it('passes with the reference and the answer 1.82, which is what Amdahl predicts', { timeout: 60_000 }, async () => {
    const result = await runExercise({ exercise: exercise('predict-the-speedup').spec, code: reference().code, answer: '1.82' });
    expect(result, result.message).toMatchObject({ passed: true });
    expect(result.message).toMatch(/4\.0 s to 2\.2 s, 1\.82× faster/);
  });

  it("fails with the function's own speed-up, 4, as the answer", { timeout: 60_000 }, async () => {
    expect(await expectFails('predict-the-speedup', reference().code, '4')).toMatch(/1\.82× faster/);
  });

  it("fails with Amdahl's bound, 2.5, as the answer", { timeout: 60_000 }, async () => {
    await expectFails('predict-the-speedup', reference().code, '2.5');
  });

  it('fails with the right prediction but the code unchanged', { timeout: 60_000 }, async () => {
    expect(await expectFails('predict-the-speedup', exercise('predict-the-speedup').spec.starter, '1.82')).toMatch(/called 12 times/);
  });

  it('fails when the speed-up comes from removing the waiting of another stage', { timeout: 60_000 }, async () => {
    const code = reference().code.replace("sleep(0.4); // writing the report", '// the report is written at once');
    expect(code).not.toBe(reference().code);
    expect(await expectFails('predict-the-speedup', code, '1.82')).toMatch(/Leave loadReadings/);
  });
});
