import { sql } from 'kysely';
import type { InvitationPage, UserStatus } from '../../src/engine/InvitationBackend.ts';
import { encodeInvitationCursor } from '../../src/engine/invitationCursor.ts';
import { ok, type Result } from '../../src/engine/Result.ts';
import type { Principal } from './Principal.ts';
import { runRead } from './runAction.ts';
import type { ServiceContext } from './ServiceContext.ts';
import { toInvitedUser } from './userRows.ts';

/** A listing query, already validated: `after` is the decoded cursor. */
export interface InvitationQuery {
  status?: UserStatus;
  /** An ASCII domain, exact. */
  domain?: string;
  /** A case-insensitive prefix of the address or of any word of the name. */
  q?: string;
  after?: { email: string; id: string };
  limit: number;
}

/**
 * One page of users in (email, id) order, keyset-paginated so pages stay stable while rows change.
 * Both columns use the C collation (code-point order), the order every backend of the contract uses.
 */
export function listInvitations(context: ServiceContext, principal: Principal, query: InvitationQuery): Promise<Result<InvitationPage>> {
  return runRead(context, 'listInvitations', async () => {
    let select = context.db.selectFrom('users').selectAll();
    if (principal.role.kind === 'team-manager') select = select.where('team', '=', principal.role.team);
    if (query.status) select = select.where('status', '=', query.status);
    if (query.domain) select = select.where('domain', '=', query.domain);
    if (query.q) {
      const prefix = `${escapeLike(query.q.toLowerCase())}%`;
      // A word of the name: its start, after any run of whitespace.
      select = select.where((eb) => eb.or([eb('email', 'like', prefix), eb(sql`' ' || regexp_replace(lower(name), '\s+', ' ', 'g')`, 'like', `% ${prefix}`)]));
    }
    if (query.after) {
      const { email, id } = query.after;
      select = select.where((eb) => eb.or([eb('email', '>', email), eb.and([eb('email', '=', email), eb('id', '>', id)])]));
    }
    const rows = await select.orderBy('email').orderBy('id').limit(query.limit + 1).execute();
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return ok({ invitations: page.map(toInvitedUser), nextCursor: rows.length > query.limit && last ? encodeInvitationCursor({ email: last.email, id: last.id }) : null });
  });
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
