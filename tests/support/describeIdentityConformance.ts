import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackendErrorKind, UnavailableCause } from '../../src/engine/BackendError.ts';
import type { InvitedUser } from '../../src/engine/InvitationBackend.ts';
import type { Result } from '../../src/engine/Result.ts';
import type { IdentitySource } from '../../server/identity/IdentitySource.ts';
import { firstStopOf, identityOnlyBackend } from './firstStopOf.ts';

/**
 * The situations a person can be in at an identity system, as far as the wizard cares:
 * - `invited`: an invitation (or a first sign-in) is pending and its link still works;
 * - `expired`: pending, but the link's expiry has passed;
 * - `active`: signed up and set up;
 * - `setupIncomplete`: accepted or created, but setup (password, first sign-in) never finished;
 * - `sso`: signs in through an enterprise connection;
 * - `deactivated`: disabled, banned or blocked;
 * - `sendFailed`: pending, and the identity system itself knows its invitation mail failed.
 */
export type IdentitySituation = 'invited' | 'expired' | 'active' | 'setupIncomplete' | 'sso' | 'deactivated' | 'sendFailed';

/** A failure a recorded-exchange subject can make the provider answer with, for the next request. */
export type ProviderFault = 'rate_limited' | 'unauthorized' | 'server_error' | 'malformed' | 'network';

export interface IdentitySubject {
  source: IdentitySource;
  /** Puts one user at `email` (lower case, unique per call) into `situation` at the provider. */
  seed(situation: IdentitySituation, email: string): Promise<void>;
  /**
   * Recorded-exchange subjects (msw) only: the next request to the provider answers with this
   * failure. `rate_limited` is a 429 with `Retry-After: 7`. Absent for live local systems.
   */
  fault?(fault: ProviderFault): void;
  close(): Promise<void>;
}

export interface IdentityConformanceOptions {
  /** The situations this provider can express (the others are skipped, and listed as such). */
  situations: readonly IdentitySituation[];
}

const faultExpectations: Record<ProviderFault, { kind: BackendErrorKind; cause?: UnavailableCause; retryAfterMs?: number }> = {
  rate_limited: { kind: 'rate_limited', retryAfterMs: 7000 },
  unauthorized: { kind: 'not_permitted' },
  server_error: { kind: 'unavailable', cause: 'server' },
  malformed: { kind: 'unavailable', cause: 'malformed' },
  network: { kind: 'unavailable', cause: 'network' },
};

function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
}

function errorKind(result: Result<unknown>): string {
  return result.ok ? 'ok' : result.error.kind;
}

/**
 * Where the shipped invite-not-received flow first stops for each situation, with only the
 * provider's own evidence: the advice a person gets (checked against the memory backend's demo
 * people in the same states).
 */
const adviceBySituation: Record<IdentitySituation, readonly string[]> = {
  // Within the delivery window the wizard waits for the mail; after it, it looks in spam.
  invited: ['checkSpam', 'waitForDelivery'],
  expired: ['inviteExpired'],
  active: ['alreadyActive'],
  setupIncomplete: ['setupAbandoned'],
  sso: ['ssoSignIn'],
  deactivated: ['deactivated'],
  // The provider's own failure report: mail that never left, or one its receiver refused.
  sendFailed: ['nothingLeft', 'badMailbox', 'badDomain', 'fixAddress', 'mailboxFull', 'blockedByFilter', 'suppressedAddress'],
};

let counter = 0;
/** A fresh lower-case address for one test, unique across runs (live systems keep their users). */
export function freshAddress(label: string, domain = 'example.com'): string {
  counter += 1;
  return `${label.toLowerCase()}-${Date.now().toString(36)}${counter}${Math.random().toString(36).slice(2, 6)}@${domain}`;
}

/**
 * What every identity source must do, for the operations its `capabilities()` name and the
 * situations its provider can express. One subject serves the whole suite (live systems are slow
 * to start); every test seeds users at fresh addresses, so tests never see each other's users.
 */
export function describeIdentityConformance(name: string, createSubject: () => Promise<IdentitySubject>, options: IdentityConformanceOptions): void {
  describe(`${name} identity conformance`, () => {
    let subject: IdentitySubject;
    let source: IdentitySource;
    const can = (capability: Parameters<ReturnType<IdentitySource['capabilities']>['has']>[0]) => source.capabilities().has(capability);
    const supports = (situation: IdentitySituation) => options.situations.includes(situation);
    const seeded = async (situation: IdentitySituation, label: string = situation): Promise<InvitedUser> => {
      const email = freshAddress(label);
      await subject.seed(situation, email);
      const user = unwrap(await source.findUser(email));
      if (!user) throw new Error(`${email} was seeded as ${situation} but findUser resolves null`);
      return user;
    };

    beforeAll(async () => {
      subject = await createSubject();
      source = subject.source;
    });
    afterAll(() => subject?.close());

    it('describes itself consistently with its capabilities', () => {
      const description = source.describe();
      expect(description.identity).toMatch(/^[a-z0-9-]+$/);
      expect(description.identityName.length).toBeGreaterThan(0);
      expect(description.resend === 'unsupported').toBe(!can('resend'));
      if (description.resend === 'unsupported') expect(description.resendRotatesLink).toBe(false);
      expect(can('lookup')).toBe(true);
    });

    describe('situations', () => {
      const expectations: Record<IdentitySituation, (user: InvitedUser) => void> = {
        invited: (user) => {
          expect(user).toMatchObject({ status: 'invited', acceptedAt: null });
          if (user.expiresAt) expect(Date.parse(user.expiresAt)).toBeGreaterThan(Date.now());
        },
        expired: (user) => {
          expect(user.status).toBe('invited');
          expect(user.expiresAt).not.toBeNull();
          expect(Date.parse(user.expiresAt!)).toBeLessThan(Date.now());
        },
        active: (user) => expect(user).toMatchObject({ status: 'active', setupCompleted: true, sso: false }),
        setupIncomplete: (user) => expect(user).toMatchObject({ status: 'active', setupCompleted: false }),
        sso: (user) => expect(user).toMatchObject({ status: 'active', sso: true }),
        deactivated: (user) => expect(user.status).toBe('deactivated'),
        sendFailed: (user) => expect(user.status).toBe('invited'),
      };
      for (const situation of Object.keys(expectations) as IdentitySituation[]) {
        it.skipIf(!supports(situation))(`maps a user who is ${situation} onto the contract`, async () => {
          const user = await seeded(situation);
          expectations[situation](user);
          expect(user.id.length).toBeGreaterThan(0);
          expect(user.team.length).toBeGreaterThan(0);
          for (const stamp of [user.invitedAt, user.lastSentAt, user.expiresAt, user.acceptedAt]) if (stamp !== null) expect(Number.isNaN(Date.parse(stamp))).toBe(false);
        });
      }

      it.skipIf(!supports('sendFailed'))('reports its own failed invitation mail as delivery evidence', async () => {
        const user = await seeded('sendFailed');
        expect(source.deliveryEvents).toBeTypeOf('function');
        const events = unwrap(await source.deliveryEvents!(user.email));
        const failure = events.find((event) => ['not_sent', 'bounced', 'dropped', 'suppressed'].includes(event.kind));
        expect(failure, JSON.stringify(events)).toBeDefined();
        expect(failure!.source).toBe(source.describe().identity);
        expect(failure!.email).toBe(user.email);
      });
    });

    describe('the wizard over this provider', () => {
      for (const situation of Object.keys(adviceBySituation) as IdentitySituation[]) {
        it.skipIf(!supports(situation))(`reaches the advice for a user who is ${situation}`, async () => {
          const user = await seeded(situation, `flow-${situation}`);
          expect(adviceBySituation[situation]).toContain(await firstStopOf(identityOnlyBackend(source), user.email));
        });
      }

      it('says it does not know an address that was never invited', async () => {
        expect(await firstStopOf(identityOnlyBackend(source), freshAddress('flow-nobody'))).toBe('notFound');
      });
    });

    describe('lookup', () => {
      it('resolves null for an address that was never invited', async () => {
        expect(unwrap(await source.findUser(freshAddress('nobody')))).toBeNull();
      });
    });

    describe('actions', () => {
      it('resends a pending invitation with a fresh expiry, and refuses an active user', async ({ skip }) => {
        if (!can('resend') || !supports('invited')) return skip();
        const user = await seeded('invited');
        const before = can('copyLink') && source.describe().resendRotatesLink ? unwrap(await source.getInviteLink(user.id)).url : null;
        const sent = unwrap(await source.resendInvite(user.id));
        expect(Math.abs(Date.parse(sent.sentAt) - Date.now())).toBeLessThan(5 * 60_000);
        expect(Date.parse(sent.expiresAt)).toBeGreaterThan(Date.parse(sent.sentAt));
        const after = unwrap(await source.findUser(user.email));
        expect(after?.status).toBe('invited');
        // The wizard goes on acting on the id the resend reports (a replaced invitation has a new one).
        expect(after?.id).toBe(sent.userId ?? user.id);
        if (before !== null) expect(unwrap(await source.getInviteLink(after!.id)).url).not.toBe(before);
        if (supports('active')) expect(errorKind(await source.resendInvite((await seeded('active')).id))).toBe('conflict');
      });

      it('answers not_found for an id it does not know', async () => {
        const unknownId = 'no-such-id-0000';
        if (can('resend')) expect(errorKind(await source.resendInvite(unknownId))).toBe('not_found');
        if (can('cancel')) expect(errorKind(await source.cancelInvite(unknownId))).toBe('not_found');
        if (can('copyLink')) expect(errorKind(await source.getInviteLink(unknownId))).toBe('not_found');
      });

      it('gives a copy of the invite link for hand delivery', async ({ skip }) => {
        if (!can('copyLink') || !supports('invited')) return skip();
        const user = await seeded('invited');
        const link = unwrap(await source.getInviteLink(user.id));
        expect(['http:', 'https:']).toContain(new URL(link.url).protocol);
        expect(Number.isNaN(Date.parse(link.expiresAt))).toBe(false);
        expect(typeof link.singleUse).toBe('boolean');
      });

      it('cancels a pending invitation, which frees the address', async ({ skip }) => {
        if (!can('cancel') || !supports('invited')) return skip();
        const user = await seeded('invited');
        expect(Number.isNaN(Date.parse(unwrap(await source.cancelInvite(user.id)).cancelledAt))).toBe(false);
        expect(unwrap(await source.findUser(user.email))).toBeNull();
        if (can('reinvite')) expect(unwrap(await source.inviteUser(user.email)).status).toBe('invited');
      });

      it('refuses to cancel an active user', async ({ skip }) => {
        if (!can('cancel') || !supports('active')) return skip();
        expect(errorKind(await source.cancelInvite((await seeded('active')).id))).toBe('conflict');
      });

      it('invites a new address, and refuses one that is already invited', async ({ skip }) => {
        if (!can('reinvite')) return skip();
        const email = freshAddress('new');
        const user = unwrap(await source.inviteUser(email));
        expect(user).toMatchObject({ email, status: 'invited' });
        expect(unwrap(await source.findUser(email))?.id).toBe(user.id);
        expect(errorKind(await source.inviteUser(email))).toBe('conflict');
      });

      it('sends a password reset to an active user, and refuses a pending invitee', async ({ skip }) => {
        if (!can('passwordReset') || !supports('active')) return skip();
        const sent = unwrap(await source.sendPasswordReset((await seeded('active')).id));
        expect(Number.isNaN(Date.parse(sent.sentAt))).toBe(false);
        if (supports('invited')) expect(errorKind(await source.sendPasswordReset((await seeded('invited')).id))).toBe('conflict');
      });
    });

    describe('listing', () => {
      it('walks every page exactly once, in address order, with the filters applied', async ({ skip }) => {
        if (!can('listInvitations') || !supports('invited')) return skip();
        const domain = `list-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}.example`;
        const emails = ['c', 'a', 'b'].map((local) => freshAddress(local, domain));
        for (const email of emails) await subject.seed('invited', email);
        const walked: string[] = [];
        let cursor: string | undefined;
        for (let page = 0; page < 20; page++) {
          const result = unwrap(await source.listInvitations!({ domain, limit: 1, ...(cursor ? { cursor } : {}) }));
          walked.push(...result.invitations.map((user) => user.email));
          if (!result.nextCursor) break;
          cursor = result.nextCursor;
        }
        expect(walked).toEqual([...emails].sort());
        const pending = unwrap(await source.listInvitations!({ domain, status: 'active' }));
        expect(pending.invitations).toEqual([]);
      });
    });

    describe('provider failures', () => {
      for (const fault of Object.keys(faultExpectations) as ProviderFault[]) {
        it(`maps ${fault} to a typed error`, async ({ skip }) => {
          if (!subject.fault) return skip();
          subject.fault(fault);
          const result = await source.findUser(freshAddress('fault'));
          expect(result.ok).toBe(false);
          if (result.ok) return;
          const expected = faultExpectations[fault];
          expect(result.error.kind).toBe(expected.kind);
          if (expected.cause && result.error.kind === 'unavailable') expect(result.error.cause).toBe(expected.cause);
          if (expected.retryAfterMs !== undefined && result.error.kind === 'rate_limited') expect(result.error.retryAfterMs).toBe(expected.retryAfterMs);
          expect(result.error.message ?? '').not.toMatch(/sk_|secret|Bearer/i);
        });
      }
    });
  });
}
