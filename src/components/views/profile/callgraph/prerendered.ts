/**
 * Call-graph SVGs laid out before the view needed them: at build time
 * (Graphviz runs in Node while the page is recorded, so the recorded page
 * shows the graph with no JavaScript and in print), and on the page, taken
 * from that static markup when the recorded results come to life, so the live
 * view shows the same graph at once without loading Graphviz.
 * Keyed by the exact DOT text the view would lay out.
 */
const svgs = new Map<string, string>();
/** A few graphs per page at most; never let a long session pile them up. */
const MAX_KEPT = 64;

export function rememberSvg(dot: string, svg: string): void {
  if (svgs.size >= MAX_KEPT) svgs.delete(svgs.keys().next().value as string);
  svgs.set(dot, svg);
}

export function prerenderedSvg(dot: string): string | undefined {
  return svgs.get(dot);
}

/** The thresholds the view opens with; the build lays out the graph for exactly these. */
export const DEFAULT_NODE_THRESHOLD = 0.005;
export const DEFAULT_EDGE_THRESHOLD = 0.001;

/** Keeps the graphs already drawn in static results (the DOT text sits beside each one). */
export function harvestStaticSvgs(root: ParentNode): void {
  for (const view of root.querySelectorAll('.wb-prof-callgraph')) {
    const svg = view.querySelector('.wb-callgraph-canvas')?.innerHTML;
    const dot = view.querySelector('.wb-prof-text pre')?.textContent;
    if (svg && dot) rememberSvg(dot, svg);
  }
}
