import { useMemo } from 'react';
import type { Translate } from '../../../ui/itTicketText.ts';
import { BarChart, type BarChartSpec } from './BarChart.tsx';
import { ChartFigure } from './ChartFigure.tsx';
import type { FailingDomain } from './failingDomains.ts';

export interface FailingDomainsChartProps {
  domains: readonly FailingDomain[];
  text: Translate;
  formatNumber(value: number): string;
}

/** The domains with the most failed invitations, as horizontal bars, a sentence and a table. */
export function FailingDomainsChart({ domains, text, formatNumber }: FailingDomainsChartProps) {
  const spec = useMemo<BarChartSpec>(
    () => ({ labels: domains.map((entry) => entry.domain), datasets: [{ label: text('invitationCharts.domains.series'), data: domains.map((entry) => entry.failures), color: 'danger' }], horizontal: true }),
    [domains, text],
  );
  const first = domains[0];
  const summary = first
    ? text('invitationCharts.domains.summary', { domain: first.domain, failures: formatNumber(first.failures), invitations: formatNumber(first.invitations), count: domains.length })
    : text('invitationCharts.domains.empty');
  return (
    <ChartFigure
      title={text('invitationCharts.domains.title')}
      summary={summary}
      showTableLabel={text('invitationCharts.showTable')}
      // One bar per domain, ~2.2rem each, so ten long names stay readable.
      chart={first ? <BarChart spec={spec} label={summary} height={`${Math.max(8, domains.length * 2.2 + 3)}rem`} /> : null}
      table={
        first ? (
          <table className="id-chart-data">
            <caption>{text('invitationCharts.domains.caption', { count: domains.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{text('invitationCharts.domains.columns.domain')}</th>
                <th scope="col">{text('invitationCharts.domains.columns.failures')}</th>
                <th scope="col">{text('invitationCharts.domains.columns.invitations')}</th>
                <th scope="col">{text('invitationCharts.domains.columns.topCause')}</th>
              </tr>
            </thead>
            <tbody>
              {domains.map((entry) => (
                <tr key={entry.domain}>
                  <th scope="row">{entry.domain}</th>
                  <td>{formatNumber(entry.failures)}</td>
                  <td>{formatNumber(entry.invitations)}</td>
                  <td>{text(`invitationCharts.causeNames.${entry.topCause}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null
      }
    />
  );
}
