/**
 * Asks the Graphviz worker for an SVG layout of DOT text. One worker for the
 * page, started on the first request; answers are matched to requests by id.
 */
export interface LayoutRequest {
  id: number;
  dot: string;
}

export type LayoutReply = { id: number; ok: true; svg: string } | { id: number; ok: false; message: string };

let worker: Worker | undefined;
let nextId = 1;
const waiting = new Map<number, { resolve: (svg: string) => void; reject: (error: Error) => void }>();

function failAll(message: string): void {
  for (const { reject } of waiting.values()) reject(new Error(message));
  waiting.clear();
  worker?.terminate();
  worker = undefined; // the next request starts a fresh one
}

function graphvizWorker(): Worker {
  if (worker) return worker;
  const started = new Worker(new URL('./graphviz-worker.ts', import.meta.url), { type: 'module', name: 'workbook-graphviz' });
  started.onmessage = (event: MessageEvent<LayoutReply>) => {
    const reply = event.data;
    const request = waiting.get(reply.id);
    if (!request) return;
    waiting.delete(reply.id);
    if (reply.ok) request.resolve(reply.svg);
    else request.reject(new Error(reply.message));
  };
  started.onerror = (event) => {
    event.preventDefault();
    failAll(`Graphviz stopped (${event.message || 'out of memory?'})`);
  };
  worker = started;
  return started;
}

/** The SVG Graphviz's `dot` engine draws for this DOT text. */
export function layOutDot(dot: string): Promise<string> {
  // Where there are no workers (a DOM emulation in tests), on this thread.
  if (typeof Worker === 'undefined') return import('./graphviz-layout').then(({ renderDotToSvg }) => renderDotToSvg(dot));
  return new Promise<string>((resolve, reject) => {
    const id = nextId++;
    waiting.set(id, { resolve, reject });
    const request: LayoutRequest = { id, dot };
    graphvizWorker().postMessage(request);
  });
}
