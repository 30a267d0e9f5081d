import type { FastifyInstance } from 'fastify';
import type { DestinationStream, LoggerOptions } from 'pino';
import { demoSeed, withDemoOrganisation } from '../src/adapters/index.ts';
import { systemClock, type Clock } from '../src/engine/Clock.ts';
import { createPolicy, type Policy } from '../src/engine/Policy.ts';
import type { IdentityConfig } from './config/loadIdentityConfig.ts';
import { createServerApp, type ServerAppOptions } from './createServerApp.ts';
import { openProviderSources } from './identity/openProviderSources.ts';
import { createDemoMailTransport } from './mail/createDemoMailTransport.ts';
import type { MailTransport } from './mail/MailTransport.ts';
import { defaultRetrySettings, startMailWorker, type MailWorker } from './mail/outbox/startMailWorker.ts';
import { resetDemoLinkEvents } from './linkEvents/resetDemoLinkEvents.ts';
import { createInviteLinks } from './service/createInviteLinks.ts';
import { pruneRateBuckets } from './service/hitRateLimit.ts';
import { createProviderBackend } from './service/createProviderBackend.ts';
import { createStoreBackend } from './service/createStoreBackend.ts';
import type { ServerBackend } from './service/ServerBackend.ts';
import type { ServiceContext, ServiceLimits } from './service/ServiceContext.ts';
import { withDeliverySource } from './service/withDeliverySource.ts';
import type { Store } from './store/openDatabase.ts';
import { seedDemoOrganisation } from './store/seedDemoOrganisation.ts';
import { demoTeamNames } from '../src/adapters/memory/demoTeamNames.ts';
import { withTeamNames } from './service/withTeamNames.ts';

export interface InviteDoctorServerOptions {
  store: Store;
  /** The invite-link secret (see `readSecret`). */
  secret: Buffer;
  /** Where links point, e.g. `http://127.0.0.1:8787`; links are `<publicUrl>/invite/<token>`. */
  publicUrl: string;
  /** Seed the demo organisation into an empty database. */
  seedDemo: boolean;
  /** Team names by id (config `TEAM_NAMES`); the demo's teams are named when the demo is seeded. @default none */
  teamNames?: Readonly<Record<string, string>>;
  clock?: Clock;
  policy?: Partial<Policy>;
  limits?: Partial<ServiceLimits>;
  /** @default the demo world's mail rules */
  mail?: MailTransport;
  /**
   * The demo world's SMTP sink, when `npm run server` runs it: the seeded delivery history is then
   * made by real exchanges through it (see replayDemoDeliveries). Never a real relay: the demo's
   * addresses are not real people. Without it the seed's simulated events are inserted.
   */
  demoSeedMail?: MailTransport;
  /**
   * How many generated people (withDemoOrganisation) join the seeded ones when `seedDemo` seeds a
   * fresh database, with their history inserted in bulk, their link events, and their mail rules in
   * the simulated transport. `npm run server` asks for them when the demo mail world runs. @default 0
   */
  demoOrganisation?: number;
  /** The mail config's Message-ID host, From address and queue back-off (see `loadMailConfig`). */
  mailSettings?: ServiceContext['mailSettings'];
  logger?: LoggerOptions | false;
  /** Where log lines go instead of stdout (tests read them). */
  logStream?: DestinationStream;
  allowedOrigins?: readonly string[];
  http?: Omit<ServerAppOptions, 'service' | 'backend' | 'logger' | 'logStream' | 'allowedOrigins'>;
  /** Where users and delivery evidence live (`loadIdentityConfig`). @default the server's own tables and evidence */
  identity?: IdentityConfig;
  /** Where unexpected failures are reported besides the log. */
  onError?(error: unknown, operation: string): void;
}

export interface InviteDoctorServer {
  app: FastifyInstance;
  service: ServiceContext;
  /** What the routes call: the own tables, or the configured identity provider and evidence. */
  backend: ServerBackend;
  store: Store;
  /** The outbox worker: started when the app is ready, stopped (in-flight attempts finished) on close. Tests may `drain()` it. */
  mailWorker: MailWorker;
}

/**
 * Puts the server together: seeds the demo organisation when asked and the database is new,
 * builds the service context and the HTTP app. Starting and stopping are the caller's (`main.ts`,
 * tests), so tests build exactly what runs.
 */
export async function createInviteDoctorServer(options: InviteDoctorServerOptions): Promise<InviteDoctorServer> {
  const clock = options.clock ?? systemClock;
  const policy = createPolicy(options.policy);
  const links = createInviteLinks(options.secret, `${options.publicUrl}/invite/`);
  const { db } = options.store;
  // A freshly seeded demo also gets the seed's link events (the stories told from link opens).
  const organisation = options.demoOrganisation ?? 0;
  const world = withDemoOrganisation(demoSeed, organisation);
  if (options.seedDemo && (await seedDemoOrganisation(db, { now: new Date(clock()), policy, links, organisation, ...(options.demoSeedMail ? { mail: options.demoSeedMail } : {}) }))) await resetDemoLinkEvents(db, { now: new Date(clock()), policy, seed: world });
  let app: FastifyInstance | null = null;
  const service: ServiceContext = {
    db,
    clock,
    policy,
    limits: { passwordResetCooldownMs: policy.resendCooldownMs, invitesPerKeyPerHour: 200, actionsPerKeyPerMinute: 600, signInsPerMinute: 10, freshInvitesPerClientPerHour: 5, ...options.limits },
    links,
    mail: options.mail ?? createDemoMailTransport(world(clock(), policy).mail),
    // The simulated demo transport never waits on a network, so an action may always wait for its
    // first attempt (tests read the outcome right after the answer, even on a busy machine).
    ...(options.mailSettings ? { mailSettings: options.mailSettings } : options.mail ? {} : { mailSettings: { messageIdHost: policy.senderAddress.slice(policy.senderAddress.lastIndexOf('@') + 1), retry: { ...defaultRetrySettings, firstAttemptWaitMs: 30_000 } } }),
    linkOrigin: new URL(options.publicUrl).origin,
    teamNames: { ...(options.seedDemo ? demoTeamNames : {}), ...options.teamNames },
    onError: (error, operation) => {
      app?.log.error({ err: error, operation }, 'operation failed');
      options.onError?.(error, operation);
    },
  };
  const backend = withTeamNames(await openBackend(service, options.identity), service.teamNames ?? {});
  app = await createServerApp({ service, backend, logger: options.logger ?? false, ...(options.logStream ? { logStream: options.logStream } : {}), allowedOrigins: options.allowedOrigins ?? [], demoInbox: options.seedDemo, ...options.http });
  // Rate windows older than a day are dead weight; drop them now and then, off the request path.
  const prune = () => void pruneRateBuckets(db, new Date(clock())).catch((error: unknown) => service.onError(error, 'pruneRateBuckets'));
  const pruning = setInterval(prune, 3_600_000);
  pruning.unref();
  app.addHook('onClose', async () => clearInterval(pruning));
  app.addHook('onClose', async () => backend.close?.());
  prune();
  // The outbox worker sends queued mail; it is created now (so actions can ask it for a first
  // attempt) and polls once the app is ready. Closing the app lets attempts in flight finish.
  let mailWorker: MailWorker | null = null;
  const worker = (): MailWorker => (mailWorker ??= startMailWorker(service));
  // The embedded database belongs to one process at a time (its folder is locked), so a lease found
  // in it at boot was held by a process that is gone (killed mid-attempt): its mail is due again now,
  // not when the lease would have run out. On PostgreSQL other live processes may hold leases.
  if (options.store.kind === 'embedded') {
    await db.updateTable('mailOutbox').set({ lockedUntil: null }).where('state', '=', 'queued').where('lockedUntil', 'is not', null).execute();
  }
  app.addHook('onReady', async () => {
    service.mailWorker = worker();
  });
  app.addHook('onClose', async () => {
    await mailWorker?.stop();
    service.mail.close?.();
  });
  return {
    app,
    service,
    backend,
    store: options.store,
    get mailWorker() {
      return worker();
    },
  };
}

/** The routes' backend: the own tables, or an identity provider; either with an email provider's evidence added. */
async function openBackend(service: ServiceContext, config: IdentityConfig | undefined): Promise<ServerBackend> {
  if (!config || (!config.identity && !config.delivery)) return createStoreBackend(service);
  const { identity, delivery } = await openProviderSources(config, service);
  if (identity) return createProviderBackend(service, identity, delivery);
  return delivery ? withDeliverySource(createStoreBackend(service), delivery) : createStoreBackend(service);
}
