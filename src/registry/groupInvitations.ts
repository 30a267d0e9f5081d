import type { UserStatus } from '../engine/index.ts';
import type { DiagnosedInvitation, InvitationCause } from './InvitationVerdict.ts';

/**
 * Every cause, most urgent first: the order of {@link InvitationGroups.byCause}. Urgency is how
 * many people a cause blocks and how little time fixes it: our own sending stops everyone; a
 * filter stops a whole domain; a suppression, bounce or spent link stops one person for good until
 * someone acts; then what runs out or waits on the person; then what needs nobody.
 */
export const causeUrgency: readonly InvitationCause[] = [
  'not_sent',
  'blocked_by_filter',
  'suppressed',
  'bounced',
  'scanner_used_link',
  'expired',
  'setup_unfinished',
  'wrong_account',
  'deferred',
  'delivered_not_accepted',
  'not_found',
  'deactivated',
  'in_flight',
  'sso',
  'accepted',
];

/**
 * Causes where the mail or its link failed on the way (rather than waiting on the person): the
 * `failing` count of a domain, since a domain with many of these points at the domain itself.
 */
export const failingCauses: ReadonlySet<InvitationCause> = new Set(['not_sent', 'blocked_by_filter', 'suppressed', 'bounced', 'deferred', 'scanner_used_link']);

export interface CauseGroup {
  cause: InvitationCause;
  count: number;
  /** The largest `verdict.days` among the rows; `null` when no row's age is known. */
  oldestDays: number | null;
  /** The rows in their input order. */
  rows: DiagnosedInvitation[];
}

export interface DomainGroup {
  domain: string;
  count: number;
  /** Rows whose cause is in {@link failingCauses}. */
  failing: number;
  /** Rows per cause; every cause is present (0 where none). */
  causes: Record<InvitationCause, number>;
  /** The rows in their input order. */
  rows: DiagnosedInvitation[];
}

export interface InvitationGroups {
  /** Causes that occur, in {@link causeUrgency} order. */
  byCause: CauseGroup[];
  /** Domains, most failing rows first, then most rows, then by domain name (code point order). */
  byDomain: DomainGroup[];
  totals: {
    all: number;
    /** Rows whose verdict says someone should act. */
    needsAction: number;
    /** Rows per user status (every status present). */
    byStatus: Record<UserStatus, number>;
  };
}

const urgencyRank = new Map(causeUrgency.map((cause, index) => [cause, index]));

/** Groups diagnosed invitations by cause and by domain, with totals, in one pass. Pure; the input is not changed. */
export function groupInvitations(rows: readonly DiagnosedInvitation[]): InvitationGroups {
  const causes = new Map<InvitationCause, CauseGroup>();
  const domains = new Map<string, DomainGroup>();
  const byStatus: Record<UserStatus, number> = { invited: 0, active: 0, deactivated: 0 };
  let needsAction = 0;

  for (const row of rows) {
    const { cause, days } = row.verdict;
    if (row.verdict.needsAction) needsAction += 1;
    byStatus[row.user.status] += 1;

    let causeGroup = causes.get(cause);
    if (!causeGroup) {
      causeGroup = { cause, count: 0, oldestDays: null, rows: [] };
      causes.set(cause, causeGroup);
    }
    causeGroup.count += 1;
    causeGroup.rows.push(row);
    if (days !== null && (causeGroup.oldestDays === null || days > causeGroup.oldestDays)) causeGroup.oldestDays = days;

    let domainGroup = domains.get(row.domain);
    if (!domainGroup) {
      domainGroup = { domain: row.domain, count: 0, failing: 0, causes: emptyCauseCounts(), rows: [] };
      domains.set(row.domain, domainGroup);
    }
    domainGroup.count += 1;
    domainGroup.causes[cause] += 1;
    if (failingCauses.has(cause)) domainGroup.failing += 1;
    domainGroup.rows.push(row);
  }

  const byCause = [...causes.values()].sort((a, b) => (urgencyRank.get(a.cause) ?? 0) - (urgencyRank.get(b.cause) ?? 0));
  const byDomain = [...domains.values()].sort((a, b) => b.failing - a.failing || b.count - a.count || (a.domain < b.domain ? -1 : a.domain > b.domain ? 1 : 0));
  return { byCause, byDomain, totals: { all: rows.length, needsAction, byStatus } };
}

function emptyCauseCounts(): Record<InvitationCause, number> {
  const counts = {} as Record<InvitationCause, number>;
  for (const cause of causeUrgency) counts[cause] = 0;
  return counts;
}
