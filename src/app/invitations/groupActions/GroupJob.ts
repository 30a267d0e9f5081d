import type { BackendError } from '../../../engine/BackendError.ts';

/** The group actions that call the backend, one invitation at a time (`itTicket` calls nothing). */
export type GroupJobAction = 'resend' | 'cancel' | 'fixTypo';

/**
 * Where one invitation of a job stands.
 * - `pending`: not tried yet, or refused with a rate limit (nothing was done) and waiting its turn again;
 * - `in_flight`: its call has started and no answer is recorded. After a reload this means "maybe
 *   done": the runner asks the backend before anything else and never simply calls again;
 * - `done`, `failed`, `skipped`: final.
 */
export type GroupItemState = 'pending' | 'in_flight' | 'done' | 'failed' | 'skipped';

/**
 * Why an invitation is left out before anything is sent.
 * - `cooldown`: an invitation went out less than the policy's resend cooldown ago (`until` says when another is allowed);
 * - `notPending`: it is no longer a pending invitation (accepted or deactivated), so resend and cancel do not apply;
 * - `noSuggestion`: a typo fix without a suggested address;
 * - `duplicate`: the same invitation is in the group twice; it is done once.
 */
export type GroupSkipReason = 'cooldown' | 'notPending' | 'noSuggestion' | 'duplicate';

/** One invitation of a group job. Addresses and ids only: never a link, a token or a key. */
export interface GroupJobItem {
  userId: string;
  email: string;
  team: string;
  /** `fixTypo`: the suggested address to invite instead. */
  target?: string;
  /** When the latest invitation went out, as the page knew it when the job was planned. */
  lastSentAt: string | null;
  state: GroupItemState;
  /** `fixTypo`: the old invitation is withdrawn; only the invitation at `target` remains to do. */
  cancelled?: boolean;
  skip?: { reason: GroupSkipReason; until?: number };
  /** Why a `failed` item failed (the backend's error, message left out). */
  error?: BackendError;
  /** The invitation's id after the action, where it changed (a composed resend, a re-invite). */
  newUserId?: string;
  /** Calls made for this item, rate-limited ones included. */
  attempts: number;
}

/** One group action, as it is persisted so that a reload can resume it. */
export interface GroupJob {
  version: 1;
  action: GroupJobAction;
  /** The group's name on screen, for the resume prompt and the summary. */
  label: string;
  /** When the person confirmed (epoch ms); `null` while only planned. Verification compares against it. */
  startedAt: number | null;
  items: GroupJobItem[];
}

/** The items still to run (or to verify). */
export function isOpenItem(item: GroupJobItem): boolean {
  return item.state === 'pending' || item.state === 'in_flight';
}
