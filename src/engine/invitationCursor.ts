/** The position after which the next page of `listInvitations` starts: the last row's key. */
export interface InvitationCursorKey {
  email: string;
  id: string;
}

/**
 * The opaque `nextCursor` of `listInvitations`: base64url (no padding) of the UTF-8 JSON
 * `[email, id]` of a page's last row. Every backend encodes it this way, so a server and the
 * memory backend hand out the same cursors.
 */
export function encodeInvitationCursor(key: InvitationCursorKey): string {
  const bytes = new TextEncoder().encode(JSON.stringify([key.email, key.id]));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The key inside a cursor, or `null` when it is not one {@link encodeInvitationCursor} made. */
export function decodeInvitationCursor(cursor: string): InvitationCursorKey | null {
  if (typeof cursor !== 'string' || cursor.length > 2_000 || !/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  try {
    const binary = atob(cursor.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    if (!Array.isArray(value) || value.length !== 2) return null;
    const [email, id] = value as unknown[];
    return typeof email === 'string' && typeof id === 'string' && email !== '' && id !== '' ? { email, id } : null;
  } catch {
    return null;
  }
}

/** Orders rows as `listInvitations` does: by email, then id, each by Unicode code point. */
export function compareInvitationKeys(a: InvitationCursorKey, b: InvitationCursorKey): number {
  return compareCodePoints(a.email, b.email) || compareCodePoints(a.id, b.id);
}

function compareCodePoints(a: string, b: string): number {
  const left = [...a];
  const right = [...b];
  for (let index = 0; index < Math.min(left.length, right.length); index++) {
    const difference = (left[index]?.codePointAt(0) ?? 0) - (right[index]?.codePointAt(0) ?? 0);
    if (difference !== 0) return difference;
  }
  return left.length - right.length;
}
