import { describe, expect, it } from 'vitest';
import { assignCauseColors, namedCauseLimit } from '../../../../src/app/invitations/charts/assignCauseColors.ts';

describe('assignCauseColors', () => {
  it('gives each cause its colour by meaning while that colour is free', () => {
    expect(Object.fromEntries(assignCauseColors(['bounced', 'accepted', 'expired', 'deferred']))).toEqual({ bounced: 'danger', accepted: 'success', expired: 'accent', deferred: 'warning' });
  });

  it('hands a neutral colour, not red, to a cause whose own colour is taken', () => {
    expect(assignCauseColors(['accepted', 'sso']).get('sso')).toBe('muted');
  });

  it('never gives two named causes the same colour', () => {
    const colors = assignCauseColors(['bounced', 'suppressed', 'blocked_by_filter', 'not_sent', 'expired', 'accepted', 'sso']);
    expect(colors.size).toBe(namedCauseLimit);
    expect(new Set(colors.values()).size).toBe(namedCauseLimit);
  });
});
