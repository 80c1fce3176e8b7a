/**
 * Graphviz in Node at build time: the recorded call graph is drawn into the
 * page, so it reads before any JavaScript and in print (the page's view would
 * otherwise wait for a 1.2 MB layout engine).
 */
import type { Profile } from '../../sandbox/types';
import { boundedCallGraphDot } from '../../components/views/profile/common/processors';
import { DEFAULT_EDGE_THRESHOLD, DEFAULT_NODE_THRESHOLD, rememberSvg } from '../../components/views/profile/callgraph/prerendered';
import { renderDotToSvg } from '../../components/views/profile/callgraph/graphviz-layout';

export async function layOutCallGraphAtBuild(profile: Profile): Promise<void> {
  const { dot } = boundedCallGraphDot(profile, { nodeThreshold: DEFAULT_NODE_THRESHOLD, edgeThreshold: DEFAULT_EDGE_THRESHOLD });
  rememberSvg(dot, await renderDotToSvg(dot));
}
