import { describe, expect, it } from 'vitest';
import { failingDomains } from '../../../../src/app/invitations/charts/failingDomains.ts';
import type { InvitationCause } from '../../../../src/registry/InvitationVerdict.ts';
import { createChartRow } from './createChartRow.ts';

function rowsFor(domain: string, causes: InvitationCause[]) {
  return causes.map((cause, index) => createChartRow({ email: `p${index}@${domain}`, cause }));
}

describe('failingDomains', () => {
  it('ranks domains by failed invitations and names each one\'s most common failure', () => {
    const rows = [
      ...rowsFor('a.example', ['bounced', 'accepted', 'accepted']),
      ...rowsFor('b.example', ['blocked_by_filter', 'blocked_by_filter', 'expired', 'accepted']),
    ];
    expect(failingDomains(rows)).toEqual([
      { domain: 'b.example', failures: 3, invitations: 4, topCause: 'blocked_by_filter' },
      { domain: 'a.example', failures: 1, invitations: 3, topCause: 'bounced' },
    ]);
  });

  it('does not count waiting, done or account states as failures', () => {
    const rows = rowsFor('calm.example', ['accepted', 'in_flight', 'delivered_not_accepted', 'sso', 'deactivated', 'setup_unfinished', 'not_found']);
    expect(failingDomains(rows)).toEqual([]);
  });

  it('keeps only the top ten, ties broken by domain name', () => {
    const rows = Array.from({ length: 12 }, (_, index) => rowsFor(`d${String(index).padStart(2, '0')}.example`, ['bounced'])).flat();
    const result = failingDomains(rows);
    expect(result).toHaveLength(10);
    expect(result.map((entry) => entry.domain)).toEqual(Array.from({ length: 10 }, (_, index) => `d${String(index).padStart(2, '0')}.example`));
  });

  it('breaks a tie between failure causes by name', () => {
    expect(failingDomains(rowsFor('t.example', ['expired', 'bounced']))[0]?.topCause).toBe('bounced');
  });
});
