import type { DiagnosedInvitation, InvitationCause } from '../../../registry/InvitationVerdict.ts';

/**
 * The causes that count as a failure: the mail did not arrive (or the receiving side pushed it
 * back, `deferred`), or the link did not work for the person. Waiting (`in_flight`,
 * `delivered_not_accepted`), done (`accepted`, `sso`), account states (`deactivated`,
 * `setup_unfinished`) and `not_found` say nothing about the domain and do not count.
 */
export const failureCauses: ReadonlySet<InvitationCause> = new Set<InvitationCause>([
  'not_sent',
  'suppressed',
  'blocked_by_filter',
  'bounced',
  'deferred',
  'scanner_used_link',
  'wrong_account',
  'expired',
]);

export interface FailingDomain {
  domain: string;
  /** Invitations to the domain whose cause is in {@link failureCauses}. */
  failures: number;
  /** Every invitation to the domain. */
  invitations: number;
  /** The most frequent failure cause there (ties by name). */
  topCause: InvitationCause;
}

/**
 * The domains with the most failed invitations, most first (ties by domain name), at most
 * `limit`; domains without a failure are left out. Pure.
 */
export function failingDomains(rows: readonly DiagnosedInvitation[], limit = 10): FailingDomain[] {
  const byDomain = new Map<string, { invitations: number; causes: Map<InvitationCause, number> }>();
  for (const row of rows) {
    const entry = byDomain.get(row.domain) ?? { invitations: 0, causes: new Map<InvitationCause, number>() };
    entry.invitations += 1;
    if (failureCauses.has(row.verdict.cause)) entry.causes.set(row.verdict.cause, (entry.causes.get(row.verdict.cause) ?? 0) + 1);
    byDomain.set(row.domain, entry);
  }
  const domains: FailingDomain[] = [];
  for (const [domain, entry] of byDomain) {
    const ranked = [...entry.causes].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const top = ranked[0];
    if (!top) continue;
    domains.push({ domain, failures: ranked.reduce((sum, [, count]) => sum + count, 0), invitations: entry.invitations, topCause: top[0] });
  }
  return domains.sort((a, b) => b.failures - a.failures || a.domain.localeCompare(b.domain)).slice(0, Math.max(0, limit));
}
