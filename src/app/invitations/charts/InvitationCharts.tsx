import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { InvitationEvidence } from '../../../engine/index.ts';
import type { DiagnosedInvitation } from '../../../registry/InvitationVerdict.ts';
import { useFormattingLocale } from '../../../ui/useFormattingLocale.ts';
import { useText } from '../../../ui/useText.ts';
import { causesOverTime } from './causesOverTime.ts';
import { CausesChart } from './CausesChart.tsx';
import { failingDomains } from './failingDomains.ts';
import { FailingDomainsChart } from './FailingDomainsChart.tsx';
import { FunnelChart } from './FunnelChart.tsx';
import { invitationFunnel } from './invitationFunnel.ts';

export interface InvitationChartsProps {
  rows: readonly DiagnosedInvitation[];
  evidence: ReadonlyMap<string, InvitationEvidence>;
  now: number;
}

/** The window of the causes-over-time chart, in days. */
export const causeWindowDays = 60;

/**
 * The funnel, causes over time and the failing domains, each with a heading, a one-sentence
 * summary and its numbers as a table. Loaded lazily (with chart.js) after the table has painted.
 */
export function InvitationCharts({ rows, evidence, now }: InvitationChartsProps) {
  useTranslation(['invitationCharts']);
  const text = useText();
  const locale = useFormattingLocale();
  const funnel = useMemo(() => invitationFunnel(rows, evidence), [rows, evidence]);
  const causes = useMemo(() => causesOverTime(rows, now, causeWindowDays), [rows, now]);
  const domains = useMemo(() => failingDomains(rows, 10), [rows]);
  const formats = useMemo(() => {
    const number = new Intl.NumberFormat(locale);
    const share = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
    const week = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
    return {
      formatNumber: (value: number) => number.format(value),
      formatShare: (value: number) => share.format(value),
      formatWeek: (isoDate: string) => week.format(new Date(`${isoDate}T00:00:00Z`)),
    };
  }, [locale]);
  return (
    <section className="id-charts" aria-labelledby="id-charts-title">
      <h2 id="id-charts-title" className="id-charts-title">
        {text('invitationCharts.title')}
      </h2>
      <div className="id-charts-grid">
        <FunnelChart funnel={funnel} text={text} formatNumber={formats.formatNumber} formatShare={formats.formatShare} />
        <CausesChart causes={causes} days={causeWindowDays} text={text} formatNumber={formats.formatNumber} formatWeek={formats.formatWeek} />
        <FailingDomainsChart domains={domains} text={text} formatNumber={formats.formatNumber} />
      </div>
    </section>
  );
}
