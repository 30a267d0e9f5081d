// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareInvitationKeys, decodeInvitationCursor, encodeInvitationCursor } from '../../../src/engine/index.ts';

describe('the listInvitations cursor', () => {
  it('is base64url of the JSON [email, id], without padding', () => {
    const cursor = encodeInvitationCursor({ email: 'ana.invited@example.com', id: 'usr_ana' });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(Buffer.from(cursor, 'base64url').toString('utf8')).toBe('["ana.invited@example.com","usr_ana"]');
  });

  it('round-trips any key, non-ASCII included', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, unit: 'grapheme' }), fc.string({ minLength: 1 }), (email, id) => {
        expect(decodeInvitationCursor(encodeInvitationCursor({ email, id }))).toEqual({ email, id });
      }),
    );
  });

  it.each(['', 'not a cursor', 'AAAA', Buffer.from('{"email":"a"}').toString('base64url'), Buffer.from('["a"]').toString('base64url'), Buffer.from('["a",1]').toString('base64url')])(
    'reads %j as no cursor at all',
    (cursor) => {
      expect(decodeInvitationCursor(cursor)).toBeNull();
    },
  );

  it('orders by email, then id, by code point', () => {
    expect(compareInvitationKeys({ email: 'a@x', id: '2' }, { email: 'a@x', id: '10' })).toBeGreaterThan(0);
    expect(compareInvitationKeys({ email: 'a@x', id: '1' }, { email: 'b@x', id: '0' })).toBeLessThan(0);
    // U+FF21 sorts before U+1F600 by code point, though not by UTF-16 code unit.
    expect(compareInvitationKeys({ email: '\uff21', id: '1' }, { email: '\u{1f600}', id: '1' })).toBeLessThan(0);
  });
});
