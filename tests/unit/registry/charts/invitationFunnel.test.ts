import { describe, expect, it } from 'vitest';
import { invitationFunnel } from '../../../../src/app/invitations/charts/invitationFunnel.ts';
import { createChartEvidence, createChartRow } from './createChartRow.ts';

describe('invitationFunnel', () => {
  it('counts each invitation at its furthest stage and every stage before it', () => {
    const rows = [
      createChartRow({ email: 'sent@a.example', cause: 'in_flight' }),
      createChartRow({ email: 'delivered@a.example', cause: 'delivered_not_accepted' }),
      createChartRow({ email: 'opened@a.example', cause: 'expired' }),
      createChartRow({ email: 'accepted@a.example', cause: 'accepted', acceptedAt: '2026-11-21T10:00:00.000Z' }),
    ];
    const evidence = new Map([
      ['sent@a.example', createChartEvidence('sent@a.example', ['sent'])],
      ['delivered@a.example', createChartEvidence('delivered@a.example', ['sent', 'delivered'])],
      ['opened@a.example', createChartEvidence('opened@a.example', ['sent', 'delivered'], [{ kind: 'refused' }])],
    ]);
    expect(invitationFunnel(rows, evidence)).toEqual({ counts: { sent: 4, delivered: 3, opened: 2, accepted: 1 }, notSent: 0, total: 4 });
  });

  it('does not count a mail scanner opening the link as a person opening it', () => {
    const rows = [createChartRow({ email: 'scanned@a.example', cause: 'scanner_used_link' })];
    const evidence = new Map([['scanned@a.example', createChartEvidence('scanned@a.example', ['delivered'], [{ kind: 'opened', automated: true }])]]);
    expect(invitationFunnel(rows, evidence).counts).toEqual({ sent: 1, delivered: 1, opened: 0, accepted: 0 });
  });

  it('counts an accepted invitation as sent, delivered and opened even without any evidence', () => {
    const rows = [createChartRow({ email: 'old@a.example', cause: 'accepted', invitedAt: null, acceptedAt: '2026-01-01T00:00:00.000Z' })];
    expect(invitationFunnel(rows, new Map()).counts).toEqual({ sent: 1, delivered: 1, opened: 1, accepted: 1 });
  });

  it('leaves invitations that never left out of the funnel and counts them apart', () => {
    const rows = [createChartRow({ email: 'stuck@a.example', cause: 'not_sent' }), createChartRow({ email: 'never@a.example', cause: 'not_found', invitedAt: null })];
    expect(invitationFunnel(rows, new Map())).toEqual({ counts: { sent: 0, delivered: 0, opened: 0, accepted: 0 }, notSent: 2, total: 2 });
  });

  it('finds the evidence of an address spelt with capitals under its normalised key', () => {
    const rows = [createChartRow({ email: 'Ana@Example.COM', cause: 'delivered_not_accepted' })];
    const evidence = new Map([['ana@example.com', createChartEvidence('ana@example.com', ['delivered'])]]);
    expect(invitationFunnel(rows, evidence).counts.delivered).toBe(1);
  });
});
