// The watchdog's worker thread (see ./runner.ts). Plain JavaScript, so it can
// start without a TypeScript loader; it loads the engine through tsx.
import { parentPort } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const { serveRuns } = await tsImport('./worker.ts', import.meta.url);
serveRuns(parentPort);
