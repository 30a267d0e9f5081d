import { describe, expect, it } from 'vitest';
import { causesOverTime } from '../../../../src/app/invitations/charts/causesOverTime.ts';
import { createChartRow } from './createChartRow.ts';

// Sunday 29 November 2026, noon UTC.
const now = Date.parse('2026-11-29T12:00:00.000Z');

describe('causesOverTime', () => {
  it('counts invitations per Monday-to-Sunday week of invitedAt, by cause', () => {
    const rows = [
      createChartRow({ email: 'a@x.example', cause: 'bounced', invitedAt: '2026-11-23T00:00:00.000Z' }),
      createChartRow({ email: 'b@x.example', cause: 'bounced', invitedAt: '2026-11-29T11:00:00.000Z' }),
      createChartRow({ email: 'c@x.example', cause: 'accepted', invitedAt: '2026-11-22T23:59:00.000Z' }),
    ];
    const result = causesOverTime(rows, now, 60);
    const last = result.weeks.at(-1);
    const previous = result.weeks.at(-2);
    expect(last).toEqual({ start: '2026-11-23', counts: { bounced: 2 }, total: 2 });
    expect(previous).toEqual({ start: '2026-11-16', counts: { accepted: 1 }, total: 1 });
    expect(result.total).toBe(3);
    expect(result.causes).toEqual(['bounced', 'accepted']);
  });

  it('covers the whole window with empty weeks too, oldest first, each starting on a Monday', () => {
    const result = causesOverTime([], now, 60);
    // 30 September 2026 (60 days back) is a Wednesday: its week starts Monday 28 September.
    expect(result.weeks[0]?.start).toBe('2026-09-28');
    expect(result.weeks).toHaveLength(9);
    expect(result.weeks.every((week) => new Date(`${week.start}T00:00:00Z`).getUTCDay() === 1 && week.total === 0)).toBe(true);
    expect(result.causes).toEqual([]);
  });

  it('leaves out invitations older than the window, in the future, or without a date', () => {
    const rows = [
      createChartRow({ email: 'old@x.example', cause: 'expired', invitedAt: '2026-09-01T00:00:00.000Z' }),
      createChartRow({ email: 'later@x.example', cause: 'in_flight', invitedAt: '2026-11-29T13:00:00.000Z' }),
      createChartRow({ email: 'none@x.example', cause: 'not_found', invitedAt: null }),
      createChartRow({ email: 'bad@x.example', cause: 'bounced', invitedAt: 'not a date' }),
      createChartRow({ email: 'in@x.example', cause: 'expired', invitedAt: '2026-10-01T00:00:00.000Z' }),
    ];
    const result = causesOverTime(rows, now, 60);
    expect(result.total).toBe(1);
    expect(result.weeks.reduce((sum, week) => sum + week.total, 0)).toBe(1);
  });

  it('orders causes by how often they occur, ties by name', () => {
    const rows = ['expired', 'bounced', 'bounced', 'accepted'].map((cause, index) => createChartRow({ email: `${index}@x.example`, cause: cause as 'expired', invitedAt: '2026-11-25T00:00:00.000Z' }));
    expect(causesOverTime(rows, now).causes).toEqual(['bounced', 'accepted', 'expired']);
  });
});
