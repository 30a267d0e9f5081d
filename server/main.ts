import closeWithGrace from 'close-with-grace';
import { createSignInCode } from './auth/signInCodes.ts';
import { ConfigError, loadConfig } from './config/loadConfig.ts';
import { loadIdentityConfig } from './config/loadIdentityConfig.ts';
import { loadInsightsConfig } from './config/loadInsightsConfig.ts';
import { loadMailConfig } from './config/loadMailConfig.ts';
import { loadWebhookConfig } from './config/loadWebhookConfig.ts';
import { createInviteDoctorServer } from './createInviteDoctorServer.ts';
import { createSmtpMailTransport } from './mail/smtp/createSmtpMailTransport.ts';
import { createUnconfiguredMailTransport } from './mail/smtp/createUnconfiguredMailTransport.ts';
import type { MailTransport } from './mail/MailTransport.ts';
import { openConfiguredStore } from './openConfiguredStore.ts';
import { startDemoMailWorld } from './demoMail/startDemoMailWorld.ts';
import { loadDemoMailConfig } from './demoMail/loadDemoMailConfig.ts';
import { demoSeed, withDemoOrganisation } from '../src/adapters/index.ts';
import { createPolicy } from '../src/engine/Policy.ts';
import { pino } from 'pino';

// `npm run server -- [--data DIR] [--port N]`; see loadConfig for the environment it reads.
try {
  const config = loadConfig(process.argv.slice(2), process.env);
  const mailConfig = loadMailConfig(process.env);
  const webhooks = loadWebhookConfig(process.env);
  const insights = loadInsightsConfig(process.env);
  // The OpenTelemetry SDK loads only for a server that exports to a collector.
  const sessionEventExport = insights.otlpLogsUrl
    ? (await import('./insights/createOtlpSessionEventExport.ts')).createOtlpSessionEventExport({ url: insights.otlpLogsUrl, headers: insights.otlpHeaders })
    : null;
  // IDENTITY=<provider> points the wizard at the product's real users; the demo people then stay out.
  const identity = await loadIdentityConfig(process.env);
  if (identity.identity) config.seedDemo = false;
  // SMTP_URL → real SMTP; else the demo world (when seeding the demo), else nothing is sent and
  // every mail is a `not_sent` mail_not_configured event.
  let mail: MailTransport | undefined;
  if (mailConfig.smtp) mail = createSmtpMailTransport({ ...mailConfig, smtp: mailConfig.smtp });
  else if (!config.seedDemo) mail = createUnconfiguredMailTransport();
  const { store, secret } = await openConfiguredStore(config, 'the Invite Doctor server');
  // The demo world as a real mail system: the sink answers as every demo recipient's mail server
  // (SMTP to it is the final hop) and relays' late bounces come back to our bounce receiver. The
  // seeding then replays the demo's delivery history through it (see replayDemoDeliveries).
  const demoMailConfig = !mail && config.seedDemo ? loadDemoMailConfig(process.env) : null;
  // With the generated organisation (DEMO_ORGANISATION people), whose rules the sink follows too:
  // a resend to a strict-filter company is refused again, a typo domain has no MX.
  const demoMail = demoMailConfig
    ? await startDemoMailWorld({ db: store.db, config: demoMailConfig, mailConfig, rules: withDemoOrganisation(demoSeed, demoMailConfig.organisation)(Date.now(), createPolicy()).mail, log: pino({ level: config.logLevel }) })
    : null;
  if (demoMail) mail = demoMail.transport;
  const { app, service, backend } = await createInviteDoctorServer({
    store,
    secret,
    publicUrl: config.publicUrl,
    seedDemo: config.seedDemo,
    teamNames: config.teamNames,
    ...(mail ? { mail } : {}),
    ...(demoMail && demoMailConfig ? { demoSeedMail: demoMail.transport, demoOrganisation: demoMailConfig.organisation } : {}),
    mailSettings: { messageIdHost: mailConfig.messageIdHost, retry: mailConfig.retry, from: mailConfig.from.address, productName: mailConfig.from.name },
    logger: { level: config.logLevel },
    allowedOrigins: config.allowedOrigins,
    // The demo inbox page shows what the sink received: on exactly when the demo mail world runs.
    http: {
      webhooks,
      demoInbox: demoMail !== null,
      // Stored session events also go to an OpenTelemetry collector when one is configured; flushed on close.
      sessionInsights: { eventPostsPerKeyPerMinute: insights.eventPostsPerKeyPerMinute, ...(sessionEventExport ? { export: sessionEventExport } : {}) },
    },
    identity,
  });
  // SIGTERM and SIGINT drain in-flight requests (new ones get 503), then close the database.
  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'stopping after an error');
    else app.log.info({ signal }, 'stopping');
    await app.close();
    await demoMail?.close();
    await store.close();
  });
  await app.listen({ port: config.port, host: config.host });
  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `the embedded database in ${config.dataDir}`;
  console.log(`Invite Doctor server on ${config.publicUrl}, data in ${where}.`);
  // Only host and port: SMTP_URL may hold credentials.
  console.log(`Mail: ${service.mail.configured === false ? 'not configured (set SMTP_URL); nothing is sent' : (service.mail.provider ?? 'configured')}.`);
  const description = backend.describe();
  console.log(`Users: ${description.identity === 'invite-doctor' ? 'the server\u2019s own tables' : description.identityName}${description.deliveryEvidence.length > 1 ? `; delivery evidence also from ${description.deliveryEvidence.slice(1).join(', ')}` : ''}.`);
  if (insights.otlpLogsUrl) console.log(`Session events: also sent to ${new URL(insights.otlpLogsUrl).origin} (OTLP logs).`);
  if (demoMail) console.log(`Demo inbox (the mail the demo people received, with their invite links): ${config.publicUrl}/demo/inbox`);
  if (config.appUrl) {
    // The notebook-server way in for the person who started it: a link that works once, for a few hours.
    const code = await createSignInCode(service.db, { kind: 'admin' }, new Date(service.clock()));
    console.log(`Sign in: ${config.appUrl}/sign-in#code=${code}`);
  } else {
    console.log('Create an API key with: npm run --silent server:keys -- create --role admin (stop the server first on the embedded database)');
  }
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`Invite Doctor server: ${error.message}`);
  process.exit(1);
}
