import {
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminGetUserCommand,
  AdminResetUserPasswordCommand,
  CognitoIdentityProviderClient,
  DescribeUserPoolCommand,
  ListUsersCommand,
  type UserType,
} from '@aws-sdk/client-cognito-identity-provider';
import type { BackendError } from '../../../src/engine/BackendError.ts';
import type { CallOptions, InvitationFilter, InvitedUser } from '../../../src/engine/InvitationBackend.ts';
import { err, ok, type Result } from '../../../src/engine/Result.ts';
import { listMemoryInvitations } from '../../../src/adapters/memory/listMemoryInvitations.ts';
import { normalizeAddress } from '../../../src/diagnostics/normalizeAddress.ts';
import { callProvider, ProviderRefusal } from '../../providers/callProvider.ts';
import type { IdentityCapability, IdentityContext, IdentitySource } from '../IdentitySource.ts';
import type { CognitoConfig } from './cognitoIdentity.ts';
import { cognitoNotSent } from './cognitoNotSent.ts';
import { cognitoUserToInvitedUser, type CognitoUserRecord } from './cognitoUserToInvitedUser.ts';
import { readCognitoFailure } from './readCognitoFailure.ts';

const providerName = 'Amazon Cognito';
/** Cognito's own default for `TemporaryPasswordValidityDays`. */
const defaultTemporaryPasswordDays = 7;
/** How long the pool's temporary-password validity is trusted before it is read again. */
const poolPolicyTtlMs = 10 * 60_000;
/** ListUsers' largest page. */
const listPageSize = 60;
/** Cognito codes for a password reset are valid for one hour (AWS documentation; not observable here). */
const resetCodeValidityMs = 60 * 60_000;
const capabilities: ReadonlySet<IdentityCapability> = new Set(['lookup', 'resend', 'passwordReset', 'cancel', 'reinvite', 'listInvitations']);

/**
 * The identity source over one Cognito user pool. Users are keyed by their Cognito `Username`;
 * invitations are admin-created users whose temporary password Cognito mails itself. Nothing is
 * kept in memory but the pool's temporary-password validity (re-read every ten minutes).
 */
export function createCognitoSource(config: CognitoConfig, context: IdentityContext): IdentitySource {
  const client = new CognitoIdentityProviderClient({
    region: config.region,
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    ...(config.credentials ? { credentials: config.credentials } : {}),
    maxAttempts: config.maxAttempts,
  });
  const UserPoolId = config.userPoolId;
  const call = <T>(options: CallOptions | undefined, run: (signal: AbortSignal) => Promise<T>): Promise<Result<T>> =>
    callProvider({ providerName, timeoutMs: context.timeoutMs, signal: options?.signal, clock: context.clock, readFailure: readCognitoFailure }, run);
  let poolPolicy: { days: number; readAt: number } | null = null;

  async function temporaryPasswordDays(options?: CallOptions): Promise<Result<number>> {
    if (poolPolicy && context.clock() - poolPolicy.readAt < poolPolicyTtlMs) return ok(poolPolicy.days);
    const described = await call(options, (abortSignal) => client.send(new DescribeUserPoolCommand({ UserPoolId }), { abortSignal }));
    if (!described.ok) return described;
    const pool = described.value.UserPool;
    const days = pool?.Policies?.PasswordPolicy?.TemporaryPasswordValidityDays ?? pool?.AdminCreateUserConfig?.UnusedAccountValidityDays ?? defaultTemporaryPasswordDays;
    poolPolicy = { days, readAt: context.clock() };
    return ok(days);
  }

  /** Maps records, reading the pool policy only when one of them is a pending invitation. */
  async function toUsers(records: readonly CognitoUserRecord[], options?: CallOptions): Promise<Result<InvitedUser[]>> {
    let days = defaultTemporaryPasswordDays;
    if (records.some((record) => record.UserStatus === 'FORCE_CHANGE_PASSWORD')) {
      const read = await temporaryPasswordDays(options);
      if (!read.ok) return read;
      days = read.value;
    }
    return ok(records.map((record) => cognitoUserToInvitedUser(record, context.defaultTeam, days)).filter((user): user is InvitedUser => user !== null));
  }

  async function usersWithEmail(email: string, options?: CallOptions): Promise<Result<UserType[]>> {
    const Filter = `email = "${email.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
    const listed = await call(options, (abortSignal) => client.send(new ListUsersCommand({ UserPoolId, Filter, Limit: listPageSize }), { abortSignal }));
    if (!listed.ok) return listed;
    if (!Array.isArray(listed.value.Users)) return err(malformed);
    return ok(listed.value.Users);
  }

  /** The user behind an id, for the actions that first check its state. */
  async function getUser(userId: string, options?: CallOptions): Promise<Result<CognitoUserRecord>> {
    const got = await call(options, (abortSignal) => client.send(new AdminGetUserCommand({ UserPoolId, Username: userId }), { abortSignal }));
    if (!got.ok) return got;
    return got.value.Username ? ok(got.value) : err(malformed);
  }

  /** The user if it is a pending invitation, else the error an invitation-only action answers. */
  async function pendingInvitation(userId: string, action: string, options?: CallOptions): Promise<Result<{ record: CognitoUserRecord; email: string }>> {
    const got = await getUser(userId, options);
    if (!got.ok) return got;
    const record = got.value;
    if (record.Enabled === false) return err({ kind: 'deactivated', message: `This user is disabled in Amazon Cognito; enable them before you ${action}.` });
    if (record.UserStatus !== 'FORCE_CHANGE_PASSWORD') {
      return err({ kind: 'conflict', message: `This user is not a pending invitation at Amazon Cognito (status ${String(record.UserStatus)}), so you cannot ${action}.` });
    }
    const email = emailOf(record);
    return email ? ok({ record, email }) : err(malformed);
  }

  return {
    capabilities: () => capabilities,
    describe: () => ({ identity: 'cognito', identityName: providerName, resend: 'native', resendRotatesLink: true, providerSendsMail: true }),

    async findUser(email, options) {
      const address = normalizeAddress(email);
      if (!address.ok) return ok(null);
      const found = await usersWithEmail(address.address, options);
      if (!found.ok) return found;
      // An email need not be unique in a pool without email sign-in: prefer the user named by it, then the oldest.
      const records = [...found.value].sort(
        (a, b) => Number(b.Username === address.address) - Number(a.Username === address.address) || (a.UserCreateDate?.getTime() ?? 0) - (b.UserCreateDate?.getTime() ?? 0),
      );
      const users = await toUsers(records.slice(0, 1), options);
      return users.ok ? ok(users.value[0] ?? null) : users;
    },

    async resendInvite(userId, options) {
      const pending = await pendingInvitation(userId, 'resend the invitation', options);
      if (!pending.ok) return pending;
      const resent = await call(options, async (abortSignal) => {
        try {
          return await client.send(new AdminCreateUserCommand({ UserPoolId, Username: userId, MessageAction: 'RESEND', DesiredDeliveryMediums: ['EMAIL'] }), { abortSignal });
        } catch (thrown) {
          throw refusalFor(thrown, pending.value.email, 'invitation');
        }
      });
      if (!resent.ok) return resent;
      const days = await temporaryPasswordDays(options);
      if (!days.ok) return days;
      const sentAt = resent.value.User?.UserLastModifiedDate ?? new Date(context.clock());
      return ok({ sentAt: sentAt.toISOString(), expiresAt: new Date(sentAt.getTime() + days.value * 86_400_000).toISOString() });
    },

    async getInviteLink() {
      return err({ kind: 'unsupported', message: 'Amazon Cognito has no invite link: the invitation is a temporary password inside its own email. Resend it instead.' });
    },

    async sendPasswordReset(userId, options) {
      const got = await getUser(userId, options);
      if (!got.ok) return got;
      const record = got.value;
      if (record.Enabled === false) return err({ kind: 'deactivated', message: 'This user is disabled in Amazon Cognito; enable them before sending a password reset.' });
      if (record.UserStatus !== 'CONFIRMED' && record.UserStatus !== 'RESET_REQUIRED') {
        const why = record.UserStatus === 'FORCE_CHANGE_PASSWORD' ? 'their invitation is still pending: resend it instead' : `their status is ${String(record.UserStatus)}`;
        return err({ kind: 'conflict', message: `Amazon Cognito cannot reset this user's password: ${why}.` });
      }
      const email = emailOf(record) ?? '';
      const reset = await call(options, async (abortSignal) => {
        try {
          return await client.send(new AdminResetUserPasswordCommand({ UserPoolId, Username: userId }), { abortSignal });
        } catch (thrown) {
          throw refusalFor(thrown, email, 'password reset');
        }
      });
      if (!reset.ok) return reset;
      const now = context.clock();
      return ok({ sentAt: new Date(now).toISOString(), expiresAt: new Date(now + resetCodeValidityMs).toISOString() });
    },

    async cancelInvite(userId, options) {
      const pending = await pendingInvitation(userId, 'cancel the invitation', options);
      if (!pending.ok) return pending;
      const deleted = await call(options, (abortSignal) => client.send(new AdminDeleteUserCommand({ UserPoolId, Username: userId }), { abortSignal }));
      return deleted.ok ? ok({ cancelledAt: new Date(context.clock()).toISOString() }) : deleted;
    },

    async inviteUser(email, options) {
      const address = normalizeAddress(email);
      if (!address.ok) return err({ kind: 'conflict', message: `Amazon Cognito was not asked: ${address.message}` });
      const existing = await usersWithEmail(address.address, options);
      if (!existing.ok) return existing;
      if (existing.value.length > 0) return err({ kind: 'conflict', message: 'Amazon Cognito already has a user with this address; look them up instead of inviting again.' });
      const created = await call(options, async (abortSignal) => {
        try {
          return await client.send(
            new AdminCreateUserCommand({
              UserPoolId,
              // The address as username works in pools with and without email sign-in (Cognito then names the user by its sub).
              Username: address.address,
              // Verified, because receiving the temporary password proves the address; it lets a later password reset reach it.
              UserAttributes: [
                { Name: 'email', Value: address.address },
                { Name: 'email_verified', Value: 'true' },
              ],
              DesiredDeliveryMediums: ['EMAIL'],
            }),
            { abortSignal },
          );
        } catch (thrown) {
          throw refusalFor(thrown, address.address, 'invitation');
        }
      });
      if (!created.ok) return created;
      if (!created.value.User) return err(malformed);
      const users = await toUsers([created.value.User], options);
      if (!users.ok) return users;
      return users.value[0] ? ok(users.value[0]) : err(malformed);
    },

    async listInvitations(filter: InvitationFilter, options?: CallOptions) {
      // Cognito can filter on one attribute only and not by domain or word, so every page is
      // read and the contract's filter, order and key cursor are applied here.
      const records: UserType[] = [];
      let PaginationToken: string | undefined;
      const Filter = filter.status === 'invited' ? 'cognito:user_status = "FORCE_CHANGE_PASSWORD"' : undefined;
      do {
        const page = await call(options, (abortSignal) => client.send(new ListUsersCommand({ UserPoolId, Limit: listPageSize, ...(Filter ? { Filter } : {}), ...(PaginationToken ? { PaginationToken } : {}) }), { abortSignal }));
        if (!page.ok) return page;
        if (!Array.isArray(page.value.Users)) return err(malformed);
        records.push(...page.value.Users);
        if (records.length > config.listCap) {
          return err({ kind: 'unavailable', cause: 'server', message: `The Amazon Cognito user pool holds more than ${config.listCap} users, more than the server lists by reading every page. Look users up by address instead.` });
        }
        PaginationToken = page.value.PaginationToken || undefined;
      } while (PaginationToken);
      const users = await toUsers(records, options);
      return users.ok ? listMemoryInvitations(users.value, filter) : users;
    },

    async close() {
      client.destroy();
    },
  };
}

const malformed: BackendError = { kind: 'unavailable', cause: 'malformed', message: 'Amazon Cognito answered without the user record the server expected. Try again; if it persists, the API may have changed.' };

function emailOf(record: CognitoUserRecord): string | undefined {
  const attributes = record.Attributes ?? record.UserAttributes ?? [];
  return attributes.find((entry) => entry.Name === 'email')?.Value ?? (record.Username?.includes('@') ? record.Username : undefined);
}

/** A mail failure becomes a typed `not_sent`; anything else goes on to `callProvider`'s mapping. */
function refusalFor(thrown: unknown, email: string, what: 'invitation' | 'password reset'): unknown {
  const notSent = cognitoNotSent(thrown, email, what);
  return notSent ? new ProviderRefusal(notSent) : thrown;
}
