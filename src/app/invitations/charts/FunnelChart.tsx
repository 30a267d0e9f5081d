import { useMemo } from 'react';
import type { Translate } from '../../../ui/itTicketText.ts';
import { BarChart, type BarChartSpec } from './BarChart.tsx';
import { ChartFigure } from './ChartFigure.tsx';
import { funnelStages, type InvitationFunnel } from './invitationFunnel.ts';

export interface FunnelChartProps {
  funnel: InvitationFunnel;
  text: Translate;
  formatNumber(value: number): string;
  formatShare(value: number): string;
}

/** Sent → delivered → opened → accepted, as bars, a sentence and a table. */
export function FunnelChart({ funnel, text, formatNumber, formatShare }: FunnelChartProps) {
  const { counts } = funnel;
  const stageName = (stage: string) => text(`invitationCharts.funnel.stages.${stage}`);
  const spec = useMemo<BarChartSpec>(
    () => ({
      labels: funnelStages.map((stage) => text(`invitationCharts.funnel.stages.${stage}`)),
      datasets: [{ label: text('invitationCharts.funnel.series'), data: funnelStages.map((stage) => counts[stage]), color: 'accent' }],
    }),
    [counts, text],
  );
  const summary =
    counts.sent === 0
      ? text('invitationCharts.funnel.empty')
      : text('invitationCharts.funnel.summary', { sent: formatNumber(counts.sent), delivered: formatNumber(counts.delivered), opened: formatNumber(counts.opened), accepted: formatNumber(counts.accepted) });
  return (
    <ChartFigure
      title={text('invitationCharts.funnel.title')}
      summary={summary}
      showTableLabel={text('invitationCharts.showTable')}
      chart={counts.sent === 0 ? null : <BarChart spec={spec} label={summary} height="16rem" />}
      table={
        <table className="id-chart-data">
          <caption>{text('invitationCharts.funnel.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{text('invitationCharts.funnel.columns.stage')}</th>
              <th scope="col">{text('invitationCharts.funnel.columns.invitations')}</th>
              <th scope="col">{text('invitationCharts.funnel.columns.share')}</th>
            </tr>
          </thead>
          <tbody>
            {funnelStages.map((stage) => (
              <tr key={stage}>
                <th scope="row">{stageName(stage)}</th>
                <td>{formatNumber(counts[stage])}</td>
                <td>{counts.sent === 0 ? '—' : formatShare(counts[stage] / counts.sent)}</td>
              </tr>
            ))}
          </tbody>
          {funnel.notSent > 0 && (
            <tfoot>
              <tr>
                <td colSpan={3}>{text('invitationCharts.funnel.notSent', { count: funnel.notSent, number: formatNumber(funnel.notSent) })}</td>
              </tr>
            </tfoot>
          )}
        </table>
      }
    />
  );
}
