/**
 * The partition layout behind the icicle and the sunburst (SnakeViz's two charts):
 * every call path becomes a cell whose width is its share of the zoom root's total
 * time. Like SnakeViz, a node that calls others gets an extra "self" cell for its
 * own time, children under `cutoff` of their parent are drawn but not expanded,
 * and the depth is capped. Cells too narrow to see are dropped, which is what keeps
 * a 5,000-node profile cheap to draw.
 */
import type { CallNode, Profile } from '../../types';
import { childId, nodeAt, pathTo, ROOT_ID, type NodeId } from './node-path';

export interface PartitionCell {
  /** Node id, or `<node id>#self` for the own-time cell. */
  key: string;
  nodeId: NodeId;
  frame: number;
  kind: 'call' | 'self';
  /** 0 = the zoom root. */
  depth: number;
  /** Horizontal extent as fractions of the zoom root, 0..1 (angles for the sunburst). */
  x0: number;
  x1: number;
  totalMs: number;
  selfMs: number;
  calls: number;
  /** Children exist but were not laid out (depth limit, cutoff or too narrow). */
  truncated: boolean;
}

export interface PartitionOptions {
  /** Zoom root (a node id). Default: the profile's root. */
  rootId?: NodeId;
  /** Rows below the zoom root to lay out. SnakeViz offers 3/5/10/15/20, default 10. */
  maxDepth?: number;
  /** A child under this fraction of its parent is drawn but not expanded. SnakeViz: 0.001. */
  cutoff?: number;
  /** Cells narrower than this fraction of the zoom root are dropped (≈ one pixel). */
  minWidth?: number;
  /** Add a "self" cell for the own time of nodes that call others. Default true. */
  selfCells?: boolean;
}

export interface PartitionLayout {
  rootId: NodeId;
  /** Breadcrumb: root of the profile down to the zoom root. */
  trail: Array<{ nodeId: NodeId; frame: number; totalMs: number }>;
  cells: PartitionCell[];
  /** Deepest depth actually laid out (+1 = rows to draw). */
  depth: number;
  totalMs: number;
}

export function layoutPartition(profile: Profile, options: PartitionOptions = {}): PartitionLayout {
  const maxDepth = options.maxDepth ?? 10;
  const cutoff = options.cutoff ?? 0.001;
  const minWidth = options.minWidth ?? 0;
  const selfCells = options.selfCells ?? true;
  const rootId = options.rootId && nodeAt(profile.root, options.rootId) ? options.rootId : ROOT_ID;
  const zoomRoot = nodeAt(profile.root, rootId)!;
  const total = zoomRoot.totalMs > 0 ? zoomRoot.totalMs : 1;
  const cells: PartitionCell[] = [];
  let deepest = 0;

  const place = (node: CallNode, nodeId: NodeId, depth: number, x0: number) => {
    const width = node.totalMs / total;
    const x1 = x0 + width;
    const expandable = node.children.length > 0;
    const belowCutoff = (child: CallNode) => node.totalMs > 0 && child.totalMs / node.totalMs < cutoff;
    const expand = expandable && depth < maxDepth - 1;
    cells.push({
      key: nodeId,
      nodeId,
      frame: node.frame,
      kind: 'call',
      depth,
      x0,
      x1,
      totalMs: node.totalMs,
      selfMs: node.selfMs,
      calls: node.calls,
      truncated: expandable && !expand,
    });
    deepest = Math.max(deepest, depth);
    if (!expand) return;
    let cursor = x0;
    node.children.forEach((child, index) => {
      const childWidth = child.totalMs / total;
      if (childWidth >= minWidth) {
        if (belowCutoff(child)) {
          cells.push({
            key: childId(nodeId, index),
            nodeId: childId(nodeId, index),
            frame: child.frame,
            kind: 'call',
            depth: depth + 1,
            x0: cursor,
            x1: cursor + childWidth,
            totalMs: child.totalMs,
            selfMs: child.selfMs,
            calls: child.calls,
            truncated: child.children.length > 0,
          });
          deepest = Math.max(deepest, depth + 1);
        } else {
          place(child, childId(nodeId, index), depth + 1, cursor);
        }
      }
      cursor += childWidth;
    });
    const selfWidth = node.selfMs / total;
    if (selfCells && selfWidth > 0 && selfWidth >= minWidth) {
      cells.push({
        key: `${nodeId}#self`,
        nodeId,
        frame: node.frame,
        kind: 'self',
        depth: depth + 1,
        x0: cursor,
        x1: Math.min(x1, cursor + selfWidth),
        totalMs: node.selfMs,
        selfMs: node.selfMs,
        calls: node.calls,
        truncated: false,
      });
    }
  };
  place(zoomRoot, rootId, 0, 0);

  return {
    rootId,
    trail: pathTo(profile.root, rootId).map(({ id, node }) => ({ nodeId: id, frame: node.frame, totalMs: node.totalMs })),
    cells,
    depth: deepest,
    totalMs: zoomRoot.totalMs,
  };
}
