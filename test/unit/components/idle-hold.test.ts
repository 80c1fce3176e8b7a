// @vitest-environment jsdom
/**
 * The page's idle work never starts while a learner's run is on its way
 * (cell/idle.ts): the browser's idle callbacks are driven by hand here, so
 * every "idle moment" is one the test makes.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type IdleCallback = () => void;
let idleQueue: IdleCallback[] = [];

/** One idle moment: runs the callbacks that were waiting for it (not ones they schedule). */
function idleMoment(): void {
  const due = idleQueue;
  idleQueue = [];
  for (const callback of due) callback();
}

async function freshModules() {
  vi.resetModules();
  const idle = await import('../../../src/components/cell/idle');
  const recorded = await import('../../../src/components/cell/recorded-results');
  return { ...idle, ...recorded };
}

beforeEach(() => {
  idleQueue = [];
  (window as unknown as { requestIdleCallback: (cb: IdleCallback) => number }).requestIdleCallback = (callback) => idleQueue.push(callback);
});

afterEach(() => {
  delete (window as unknown as { requestIdleCallback?: unknown }).requestIdleCallback;
});

describe('idle work waits for a run to finish', () => {
  it('a task that comes due during a run starts only at the first idle moment after it', async () => {
    const { holdIdleWork, whenIdle } = await freshModules();
    const ran: string[] = [];
    whenIdle(() => ran.push('before'), 1000);
    idleMoment();
    expect(ran).toEqual(['before']);

    const release = holdIdleWork();
    whenIdle(() => ran.push('during'), 1000);
    idleMoment();
    idleMoment();
    expect(ran).toEqual(['before']);

    release();
    // Released work waits for the browser's next idle moment, not the result's own frame.
    expect(ran).toEqual(['before']);
    idleMoment();
    expect(ran).toEqual(['before', 'during']);
  });

  it('holds nest, and a release called twice counts once', async () => {
    const { holdIdleWork, whenIdle } = await freshModules();
    const ran: number[] = [];
    const first = holdIdleWork();
    const second = holdIdleWork();
    whenIdle(() => ran.push(1), 1000);
    idleMoment();
    first();
    first();
    idleMoment();
    expect(ran).toEqual([]);
    second();
    idleMoment();
    expect(ran).toEqual([1]);
    // Nothing is held any more: new work runs at the next idle moment.
    whenIdle(() => ran.push(2), 1000);
    idleMoment();
    expect(ran).toEqual([1, 2]);
  });

  it('recorded results stop coming to life while a run is on its way, and resume in page order', async () => {
    const { holdIdleWork, whenResultsWanted } = await freshModules();
    const live: number[] = [];
    for (let i = 0; i < 4; i++) {
      const area = document.createElement('div');
      document.body.append(area);
      whenResultsWanted(area, () => live.push(i));
    }
    // The page has loaded (jsdom's readyState is complete): the drain starts at an idle moment.
    idleMoment();
    expect(live).toEqual([0]);
    const release = holdIdleWork();
    for (let k = 0; k < 5; k++) idleMoment();
    expect(live).toEqual([0]);
    release();
    for (let k = 0; k < 5; k++) idleMoment();
    expect(live).toEqual([0, 1, 2, 3]);
  });

  it('the learner reaching for a cell still brings its results to life during a run', async () => {
    const { holdIdleWork, whenResultsWanted } = await freshModules();
    const area = document.createElement('div');
    document.body.append(area);
    const live: string[] = [];
    whenResultsWanted(area, () => live.push('cell'));
    holdIdleWork();
    area.dispatchEvent(new Event('pointerenter'));
    expect(live).toEqual(['cell']);
  });
});

describe('without idle callbacks (Safari)', () => {
  it('work after load still waits for a run, then its own delay', async () => {
    delete (window as unknown as { requestIdleCallback?: unknown }).requestIdleCallback;
    vi.useFakeTimers();
    try {
      const { afterLoadWhenIdle, holdIdleWork } = await freshModules();
      const ran: string[] = [];
      const release = holdIdleWork();
      afterLoadWhenIdle(() => ran.push('warm-up'));
      vi.advanceTimersByTime(5000);
      expect(ran).toEqual([]);
      release();
      // Released work is scheduled again: the after-load delay keeps it clear of the first render.
      vi.advanceTimersByTime(1000);
      expect(ran).toEqual([]);
      vi.advanceTimersByTime(600);
      expect(ran).toEqual(['warm-up']);
    } finally {
      vi.useRealTimers();
    }
  });
});
