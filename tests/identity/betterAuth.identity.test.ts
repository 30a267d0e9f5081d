import { createHash } from 'node:crypto';
import { createServer, type AddressInfo } from 'node:net';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { betterAuth } from 'better-auth';
import { getMigrations } from 'better-auth/db/migration';
import { admin, organization } from 'better-auth/plugins';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { PGliteDialect } from 'kysely-pglite-dialect';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../src/engine/Policy.ts';
import type { InvitedUser } from '../../src/engine/InvitationBackend.ts';
import type { Result } from '../../src/engine/Result.ts';
import { betterAuthIdentity, readBetterAuthConfig } from '../../server/identity/betterAuth/betterAuthIdentity.ts';
import { createBetterAuthSource } from '../../server/identity/betterAuth/createBetterAuthSource.ts';
import { readBetterAuthFailure } from '../../server/identity/betterAuth/readBetterAuthFailure.ts';
import type { IdentityMail, IdentitySource } from '../../server/identity/IdentitySource.ts';
import { findPostgresBinaries, startPostgres, type TestPostgres } from '../support/startPostgres.ts';
import { describeIdentityConformance, freshAddress, type IdentitySituation } from '../support/describeIdentityConformance.ts';

// better-auth runs in-process on a real PostgreSQL (PGlite), as two instances over one database:
// the team's own app (email and password, the organization and admin plugins), which seeds users
// through its own API, and the Invite Doctor source under test, which opens better-auth itself.

const cacheDir = resolve(import.meta.dirname, '../../node_modules/.cache/invite-doctor');
const betterAuthVersion = (JSON.parse(await readFile(resolve(import.meta.dirname, '../../node_modules/better-auth/package.json'), 'utf8')) as { version: string }).version;
const secret = 'test-secret-0123456789-abcdefghijklmnop';
const appUrl = 'http://127.0.0.1:3000';
const ssoProviderId = 'acme-okta';
const password = 'correct-horse-battery';

async function fastHash(value: string): Promise<string> {
  return createHash('sha256').update(value).digest('hex');
}

/**
 * A fresh PGlite database with better-auth's migrations run (better-auth's own getMigrations on
 * the app's options). Creating and migrating one costs many seconds, so the migrated database is
 * cached on disk per better-auth version and loaded from there (well under a second).
 */
async function openMigratedDatabase(migrate: (db: Kysely<never>) => Promise<void>): Promise<PGlite> {
  const path = join(cacheDir, `better-auth-${betterAuthVersion}-organization-admin-pglite.tar`);
  const cached = await readFile(path).catch(() => null);
  if (cached) return PGlite.create({ loadDataDir: new Blob([cached]) });
  const pglite = await PGlite.create();
  await migrate(new Kysely<never>({ dialect: new PGliteDialect(pglite) }));
  const dump = await pglite.dumpDataDir('none');
  await mkdir(cacheDir, { recursive: true });
  const partial = `${path}.${process.pid}.partial`;
  await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
  await rename(partial, path);
  return pglite;
}

function createAppOptions(db: Kysely<never>, appMails: { kind: string; id: string; email: string }[]) {
  return {
    database: { db, type: 'postgres' as const },
    secret,
    baseURL: appUrl,
    telemetry: { enabled: false },
    logger: { disabled: true },
    // A fast hash (better-auth's scrypt costs a second a sign-up on a busy machine); how passwords are
    // hashed is no part of what the adapter reads.
    emailAndPassword: { enabled: true, sendResetPassword: async () => {}, password: { hash: fastHash, verify: async ({ hash, password }: { hash: string; password: string }) => hash === (await fastHash(password)) } },
    plugins: [
      organization({
        async sendInvitationEmail({ invitation }) {
          appMails.push({ kind: 'invitation', id: invitation.id, email: invitation.email });
        },
      }),
      admin(),
    ],
  };
}

type App = ReturnType<typeof betterAuth<ReturnType<typeof createAppOptions>>>;

interface World {
  app: App;
  pglite: PGlite;
  organizationId: string;
  otherOrganizationId: string;
  ownerHeaders: Headers;
  mails: IdentityMail[];
  appMails: { kind: string; id: string; email: string }[];
  createSource(env?: Record<string, string>): IdentitySource;
  seed(situation: IdentitySituation, email: string): Promise<void>;
  /** Signs a person up in the team's app; resolves their session headers and user id. */
  signUp(email: string): Promise<{ headers: Headers; userId: string }>;
  close(): Promise<void>;
}

function sessionHeaders(response: { headers: Headers }): Headers {
  const cookie = response.headers.get('set-cookie');
  if (!cookie) throw new Error('better-auth set no session cookie');
  return new Headers({ cookie: cookie.split(';')[0]! });
}

async function startWorld(): Promise<World> {
  const appMails: World['appMails'] = [];
  const pglite = await openMigratedDatabase(async (db) => (await getMigrations(createAppOptions(db, appMails))).runMigrations());
  const appDb = new Kysely<never>({ dialect: new PGliteDialect(pglite) });
  const options = createAppOptions(appDb, appMails);
  const app = betterAuth(options);
  const appContext = await app.$context;

  const signUp = async (email: string) => {
    const response = await app.api.signUpEmail({ body: { email, password, name: `Person ${email.split('@')[0]}` }, returnHeaders: true });
    return { headers: sessionHeaders(response), userId: response.response.user.id };
  };
  const owner = await signUp(freshAddress('owner'));
  // The owner is also the app's admin (admin plugin), so it can ban and create users.
  await appContext.internalAdapter.updateUser(owner.userId, { role: 'admin' });
  const ownerHeaders = owner.headers;
  const created = await app.api.createOrganization({ body: { name: 'Acme', slug: `acme-${Date.now().toString(36)}` }, headers: ownerHeaders });
  const other = await app.api.createOrganization({ body: { name: 'Other', slug: `other-${Date.now().toString(36)}` }, headers: ownerHeaders });
  if (!created || !other) throw new Error('better-auth created no organisation');
  const organizationId = created.id;

  const invite = (email: string, organization = organizationId) => app.api.createInvitation({ body: { email, role: 'member', organizationId: organization }, headers: ownerHeaders });
  const join = async (email: string) => {
    const invitation = await invite(email);
    const person = await signUp(email);
    await app.api.acceptInvitation({ body: { invitationId: invitation.id }, headers: person.headers });
    return person;
  };

  const mails: IdentityMail[] = [];
  const sources: IdentitySource[] = [];
  const createSource = (env: Record<string, string> = {}) => {
    const config = readBetterAuthConfig({
      BETTER_AUTH_DATABASE_URL: 'postgres://unused.invalid/app',
      BETTER_AUTH_SECRET: secret,
      BETTER_AUTH_URL: appUrl,
      BETTER_AUTH_ORGANIZATION_ID: organizationId,
      BETTER_AUTH_SSO_PROVIDER_IDS: ssoProviderId,
      ...env,
    });
    const source = createBetterAuthSource({
      db: new Kysely<never>({ dialect: new PGliteDialect(pglite) }),
      config,
      context: {
        clock: Date.now,
        policy: defaultPolicy,
        defaultTeam: 'default-team',
        timeoutMs: 20_000,
        async sendMail(mail) {
          mails.push(mail);
          return [{ at: new Date().toISOString(), email: mail.to, kind: 'sent', source: 'smtp' }];
        },
      },
    });
    sources.push(source);
    return source;
  };

  const seed = async (situation: IdentitySituation, email: string) => {
    switch (situation) {
      case 'invited': {
        // Sent an hour ago (still valid): a mail sent this second is still within the delivery
        // window, where the wizard rightly says to wait rather than to look in spam.
        const invitation = await invite(email);
        const hour = 60 * 60_000;
        const update = { createdAt: new Date(invitation.createdAt.getTime() - hour), expiresAt: new Date(invitation.expiresAt.getTime() - hour) };
        await appContext.adapter.update({ model: 'invitation', where: [{ field: 'id', value: invitation.id }], update });
        return;
      }
      case 'expired': {
        const invitation = await invite(email);
        await appContext.adapter.update({ model: 'invitation', where: [{ field: 'id', value: invitation.id }], update: { expiresAt: new Date(Date.now() - 60_000) } });
        return;
      }
      case 'active':
        await join(email);
        return;
      case 'deactivated': {
        const person = await join(email);
        await app.api.banUser({ body: { userId: person.userId, banReason: 'test' }, headers: ownerHeaders });
        return;
      }
      case 'setupIncomplete': {
        // The admin plugin's createUser without a password: no way to sign in until they finish.
        const created = await app.api.createUser({ body: { email, name: 'Not Yet', role: 'user' }, headers: ownerHeaders });
        await app.api.addMember({ body: { userId: created.user.id, organizationId, role: 'member' } });
        return;
      }
      case 'sso': {
        // What an SSO sign-in leaves behind: a user whose only account is the SSO provider's.
        const { user } = await appContext.internalAdapter.createOAuthUser({ email, name: 'Single Sign', emailVerified: true }, { providerId: ssoProviderId, accountId: `okta-${email}` });
        await app.api.addMember({ body: { userId: user.id, organizationId, role: 'member' } });
        return;
      }
      default:
        throw new Error(`better-auth cannot express ${situation}`);
    }
  };

  return {
    app,
    pglite,
    organizationId,
    otherOrganizationId: other.id,
    ownerHeaders,
    mails,
    appMails,
    createSource,
    seed,
    signUp,
    async close() {
      // Each Kysely over PGlite closes the one database; the first close does it.
      for (const source of sources) await source.close?.().catch(() => {});
      await appDb.destroy().catch(() => {});
    },
  };
}

function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
}

let world: Promise<World> | null = null;
const sharedWorld = () => (world ??= startWorld());

describeIdentityConformance(
  'better-auth',
  async () => {
    const current = await sharedWorld();
    return { source: current.createSource(), seed: current.seed, close: async () => {} };
  },
  { situations: ['invited', 'expired', 'active', 'setupIncomplete', 'sso', 'deactivated'] },
);

describe('better-auth identity source', () => {
  let current: World;
  let source: IdentitySource;
  const linkId = (url: string) => decodeURIComponent(new URL(url).pathname.replace(/^\/accept-invitation\//, ''));
  const seeded = async (situation: IdentitySituation, label: string = situation): Promise<InvitedUser> => {
    const email = freshAddress(label);
    await current.seed(situation, email);
    const user = unwrap(await source.findUser(email));
    if (!user) throw new Error(`${email} not found`);
    return user;
  };

  beforeAll(async () => {
    current = await sharedWorld();
    source = current.createSource();
  });
  afterAll(async () => {
    await current?.close();
  });

  it('says better-auth sends no mail itself and a resend keeps the link', () => {
    expect(source.describe()).toEqual({ identity: 'better-auth', identityName: 'better-auth', resend: 'native', resendRotatesLink: false, providerSendsMail: false });
  });

  it('keeps the invitation id (so the link) on a resend and pushes the expiry, as the plugin\'s own resend does', async () => {
    const user = await seeded('invited');
    const before = unwrap(await source.getInviteLink(user.id));
    // Pull the expiry close, so the push is visible.
    const soon = new Date(Date.now() + 60 * 60_000);
    await (await current.app.$context).adapter.update({ model: 'invitation', where: [{ field: 'id', value: user.id }], update: { expiresAt: soon } });

    const sent = unwrap(await source.resendInvite(user.id));
    expect(Date.parse(sent.expiresAt)).toBeGreaterThan(soon.getTime() + 24 * 60 * 60_000);
    const after = unwrap(await source.findUser(user.email))!;
    expect(after.id).toBe(user.id);
    expect(after.expiresAt).toBe(sent.expiresAt);
    expect(Date.parse(after.lastSentAt!)).toBeGreaterThan(Date.parse(user.lastSentAt!));
    expect(unwrap(await source.getInviteLink(user.id)).url).toBe(before.url);
    const mail = current.mails.at(-1)!;
    expect(mail).toMatchObject({ to: user.email, purpose: 'invitation', link: before.url, resend: true });

    // The plugin's own `resend: true` (with a member's session) keeps the id too: no rotation.
    const again = await current.app.api.createInvitation({ body: { email: user.email, role: 'member', organizationId: current.organizationId, resend: true }, headers: current.ownerHeaders });
    expect(again.id).toBe(user.id);
  });

  it('mails a link that really opens the invitation, once', async () => {
    const email = freshAddress('linked');
    const invited = unwrap(await source.inviteUser(email));
    expect(invited).toMatchObject({ email, status: 'invited', team: current.organizationId });
    const mail = current.mails.at(-1)!;
    expect(mail).toMatchObject({ to: email, purpose: 'invitation', resend: false });
    expect(mail.link.startsWith(`${appUrl}/accept-invitation/`)).toBe(true);

    const person = await current.signUp(email);
    const accepted = await current.app.api.acceptInvitation({ body: { invitationId: linkId(mail.link) }, headers: person.headers });
    expect(accepted?.member.organizationId).toBe(current.organizationId);
    const user = unwrap(await source.findUser(email))!;
    expect(user).toMatchObject({ id: person.userId, status: 'active', setupCompleted: true, team: current.organizationId });
    expect(user.invitedAt).toBe(invited.invitedAt);
    await expect(current.app.api.acceptInvitation({ body: { invitationId: linkId(mail.link) }, headers: person.headers })).rejects.toThrow();
  });

  it('mails a password-reset link that really resets the password', async () => {
    const user = await seeded('active');
    const sent = unwrap(await source.sendPasswordReset(user.id));
    expect(Date.parse(sent.expiresAt)).toBeGreaterThan(Date.parse(sent.sentAt));
    const mail = current.mails.at(-1)!;
    expect(mail).toMatchObject({ to: user.email, purpose: 'password_reset' });
    const url = new URL(mail.link);
    expect(url.origin).toBe(appUrl);
    const token = url.pathname.match(/\/api\/auth\/reset-password\/([^/]+)$/)?.[1];
    expect(token).toBeTruthy();
    await current.app.api.resetPassword({ body: { token: token!, newPassword: 'a-brand-new-password' } });
    const signedIn = await current.app.api.signInEmail({ body: { email: user.email, password: 'a-brand-new-password' } });
    expect(signedIn.user.id).toBe(user.id);
  });

  it('refuses a password reset for a banned user as deactivated', async () => {
    const user = await seeded('deactivated');
    const result = await source.sendPasswordReset(user.id);
    expect(result.ok ? 'ok' : result.error.kind).toBe('deactivated');
  });

  it('cancels through the invitation status, after which the link opens nothing', async () => {
    const user = await seeded('invited');
    const link = unwrap(await source.getInviteLink(user.id)).url;
    unwrap(await source.cancelInvite(user.id));
    const row = await (await current.app.$context).adapter.findOne<{ status: string }>({ model: 'invitation', where: [{ field: 'id', value: user.id }] });
    expect(row?.status).toBe('canceled');
    const person = await current.signUp(user.email);
    await expect(current.app.api.acceptInvitation({ body: { invitationId: linkId(link) }, headers: person.headers })).rejects.toThrow();
    expect(unwrap(await source.findUser(user.email))).toBeNull();
  });

  it('refuses to copy the link of an expired invitation, and a resend revives it', async () => {
    const user = await seeded('expired');
    const copied = await source.getInviteLink(user.id);
    expect(copied.ok ? 'ok' : copied.error.kind).toBe('conflict');
    unwrap(await source.resendInvite(user.id));
    expect(unwrap(await source.getInviteLink(user.id)).url.endsWith(user.id)).toBe(true);
  });

  it('reads a ban that has run out as active', async () => {
    const user = await seeded('deactivated');
    await (await current.app.$context).internalAdapter.updateUser(user.id, { banExpires: new Date(Date.now() - 1000) });
    expect(unwrap(await source.findUser(user.email))?.status).toBe('active');
  });

  it('sees only the configured organisation, and every organisation without one', async () => {
    const email = freshAddress('elsewhere');
    await current.app.api.createInvitation({ body: { email, role: 'member', organizationId: current.otherOrganizationId }, headers: current.ownerHeaders });
    expect(unwrap(await source.findUser(email))).toBeNull();
    const unscoped = current.createSource({ BETTER_AUTH_ORGANIZATION_ID: '' });
    expect(unwrap(await unscoped.findUser(email))).toMatchObject({ status: 'invited', team: current.otherOrganizationId });
    const invitationId = unwrap(await unscoped.findUser(email))!.id;
    const refused = await source.cancelInvite(invitationId);
    expect(refused.ok ? 'ok' : refused.error.kind).toBe('not_found');
  });

  it('treats accounts of the sso plugin\'s providers as single sign-on', async () => {
    await sql`create table if not exists "ssoProvider" ("id" text primary key, "issuer" text not null, "domain" text not null, "providerId" text not null unique, "userId" text, "organizationId" text, "oidcConfig" text, "samlConfig" text)`.execute(
      new Kysely<never>({ dialect: new PGliteDialect(current.pglite) }),
    );
    await sql`insert into "ssoProvider" ("id", "issuer", "domain", "providerId") values ('p1', 'https://idp.example', 'saml.example', 'acme-saml')`.execute(
      new Kysely<never>({ dialect: new PGliteDialect(current.pglite) }),
    );
    const email = freshAddress('saml');
    const context = await current.app.$context;
    const { user } = await context.internalAdapter.createOAuthUser({ email, name: 'Saml User', emailVerified: true }, { providerId: 'acme-saml', accountId: `saml-${email}` });
    await current.app.api.addMember({ body: { userId: user.id, organizationId: current.organizationId, role: 'member' } });
    const fresh = current.createSource({ BETTER_AUTH_SSO_PROVIDER_IDS: '' });
    expect(unwrap(await fresh.findUser(email))).toMatchObject({ status: 'active', sso: true });
  });

  it('reads better-auth\'s own refusals as provider failures with their status and code', async () => {
    const thrown = await current.app.api.acceptInvitation({ body: { invitationId: 'no-such-invitation' }, headers: current.ownerHeaders }).catch((error: unknown) => error);
    expect(readBetterAuthFailure(thrown)).toMatchObject({ status: 400, code: 'INVITATION_NOT_FOUND' });
  });

  it('answers unavailable, with what to do, when the database lacks better-auth\'s tables', async () => {
    const db = new Kysely<never>({ dialect: new PGliteDialect(current.pglite) });
    await sql`create schema if not exists "empty_app"`.execute(db);
    const config = readBetterAuthConfig({ BETTER_AUTH_DATABASE_URL: 'postgres://unused.invalid/app', BETTER_AUTH_SECRET: secret, BETTER_AUTH_URL: appUrl });
    // Not closed: closing it would close the one PGlite database the other tests share.
    const empty = createBetterAuthSource({ db: db.withSchema('empty_app'), config, context: { clock: Date.now, policy: defaultPolicy, defaultTeam: 'default-team', timeoutMs: 20_000, sendMail: async () => [] } });
    const result = await empty.findUser(freshAddress('nowhere'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ kind: 'unavailable', cause: 'server' });
    expect(result.error.message).toMatch(/better-auth.*migrations/);
  });

  it('answers unavailable (network) when the database cannot be reached', async () => {
    const closedPort = await new Promise<number>((done) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as AddressInfo;
        server.close(() => done(port));
      });
    });
    const env = { BETTER_AUTH_DATABASE_URL: `postgres://app@127.0.0.1:${closedPort}/app`, BETTER_AUTH_SECRET: secret, BETTER_AUTH_URL: appUrl };
    const unreachable = await betterAuthIdentity.create(betterAuthIdentity.readConfig(env), { clock: Date.now, policy: defaultPolicy, defaultTeam: 'default-team', timeoutMs: 20_000, sendMail: async () => [] });
    try {
      const result = await unreachable.findUser(freshAddress('offline'));
      expect(result.ok ? 'ok' : result.error).toMatchObject({ kind: 'unavailable', cause: 'network' });
      expect(JSON.stringify(result)).not.toContain(secret);
    } finally {
      await unreachable.close?.();
    }
  });

  it('refuses to start without its settings, naming the setting and never its value', () => {
    expect(() => betterAuthIdentity.readConfig({ BETTER_AUTH_SECRET: secret, BETTER_AUTH_URL: appUrl })).toThrow(/BETTER_AUTH_DATABASE_URL/);
    let message = '';
    try {
      betterAuthIdentity.readConfig({ BETTER_AUTH_DATABASE_URL: 'postgres://db/app', BETTER_AUTH_SECRET: 'short-secret-value', BETTER_AUTH_URL: appUrl });
    } catch (error) {
      message = String(error);
    }
    expect(message).toMatch(/BETTER_AUTH_SECRET/);
    expect(message).not.toContain('short-secret-value');
  });
});

// The deployment path itself: `IDENTITY=better-auth` settings read from the environment, and
// `create` opening better-auth through `pg` on a real PostgreSQL server (a throwaway cluster).
const postgresBinaries = findPostgresBinaries();
if (!postgresBinaries && !process.env.CI) console.warn('better-auth on PostgreSQL: SKIPPED, no PostgreSQL binaries here (initdb, pg_ctl); install postgresql or set POSTGRES_BIN.');

describe('better-auth on PostgreSQL through BETTER_AUTH_DATABASE_URL', () => {
  let postgres: TestPostgres | null = null;

  afterAll(async () => {
    await postgres?.stop();
  });

  it.skipIf(!postgresBinaries && !process.env.CI)('finds an invitee and resends through the provider\'s own create()', async () => {
    if (!postgresBinaries) throw new Error('CI must run this against PostgreSQL: no PostgreSQL binaries found (initdb, pg_ctl).');
    postgres = await startPostgres();
    const pool = new pg.Pool({ connectionString: postgres.url, max: 2 });
    const appDb = new Kysely<never>({ dialect: new PostgresDialect({ pool }) });
    try {
      const options = createAppOptions(appDb, []);
      await (await getMigrations(options)).runMigrations();
      const app = betterAuth(options);
      const owner = await app.api.signUpEmail({ body: { email: 'owner@example.com', password, name: 'Owner' }, returnHeaders: true });
      const headers = sessionHeaders(owner);
      const organization = await app.api.createOrganization({ body: { name: 'Acme', slug: 'acme' }, headers });
      const invitation = await app.api.createInvitation({ body: { email: 'pat@example.com', role: 'member', organizationId: organization!.id }, headers });

      const mails: IdentityMail[] = [];
      const env = { BETTER_AUTH_DATABASE_URL: postgres.url, BETTER_AUTH_SECRET: secret, BETTER_AUTH_URL: appUrl, BETTER_AUTH_ORGANIZATION_ID: organization!.id };
      const source = await betterAuthIdentity.create(betterAuthIdentity.readConfig(env), {
        clock: Date.now,
        policy: defaultPolicy,
        defaultTeam: 'default-team',
        timeoutMs: 20_000,
        sendMail: async (mail) => {
          mails.push(mail);
          return [];
        },
      });
      try {
        expect(unwrap(await source.findUser('Pat@Example.com'))).toMatchObject({ id: invitation.id, status: 'invited', team: organization!.id });
        unwrap(await source.resendInvite(invitation.id));
        expect(mails).toMatchObject([{ to: 'pat@example.com', purpose: 'invitation', link: `${appUrl}/accept-invitation/${invitation.id}`, resend: true }]);
      } finally {
        await source.close?.();
      }
    } finally {
      await appDb.destroy();
    }
  });
});
