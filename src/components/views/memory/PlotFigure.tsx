/**
 * A chart drawn by Observable Plot, loaded on first use (its chunk is not in
 * the page until a chart is shown). The chart follows the container's width
 * (390 px phones included) and Starlight's light/dark theme: colours are CSS
 * variables and axes use currentColor, and it is redrawn when data-theme changes.
 * The chart is decorative for assistive technology: each view puts the same
 * figures in a table beside it, which the caption points to.
 */
import { useEffect, useRef, useState } from 'react';

export type PlotModule = typeof import('@observablehq/plot');

let plotModule: Promise<PlotModule> | undefined;
export function loadPlot(): Promise<PlotModule> {
  return (plotModule ??= import('@observablehq/plot'));
}

export interface PlotFigureProps {
  /** Builds the chart for a width in px. */
  build(Plot: PlotModule, width: number): SVGSVGElement | HTMLElement;
  /** What the chart shows, in words (figcaption, also the figure's label). */
  caption: string;
  className?: string;
}

export function PlotFigure({ build, caption, className }: PlotFigureProps) {
  const host = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const [theme, setTheme] = useState('');
  const [failed, setFailed] = useState<string>();

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    setWidth(el.clientWidth);
    const resize = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(() => setWidth(el.clientWidth));
    resize?.observe(el);
    const root = document.documentElement;
    const themeWatch = new MutationObserver(() => setTheme(root.dataset.theme ?? ''));
    themeWatch.observe(root, { attributes: true, attributeFilter: ['data-theme'] });
    return () => {
      resize?.disconnect();
      themeWatch.disconnect();
    };
  }, []);

  useEffect(() => {
    const el = host.current;
    if (!el || width <= 0) return;
    let cancelled = false;
    loadPlot()
      .then((Plot) => {
        if (cancelled) return;
        const chart = build(Plot, Math.max(280, Math.floor(width)));
        chart.setAttribute('aria-hidden', 'true');
        el.replaceChildren(chart);
      })
      .catch((e: unknown) => !cancelled && setFailed(String((e as Error)?.message ?? e)));
    return () => {
      cancelled = true;
    };
  }, [build, width, theme]);

  return (
    <figure className={`wb-mem-figure ${className ?? ''}`} aria-label={caption}>
      <div ref={host} className="wb-mem-chart" data-chart-ready={width > 0 ? '' : undefined} />
      {failed && <p className="wb-view-empty">The chart could not be drawn ({failed}); the table below has the same figures.</p>}
      <figcaption>{caption}</figcaption>
    </figure>
  );
}
