import { useEffect, useRef } from 'react';
// chart.js over the alternatives: maintained (4.x, regular releases), draws on one canvas (the
// aggregates are a few dozen bars whatever the row count; no DOM node per bar as in SVG libraries),
// and tree-shakeable: with only the bar chart's parts registered, the whole charts chunk (chart.js
// and these components) is 56.5 KB gz as built (bench/invitationsBench.ts), where `chart.js/auto`
// alone is ≈ 69 KB gz.
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip, type ChartConfiguration } from 'chart.js';
import { prefersReducedMotion, readChartTheme, watchChartTheme, type ChartColor, type ChartTheme } from './readChartTheme.ts';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

/** What one bar chart shows; keep it stable (useMemo): a new object redraws the chart. */
export interface BarChartSpec {
  labels: string[];
  datasets: Array<{ label: string; data: number[]; color: ChartColor }>;
  /** Bars run left to right (long labels such as domains read better). */
  horizontal?: boolean;
  stacked?: boolean;
  /** Show the legend (several datasets). */
  legend?: boolean;
}

export interface BarChartProps {
  spec: BarChartSpec;
  /** What the chart shows, in one sentence: the canvas's accessible name. */
  label: string;
  /** CSS height of the drawing area. */
  height: string;
}

/**
 * One chart.js bar chart on a canvas with `role="img"` and an accessible name (its table, beside
 * it, carries the numbers). Drawn with the theme's colours as they are when drawn, drawn again when
 * the theme changes, without animation when reduced motion is asked for, destroyed on unmount.
 */
export function BarChart({ spec, label, height }: BarChartProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    // The canvas's own direction (the page's, or the widget's inside its shadow root), read at each draw.
    const draw = () => new Chart(canvas, createBarConfig(spec, readChartTheme(canvas), prefersReducedMotion(), getComputedStyle(canvas).direction === 'rtl'));
    let chart = draw();
    const stopWatching = watchChartTheme(canvas, () => {
      chart.destroy();
      chart = draw();
    });
    return () => {
      stopWatching();
      chart.destroy();
    };
  }, [spec]);
  return (
    <div className="id-chart-canvas" style={{ height }}>
      <canvas ref={canvasRef} role="img" aria-label={label} />
    </div>
  );
}

/**
 * The chart.js configuration for `spec` in `theme`. Right to left, the chart mirrors: the x axis
 * runs from the right (bars grow leftwards, the first category sits at the right), the y axis
 * stands at the right, and the legend and tooltips are laid out right to left. Exported for tests.
 */
export function createBarConfig(spec: BarChartSpec, theme: ChartTheme, reducedMotion: boolean, rightToLeft = false): ChartConfiguration<'bar'> {
  const valueAxis = spec.horizontal ? 'x' : 'y';
  const scale = (axis: 'x' | 'y') => ({
    ...(rightToLeft ? (axis === 'x' ? { reverse: true } : { position: 'right' as const }) : {}),
    stacked: spec.stacked ?? false,
    beginAtZero: true,
    ticks: { color: theme.text, ...(axis === valueAxis ? { precision: 0 } : {}) },
    grid: { color: theme.grid, display: axis === valueAxis },
    border: { color: theme.muted },
  });
  return {
    type: 'bar',
    data: {
      labels: spec.labels,
      datasets: spec.datasets.map((dataset) => ({
        label: dataset.label,
        data: dataset.data,
        backgroundColor: theme.palette[dataset.color],
        // A line of the surface colour between stacked parts, so neighbours never merge.
        borderColor: theme.surface,
        borderWidth: spec.stacked ? 1 : 0,
      })),
    },
    options: {
      indexAxis: spec.horizontal ? 'y' : 'x',
      responsive: true,
      maintainAspectRatio: false,
      animation: reducedMotion ? false : { duration: 300 },
      color: theme.text,
      scales: { x: scale('x'), y: scale('y') },
      plugins: {
        legend: { display: spec.legend ?? false, position: 'bottom', rtl: rightToLeft, labels: { color: theme.text, boxWidth: 14 } },
        tooltip: { enabled: true, rtl: rightToLeft },
      },
    },
  };
}
