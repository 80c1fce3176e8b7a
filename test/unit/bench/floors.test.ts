/**
 * The profiler bench's floors (test/bench/support/clock-floor.ts) must do the work they
 * claim, or a target printed "below the floor" would be below a floor that skips work:
 * the same output as the program, a time for every call, and a call tree whose counts
 * match a count made by construction.
 */
import { describe, expect, it } from 'vitest';
import { runInSandbox } from '../../../src/sandbox/engine/run';
import type { SandboxTool } from '../../../src/sandbox/engine/tool';
import { withCallTreeFloor, withClockFloor } from '../../bench/support/clock-floor';

const benchClock: SandboxTool = { id: 'bench-clock', wants: () => true, prelude: () => 'globalThis.__benchRealNow = __wb.realNow;' };
const printed = async (code: string) => {
  const r = await runInSandbox({ code }, [benchClock]);
  expect(r.status).toBe('ok');
  return r.console.map((c) => c.text);
};

const FIB = `function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2) }
const half = (x) => Math.floor(x / 2);
function main() { return fib(10) + half(7) }
`;

describe('the profiler bench floors', () => {
  it('the clock floor keeps the output and times every call', async () => {
    const code = withClockFloor(FIB, ['Math.floor']);
    expect(await printed(`${code}\nconsole.log(main(), timed > 0);`)).toEqual(['58 true']);
  });

  it('the call-tree floor keeps the output and counts each path\'s calls: 177 calls of fib(10) under main, by depth', async () => {
    const code = withCallTreeFloor(FIB, ['Math.floor']);
    const lines = await printed(`${code}
console.log(main());
const children = (node) => Object.keys(node).filter((k) => /^f\\d+$/.test(k));
const mainNode = $current[children($current)[0]];
// fib's key is the one its own node holds again (the recursion); half's node holds Math.floor's.
const fibKey = children(mainNode).find((k) => mainNode[k][k]);
const halfNode = mainNode[children(mainNode).find((k) => k !== fibKey)];
const perDepth = [];
for (let node = mainNode[fibKey]; node; node = node[fibKey]) perDepth.push(node.calls);
console.log(mainNode.calls, perDepth.reduce((a, b) => a + b, 0), perDepth.length, halfNode.calls, halfNode[children(halfNode)[0]].calls);
console.log(mainNode.total >= mainNode[fibKey].total + halfNode.total, mainNode[fibKey].total > 0);`);
    // fib(10) makes 177 calls, 10 levels deep; half() calls Math.floor once.
    expect(lines).toEqual(['58', '1 177 10 1 1', 'true true']);
  });
});
