/** The worker side of the watchdog: runs one request at a time with the named tools. */
import type { MessagePort } from 'node:worker_threads';
import { runInSandbox } from '../engine/run';
import type { SandboxTool } from '../engine/tool';
import { ALL_TOOLS } from '../tools';
import type { RunMessage, WorkerReply } from './protocol';

const KNOWN = new Map<string, SandboxTool>(ALL_TOOLS.map((t) => [t.id, t]));

export function serveRuns(port: MessagePort | null): void {
  if (!port) return;
  const reply = (message: WorkerReply) => port.postMessage(message);
  port.on('message', async ({ id, request, toolIds }: RunMessage) => {
    const tools = toolIds.map((t) => KNOWN.get(t)).filter((t): t is SandboxTool => t !== undefined);
    reply({ id, type: 'started' });
    try {
      const result = await runInSandbox(request, tools, { onConsole: (entry) => reply({ id, type: 'console', entry }) });
      // Per thread in a worker (rss aside): what this thread holds, dropped modules not yet collected included.
      const { heapTotal, external } = process.memoryUsage();
      reply({ id, type: 'done', result, heldBytes: heapTotal + external });
    } catch (e) {
      reply({ id, type: 'failed', message: String((e as Error)?.message ?? e).slice(0, 2000) });
    }
  });
}
