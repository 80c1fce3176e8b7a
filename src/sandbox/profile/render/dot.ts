/**
 * Renderer: Graphviz DOT in gprof2dot's style, from the call-graph processor.
 * Node label: name, total %, (self %), calls×; edge label: %, calls×;
 * fill and edge colours on gprof2dot's blue-to-red heat scale; edge pen width
 * max(4·w, 0.5) and arrow size 0.5·sqrt(pen width), as gprof2dot draws them.
 */
import type { Profile } from '../../types';
import { callGraph, type CallGraphOptions } from '../callgraph';
import { frameLocation, frameName } from '../model';
import { heatHex } from './heat';

export interface DotOptions extends CallGraphOptions {
  /** Add `file:line` under the name (gprof2dot shows the module). Default true. */
  showLocation?: boolean;
}

/** A DOT double-quoted string. */
function q(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
const penwidth = (w: number) => Math.max(4 * w, 0.5);

const EDGE_LABEL_INDENT = '  ';

export function renderDot(profile: Profile, options: DotOptions = {}): string {
  const graph = callGraph(profile, options);
  const showLocation = options.showLocation ?? true;
  const out: string[] = [];
  out.push('digraph {');
  out.push('\tgraph [fontname="Arial", nodesep=0.125, ranksep=0.25];');
  out.push('\tnode [fontcolor=white, fontname="Arial", height=0, shape=box, style=filled, width=0];');
  out.push('\tedge [fontname="Arial"];');
  for (const node of graph.nodes) {
    const frame = profile.frames[node.frame];
    const where = showLocation ? frameLocation(frame) : '';
    const lines = [frameName(frame), ...(where ? [where] : []), pct(node.totalFraction), `(${pct(node.selfFraction)})`, `${node.calls}\u00d7`];
    const colour = heatHex(node.totalFraction);
    out.push(`\t${node.frame} [color=${q(colour)}, fontcolor="#ffffff", fontsize="10.00", label=${q(lines.join('\n'))}];`);
  }
  for (const edge of graph.edges) {
    const colour = heatHex(edge.fraction);
    const width = penwidth(edge.fraction);
    // dot sets an edge's label beside the edge's centre line, not beside its pen: a thick
    // edge ran into its own label. Leading spaces keep the text clear of up to 4 points of pen.
    const label = `${EDGE_LABEL_INDENT}${pct(edge.fraction)}\n${EDGE_LABEL_INDENT}${edge.calls}\u00d7`;
    out.push(
      `\t${edge.from} -> ${edge.to} [arrowsize="${(0.5 * Math.sqrt(width)).toFixed(2)}", color=${q(colour)}, fontcolor=${q(colour)}, fontsize="10.00", label=${q(label)}, labeldistance="${(width).toFixed(2)}", penwidth="${width.toFixed(2)}"];`,
    );
  }
  out.push('}');
  return out.join('\n') + '\n';
}
