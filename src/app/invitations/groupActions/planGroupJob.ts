import type { Policy } from '../../../engine/Policy.ts';
import type { DiagnosedInvitation } from '../../../registry/InvitationVerdict.ts';
import type { GroupJob, GroupJobAction, GroupJobItem } from './GroupJob.ts';

/**
 * The job a group action would run, before anything is sent: every row becomes an item, and the
 * ones that must not be touched are `skipped` with their reason, so the preview shows exactly who
 * gets an email and who does not.
 *
 * Cooldown: an invitation sent less than `policy.resendCooldownMs` ago is skipped, not waited for
 * (as `resendPossibleAt` counts it: the last send plus the cooldown). Waiting would hold the
 * whole group for the freshest row, and a person who got an invitation minutes ago needs none.
 */
export function planGroupJob(action: GroupJobAction, rows: readonly DiagnosedInvitation[], label: string, policy: Policy, now: number): GroupJob {
  const seen = new Set<string>();
  const items = rows.map((row): GroupJobItem => {
    const { user } = row;
    const item: GroupJobItem = { userId: user.id, email: user.email, team: user.team, lastSentAt: user.lastSentAt, state: 'pending', attempts: 0 };
    if (action === 'fixTypo' && row.verdict.suggestion) item.target = row.verdict.suggestion;
    const skip = skipReason(action, row, policy, now, seen.has(user.id));
    seen.add(user.id);
    if (skip) Object.assign(item, { state: 'skipped', skip });
    return item;
  });
  return { version: 1, action, label, startedAt: null, items };
}

function skipReason(action: GroupJobAction, row: DiagnosedInvitation, policy: Policy, now: number, duplicate: boolean): GroupJobItem['skip'] | null {
  if (duplicate) return { reason: 'duplicate' };
  if (row.user.status !== 'invited') return { reason: 'notPending' };
  if (action === 'fixTypo') {
    const suggestion = row.verdict.suggestion;
    return suggestion && suggestion.toLowerCase() !== row.user.email.toLowerCase() ? null : { reason: 'noSuggestion' };
  }
  if (action === 'resend') {
    const until = resendAllowedAt(row.user.lastSentAt, policy);
    if (until !== null && until > now) return { reason: 'cooldown', until };
  }
  return null;
}

/** The last send plus the policy's cooldown (the flow's `resendPossibleAt` before any call), or `null`. */
export function resendAllowedAt(lastSentAt: string | null, policy: Policy): number | null {
  const sent = lastSentAt === null ? Number.NaN : Date.parse(lastSentAt);
  return Number.isFinite(sent) ? sent + policy.resendCooldownMs : null;
}
