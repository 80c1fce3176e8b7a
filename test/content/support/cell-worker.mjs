/**
 * Runs sandbox requests on a worker thread for content tests. A QuickJS run is
 * synchronous: a long one (complicated.js under the deterministic profiler on a
 * busy machine) would block the test worker's event loop for over a minute,
 * and vitest then reports an RPC timeout even though the test passed. Here the
 * test thread only waits on a message, so it stays responsive.
 */
import { parentPort } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const { runCode } = await tsImport('../../../src/sandbox/node.ts', import.meta.url);

parentPort.on('message', async ({ id, request }) => {
  try {
    const result = await runCode(request);
    parentPort.postMessage({ id, result });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
