import { describe, expect, it } from 'vitest';
import { listMemoryInvitations } from '../../../src/adapters/memory/listMemoryInvitations.ts';
import type { InvitedUser } from '../../../src/engine/InvitationBackend.ts';
import { compareInvitationKeys } from '../../../src/engine/invitationCursor.ts';

const user = (email: string, id: string): InvitedUser => ({ id, email, status: 'invited', invitedAt: null, lastSentAt: null, expiresAt: null, acceptedAt: null, setupCompleted: false, lastSignInAt: null, sso: false, team: 'a' });

/** Every page of `limit`, followed cursor by cursor. */
function listAll(users: InvitedUser[], limit: number): string[] {
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const page = listMemoryInvitations(users, { limit, ...(cursor ? { cursor } : {}) });
    if (!page.ok) throw new Error(page.error.kind);
    seen.push(...page.value.invitations.map((row) => row.id));
    cursor = page.value.nextCursor;
  } while (cursor);
  return seen;
}

describe('listMemoryInvitations', () => {
  it('pages through plain addresses in email-then-id order, each row once', () => {
    const users = ['c@x.test', 'a@x.test', 'b@x.test', 'a@x.test', 'd@x.test', 'b@y.test', 'aa@x.test'].map((email, index) => user(email, `usr_${(7 - index).toString()}`));
    const expected = [...users].sort(compareInvitationKeys).map((row) => row.id);
    for (const limit of [1, 2, 3, 200]) expect(listAll(users, limit), String(limit)).toEqual(expected);
  });

  it('orders by code point where UTF-16 would not: an astral character after a private-use one', () => {
    // U+1F600 (a surrogate pair in UTF-16) sorts after U+E000 by code point, before it by code unit.
    const users = [user('\u{1F600}@x.test', 'usr_1'), user('\uE000@x.test', 'usr_2'), user('z@x.test', 'usr_3')];
    for (const limit of [1, 2, 200]) expect(listAll(users, limit), String(limit)).toEqual(['usr_3', 'usr_2', 'usr_1']);
  });
});
