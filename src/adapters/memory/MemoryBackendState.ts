import type { DeliveryEvent, InvitedUser, LinkEvent, LinkRefusal } from '../../engine/InvitationBackend.ts';
import type { MailRules, MemorySeed } from './MemorySeed.ts';
import { addressKey } from './addressKey.ts';
import { createInviteToken } from './createInviteToken.ts';
import { createSendingSetup, type MemorySendingSetup } from './MemorySendingSetup.ts';

/** A user plus the secret of their current invite link (`null` once accepted or never issued). */
export interface MemoryUserRecord {
  user: InvitedUser;
  token: string | null;
}

/** What a memory backend knows; mutated in place by its operations. */
export interface MemoryBackendState {
  /** By user id. A cancelled invitation is removed, which frees the address. */
  users: Map<string, MemoryUserRecord>;
  events: DeliveryEvent[];
  /** Addresses (in `addressKey` form) on the provider's suppression list. */
  suppressed: Set<string>;
  /**
   * Tokens that no longer work, whose address they were sent to, and why: accepted once (`used`),
   * or replaced by a resend / withdrawn (`revoked`; the invitee is told the link expired).
   */
  spentTokens: Map<string, { email: string; refusal: Extract<LinkRefusal, 'used' | 'revoked'> }>;
  mail: MailRules;
  defaultTeam: string;
  /** The teams' names by id (see `MemorySeed.teamNames`). */
  teamNames: Readonly<Record<string, string>>;
  /** Outgoing mail: changed by the demo's `setSending`, restored by `reset`. */
  sending: MemorySendingSetup;
  /** Link events as seeded, then as the demo's invitees open their links; addresses in `addressKey` form. */
  linkEvents: LinkEvent[];
}

/** Turns seed data into live state, minting a link token for everyone still invited. */
export function createMemoryBackendState(seed: MemorySeed): MemoryBackendState {
  const users = new Map<string, MemoryUserRecord>();
  for (const user of seed.users) {
    const teamName = user.teamName ?? seed.teamNames?.[user.team];
    const copy = { ...user, email: addressKey(user.email), ...(teamName ? { teamName } : {}) };
    users.set(user.id, { user: copy, token: user.status === 'invited' ? createInviteToken() : null });
  }
  return {
    users,
    events: seed.events.map((event) => ({ ...event, email: addressKey(event.email) })),
    suppressed: new Set(seed.suppressed.map(addressKey)),
    spentTokens: new Map(),
    mail: seed.mail,
    defaultTeam: seed.defaultTeam,
    teamNames: seed.teamNames ?? {},
    sending: createSendingSetup(seed.sending),
    linkEvents: (seed.linkEvents ?? []).map((event) => ({ ...event, email: addressKey(event.email) })),
  };
}
