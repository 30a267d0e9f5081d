import { createHmac } from 'node:crypto';
import { hashSecret } from '../auth/hashSecret.ts';

/** How invite links are made: derived, never stored. */
export interface InviteLinks {
  /** The token of the user's link number `generation`. A secret: never log or store it. */
  token(userId: string, generation: number): string;
  /** The full link. */
  url(userId: string, generation: number): string;
  /** What the database keeps of a token. */
  hash(token: string): string;
}

/**
 * Invite tokens are HMAC-SHA256(secret, user id and link generation). The database holds only
 * their hashes, so a copy of it opens no invitation; yet the server can hand out the current link
 * again (copy link) and links survive restarts, because the secret lives outside the database
 * (the data folder's `secret.key`, or `INVITE_DOCTOR_SECRET` for PostgreSQL deployments).
 */
export function createInviteLinks(secret: Buffer, linkBase: string): InviteLinks {
  const token = (userId: string, generation: number) => createHmac('sha256', secret).update(`invite:${userId}:${generation}`).digest('base64url');
  return {
    token,
    url: (userId, generation) => `${linkBase}${token(userId, generation)}`,
    hash: hashSecret,
  };
}
