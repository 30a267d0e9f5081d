import type { ListUsersResult } from 'firebase-admin/auth';
import type { InvitationFilter, InvitationPage, InvitedUser } from '../../../src/engine/InvitationBackend.ts';
import { err, type Result } from '../../../src/engine/Result.ts';
import { listMemoryInvitations } from '../../../src/adapters/memory/listMemoryInvitations.ts';
import { toInvitedUser } from './toInvitedUser.ts';

/** The most users one listing reads (Firebase pages hold up to 1000); a larger project is refused rather than listed in part. */
export const firebaseListingCap = 10_000;

/**
 * One page of `listInvitations` over Firebase: Firebase lists users by its own order with no
 * filter, so every page of `listUsers` is read (up to {@link firebaseListingCap} users), mapped,
 * then filtered, ordered by email and id and cut after the key cursor exactly as the contract says
 * (the same function the memory backend uses). Users without an email address are left out.
 */
export async function listFirebaseInvitations(
  listPage: (pageToken?: string) => Promise<Result<ListUsersResult>>,
  team: string,
  filter: InvitationFilter,
): Promise<Result<InvitationPage>> {
  const users: InvitedUser[] = [];
  let pageToken: string | undefined;
  do {
    const page = await listPage(pageToken);
    if (!page.ok) return page;
    for (const record of page.value.users) if (record.email) users.push(toInvitedUser(record, team));
    pageToken = page.value.pageToken;
    if (pageToken && users.length >= firebaseListingCap) {
      return err({
        kind: 'unavailable',
        cause: 'server',
        message: `This Firebase project has more than ${firebaseListingCap} users, more than the server lists by reading every page. Look people up by address instead.`,
      });
    }
  } while (pageToken);
  return listMemoryInvitations(users, filter);
}
