import type { DiagnosedInvitation, InvitationCause } from '../../../registry/InvitationVerdict.ts';

/** One cause's rows, as the health view lists them. */
export interface CauseGroup {
  cause: InvitationCause;
  rows: DiagnosedInvitation[];
  /** Whole days since the oldest row's situation began; `null` when no row knows. */
  oldestDays: number | null;
  needsAction: boolean;
}

/**
 * Causes, most urgent first: nothing can reach the person, then what a group action fixes, then
 * what waits on the person, then what needs nobody.
 */
export const causeUrgency: readonly InvitationCause[] = [
  'not_sent',
  'blocked_by_filter',
  'suppressed',
  'bounced',
  'scanner_used_link',
  'wrong_account',
  'expired',
  'setup_unfinished',
  'deferred',
  'delivered_not_accepted',
  'not_found',
  'deactivated',
  'in_flight',
  'sso',
  'accepted',
];

/** The rows by cause, most urgent first (those needing action before the rest), empty causes left out. */
export function causeGroupsOf(rows: readonly DiagnosedInvitation[]): CauseGroup[] {
  const byCause = new Map<InvitationCause, DiagnosedInvitation[]>();
  for (const row of rows) {
    const list = byCause.get(row.verdict.cause);
    if (list) list.push(row);
    else byCause.set(row.verdict.cause, [row]);
  }
  const groups = [...byCause].map(([cause, list]): CauseGroup => ({
    cause,
    rows: list,
    oldestDays: list.reduce<number | null>((oldest, row) => (row.verdict.days !== null && (oldest === null || row.verdict.days > oldest) ? row.verdict.days : oldest), null),
    needsAction: list.some((row) => row.verdict.needsAction),
  }));
  return groups.sort((a, b) => Number(b.needsAction) - Number(a.needsAction) || causeUrgency.indexOf(a.cause) - causeUrgency.indexOf(b.cause));
}
