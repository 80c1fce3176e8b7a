import { describe, expect, it } from 'vitest';
import { FIXTURES, countNodes } from './fixtures/build-fixtures';
import { loadProfile } from './load-fixture';

describe('fixed profiles', () => {
  it.each(Object.keys(FIXTURES))('%s.json is what the builder produces', (name) => {
    expect(loadProfile(name)).toEqual(JSON.parse(JSON.stringify(FIXTURES[name]())));
  });

  it('the generated large profile has 5,000 call-tree nodes', () => {
    expect(countNodes(loadProfile('large'))).toBe(5_000);
  });

  it('sleeper obeys the model: totals are self plus children, spans in call order', () => {
    const profile = loadProfile('sleeper');
    const check = (node: typeof profile.root): void => {
      const children = node.children.reduce((sum, child) => sum + child.totalMs, 0);
      expect(node.totalMs).toBeCloseTo(node.selfMs + children, 5);
      node.children.forEach(check);
    };
    check(profile.root);
    const starts = profile.spans.map((span) => span.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(profile.meta.simulatedMs).toBe(6000);
  });
});
