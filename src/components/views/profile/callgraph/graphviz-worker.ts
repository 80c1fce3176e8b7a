/**
 * Graphviz in a worker of its own: loading @viz-js/viz (a 1.2 MB wasm module)
 * and laying out a graph are each long enough to freeze the page for a moment
 * if they ran on the main thread, as they did when a run ended with the call
 * graph open.
 */
import type { LayoutReply, LayoutRequest } from './graphviz-client';
import { renderDotToSvg } from './graphviz-layout';

self.onmessage = async (event: MessageEvent<LayoutRequest>) => {
  const { id, dot } = event.data;
  let reply: LayoutReply;
  try {
    reply = { id, ok: true, svg: await renderDotToSvg(dot) };
  } catch (error) {
    reply = { id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(reply);
};
