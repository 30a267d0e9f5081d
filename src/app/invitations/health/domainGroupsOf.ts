import type { DiagnosedInvitation } from '../../../registry/InvitationVerdict.ts';

/** One recipient domain's rows and how many of them need action. */
export interface DomainGroup {
  domain: string;
  total: number;
  failing: number;
}

/** The rows by recipient domain, most needing action first, then the most invitations, then by name. */
export function domainGroupsOf(rows: readonly DiagnosedInvitation[]): DomainGroup[] {
  const byDomain = new Map<string, DomainGroup>();
  for (const row of rows) {
    let group = byDomain.get(row.domain);
    if (!group) {
      group = { domain: row.domain, total: 0, failing: 0 };
      byDomain.set(row.domain, group);
    }
    group.total += 1;
    if (row.verdict.needsAction) group.failing += 1;
  }
  return [...byDomain.values()].sort((a, b) => b.failing - a.failing || b.total - a.total || compareText(a.domain, b.domain));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
