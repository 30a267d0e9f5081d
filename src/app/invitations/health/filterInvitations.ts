import type { UserStatus } from '../../../engine/index.ts';
import type { DiagnosedInvitation, InvitationCause } from '../../../registry/InvitationVerdict.ts';
import { causeUrgency } from '../../../registry/groupInvitations.ts';

/** What the health view's filters select; `null` or empty: no filter. */
export interface InvitationViewFilter {
  cause: InvitationCause | null;
  domain: string | null;
  status: UserStatus | null;
  needsAction: boolean;
  /** A case-insensitive part of the address or the name. */
  search: string;
  sort: InvitationSort;
}

export type InvitationSort = 'address' | 'age' | 'cause';

export const noFilter: InvitationViewFilter = { cause: null, domain: null, status: null, needsAction: false, search: '', sort: 'cause' };

/**
 * The rows the list shows: every filter combined with AND, then sorted — by address; by age
 * (oldest first, unknown ages last); or by cause (most urgent first, oldest first within one).
 * Ties fall back to the address, so the order is total and stable.
 */
export function filterInvitations(rows: readonly DiagnosedInvitation[], filter: InvitationViewFilter): DiagnosedInvitation[] {
  const search = filter.search.trim().normalize('NFC').toLowerCase();
  const shown = rows.filter(
    (row) =>
      (filter.cause === null || row.verdict.cause === filter.cause) &&
      (filter.domain === null || row.domain === filter.domain) &&
      (filter.status === null || row.user.status === filter.status) &&
      (!filter.needsAction || row.verdict.needsAction) &&
      (search === '' || row.user.email.toLowerCase().includes(search) || (row.user.name ?? '').normalize('NFC').toLowerCase().includes(search)),
  );
  const byAddress = (a: DiagnosedInvitation, b: DiagnosedInvitation) => (a.user.email < b.user.email ? -1 : a.user.email > b.user.email ? 1 : 0);
  const byAge = (a: DiagnosedInvitation, b: DiagnosedInvitation) => (b.verdict.days ?? -1) - (a.verdict.days ?? -1);
  const byCause = (a: DiagnosedInvitation, b: DiagnosedInvitation) => causeUrgency.indexOf(a.verdict.cause) - causeUrgency.indexOf(b.verdict.cause);
  const order =
    filter.sort === 'address'
      ? byAddress
      : filter.sort === 'age'
        ? (a: DiagnosedInvitation, b: DiagnosedInvitation) => byAge(a, b) || byAddress(a, b)
        : (a: DiagnosedInvitation, b: DiagnosedInvitation) => byCause(a, b) || byAge(a, b) || byAddress(a, b);
  return shown.sort(order);
}
