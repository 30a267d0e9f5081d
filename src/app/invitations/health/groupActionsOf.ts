import type { DiagnosedInvitation } from '../../../registry/InvitationVerdict.ts';

/** The actions a whole group offers (a typo is fixed one row at a time, from the list). */
export type GroupAction = 'resend' | 'cancel' | 'itTicket';

const groupActions: readonly GroupAction[] = ['resend', 'cancel', 'itTicket'];

/**
 * For each group action some of `rows` need (their verdict's `remedy`), exactly those rows: the
 * expired ones worth a reminder → resend, the stale ones → cancel, those a domain's filter blocks
 * → an IT ticket per domain. Rows whose remedy is none of these are in no action.
 */
export function groupActionsOf(rows: readonly DiagnosedInvitation[]): Array<{ action: GroupAction; rows: DiagnosedInvitation[] }> {
  return groupActions
    .map((action) => ({ action, rows: rows.filter((row) => row.verdict.remedy === action) }))
    .filter((entry) => entry.rows.length > 0);
}
