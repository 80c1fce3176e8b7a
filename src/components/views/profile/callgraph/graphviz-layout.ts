/** Graphviz (@viz-js/viz, a 1.2 MB wasm module), loaded once, laying out DOT text as SVG. */
type Viz = Awaited<ReturnType<typeof import('@viz-js/viz').instance>>;
let vizPromise: Promise<Viz> | undefined;

export async function renderDotToSvg(dot: string): Promise<string> {
  const viz = await (vizPromise ??= import('@viz-js/viz').then((module) => module.instance()));
  return viz.renderString(dot, { format: 'svg', engine: 'dot' });
}
