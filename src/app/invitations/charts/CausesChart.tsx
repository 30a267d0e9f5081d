import { useMemo } from 'react';
import type { InvitationCause } from '../../../registry/InvitationVerdict.ts';
import type { Translate } from '../../../ui/itTicketText.ts';
import { assignCauseColors, namedCauseLimit, otherCausesColor } from './assignCauseColors.ts';
import { BarChart, type BarChartSpec } from './BarChart.tsx';
import type { CausesOverTime } from './causesOverTime.ts';
import { ChartFigure } from './ChartFigure.tsx';

export interface CausesChartProps {
  causes: CausesOverTime;
  days: number;
  text: Translate;
  formatNumber(value: number): string;
  formatWeek(isoDate: string): string;
}

/**
 * Invitations per week, stacked by cause: the most frequent causes named, the rest summed as
 * "other causes" in the chart; the table lists every cause.
 */
export function CausesChart({ causes, days, text, formatNumber, formatWeek }: CausesChartProps) {
  const causeName = (cause: InvitationCause) => text(`invitationCharts.causeNames.${cause}`);
  const spec = useMemo<BarChartSpec>(() => {
    const colors = assignCauseColors(causes.causes);
    const named = causes.causes.slice(0, namedCauseLimit);
    const rest = causes.causes.slice(namedCauseLimit);
    const datasets: BarChartSpec['datasets'] = named.map((cause) => ({
      label: text(`invitationCharts.causeNames.${cause}`),
      data: causes.weeks.map((week) => week.counts[cause] ?? 0),
      color: colors.get(cause) ?? otherCausesColor,
    }));
    if (rest.length > 0) datasets.push({ label: text('invitationCharts.causes.other'), data: causes.weeks.map((week) => rest.reduce((sum, cause) => sum + (week.counts[cause] ?? 0), 0)), color: otherCausesColor });
    return { labels: causes.weeks.map((week) => formatWeek(week.start)), datasets, stacked: true, legend: true };
  }, [causes, text, formatWeek]);
  const top = causes.causes[0];
  const summary =
    causes.total === 0 || !top
      ? text('invitationCharts.causes.empty', { days })
      : text('invitationCharts.causes.summary', { total: formatNumber(causes.total), days, cause: causeName(top), count: formatNumber(causes.weeks.reduce((sum, week) => sum + (week.counts[top] ?? 0), 0)) });
  return (
    <ChartFigure
      title={text('invitationCharts.causes.title')}
      summary={summary}
      showTableLabel={text('invitationCharts.showTable')}
      chart={causes.total === 0 ? null : <BarChart spec={spec} label={summary} height="20rem" />}
      table={
        causes.total === 0 ? null : (
          <div className="id-chart-scroll" tabIndex={0} role="region" aria-label={text('invitationCharts.causes.caption', { days })}>
            <table className="id-chart-data">
              <caption>{text('invitationCharts.causes.caption', { days })}</caption>
              <thead>
                <tr>
                  <th scope="col">{text('invitationCharts.causes.columns.week')}</th>
                  {causes.causes.map((cause) => (
                    <th scope="col" key={cause}>
                      {causeName(cause)}
                    </th>
                  ))}
                  <th scope="col">{text('invitationCharts.causes.columns.total')}</th>
                </tr>
              </thead>
              <tbody>
                {causes.weeks.map((week) => (
                  <tr key={week.start}>
                    <th scope="row">{formatWeek(week.start)}</th>
                    {causes.causes.map((cause) => (
                      <td key={cause}>{formatNumber(week.counts[cause] ?? 0)}</td>
                    ))}
                    <td>{formatNumber(week.total)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      }
    />
  );
}
