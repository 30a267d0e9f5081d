import type { Kysely } from 'kysely';
import type { Database } from '../store/Database.ts';
import type { InviteLinks } from './createInviteLinks.ts';
import type { UserRow } from './userRows.ts';

/**
 * What an invite link is now, as its page tells it:
 * - `open`: the user's current link, before its expiry: it can be accepted;
 * - `used`: accepted already (by this link);
 * - `expired`: the current link, past its expiry;
 * - `replaced`: an older link, retired by a resend;
 * - `withdrawn`: the invitation was cancelled (or the user deactivated): nobody is waiting for it;
 * - `invalid`: no such link. Malformed and unknown tokens look the same (no oracle).
 */
export type InviteLinkState =
  | { kind: 'open' | 'used' | 'expired' | 'replaced'; user: UserRow }
  | { kind: 'withdrawn' }
  | { kind: 'invalid' };

/** Tokens are HMAC-SHA256 digests in base64url: 43 characters. Anything else is not looked up. */
const tokenShape = /^[A-Za-z0-9_-]{43}$/;

/** Reads the link's state; `lock` locks the user's row for the rest of the caller's transaction. */
export async function inspectInviteLink(db: Kysely<Database>, links: InviteLinks, token: string, now: Date, lock = false): Promise<InviteLinkState> {
  if (!tokenShape.test(token)) return { kind: 'invalid' };
  const link = await db.selectFrom('inviteTokens').select(['userId', 'state']).where('tokenHash', '=', links.hash(token)).executeTakeFirst();
  if (!link) return { kind: 'invalid' };
  let query = db.selectFrom('users').selectAll().where('id', '=', link.userId);
  if (lock) query = query.forUpdate();
  const user = await query.executeTakeFirst();
  if (!user || user.status === 'deactivated') return { kind: 'withdrawn' };
  if (link.state === 'used') return { kind: 'used', user };
  if (link.state === 'expired') return { kind: 'replaced', user };
  if (user.status !== 'invited') return { kind: 'used', user };
  if (!user.expiresAt || user.expiresAt.getTime() <= now.getTime()) return { kind: 'expired', user };
  return { kind: 'open', user };
}
