/**
 * Processor: call tree -> the call graph that gprof2dot draws.
 * Output: CallGraph { nodes: GraphNode[], edges: GraphEdge[] } with weights
 * as fractions of the profile's total time, after gprof2dot's default pruning
 * (nodes under 0.5 % and edges under 0.1 % of the total are dropped).
 * Recursive functions appear once, with a self-edge.
 */
import type { Profile } from '../types';
import { flatRows } from './flat';
import { callEdges } from './partners';
import { profileTotalMs } from './model';

export interface GraphNode {
  frame: number;
  calls: number;
  primitiveCalls: number;
  selfMs: number;
  totalMs: number;
  /** totalMs / profile total: the node's colour weight and its first percentage. */
  totalFraction: number;
  /** selfMs / profile total: the percentage in brackets. */
  selfFraction: number;
}

export interface GraphEdge {
  from: number;
  to: number;
  calls: number;
  /** Time that flows along the edge (the callee's cumulative time for these calls). */
  totalMs: number;
  /** totalMs / profile total: the edge's label and its colour weight. */
  fraction: number;
}

export interface CallGraph {
  totalMs: number;
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** How many nodes and edges pruning removed. */
  prunedNodes: number;
  prunedEdges: number;
}

export interface CallGraphOptions {
  /** gprof2dot -n: drop nodes under this fraction of the total. Default 0.005. */
  nodeThreshold?: number;
  /** gprof2dot -e: drop edges under this fraction of the total. Default 0.001. */
  edgeThreshold?: number;
  /** Leave built-in functions out. Default false. */
  hideBuiltins?: boolean;
}

export function callGraph(profile: Profile, options: CallGraphOptions = {}): CallGraph {
  const nodeThreshold = options.nodeThreshold ?? 0.005;
  const edgeThreshold = options.edgeThreshold ?? 0.001;
  const total = profileTotalMs(profile);
  const share = (ms: number) => (total > 0 ? ms / total : 0);
  const allNodes: GraphNode[] = flatRows(profile).map((r) => ({
    frame: r.frame,
    calls: r.calls,
    primitiveCalls: r.primitiveCalls,
    selfMs: r.selfMs,
    totalMs: r.totalMs,
    totalFraction: share(r.totalMs),
    selfFraction: share(r.selfMs),
  }));
  const nodes = allNodes.filter(
    (n) => n.frame === profile.root.frame || (n.totalFraction >= nodeThreshold && !(options.hideBuiltins && profile.frames[n.frame].builtin)),
  );
  const kept = new Set(nodes.map((n) => n.frame));
  const allEdges: GraphEdge[] = callEdges(profile).map((e) => ({
    from: e.caller,
    to: e.callee,
    calls: e.calls,
    totalMs: e.totalMs,
    fraction: share(e.totalMs),
  }));
  const edges = allEdges.filter((e) => kept.has(e.from) && kept.has(e.to) && (e.fraction >= edgeThreshold || e.from === e.to));
  return { totalMs: total, nodes, edges, prunedNodes: allNodes.length - nodes.length, prunedEdges: allEdges.length - edges.length };
}
