/**
 * Says which test held a vitest worker's event loop for long. Vitest fails a whole
 * run ("Timeout calling onTaskUpdate", every test passed) when its worker cannot
 * read a message for 60 s; this names the culprit in the log long before that.
 * It only prints: how long a stretch takes depends on the machine's load.
 */
import { expect } from 'vitest';

const WARN_AFTER_MS = 20_000;
const marker = globalThis as { __wbLoopStallWarning?: boolean };

if (!marker.__wbLoopStallWarning) {
  marker.__wbLoopStallWarning = true;
  let last = Date.now();
  let lastTest = '';
  setInterval(() => {
    const now = Date.now();
    const state = expect.getState();
    const test = state.currentTestName ?? '(between tests)';
    if (now - last > WARN_AFTER_MS) {
      process.stderr.write(`\n[event loop] held for ${((now - last) / 1000).toFixed(1)} s, from "${lastTest}" to "${test}" in ${state.testPath ?? 'an unknown file'}\n`);
    }
    last = now;
    lastTest = test;
  }, 500).unref();
}
