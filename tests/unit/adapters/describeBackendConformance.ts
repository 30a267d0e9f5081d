import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Role } from '../../../src/adapters/index.ts';
import type { BackendError, BackendErrorKind } from '../../../src/engine/BackendError.ts';
import { allCapabilities, maxEvidenceAddresses, notSentReasons, type Capability, type InvitationBackend, type InvitationFilter, type InvitedUser, type UserStatus } from '../../../src/engine/InvitationBackend.ts';
import type { Result } from '../../../src/engine/Result.ts';

/** What the suite may do besides calling the backend. Time is a controllable clock shared with the backend. */
export interface ConformanceControls {
  setRole(role: Role): Promise<void> | void;
  advance(ms: number): void;
  reset(): Promise<void> | void;
  /** The backend's current time in ms, to check timestamps exactly. */
  now(): number;
  /**
   * Makes the next call of `operation` fail with `error` (the memory backend's fault queue), so
   * an error can be followed through a transport. Absent where the backend cannot be scripted
   * (the server): those cases are skipped.
   */
  injectFault?(operation: keyof InvitationBackend, error: BackendError): void;
  /**
   * The invitee (a person in a browser, not a scanner) opens the invite link of `email` now and
   * accepts it, as the product's invite page does: the current link, or once there is none (it was
   * accepted), the link this control opened last for that address. Absent where the suite cannot follow a
   * link: the link-event cases that need it are skipped.
   */
  openInviteLink?(email: string): Promise<void>;
}

/** How a backend answers a team manager about another team. */
export interface ConformanceOptions {
  /**
   * `refused`: every question about a team-b user is answered `not_permitted` (the memory backend).
   * `hidden`: team-b users do not exist for the manager: `findUser` resolves `null`, user-id
   * actions `not_found` (as for an unknown id), `deliveryEvents` `[]`, so other teams cannot be
   * enumerated (the server). Inviting into team b is `not_permitted` either way.
   * @default 'refused'
   */
  outsideTeam?: 'refused' | 'hidden';
  /** The capabilities the backend must offer. @default all of them */
  capabilities?: readonly Capability[];
}

export interface ConformanceSubject {
  backend: InvitationBackend;
  controls: ConformanceControls;
  close(): Promise<void>;
}

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;
const corp = ['ivan', 'priya', 'tomas', 'sofia', 'liam'].map((local) => `${local}@corp.example`);

const seeded: { email: string; status: UserStatus; team: string }[] = [
  ...['ana.invited@example.com', 'ben.recent@example.com', 'cara.expired@example.com', 'finn@exampel.com'].map((email) => ({ email, status: 'invited' as const, team: 'a' })),
  ...['gus.nomailbox@example.com', 'hana.suppressed@example.com', 'jo.sso@example.com', 'lee@gmial.com', ...corp].map((email) => ({ email, status: 'invited' as const, team: 'a' })),
  { email: 'dan.active@example.com', status: 'active', team: 'a' },
  { email: 'kim.halfway@example.com', status: 'active', team: 'a' },
  { email: 'eve.deactivated@example.com', status: 'deactivated', team: 'a' },
  { email: 'mo.teamb@example.com', status: 'invited', team: 'b' },
  // Issue 12: a mail that never left (the provider's quota), a DMARC bounce, two links broken by other means than expiry, a resent invitation.
  ...['quinn.quota@example.com', 'rosa.dmarc@example.org', 'nils@gatekeep.example', 'olga.otheraccount@example.com', 'pia.resent@example.com'].map((email) => ({ email, status: 'invited' as const, team: 'a' })),
];

const bounces = [
  { email: 'finn@exampel.com', kind: 'bounced', enhancedCode: '5.1.2', phrase: /No MX for exampel\.com/ },
  { email: 'gus.nomailbox@example.com', kind: 'bounced', enhancedCode: '5.1.1', phrase: /does not exist/ },
  { email: 'hana.suppressed@example.com', kind: 'dropped', enhancedCode: undefined, phrase: /previously bounced address/ },
  ...corp.map((email) => ({ email, kind: 'bounced', enhancedCode: '5.7.1', phrase: /spam/ })),
];

function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
}

function expectError(result: Result<unknown>, kind: BackendErrorKind) {
  expect(result.ok ? 'ok' : result.error.kind).toBe(kind);
  if (result.ok) throw new Error('unreachable');
  return result.error;
}

/**
 * The behaviour every {@link InvitationBackend} must show against the demo seed. Each test gets a
 * fresh subject whose clock only moves through `controls.advance`.
 */
export function describeBackendConformance(name: string, createSubject: () => Promise<ConformanceSubject>, options: ConformanceOptions = {}): void {
  const outsideTeam = options.outsideTeam ?? 'refused';
  const expectedCapabilities = options.capabilities ?? allCapabilities;
  describe(`${name} backend conformance`, () => {
    let subject: ConformanceSubject;
    let backend: InvitationBackend;
    let controls: ConformanceControls;
    const iso = (ms: number) => new Date(ms).toISOString();
    const userOf = async (email: string) => {
      const user = unwrap(await backend.findUser(email));
      if (!user) throw new Error(`${email} is not seeded`);
      return user;
    };
    const idOf = async (email: string) => (await userOf(email)).id;
    const lastEvent = async (email: string) => unwrap(await backend.deliveryEvents(email)).at(-1);

    beforeEach(async () => {
      subject = await createSubject();
      backend = subject.backend;
      controls = subject.controls;
    });
    afterEach(() => subject.close());

    describe('lookup', () => {
      it.each(seeded)('finds the seeded $email as $status in team $team', async ({ email, status, team }) => {
        expect(await userOf(email)).toMatchObject({ email, status, team });
      });

      it('compares addresses case-insensitively and ignores surrounding spaces', async () => {
        expect((await userOf('  Ana.INVITED@Example.com ')).email).toBe('ana.invited@example.com');
      });

      it('resolves null for an address that was never invited', async () => {
        expect(unwrap(await backend.findUser('nobody@example.com'))).toBeNull();
      });

      it('reports the facts the flow branches on instead of asking', async () => {
        const now = controls.now();
        expect(await userOf('ben.recent@example.com')).toMatchObject({ lastSentAt: iso(now - 3 * minute), acceptedAt: null });
        expect(Date.parse((await userOf('cara.expired@example.com')).expiresAt ?? '')).toBeLessThan(now);
        expect(await userOf('kim.halfway@example.com')).toMatchObject({ setupCompleted: false, lastSignInAt: null });
        expect((await userOf('kim.halfway@example.com')).acceptedAt).not.toBeNull();
        expect(await userOf('dan.active@example.com')).toMatchObject({ setupCompleted: true, lastSignInAt: expect.any(String) });
        expect((await userOf('jo.sso@example.com')).sso).toBe(true);
      });

      it('offers the capabilities it should, and exactly the optional methods they name', () => {
        expect([...backend.capabilities()].sort()).toEqual([...expectedCapabilities].sort());
        expect(typeof backend.sendingStatus === 'function').toBe(expectedCapabilities.includes('sendingStatus'));
        if (!expectedCapabilities.includes('linkEvents')) expect(backend.linkEvents).toBeUndefined();
        if (expectedCapabilities.includes('invitationEvidence')) expect(typeof backend.invitationEvidence).toBe('function');
      });
    });

    describe('resend', () => {
      it('resends an invitation with a fresh expiry', async () => {
        const id = await idOf('ana.invited@example.com');
        const now = controls.now();
        expect(unwrap(await backend.resendInvite(id))).toEqual({ sentAt: iso(now), expiresAt: iso(now + 7 * day) });
        expect(await userOf('ana.invited@example.com')).toMatchObject({ lastSentAt: iso(now), expiresAt: iso(now + 7 * day) });
      });

      it('refuses a second resend inside the cooldown with the time left', async () => {
        const id = await idOf('ana.invited@example.com');
        unwrap(await backend.resendInvite(id));
        controls.advance(5 * minute);
        expect(expectError(await backend.resendInvite(id), 'rate_limited')).toMatchObject({ retryAfterMs: 10 * minute });
      });

      it('makes the person invited three minutes ago wait out the cooldown, then resends', async () => {
        const id = await idOf('ben.recent@example.com');
        expect(expectError(await backend.resendInvite(id), 'rate_limited')).toMatchObject({ retryAfterMs: 12 * minute });
        controls.advance(12 * minute);
        expect(unwrap(await backend.resendInvite(id)).sentAt).toBe(iso(controls.now()));
      });

      it('renews an expired invitation', async () => {
        unwrap(await backend.resendInvite(await idOf('cara.expired@example.com')));
        expect(Date.parse((await userOf('cara.expired@example.com')).expiresAt ?? '')).toBeGreaterThan(controls.now());
      });

      it('invalidates the old link when it resends', async () => {
        const id = await idOf('ana.invited@example.com');
        const before = unwrap(await backend.getInviteLink(id)).url;
        unwrap(await backend.resendInvite(id));
        const after = unwrap(await backend.getInviteLink(id));
        expect(after.url).not.toBe(before);
        expect(after.expiresAt).toBe(iso(controls.now() + 7 * day));
      });

      it('refuses to resend to someone who already accepted', async () => {
        expectError(await backend.resendInvite(await idOf('dan.active@example.com')), 'conflict');
        expectError(await backend.resendInvite(await idOf('kim.halfway@example.com')), 'conflict');
      });

      it('refuses to resend to a deactivated user', async () => {
        expectError(await backend.resendInvite(await idOf('eve.deactivated@example.com')), 'deactivated');
      });

      it('answers not_found for an unknown user id', async () => {
        expectError(await backend.resendInvite('usr_does_not_exist'), 'not_found');
      });
    });

    describe('invite link', () => {
      it('hands out the current single-use link without rotating it', async () => {
        const user = await userOf('lee@gmial.com');
        const first = unwrap(await backend.getInviteLink(user.id));
        expect(first.url).toMatch(/^https:\/\/app\.example\.com\/invite\/[A-Za-z0-9_-]{24,}$/);
        expect(first).toMatchObject({ singleUse: true, expiresAt: user.expiresAt });
        expect(unwrap(await backend.getInviteLink(user.id)).url).toBe(first.url);
      });

      it('does not restart the resend cooldown when copying a link', async () => {
        const ben = await idOf('ben.recent@example.com');
        unwrap(await backend.getInviteLink(ben));
        expect(expectError(await backend.resendInvite(ben), 'rate_limited')).toMatchObject({ retryAfterMs: 12 * minute });
        const ana = await idOf('ana.invited@example.com');
        unwrap(await backend.getInviteLink(ana));
        unwrap(await backend.resendInvite(ana));
      });

      it('refuses a link for an active or a deactivated user', async () => {
        expectError(await backend.getInviteLink(await idOf('dan.active@example.com')), 'conflict');
        expectError(await backend.getInviteLink(await idOf('eve.deactivated@example.com')), 'deactivated');
        expectError(await backend.getInviteLink('usr_does_not_exist'), 'not_found');
      });
    });

    describe('password reset', () => {
      it('sends a password reset to an active user, also one who never finished setup', async () => {
        const now = controls.now();
        expect(unwrap(await backend.sendPasswordReset(await idOf('dan.active@example.com')))).toEqual({ sentAt: iso(now), expiresAt: iso(now + 6 * hour) });
        unwrap(await backend.sendPasswordReset(await idOf('kim.halfway@example.com')));
      });

      it('refuses a password reset while the invitation is pending', async () => {
        expectError(await backend.sendPasswordReset(await idOf('ana.invited@example.com')), 'conflict');
      });

      it('refuses a password reset for a deactivated user', async () => {
        expectError(await backend.sendPasswordReset(await idOf('eve.deactivated@example.com')), 'deactivated');
      });
    });

    describe('cancel and re-invite', () => {
      it('frees the address when an invitation is cancelled, then invites it again', async () => {
        const old = await idOf('ana.invited@example.com');
        expect(unwrap(await backend.cancelInvite(old))).toEqual({ cancelledAt: iso(controls.now()) });
        expect(unwrap(await backend.findUser('ana.invited@example.com'))).toBeNull();
        const invited = unwrap(await backend.inviteUser('ana.invited@example.com'));
        expect(invited).toMatchObject({ status: 'invited', team: 'a', lastSentAt: iso(controls.now()), acceptedAt: null });
        expect(invited.id).not.toBe(old);
        expect((await userOf('ana.invited@example.com')).id).toBe(invited.id);
      });

      it('forgets the cancelled user and their link', async () => {
        const old = await idOf('ana.invited@example.com');
        unwrap(await backend.cancelInvite(old));
        expectError(await backend.getInviteLink(old), 'not_found');
        expectError(await backend.resendInvite(old), 'not_found');
      });

      it('refuses to cancel an accepted invitation or a deactivated user', async () => {
        expectError(await backend.cancelInvite(await idOf('dan.active@example.com')), 'conflict');
        expectError(await backend.cancelInvite(await idOf('eve.deactivated@example.com')), 'deactivated');
      });

      it('refuses to invite an address that is already invited or active', async () => {
        expectError(await backend.inviteUser('ANA.invited@example.com'), 'conflict');
        expectError(await backend.inviteUser('dan.active@example.com'), 'conflict');
      });

      it('never re-invites a deactivated user', async () => {
        expectError(await backend.inviteUser('eve.deactivated@example.com'), 'deactivated');
      });

      it('invites a never-invited address into the requested team and mails it', async () => {
        expect(unwrap(await backend.inviteUser('new.person@example.com', { team: 'b' }))).toMatchObject({ email: 'new.person@example.com', team: 'b', status: 'invited' });
        expect(unwrap(await backend.deliveryEvents('new.person@example.com')).map((event) => event.kind)).toEqual(['sent', 'delivered']);
      });
    });

    describe('delivery log', () => {
      it.each(bounces)('explains why mail to $email did not arrive', async ({ email, kind, enhancedCode, phrase }) => {
        const events = unwrap(await backend.deliveryEvents(email));
        expect(events.map((event) => event.kind)).toEqual(['sent', kind]);
        expect(events[1]?.email).toBe(email);
        expect(events[1]?.enhancedCode).toBe(enhancedCode);
        expect(events[1]?.text).toMatch(phrase);
      });

      it('shows a delivered invitation as sent, then delivered with 250', async () => {
        for (const email of ['ana.invited@example.com', 'lee@gmial.com']) {
          const events = unwrap(await backend.deliveryEvents(email));
          expect(events.map((event) => event.kind)).toEqual(['sent', 'delivered']);
          expect(events[1]).toMatchObject({ smtpCode: 250, enhancedCode: '2.0.0' });
        }
      });

      it('shows the invitation sent three minutes ago as still in flight', async () => {
        expect(unwrap(await backend.deliveryEvents('ben.recent@example.com'))).toMatchObject([{ kind: 'sent', at: iso(controls.now() - 3 * minute) }]);
      });

      it('returns an empty log for an address never mailed', async () => {
        expect(unwrap(await backend.deliveryEvents('nobody@example.com'))).toEqual([]);
      });

      it('bounces a new attempt to a domain without MX or an unknown mailbox again', async () => {
        unwrap(await backend.resendInvite(await idOf('finn@exampel.com')));
        expect(await lastEvent('finn@exampel.com')).toMatchObject({ kind: 'bounced', enhancedCode: '5.1.2', at: iso(controls.now()) });
        unwrap(await backend.resendInvite(await idOf('gus.nomailbox@example.com')));
        expect(await lastEvent('gus.nomailbox@example.com')).toMatchObject({ kind: 'bounced', enhancedCode: '5.1.1' });
        expect(unwrap(await backend.deliveryEvents('finn@exampel.com'))).toHaveLength(4);
      });

      it('keeps a new attempt to corp.example blocked by the spam filter', async () => {
        unwrap(await backend.resendInvite(await idOf('ivan@corp.example')));
        expect(await lastEvent('ivan@corp.example')).toMatchObject({ kind: 'bounced', enhancedCode: '5.7.1', smtpCode: 550 });
      });

      it('delivers to the suppressed address after a forced resend', async () => {
        unwrap(await backend.resendInvite(await idOf('hana.suppressed@example.com')));
        expect(await lastEvent('hana.suppressed@example.com')).toMatchObject({ kind: 'delivered' });
      });

      it('drops a plain re-invite to a suppressed address until the suppression is cleared', async () => {
        const email = 'hana.suppressed@example.com';
        unwrap(await backend.cancelInvite(await idOf(email)));
        const again = unwrap(await backend.inviteUser(email));
        expect(await lastEvent(email)).toMatchObject({ kind: 'dropped' });
        expect(unwrap(await backend.clearSuppression!(email))).toEqual({ clearedAt: iso(controls.now()) });
        unwrap(await backend.cancelInvite(again.id));
        // A cancel and re-invite of one address inside the resend cooldown may be refused.
        controls.advance(15 * minute);
        unwrap(await backend.inviteUser(email));
        expect(await lastEvent(email)).toMatchObject({ kind: 'delivered' });
      });

      it('logs a password reset as a delivery attempt', async () => {
        unwrap(await backend.sendPasswordReset(await idOf('dan.active@example.com')));
        expect(unwrap(await backend.deliveryEvents('dan.active@example.com')).slice(-2)).toMatchObject([
          { kind: 'sent', at: iso(controls.now()) },
          { kind: 'delivered', at: iso(controls.now()) },
        ]);
      });
    });

    describe('listing', () => {
      const manager: Role = { kind: 'team-manager', team: 'a' };
      const byEmail = (emails: string[]) => [...emails].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      const list = async (filter: InvitationFilter) => {
        if (!backend.listInvitations) throw new Error('listInvitations is not implemented');
        return unwrap(await backend.listInvitations(filter));
      };
      /** Every page in turn; fails on a page over the limit or a loop. */
      const listAll = async (filter: InvitationFilter = {}, limit = 4) => {
        const rows: InvitedUser[] = [];
        let cursor: string | undefined;
        for (let pages = 0; pages < 100; pages++) {
          const page = await list({ ...filter, limit, ...(cursor === undefined ? {} : { cursor }) });
          expect(page.invitations.length).toBeLessThanOrEqual(limit);
          rows.push(...page.invitations);
          if (page.nextCursor === null) return rows;
          cursor = page.nextCursor;
        }
        throw new Error('the listing never ended');
      };
      const emailsOf = (rows: InvitedUser[]) => rows.map((row) => row.email);

      it('pages through every user exactly once, ordered by email, with a small limit', async () => {
        const rows = await listAll({}, 4);
        expect(emailsOf(rows)).toEqual(byEmail(seeded.map((user) => user.email)));
        expect(new Set(rows.map((row) => row.id)).size).toBe(seeded.length);
        expect(rows.find((row) => row.email === 'dan.active@example.com')).toMatchObject({ status: 'active', team: 'a', setupCompleted: true });
      });

      it('returns 50 rows by default and says when there is no next page', async () => {
        const page = await list({});
        expect(emailsOf(page.invitations)).toEqual(byEmail(seeded.map((user) => user.email)));
        expect(page.nextCursor).toBeNull();
        const first = await list({ limit: 1 });
        expect(first.invitations).toHaveLength(1);
        expect(typeof first.nextCursor).toBe('string');
      });

      it('continues after the last row even when rows change between pages', async () => {
        const first = await list({ limit: 3 });
        expect(emailsOf(first.invitations)).toEqual(['ana.invited@example.com', 'ben.recent@example.com', 'cara.expired@example.com']);
        unwrap(await backend.cancelInvite(await idOf('ben.recent@example.com')));
        unwrap(await backend.inviteUser('aaron.new@example.com'));
        const second = await list({ limit: 3, cursor: first.nextCursor ?? '' });
        expect(emailsOf(second.invitations)).toEqual(['dan.active@example.com', 'eve.deactivated@example.com', 'finn@exampel.com']);
      });

      it('filters by status', async () => {
        expect(emailsOf(await listAll({ status: 'active' }))).toEqual(['dan.active@example.com', 'kim.halfway@example.com']);
        expect(emailsOf(await listAll({ status: 'deactivated' }))).toEqual(['eve.deactivated@example.com']);
        expect(emailsOf(await listAll({ status: 'invited' }))).toEqual(byEmail(seeded.filter((user) => user.status === 'invited').map((user) => user.email)));
      });

      it('filters by the exact domain, in any case, and not by a part of it', async () => {
        expect(emailsOf(await listAll({ domain: 'CORP.example' }))).toEqual(byEmail(corp));
        expect(emailsOf(await listAll({ domain: 'exampel.com' }))).toEqual(['finn@exampel.com']);
        expect(await listAll({ domain: 'example' })).toEqual([]);
        expect(await listAll({ domain: 'ample.com' })).toEqual([]);
        const exampleCom = seeded.filter((user) => user.email.endsWith('@example.com')).map((user) => user.email);
        expect(emailsOf(await listAll({ domain: 'example.com' }))).toEqual(byEmail(exampleCom));
      });

      it('matches an internationalised domain in either spelling', async () => {
        const invited = unwrap(await backend.inviteUser('zoe@bücher.example'));
        expect(invited.email).toBe('zoe@xn--bcher-kva.example');
        expect(emailsOf(await listAll({ domain: 'bücher.example' }))).toEqual(['zoe@xn--bcher-kva.example']);
        expect(emailsOf(await listAll({ domain: 'XN--BCHER-KVA.example' }))).toEqual(['zoe@xn--bcher-kva.example']);
      });

      it('searches a prefix of the address or of any word of the name, ignoring case', async () => {
        expect(emailsOf(await listAll({ q: 'ANA' }))).toEqual(['ana.invited@example.com']);
        expect(emailsOf(await listAll({ q: 'petrov' }))).toEqual(['ivan@corp.example']);
        expect(emailsOf(await listAll({ q: 'ca' }))).toEqual(['ben.recent@example.com', 'cara.expired@example.com']);
        expect(emailsOf(await listAll({ q: 'hana.suppressed@ex' }))).toEqual(['hana.suppressed@example.com']);
        expect(await listAll({ q: 'example' })).toEqual([]);
        expect(await listAll({ q: 'trov' })).toEqual([]);
      });

      it('combines the filters', async () => {
        expect(emailsOf(await listAll({ status: 'invited', domain: 'example.com', q: 'h' }))).toEqual([
          'gus.nomailbox@example.com',
          'hana.suppressed@example.com',
          'mo.teamb@example.com',
        ]);
      });

      it('refuses a cursor that does not decode instead of starting again from the first page', async () => {
        for (const cursor of ['not a cursor', 'AAAA', 'eyJ4IjoxfQ']) {
          expect(expectError(await backend.listInvitations!({ limit: 2, cursor }), 'unavailable')).toMatchObject({ cause: 'server', status: 400 });
        }
      });

      it('shows a team manager only their own team', async () => {
        await controls.setRole(manager);
        const rows = await listAll({}, 5);
        expect(emailsOf(rows)).toEqual(byEmail(seeded.filter((user) => user.team === 'a').map((user) => user.email)));
        expect(await listAll({ q: 'haddad' })).toEqual([]);
        expect(await listAll({ domain: 'example.com', status: 'invited' })).not.toContainEqual(expect.objectContaining({ team: 'b' }));
      });
    });

    describe('roles', () => {
      const manager: Role = { kind: 'team-manager', team: 'a' };

      it('lets a team manager work with their own team', async () => {
        await controls.setRole(manager);
        unwrap(await backend.resendInvite(await idOf('ana.invited@example.com')));
        expect(unwrap(await backend.inviteUser('newcomer@example.com')).team).toBe('a');
      });

      if (outsideTeam === 'refused') {
        it('refuses a team manager anything about a user of team b', async () => {
          const mo = await idOf('mo.teamb@example.com');
          await controls.setRole(manager);
          expectError(await backend.findUser('mo.teamb@example.com'), 'not_permitted');
          expectError(await backend.resendInvite(mo), 'not_permitted');
          expectError(await backend.getInviteLink(mo), 'not_permitted');
          expectError(await backend.cancelInvite(mo), 'not_permitted');
          expectError(await backend.deliveryEvents('mo.teamb@example.com'), 'not_permitted');
        });
      } else {
        it('hides a user of team b from a team manager as if they did not exist', async () => {
          const mo = await idOf('mo.teamb@example.com');
          await controls.setRole(manager);
          expect(unwrap(await backend.findUser('mo.teamb@example.com'))).toBeNull();
          expectError(await backend.resendInvite(mo), 'not_found');
          expectError(await backend.getInviteLink(mo), 'not_found');
          expectError(await backend.sendPasswordReset(mo), 'not_found');
          expectError(await backend.cancelInvite(mo), 'not_found');
          expect(unwrap(await backend.deliveryEvents('mo.teamb@example.com'))).toEqual([]);
        });

        it('answers a team-b user id exactly like an unknown id', async () => {
          const mo = await idOf('mo.teamb@example.com');
          await controls.setRole(manager);
          const hidden = expectError(await backend.resendInvite(mo), 'not_found');
          const unknown = expectError(await backend.resendInvite('usr_does_not_exist'), 'not_found');
          expect(hidden.message).toBe(unknown.message);
        });
      }

      it('refuses a team manager inviting into another team', async () => {
        await controls.setRole(manager);
        expectError(await backend.inviteUser('newcomer@example.com', { team: 'b' }), 'not_permitted');
      });
    });

    describe('our own sending side', () => {
      it('reports how outgoing mail is set up, its links pointing at a bare origin', async (context) => {
        if (!backend.capabilities().has('sendingStatus') || !backend.sendingStatus) return context.skip();
        const status = unwrap(await backend.sendingStatus());
        expect(typeof status.configured).toBe('boolean');
        for (const field of ['provider', 'from'] as const) expect(['undefined', 'string']).toContain(typeof status[field]);
        expect(status.problem === undefined || status.problem === null || notSentReasons.includes(status.problem)).toBe(true);
        if (status.linkOrigin === undefined) return;
        // No path, query or fragment: nothing of a token can ride along.
        expect(status.linkOrigin).toBe(new URL(status.linkOrigin).origin);
        expect(status.linkOrigin).toMatch(/^https?:\/\//);
        expect(new URL(unwrap(await backend.getInviteLink(await idOf('lee@gmial.com'))).url).origin).toBe(status.linkOrigin);
      });

      it('answers the sending status to a team manager too: it names no address', async (context) => {
        if (!backend.capabilities().has('sendingStatus') || !backend.sendingStatus) return context.skip();
        await controls.setRole({ kind: 'team-manager', team: 'a' });
        expect(typeof unwrap(await backend.sendingStatus()).configured).toBe('boolean');
      });

      it('logs the invitation the provider refused as not sent, with its reason and no sent event', async () => {
        expect(unwrap(await backend.deliveryEvents('quinn.quota@example.com'))).toMatchObject([{ kind: 'not_sent', reason: 'provider_rate_limited', text: expect.any(String) }]);
      });

      it('gives every not_sent event a reason from the contract, and no other event one', async () => {
        for (const { email } of seeded) {
          for (const event of unwrap(await backend.deliveryEvents(email))) {
            if (event.kind === 'not_sent') expect(notSentReasons, email).toContain(event.reason);
            else expect(event.reason, email).toBeUndefined();
          }
        }
      });

      it('carries a not_sent error with its reason, wait and message through unchanged', async (context) => {
        if (!controls.injectFault) return context.skip();
        const id = await idOf('ana.invited@example.com');
        const error: BackendError = { kind: 'not_sent', reason: 'sandbox_recipient', retryAfterMs: 60_000, message: 'Sandbox mode: only verified recipients' };
        controls.injectFault('resendInvite', error);
        expect(expectError(await backend.resendInvite(id), 'not_sent')).toEqual(error);
        controls.injectFault('inviteUser', { kind: 'not_sent', reason: 'mail_not_configured' });
        expect(expectError(await backend.inviteUser('new.person@example.com'), 'not_sent')).toMatchObject({ reason: 'mail_not_configured' });
      });
    });

    describe('link events', () => {
      it('lists what happened to the links of each address, oldest first, in the terms of the contract', async (context) => {
        if (!backend.capabilities().has('linkEvents') || !backend.linkEvents) return context.skip();
        for (const { email } of seeded) {
          const events = unwrap(await backend.linkEvents(email));
          expect(events.map((event) => Date.parse(event.at)), email).toEqual(events.map((event) => Date.parse(event.at)).sort((a, b) => a - b));
          for (const event of events) {
            expect(event.email).toBe(email);
            expect(['opened', 'accepted', 'refused']).toContain(event.kind);
            if (event.refusal !== undefined) expect(['used', 'expired', 'revoked', 'wrong_account']).toContain(event.refusal);
            expect(['undefined', 'boolean']).toContain(typeof event.automated);
          }
        }
      });

      it('tells the link a security gateway spent seconds after delivery, and the one opened in another account', async (context) => {
        if (!backend.capabilities().has('linkEvents') || !backend.linkEvents) return context.skip();
        expect(unwrap(await backend.linkEvents('Nils@gatekeep.example'))).toMatchObject([{ kind: 'refused', refusal: 'used', automated: true, secondsAfterDelivery: 6 }]);
        expect(unwrap(await backend.linkEvents('olga.otheraccount@example.com'))).toMatchObject([{ kind: 'refused', refusal: 'wrong_account', automated: false }]);
      });

      it('answers an empty list for an address never invited', async (context) => {
        if (!backend.capabilities().has('linkEvents') || !backend.linkEvents) return context.skip();
        expect(unwrap(await backend.linkEvents('nobody@example.com'))).toEqual([]);
      });

      it('records an opened and an accepted event when the invitee follows the link, and a refusal when it is opened again', async (context) => {
        if (!backend.capabilities().has('linkEvents') || !backend.linkEvents || !controls.openInviteLink) return context.skip();
        const email = 'ana.invited@example.com';
        const before = unwrap(await backend.linkEvents(email)).length;
        await controls.openInviteLink(email);
        const at = iso(controls.now());
        expect(unwrap(await backend.linkEvents(email)).slice(before)).toMatchObject([
          { at, email, kind: 'opened', automated: false },
          { at, email, kind: 'accepted', automated: false },
        ]);
        controls.advance(minute);
        await controls.openInviteLink(email).catch(() => undefined);
        expect(unwrap(await backend.linkEvents(email)).slice(before + 2)).toMatchObject([
          { at: iso(controls.now()), kind: 'opened' },
          { at: iso(controls.now()), kind: 'refused', refusal: 'used' },
        ]);
      });
    });

    describe('invitation evidence', () => {
      const evidenceOf = async (emails: readonly string[]) => unwrap(await backend.invitationEvidence!(emails));
      /** What the per-address reads answer: the delivery log, and the link events where the backend records them. */
      const oneByOne = async (email: string) => ({
        email,
        deliveryEvents: unwrap(await backend.deliveryEvents(email)),
        linkEvents: backend.capabilities().has('linkEvents') && backend.linkEvents ? unwrap(await backend.linkEvents(email)) : [],
      });
      const skipUnlessOffered = (context: { skip(): void }) => {
        if (!backend.capabilities().has('invitationEvidence') || !backend.invitationEvidence) context.skip();
      };

      it('answers for every seeded address exactly what deliveryEvents and linkEvents answer one at a time', async (context) => {
        skipUnlessOffered(context);
        const emails = [...seeded.map(({ email }) => email), 'nobody@example.com'];
        const expected = [];
        for (const email of emails) expected.push(await oneByOne(email));
        expect(await evidenceOf(emails)).toEqual(expected);
        expect(expected.some((entry) => entry.deliveryEvents.length > 1)).toBe(true);
      });

      it('keeps the order asked and answers an address asked twice, in any spelling, once', async (context) => {
        skipUnlessOffered(context);
        const evidence = await evidenceOf(['Lee@GMIAL.com', 'ana.invited@example.com', '  lee@gmial.com ', 'Finn@Exampel.com']);
        expect(evidence.map((entry) => entry.email)).toEqual(['lee@gmial.com', 'ana.invited@example.com', 'finn@exampel.com']);
        expect(evidence[2]).toEqual(await oneByOne('finn@exampel.com'));
      });

      it('answers empty lists for an address nobody has, and takes 200 addresses in one call', async (context) => {
        skipUnlessOffered(context);
        expect(await evidenceOf(['nobody@example.com'])).toEqual([{ email: 'nobody@example.com', deliveryEvents: [], linkEvents: [] }]);
        const many = Array.from({ length: maxEvidenceAddresses }, (_, index) => `person${index}@example.com`);
        many[maxEvidenceAddresses - 1] = 'gus.nomailbox@example.com';
        const evidence = await evidenceOf(many);
        expect(evidence).toHaveLength(maxEvidenceAddresses);
        expect(evidence.at(-1)).toEqual(await oneByOne('gus.nomailbox@example.com'));
      });

      it('refuses more than 200 addresses, an empty list and a value that is not an address, as the API\'s 400', async (context) => {
        skipUnlessOffered(context);
        const tooMany = Array.from({ length: maxEvidenceAddresses + 1 }, (_, index) => `person${index}@example.com`);
        for (const emails of [tooMany, [], ['ana.invited@example.com', 'not an address']]) {
          expect(expectError(await backend.invitationEvidence!(emails), 'unavailable'), `${emails.length} addresses`).toMatchObject({ cause: 'server', status: 400, message: expect.any(String) });
        }
      });

      it('gives a team manager empty lists for addresses outside their team, and their own team\'s evidence in full', async (context) => {
        skipUnlessOffered(context);
        const own = await oneByOne('finn@exampel.com');
        await controls.setRole({ kind: 'team-manager', team: 'a' });
        expect(await evidenceOf(['mo.teamb@example.com', 'finn@exampel.com'])).toEqual([{ email: 'mo.teamb@example.com', deliveryEvents: [], linkEvents: [] }, own]);
      });

      it('carries an error of the call through unchanged', async (context) => {
        skipUnlessOffered(context);
        if (!controls.injectFault) return context.skip();
        controls.injectFault('invitationEvidence', { kind: 'rate_limited', retryAfterMs: 5_000, message: 'Slow down' });
        expect(expectError(await backend.invitationEvidence!(['ana.invited@example.com']), 'rate_limited')).toEqual({ kind: 'rate_limited', retryAfterMs: 5_000, message: 'Slow down' });
        expect(await evidenceOf(['ana.invited@example.com'])).toHaveLength(1);
      });
    });

    describe('lifecycle', () => {
      it('rebuilds the seed relative to the current time on reset', async () => {
        unwrap(await backend.cancelInvite(await idOf('ana.invited@example.com')));
        controls.advance(1 * day);
        await controls.reset();
        expect((await userOf('ana.invited@example.com')).invitedAt).toBe(iso(controls.now() - 2 * hour));
      });

      it('resolves unavailable/aborted for an aborted call and does nothing', async () => {
        const id = await idOf('ana.invited@example.com');
        const controller = new AbortController();
        controller.abort();
        expect(expectError(await backend.resendInvite(id, { signal: controller.signal }), 'unavailable')).toMatchObject({ cause: 'aborted' });
        unwrap(await backend.resendInvite(id));
      });
    });
  });
}
