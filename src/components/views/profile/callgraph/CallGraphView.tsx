/**
 * The call graph gprof2dot + Graphviz draw: one box per function (name, total %,
 * (self %), calls×), one arrow per caller→callee (%, calls×), blue-to-red heat.
 * Graphviz itself runs in the browser (@viz-js/viz, ≈ 1.2 MB) in a worker of its
 * own (graphviz-client.ts), started only when a graph has no recorded layout. Node and edge thresholds are the learner's to change; drag to
 * pan, wheel/buttons/keys to zoom; download the DOT and the SVG.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent, type WheelEvent } from 'react';
import type { ViewProps } from '../../types';
import { boundedCallGraphDot } from '../common/processors';
import { ProfileNotes } from '../common/ProfileNotes';
import { ExportBar } from '../exports/ExportBar';
import { baseName, downloadText } from '../exports/download';
import { DEFAULT_EDGE_THRESHOLD, DEFAULT_NODE_THRESHOLD, prerenderedSvg } from './prerendered';
import { requestSource } from '../../source-link';
import { layOutDot } from './graphviz-client';
import type { Profile } from '../../../../sandbox/types';

/** The frame a Graphviz node stands for: the DOT renderer names each node by its frame index. */
function frameOfNode(node: Element | null, profile: Profile): Profile['frames'][number] | undefined {
  const id = Number(node?.querySelector('title')?.textContent);
  return Number.isInteger(id) ? profile.frames[id] : undefined;
}

/** Makes each function's box a button: Enter or a click shows its source in the cell. */
function linkNodesToSource(canvas: HTMLElement | null, profile: Profile): void {
  for (const node of canvas?.querySelectorAll<SVGGElement>('g.node') ?? []) {
    const frame = frameOfNode(node, profile);
    if (!frame) continue;
    node.setAttribute('tabindex', '0');
    node.setAttribute('role', 'button');
    // Its name is what the box shows (name, shares, calls), so speech and sight agree.
    const shown = Array.from(node.querySelectorAll('text'), (text) => text.textContent ?? '').join(' ');
    node.setAttribute('aria-label', shown || frame.name);
  }
}


const NODE_THRESHOLDS = [0, 0.001, 0.005, 0.01, 0.05];
const EDGE_THRESHOLDS = [0, 0.001, 0.005, 0.01];

/**
 * The scale at which the whole graph fits its box (never above 1: small graphs
 * keep their size), so the first view shows every leaf, the `sleep` one included.
 */
function fitScale(box: HTMLElement | null): number {
  const svg = box?.querySelector('svg');
  if (!box || !svg) return 1;
  // (An SVG without layout, as in a DOM emulation, has no baseVal: then it keeps its size.)
  const width = svg.width?.baseVal?.value || svg.getBoundingClientRect().width;
  const height = svg.height?.baseVal?.value || svg.getBoundingClientRect().height;
  if (!(width > 0 && height > 0)) return 1;
  return Math.min(1, box.clientWidth / width, box.clientHeight / height);
}

export function CallGraphView({ result, cellId, expanded }: ViewProps) {
  const profile = result.profile!;
  const [nodeThreshold, setNodeThreshold] = useState(DEFAULT_NODE_THRESHOLD);
  const [edgeThreshold, setEdgeThreshold] = useState(DEFAULT_EDGE_THRESHOLD);
  const [error, setError] = useState('');
  const [view, setView] = useState({ x: 0, y: 0, scale: 1 });
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLDivElement>(null);
  const fit = () => setView({ x: 0, y: 0, scale: fitScale(box.current) });
  const drag = useRef<{ x: number; y: number; startX: number; startY: number } | undefined>(undefined);
  const graph = useMemo(() => boundedCallGraphDot(profile, { nodeThreshold, edgeThreshold }), [profile, nodeThreshold, edgeThreshold]);
  const dot = graph.dot;
  // Drawn at build time (or taken from the recorded page): no Graphviz needed for it.
  const [svg, setSvg] = useState<string>(() => prerenderedSvg(dot) ?? '');
  // Each new layout opens fitted to its box, with its boxes linked to the code.
  useEffect(() => {
    if (!svg) return;
    fit();
    linkNodesToSource(canvas.current, profile);
  }, [svg, expanded]); // eslint-disable-line react-hooks/exhaustive-deps
  const showSourceOf = (target: EventTarget) => {
    const frame = frameOfNode((target as Element).closest?.('g.node') ?? null, profile);
    if (frame) requestSource(target, frame);
  };

  useEffect(() => {
    let live = true;
    setError('');
    const known = prerenderedSvg(dot);
    if (known) {
      setSvg(known);
      return;
    }
    layOutDot(dot)
      .then((laidOut) => {
        if (live) setSvg(laidOut);
      })
      .catch((reason: unknown) => live && setError(reason instanceof Error ? reason.message : String(reason)));
    return () => {
      live = false;
    };
  }, [dot]);

  const zoom = (factor: number) => setView((v) => ({ ...v, scale: Math.min(8, Math.max(0.1, v.scale * factor)) }));
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const step = 40;
    const moves: Record<string, () => void> = {
      '+': () => zoom(1.25),
      '=': () => zoom(1.25),
      '-': () => zoom(0.8),
      '0': fit,
      ArrowLeft: () => setView((v) => ({ ...v, x: v.x + step })),
      ArrowRight: () => setView((v) => ({ ...v, x: v.x - step })),
      ArrowUp: () => setView((v) => ({ ...v, y: v.y + step })),
      ArrowDown: () => setView((v) => ({ ...v, y: v.y - step })),
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      move();
    }
  }
  function onPointerDown(event: PointerEvent<HTMLDivElement>) {
    drag.current = { x: view.x, y: view.y, startX: event.clientX, startY: event.clientY };
    event.currentTarget.setPointerCapture?.(event.pointerId);
  }
  function onPointerMove(event: PointerEvent<HTMLDivElement>) {
    const start = drag.current;
    if (start) setView((v) => ({ ...v, x: start.x + event.clientX - start.startX, y: start.y + event.clientY - start.startY }));
  }
  function onWheel(event: WheelEvent<HTMLDivElement>) {
    if (!event.ctrlKey && !event.metaKey) return;
    zoom(event.deltaY < 0 ? 1.15 : 0.87);
  }

  const name = baseName(profile.meta.filename, cellId);
  return (
    <div className="wb-prof wb-prof-callgraph">
      <ProfileNotes profile={profile} />
      <div className="wb-prof-controls" role="group" aria-label="Call graph controls">
        <label>
          Hide functions under{' '}
          <select value={nodeThreshold} onChange={(event) => setNodeThreshold(Number(event.target.value))}>
            {NODE_THRESHOLDS.map((value) => (
              <option key={value} value={value}>
                {value === 0 ? 'nothing' : `${(value * 100).toFixed(1)} %`}
              </option>
            ))}
          </select>
        </label>
        <label>
          Hide calls under{' '}
          <select value={edgeThreshold} onChange={(event) => setEdgeThreshold(Number(event.target.value))}>
            {EDGE_THRESHOLDS.map((value) => (
              <option key={value} value={value}>
                {value === 0 ? 'nothing' : `${(value * 100).toFixed(1)} %`}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => zoom(1.25)}>
          Zoom in
        </button>
        <button type="button" onClick={() => zoom(0.8)}>
          Zoom out
        </button>
        <button type="button" onClick={fit}>
          Fit
        </button>
        <button type="button" onClick={() => downloadText(dot, `${name}.dot`, 'text/vnd.graphviz')}>
          Download DOT
        </button>
        <button type="button" disabled={!svg} onClick={() => downloadText(svg, `${name}.svg`, 'image/svg+xml')}>
          Download SVG
        </button>
      </div>
      <p className="wb-prof-note" role="status">
        {graph.nodes} functions, {graph.edges} calls drawn
        {graph.raised
          ? ` (thresholds raised to ${(graph.nodeThreshold * 100).toFixed(1)} % and ${(graph.edgeThreshold * 100).toFixed(1)} % so that Graphviz can lay the graph out quickly; the table and the icicle show everything)`
          : ''}
        .
      </p>
      <div
        className="wb-callgraph"
        ref={box}
        tabIndex={0}
        role="group"
        aria-label="Call graph: drag or arrow keys to pan, + and − to zoom, 0 to fit"
        aria-busy={!svg && !error}
        onKeyDown={onKeyDown}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={() => (drag.current = undefined)}
        onPointerCancel={() => (drag.current = undefined)}
        onWheel={onWheel}
      >
        {error ? (
          <p role="alert">Graphviz could not draw the graph: {error}</p>
        ) : svg ? (
          <div
            className="wb-callgraph-canvas"
            ref={canvas}
            onClick={(event) => showSourceOf(event.target)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.target as Element).closest?.('g.node')) {
                event.stopPropagation();
                showSourceOf(event.target);
              }
            }}
            style={{ transform: `translate(${view.x}px, ${view.y}px) scale(${view.scale})` }}
            // The SVG comes from Graphviz rendering our own DOT text, whose labels are escaped.
            dangerouslySetInnerHTML={{ __html: svg }}
          />
        ) : (
          <p role="status">Laying out the graph with Graphviz…</p>
        )}
      </div>
      <details className="wb-prof-text">
        <summary>The graph as DOT text</summary>
        <pre>{dot}</pre>
      </details>
      <ExportBar profile={profile} cellId={cellId} />
    </div>
  );
}
