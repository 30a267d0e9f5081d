/** The theme colours a chart is drawn with, read from the page's `--id-color-*` variables. */
export interface ChartTheme {
  text: string;
  muted: string;
  grid: string;
  surface: string;
  /** Bar fills, each ≥ 3:1 against the surface in its theme (theme.css states the contrasts). */
  palette: Record<ChartColor, string>;
}

export type ChartColor = 'accent' | 'danger' | 'warning' | 'success' | 'text' | 'muted' | 'borderStrong';

export const chartColors: readonly ChartColor[] = ['accent', 'danger', 'warning', 'success', 'text', 'muted', 'borderStrong'];

// The light theme's values, for a canvas outside any `.id-theme` (and jsdom, which reads no CSS).
const fallback: Record<ChartColor | 'surface' | 'border', string> = {
  accent: '#3446c8',
  danger: '#a8231b',
  warning: '#7f4300',
  success: '#146236',
  text: '#1b1f2a',
  muted: '#545b6e',
  borderStrong: '#737a8e',
  surface: '#ffffff',
  border: '#d6dae4',
};

const variables: Record<ChartColor | 'surface' | 'border', string> = {
  accent: '--id-color-accent',
  danger: '--id-color-danger',
  warning: '--id-color-warning',
  success: '--id-color-success',
  text: '--id-color-text',
  muted: '--id-color-muted',
  borderStrong: '--id-color-border-strong',
  surface: '--id-color-surface',
  border: '--id-color-border',
};

/**
 * The colours in force where `element` sits: a canvas cannot use CSS variables, so they are read
 * when the chart is drawn, and read again whenever the theme changes (see {@link watchChartTheme}).
 */
export function readChartTheme(element: Element): ChartTheme {
  const style = getComputedStyle(element);
  const read = (name: keyof typeof variables) => style.getPropertyValue(variables[name]).trim() || fallback[name];
  const palette = Object.fromEntries(chartColors.map((color) => [color, read(color)])) as Record<ChartColor, string>;
  return { text: read('text'), muted: read('muted'), grid: read('border'), surface: read('surface'), palette };
}

/** True when the person asked for less motion: charts then draw without animation. */
export function prefersReducedMotion(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * Calls `onChange` when the colours or the motion preference around `element` may have changed:
 * the app's theme switch (`data-theme` on the nearest `.id-theme`), the system's light/dark
 * setting, or its reduced-motion setting. Returns the unsubscribe.
 */
export function watchChartTheme(element: Element, onChange: () => void): () => void {
  const themed = element.closest('.id-theme') ?? document.documentElement;
  const observer = new MutationObserver(onChange);
  observer.observe(themed, { attributes: true, attributeFilter: ['data-theme', 'class', 'style'] });
  const queries = typeof window.matchMedia === 'function' ? ['(prefers-color-scheme: dark)', '(prefers-reduced-motion: reduce)'].map((query) => window.matchMedia(query)) : [];
  for (const query of queries) query.addEventListener('change', onChange);
  return () => {
    observer.disconnect();
    for (const query of queries) query.removeEventListener('change', onChange);
  };
}
