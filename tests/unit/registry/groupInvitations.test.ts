import { describe, expect, it } from 'vitest';
import type { InvitedUser } from '../../../src/engine/index.ts';
import { causeUrgency, groupInvitations, type DiagnosedInvitation, type InvitationCause } from '../../../src/registry/index.ts';

let next = 0;
function row(cause: InvitationCause, domain: string, days: number | null = 1, status: InvitedUser['status'] = 'invited'): DiagnosedInvitation {
  next += 1;
  return {
    user: { id: `usr_${next}`, email: `p${next}@${domain}`, status, invitedAt: null, lastSentAt: null, expiresAt: null, acceptedAt: null, setupCompleted: false, sso: false, team: 'a' },
    domain,
    verdict: { cause, needsAction: !['accepted', 'in_flight', 'sso'].includes(cause), since: null, days, delivery: null, suggestion: null, remedy: null },
  };
}

describe('groupInvitations', () => {
  it('lists causes most urgent first, in the documented order, with their count and oldest age', () => {
    const rows = [row('delivered_not_accepted', 'a.example', 2), row('not_sent', 'a.example', 0), row('delivered_not_accepted', 'b.example', 9), row('bounced', 'b.example', null)];
    const { byCause } = groupInvitations(rows);
    expect(byCause.map((group) => [group.cause, group.count, group.oldestDays])).toEqual([
      ['not_sent', 1, 0],
      ['bounced', 1, null],
      ['delivered_not_accepted', 2, 9],
    ]);
    expect(byCause[2]?.rows).toEqual([rows[0], rows[2]]);
  });

  it('orders every cause exactly once', () => {
    expect(new Set(causeUrgency).size).toBe(causeUrgency.length);
    expect(causeUrgency).toHaveLength(15);
  });

  it('puts the domain with most failing invitations first, then the bigger one, then by name', () => {
    const rows = [
      row('delivered_not_accepted', 'big.example'),
      row('delivered_not_accepted', 'big.example'),
      row('delivered_not_accepted', 'big.example'),
      row('blocked_by_filter', 'corp.example'),
      row('blocked_by_filter', 'corp.example'),
      row('accepted', 'b.example', 1, 'active'),
      row('accepted', 'a.example', 1, 'active'),
    ];
    const { byDomain } = groupInvitations(rows);
    expect(byDomain.map((group) => [group.domain, group.count, group.failing])).toEqual([
      ['corp.example', 2, 2],
      ['big.example', 3, 0],
      ['a.example', 1, 0],
      ['b.example', 1, 0],
    ]);
    expect(byDomain[0]?.causes.blocked_by_filter).toBe(2);
    expect(byDomain[0]?.causes.accepted).toBe(0);
    expect(Object.keys(byDomain[0]?.causes ?? {}).sort()).toEqual([...causeUrgency].sort());
  });

  it('counts a waiting person as needing action but not as failing', () => {
    const { byDomain, totals } = groupInvitations([row('delivered_not_accepted', 'x.example'), row('scanner_used_link', 'x.example'), row('in_flight', 'x.example')]);
    expect(byDomain[0]).toMatchObject({ count: 3, failing: 1 });
    expect(totals.needsAction).toBe(2);
  });

  it('totals every row, those needing action, and each status', () => {
    const rows = [row('accepted', 'a.example', 1, 'active'), row('deactivated', 'a.example', null, 'deactivated'), row('expired', 'b.example'), row('sso', 'b.example')];
    expect(groupInvitations(rows).totals).toEqual({ all: 4, needsAction: 2, byStatus: { invited: 2, active: 1, deactivated: 1 } });
  });

  it('gives empty groups and zero totals for no rows, and leaves its input alone', () => {
    const rows: DiagnosedInvitation[] = [row('expired', 'a.example')];
    const before = JSON.stringify(rows);
    groupInvitations(rows);
    expect(JSON.stringify(rows)).toBe(before);
    expect(groupInvitations([])).toEqual({ byCause: [], byDomain: [], totals: { all: 0, needsAction: 0, byStatus: { invited: 0, active: 0, deactivated: 0 } } });
  });
});
