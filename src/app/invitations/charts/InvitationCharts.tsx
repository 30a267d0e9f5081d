import type { InvitationEvidence } from '../../../engine/index.ts';
import type { DiagnosedInvitation } from '../../../registry/InvitationVerdict.ts';

export interface InvitationChartsProps {
  rows: readonly DiagnosedInvitation[];
  evidence: ReadonlyMap<string, InvitationEvidence>;
  now: number;
}

/** The funnel, causes over time, failing domains, each with a table (placeholder: issue 15; loaded lazily). */
export function InvitationCharts({ rows }: InvitationChartsProps) {
  return <p>{rows.length}</p>;
}
