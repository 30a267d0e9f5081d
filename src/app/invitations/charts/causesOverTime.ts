import type { DiagnosedInvitation, InvitationCause } from '../../../registry/InvitationVerdict.ts';

const dayMs = 86_400_000;

export interface CauseWeek {
  /** The week's Monday (UTC), `YYYY-MM-DD`. */
  start: string;
  /** Invitations sent that week, by their verdict's cause (causes with none are absent). */
  counts: Partial<Record<InvitationCause, number>>;
  total: number;
}

export interface CausesOverTime {
  /** Every week (Monday to Sunday, UTC) that overlaps the window, oldest first, empty ones included. */
  weeks: CauseWeek[];
  /** The causes that occur in the window, most frequent first (ties by name). */
  causes: InvitationCause[];
  /** Invitations in the window. */
  total: number;
  /** The window's first day (UTC midnight, epoch ms): `now` minus `days`. */
  from: number;
}

/**
 * Invitations per week of `invitedAt` over the last `days` days up to `now`, counted by verdict
 * cause. Rows without an `invitedAt`, with an unreadable one, or outside the window are left out.
 * Weeks start on Monday (ISO 8601), in UTC, so the figures are the same wherever they are viewed.
 * Pure.
 */
export function causesOverTime(rows: readonly DiagnosedInvitation[], now: number, days = 60): CausesOverTime {
  const from = startOfDay(now - days * dayMs);
  const firstMonday = mondayOf(from);
  const weeks: CauseWeek[] = [];
  for (let start = firstMonday; start <= now; start += 7 * dayMs) weeks.push({ start: new Date(start).toISOString().slice(0, 10), counts: {}, total: 0 });
  const totals = new Map<InvitationCause, number>();
  let total = 0;
  for (const row of rows) {
    const at = row.user.invitedAt === null ? Number.NaN : Date.parse(row.user.invitedAt);
    if (!Number.isFinite(at) || at < from || at > now) continue;
    const week = weeks[Math.floor((at - firstMonday) / (7 * dayMs))];
    if (!week) continue;
    const cause = row.verdict.cause;
    week.counts[cause] = (week.counts[cause] ?? 0) + 1;
    week.total += 1;
    totals.set(cause, (totals.get(cause) ?? 0) + 1);
    total += 1;
  }
  const causes = [...totals].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([cause]) => cause);
  return { weeks, causes, total, from };
}

function startOfDay(time: number): number {
  return Math.floor(time / dayMs) * dayMs;
}

/** The Monday 00:00 UTC on or before `day` (a UTC midnight). */
function mondayOf(day: number): number {
  const weekday = (new Date(day).getUTCDay() + 6) % 7;
  return day - weekday * dayMs;
}
