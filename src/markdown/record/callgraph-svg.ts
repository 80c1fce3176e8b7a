/**
 * Graphviz in Node at build time: the recorded call graph is drawn into the
 * page, so it reads before any JavaScript and in print (the page's view would
 * otherwise wait for a 1.2 MB layout engine).
 */
import type { Profile } from '../../sandbox/types';
import { boundedCallGraphDot } from '../../components/views/profile/common/processors';
import { DEFAULT_EDGE_THRESHOLD, DEFAULT_NODE_THRESHOLD, rememberSvg } from '../../components/views/profile/callgraph/prerendered';

type Viz = Awaited<ReturnType<typeof import('@viz-js/viz').instance>>;
let viz: Promise<Viz> | undefined;

export async function layOutCallGraphAtBuild(profile: Profile): Promise<void> {
  const { dot } = boundedCallGraphDot(profile, { nodeThreshold: DEFAULT_NODE_THRESHOLD, edgeThreshold: DEFAULT_EDGE_THRESHOLD });
  viz ??= import('@viz-js/viz').then((module) => module.instance());
  rememberSvg(dot, (await viz).renderString(dot, { format: 'svg', engine: 'dot' }));
}
