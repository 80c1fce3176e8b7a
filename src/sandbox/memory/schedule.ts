/**
 * When the memory tool may walk the heap from QuickJS's interrupt handler.
 *
 * A walk costs ~0.3 ms on a small heap and ~1 ms per 20,000 live objects, so
 * the sampler keeps to a duty share: after a walk of c ms it waits c / duty.
 * Waiting by the wall clock alone is not enough on a busy machine: the program
 * then gets less of the processor per wall ms, and the same duty becomes a larger
 * share of its own work. So the wait is also counted in the program's progress:
 * interrupt polls come every ~10,000 calls or loop turns of the program, and the
 * fastest gap seen between two of them is its pace on an idle machine.
 */

/** Never sample more often than this (ms of real time), however cheap a walk is. */
const MIN_INTERVAL_MS = 0.25;
/** The first sample waits this long (ms), so a short run pays no walk it would notice. */
const FIRST_SAMPLE_AFTER_MS = 5;
/** Gaps between polls shorter than this (ms) are not the program's pace (back-to-back polls). */
const SHORTEST_PACE_MS = 0.02;

export class SampleSchedule {
  private nextAt: number;
  private estimate: number | undefined;
  private pace = Number.POSITIVE_INFINITY;
  private lastPoll: number | undefined;
  private pollsSince = 0;

  constructor(
    now: number,
    private readonly duty: number,
  ) {
    this.nextAt = now + FIRST_SAMPLE_AFTER_MS;
  }

  /** At an interrupt poll: is a walk due? */
  due(now: number): boolean {
    if (this.lastPoll !== undefined && now - this.lastPoll >= SHORTEST_PACE_MS) this.pace = Math.min(this.pace, now - this.lastPoll);
    this.lastPoll = now;
    this.pollsSince++;
    if (now < this.nextAt) return false;
    if (this.estimate === undefined || !Number.isFinite(this.pace)) return true;
    return this.pollsSince * this.pace >= this.estimate / this.duty;
  }

  /** A walk was made (from an interrupt or a line marker) that started at `start` and took `cost` ms. */
  walked(start: number, cost: number): void {
    // At most twice the last estimate: a walk during which the machine ran something
    // else looks slow once, and must not stretch the interval past a peak's length.
    this.estimate = this.estimate === undefined ? cost : Math.min(cost, 2 * this.estimate);
    this.nextAt = Math.max(this.nextAt, start + Math.max(MIN_INTERVAL_MS, this.estimate / this.duty));
    this.pollsSince = 0;
    this.lastPoll = undefined; // the walk's own time is no gap of the program's
  }
}
