import type { BackendError } from '../../../engine/BackendError.ts';
import type { InvitationBackend } from '../../../engine/InvitationBackend.ts';
import type { GroupJob, GroupJobItem } from './GroupJob.ts';

/**
 * What the backend says about an item whose call started but whose answer was lost (a reload
 * mid-call, a timeout): `done` (it took effect), `notDone` (safe to call again), `cancelledOnly`
 * (a typo fix whose cancel took effect but not its invitation), or `unknown` when even asking failed.
 */
export type GroupItemCheck =
  | { kind: 'done'; newUserId?: string }
  | { kind: 'notDone' }
  | { kind: 'cancelledOnly' }
  | { kind: 'unknown'; error: BackendError };

/**
 * Asks the backend (findUser) whether an item's action already happened, so that nothing is done
 * twice: a resend counts as done when the latest invitation went out at or after the job started;
 * a cancel when the invitation is gone; a typo fix when the suggested address was invited after
 * the job started.
 */
export async function verifyGroupItem(backend: InvitationBackend, job: GroupJob, item: GroupJobItem): Promise<GroupItemCheck> {
  const startedAt = job.startedAt ?? Number.POSITIVE_INFINITY;
  const found = await backend.findUser(item.email);
  if (!found.ok) return { kind: 'unknown', error: found.error };
  const user = found.value;
  switch (job.action) {
    case 'resend': {
      const sent = user?.lastSentAt ? Date.parse(user.lastSentAt) : Number.NaN;
      if (user && sent >= startedAt) return user.id === item.userId ? { kind: 'done' } : { kind: 'done', newUserId: user.id };
      return { kind: 'notDone' };
    }
    case 'cancel':
      return user === null || user.id !== item.userId ? { kind: 'done' } : { kind: 'notDone' };
    case 'fixTypo': {
      if (user !== null && user.id === item.userId) return { kind: 'notDone' };
      if (!item.target) return { kind: 'cancelledOnly' };
      const invited = await backend.findUser(item.target);
      if (!invited.ok) return { kind: 'unknown', error: invited.error };
      const at = invited.value?.invitedAt ? Date.parse(invited.value.invitedAt) : Number.NaN;
      return invited.value && at >= startedAt ? { kind: 'done', newUserId: invited.value.id } : { kind: 'cancelledOnly' };
    }
  }
}
