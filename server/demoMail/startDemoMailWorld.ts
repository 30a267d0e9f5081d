import type { Kysely } from 'kysely';
import type { BaseLogger } from 'pino';
import type { MailRules } from '../../src/adapters/index.ts';
import { ConfigError } from '../config/loadConfig.ts';
import type { MailConfig } from '../config/loadMailConfig.ts';
import { startBounceReceiver } from '../mail/bounces/startBounceReceiver.ts';
import type { MailTransport } from '../mail/MailTransport.ts';
import { createSmtpMailTransport } from '../mail/smtp/createSmtpMailTransport.ts';
import type { Database } from '../store/Database.ts';
import type { DemoMailConfig } from './loadDemoMailConfig.ts';
import { startDemoMailSink } from './startDemoMailSink.ts';

export interface DemoMailWorld {
  /** Real SMTP to the sink, which answers as each recipient's mail server (a 250 means delivered). */
  transport: MailTransport;
  sinkPort: number;
  bouncePort: number;
  /** Stops both SMTP servers. */
  close(): Promise<void>;
}

/**
 * `npm run server` with the demo seeded and no SMTP_URL: starts the bounce receiver (for our
 * bounce address) and the demo world's sink on loopback, and returns our SMTP transport pointed
 * at the sink as the final hop, with the mail config's bounce address as envelope sender, so the
 * sink's late notifications come back to the receiver.
 */
export async function startDemoMailWorld(options: { db: Kysely<Database>; config: DemoMailConfig; mailConfig: MailConfig; rules: MailRules; log?: Pick<BaseLogger, 'info' | 'warn' | 'error'> }): Promise<DemoMailWorld> {
  const { db, config, mailConfig, log } = options;
  const inUse = (name: string, port: number) => (error: unknown) => {
    if ((error as { code?: string }).code === 'EADDRINUSE') throw new ConfigError(`Port ${port} for the demo mail world is in use (is another server running?); set ${name} to a free port, or 0.`);
    throw error;
  };
  const receiver = await startBounceReceiver({ db, host: config.host, port: config.bouncePort, bounceAddress: mailConfig.bounceAddress, ...(log ? { log } : {}) }).catch(inUse('BOUNCE_SMTP_PORT', config.bouncePort));
  const sink = await startDemoMailSink({
    db,
    host: config.host,
    port: config.sinkPort,
    rules: options.rules,
    greylistDelayMs: config.greylistDelayMs,
    dsnDelayMs: config.dsnDelayMs,
    slowReplyMs: config.slowReplyMs,
    bounceTo: { host: config.host, port: receiver.port },
    ...(log ? { log } : {}),
  }).catch(async (error: unknown) => {
    await receiver.close();
    return inUse('DEMO_SMTP_PORT', config.sinkPort)(error);
  });
  const transport = createSmtpMailTransport({ ...mailConfig, smtp: { host: config.host, port: sink.port, secure: false, auth: null, finalHop: true, timeoutMs: 30_000 } });
  return {
    transport,
    sinkPort: sink.port,
    bouncePort: receiver.port,
    close: async () => {
      await sink.close();
      await receiver.close();
    },
  };
}
