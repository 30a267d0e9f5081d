import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { InvitedUser } from '../../src/engine/InvitationBackend.ts';
import { err, ok, type Result } from '../../src/engine/Result.ts';
import type { Database } from '../store/Database.ts';
import { hitRateLimit } from './hitRateLimit.ts';
import { issueInviteLink } from './issueInviteLink.ts';
import { canSeeTeam } from './Principal.ts';
import { runAction, type ActionCaller } from './runAction.ts';
import { sendMail } from './sendMail.ts';
import type { ServiceContext } from './ServiceContext.ts';
import { deactivatedUser, findUserRow, toInvitedUser } from './userRows.ts';

const hourMs = 3_600_000;

/** The team an admin's invitation goes to when none is given: the seed's, else "default". */
async function defaultTeam(trx: Kysely<Database>): Promise<string> {
  return (await trx.selectFrom('serverMeta').select('value').where('key', '=', 'default_team').executeTakeFirst())?.value ?? 'default';
}

/**
 * Invites a normalised address. Refused when the address already has an account or invitation
 * (one message whatever the team, so a team manager learns nothing about other teams), when the
 * key has sent its hourly share, and inside the resend cooldown of the last invitation to the
 * same address, so cancel + re-invite is no way around the cooldown.
 */
export function inviteUser(context: ServiceContext, caller: ActionCaller, email: string, requestedTeam?: string): Promise<Result<InvitedUser>> {
  return runAction(context, caller, 'inviteUser', email, async (trx, now) => {
    const { role } = caller.principal;
    const team = requestedTeam ?? (role.kind === 'team-manager' ? role.team : await defaultTeam(trx));
    if (!canSeeTeam(caller.principal, team)) return err({ kind: 'not_permitted', message: `You can only invite into team "${role.kind === 'team-manager' ? role.team : team}".` });
    if (caller.principal.keyId) {
      const limited = await hitRateLimit(trx, `invite:${caller.principal.keyId}`, context.limits.invitesPerKeyPerHour, hourMs, now);
      if (limited) return err(limited);
    }
    const existing = await findUserRow(trx, email);
    if (existing?.status === 'deactivated' && canSeeTeam(caller.principal, existing.team)) return err(deactivatedUser);
    if (existing) return err({ kind: 'conflict', message: 'This address already has an account or a pending invitation.' });
    const lastInvitation = await trx
      .selectFrom('deliveryEvents')
      .select('at')
      .where('email', '=', email)
      .where('kind', '=', 'sent')
      .where('purpose', '=', 'invitation')
      .orderBy('at', 'desc')
      .limit(1)
      .executeTakeFirst();
    const left = lastInvitation ? lastInvitation.at.getTime() + context.policy.resendCooldownMs - now.getTime() : 0;
    if (left > 0) return err({ kind: 'rate_limited', retryAfterMs: left, message: 'This address was sent an invitation moments ago; wait before inviting it again.' });

    const id = `usr_${randomBytes(9).toString('base64url')}`;
    const inserted = await trx
      .insertInto('users')
      .values({
        id,
        email,
        domain: email.slice(email.lastIndexOf('@') + 1),
        name: null,
        status: 'invited',
        team,
        invitedAt: now,
        lastSentAt: now,
        expiresAt: new Date(now.getTime() + context.policy.inviteExpiryMs),
        acceptedAt: null,
        lastSignInAt: null,
        lastResetAt: null,
        setupCompleted: false,
        sso: context.policy.ssoEnabled,
        linkGeneration: 1,
      })
      .onConflict((conflict) => conflict.column('email').doNothing())
      .returningAll()
      .executeTakeFirst();
    // Another request invited the same address a moment ago.
    if (!inserted) return err({ kind: 'conflict', message: 'This address already has an account or a pending invitation.' });
    const link = await issueInviteLink(context, trx, id, 1, now);
    await sendMail(context, trx, { to: email, purpose: 'invitation', link }, now);
    return ok(toInvitedUser(inserted));
  });
}
