import { useId, type ReactNode } from 'react';

export interface ChartFigureProps {
  title: string;
  /** The chart's message in one sentence, shown as text above it. */
  summary: string;
  /** The drawing; absent when there is nothing to draw (the summary says so). */
  chart: ReactNode | null;
  /** The same numbers as a `<table>` with a caption, behind a disclosure. */
  table: ReactNode | null;
  showTableLabel: string;
}

/**
 * One chart as the page shows it: a heading, a one-sentence summary, the canvas, and "Show as a
 * table" (a native `<details>`, so keyboard and screen reader users reach the numbers with no script).
 */
export function ChartFigure({ title, summary, chart, table, showTableLabel }: ChartFigureProps) {
  const headingId = useId();
  return (
    <section className="id-chart" aria-labelledby={headingId}>
      <h3 id={headingId} className="id-chart-title">
        {title}
      </h3>
      <p className="id-chart-summary">{summary}</p>
      {chart}
      {table && (
        <details className="id-chart-table">
          <summary>{showTableLabel}</summary>
          {table}
        </details>
      )}
    </section>
  );
}
