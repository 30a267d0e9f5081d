import { describe, expect, it } from 'vitest';
import { createPolicy } from '../../../src/engine/index.ts';
import { buildInvitationInput, invitationDiagnosisBudgetMs, measureInvitationDiagnosis } from '../../../bench/measureInvitationDiagnosis.ts';

const now = Date.parse('2026-11-22T10:00:00.000Z');

describe('measureInvitationDiagnosis', () => {
  it('builds the same input every time, one fresh address per row, the demo situations in turn', () => {
    const first = buildInvitationInput(60, now, createPolicy());
    expect(buildInvitationInput(60, now, createPolicy())).toEqual(first);
    expect(new Set(first.map((row) => row.user.email)).size).toBe(60);
    expect(first.every((row) => row.user.email.endsWith(`@${row.domain}`))).toBe(true);
    // A bounce text names the row's own address, never the demo person's.
    const texts = first.flatMap((row) => row.evidence.deliveryEvents.map((event) => [row.user.email, event.text ?? ''] as const));
    expect(texts.filter(([, text]) => text.includes('@example.com>') || text.includes('nomailbox@example.com'))).toEqual([]);
  });

  it('reports the median run against the 100 ms budget, with every part and the causes it diagnosed', () => {
    const figure = measureInvitationDiagnosis(60, 3, now);
    expect(figure).toMatchObject({ invitations: 60, runs: 3, budgetMs: invitationDiagnosisBudgetMs });
    expect(invitationDiagnosisBudgetMs).toBe(100);
    for (const value of [figure.medianMs, figure.diagnoseMedianMs, figure.groupMedianMs, figure.cpuMedianMs]) expect(value).toBeGreaterThanOrEqual(0);
    expect(figure.maxMs).toBeGreaterThanOrEqual(figure.medianMs);
    expect(Object.values(figure.causes).reduce((sum, count) => sum + (count ?? 0), 0)).toBe(60);
    expect(Object.keys(figure.causes).length).toBeGreaterThanOrEqual(12);
  });
});
