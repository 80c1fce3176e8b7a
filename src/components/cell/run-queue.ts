/**
 * One run at a time on the page: the sandbox has a single worker, and Stop
 * replaces that worker, so two cells must never share it at once. A cell that
 * waits for its turn can still be cancelled.
 */
export interface Turn {
  cancelled: boolean;
  /** Set when the run got the sandbox (Stop must then stop the sandbox itself). */
  started?: boolean;
}

let tail: Promise<unknown> = Promise.resolve();
let pending = 0;

/** True while some run holds or waits for the sandbox. */
export function sandboxBusy(): boolean {
  return pending > 0;
}

export function enqueueRun<T>(turn: Turn, task: () => Promise<T>, whenCancelled: () => T): Promise<T> {
  pending++;
  const result = tail.then(() => {
    if (turn.cancelled) return whenCancelled();
    turn.started = true;
    return task();
  });
  const settle = () => {
    pending--;
  };
  tail = result.then(settle, settle);
  return result;
}
