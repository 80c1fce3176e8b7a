/**
 * The deterministic recorder keeps one node per distinct call path, so ten
 * million calls need no more memory than ten: the heap stays small and the
 * profile has a handful of nodes whose counts add up to the calls made.
 * (Slow by nature: ten million recorded calls in an interpreter.)
 */
import { describe, expect, it } from 'vitest';
import { countCallPaths } from '../../../src/sandbox/profile/index';
import { profileCode, row } from './helpers';

const CALLS = 10_000_000;

describe('scale', () => {
  it(
    'profiles ten million calls with memory bounded by the call paths',
    async () => {
      const code = [
        'function tiny(i) { return i & 1 }',
        'function other(i) { return i & 2 }',
        `function loop(n) { let s = 0; for (let i = 0; i < n; i++) s += i % 4 ? tiny(i) : other(i); return s }`,
        `console.log(loop(${CALLS}));`,
      ].join('\n');
      const result = await profileCode(code, { kind: 'deterministic', builtins: false }, { limits: { timeoutMs: 600_000 } });
      expect(result.status).toBe('ok');
      const { profile } = result;
      expect(row(profile, 'tiny').calls + row(profile, 'other').calls).toBe(CALLS);
      expect(row(profile, 'other').calls).toBe(CALLS / 4);
      expect(countCallPaths(profile.root)).toBe(4); // <module>, loop, tiny, other
      // Fixed-size buffers (stack, capped timeline) and a few nodes: far below the 64 MB limit.
      expect(result.peakMemory!.heapBytes).toBeLessThan(8 * 1024 * 1024);
      expect(profile.spansTruncated).toBe(true);
      expect(profile.spans.length).toBeLessThanOrEqual(20_001);
    },
    900_000,
  );
});
