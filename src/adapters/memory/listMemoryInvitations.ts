import type { BackendError } from '../../engine/BackendError.ts';
import type { InvitationFilter, InvitationPage, InvitedUser } from '../../engine/InvitationBackend.ts';
import { err, ok, type Result } from '../../engine/Result.ts';
import { compareInvitationKeys, decodeInvitationCursor, encodeInvitationCursor, type InvitationCursorKey } from '../../engine/invitationCursor.ts';
import { normalizeAddress } from '../../diagnostics/normalizeAddress.ts';

const defaultLimit = 50;
const maxLimit = 200;

/**
 * One page of `users` under the semantics documented on `InvitationBackend.listInvitations`:
 * filtered, ordered by email then id, and cut after the cursor's key; a cursor that does not
 * decode is refused. `users` must already be the ones the caller may see.
 */
export function listMemoryInvitations(users: Iterable<InvitedUser>, filter: InvitationFilter): Result<InvitationPage> {
  const limit = clampLimit(filter.limit);
  const after = filter.cursor ? decodeInvitationCursor(filter.cursor) : null;
  if (filter.cursor && after === null) return err(badCursor);
  const matches = createInvitationMatcher(filter);
  const all = [...users];
  const compare = all.every(isPlainKey) && (after === null || isPlainKey(after)) ? comparePlainKeys : compareInvitationKeys;
  // The first limit + 1 rows after the cursor, kept in order as they are found, rather than sorting
  // every row on every page: a demo of 10,000 people is listed 200 at a time.
  const first: InvitedUser[] = [];
  for (const user of all) {
    if (!matches(user) || (after !== null && compare(user, after) <= 0)) continue;
    const largest = first[limit];
    if (largest && compare(user, largest) >= 0) continue;
    let low = 0;
    let high = first.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compare(first[middle] as InvitedUser, user) <= 0) low = middle + 1;
      else high = middle;
    }
    first.splice(low, 0, user);
    if (first.length > limit + 1) first.pop();
  }
  const page = first.slice(0, limit).map((user) => ({ ...user }));
  const last = page.at(-1);
  return ok({ invitations: page, nextCursor: first.length > limit && last ? encodeInvitationCursor(last) : null });
}

/**
 * `compareInvitationKeys` for keys without characters from U+D800 on: there UTF-16 code units
 * sort as code points do, so `<` is the same order, many times quicker (listing 10,000 people a
 * page at a time sorts them on every page).
 */
function comparePlainKeys(a: InvitationCursorKey, b: InvitationCursorKey): number {
  if (a.email !== b.email) return a.email < b.email ? -1 : 1;
  return a.id === b.id ? 0 : a.id < b.id ? -1 : 1;
}

/** Whether a key has no character from U+D800 on; remembered per row (a row's email and id never change). */
function isPlainKey(key: InvitationCursorKey): boolean {
  let plain = plainKeys.get(key);
  if (plain === undefined) {
    plain = belowSurrogates.test(key.email) && belowSurrogates.test(key.id);
    plainKeys.set(key, plain);
  }
  return plain;
}

const plainKeys = new WeakMap<InvitationCursorKey, boolean>();

const belowSurrogates = /^[^\ud800-\uffff]*$/;

/** What the http adapter makes of the API's 400 for a bad cursor, so every backend answers alike. */
const badCursor: BackendError = { kind: 'unavailable', cause: 'server', status: 400, message: 'The cursor is not one this backend gave out; start again without it.' };

function clampLimit(limit: number | undefined): number {
  if (typeof limit !== 'number' || Number.isNaN(limit)) return defaultLimit;
  return Math.min(maxLimit, Math.max(1, Math.floor(limit)));
}

function createInvitationMatcher(filter: InvitationFilter): (user: InvitedUser) => boolean {
  const domain = filter.domain?.trim() ? normalizeDomain(filter.domain) : undefined;
  const q = filter.q?.trim().normalize('NFC').toLowerCase() ?? '';
  return (user) => {
    if (filter.status && user.status !== filter.status) return false;
    if (domain !== undefined && (domain === null || user.email.slice(user.email.lastIndexOf('@') + 1) !== domain)) return false;
    if (q !== '' && !user.email.startsWith(q) && !wordsOf(user.name).some((word) => word.startsWith(q))) return false;
    return true;
  };
}

/** The domain as `normalizeAddress` would store it, or null when it cannot be normalised. */
function normalizeDomain(domain: string): string | null {
  const normalized = normalizeAddress(`x@${domain.trim().replace(/^@/, '')}`);
  return normalized.ok ? normalized.address.slice(2) : null;
}

function wordsOf(name: string | undefined): string[] {
  return (name ?? '').normalize('NFC').toLowerCase().split(/\p{White_Space}+/u).filter(Boolean);
}
