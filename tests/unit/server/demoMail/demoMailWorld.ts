import nodemailer from 'nodemailer';
import { demoSeed } from '../../../../src/adapters/index.ts';
import { createPolicy } from '../../../../src/engine/Policy.ts';
import { startDemoMailSink, type DemoMailSink, type DemoMailSinkOptions } from '../../../../server/demoMail/startDemoMailSink.ts';
import { startBounceReceiver, type BounceReceiver } from '../../../../server/mail/bounces/startBounceReceiver.ts';
import type { Store } from '../../../../server/store/openDatabase.ts';
import { openTestStore } from '../../../support/startTestServer.ts';

export const bounceAddress = 'bounces@app.example.com';

export interface DemoMailWorld {
  store: Store;
  sink: DemoMailSink;
  receiver: BounceReceiver;
  /** Sends one mail to the sink as our server would (bounce address as envelope sender). */
  send(to: string, options?: { messageId?: string; socketTimeout?: number; subject?: string }): Promise<{ response: string; messageId: string }>;
  /** Sends a raw message to the bounce receiver. */
  deliverToReceiver(raw: string, to?: string): Promise<string>;
  close(): Promise<void>;
}

/** The sink and the bounce receiver on loopback ports the OS picks, over a fresh embedded store, with millisecond delays. */
export async function startDemoMailWorld(overrides: Partial<DemoMailSinkOptions> = {}): Promise<DemoMailWorld> {
  const store = await openTestStore();
  const receiver = await startBounceReceiver({ db: store.db, host: '127.0.0.1', port: 0, bounceAddress });
  const sink = await startDemoMailSink({
    db: store.db,
    host: '127.0.0.1',
    port: 0,
    rules: demoSeed(Date.now(), createPolicy()).mail,
    greylistDelayMs: 200,
    dsnDelayMs: 20,
    slowReplyMs: 100,
    bounceTo: { host: '127.0.0.1', port: receiver.port },
    ...overrides,
  });
  let counter = 0;
  return {
    store,
    sink,
    receiver,
    send: async (to, options = {}) => {
      const transport = nodemailer.createTransport({ host: '127.0.0.1', port: sink.port, secure: false, ignoreTLS: true, socketTimeout: options.socketTimeout ?? 5_000 });
      counter += 1;
      const messageId = options.messageId ?? `test-${counter}-${Date.now()}@app.example.com`;
      try {
        const info = await transport.sendMail({
          from: 'Invite Doctor <invites@app.example.com>',
          envelope: { from: bounceAddress, to: [to] },
          to,
          subject: options.subject ?? 'You are invited to Invite Doctor',
          text: 'Open your invitation: https://app.example.com/invite/abc',
          html: '<p>Open your <a href="https://app.example.com/invite/abc">invitation</a></p>',
          messageId: `<${messageId}>`,
        });
        return { response: info.response, messageId };
      } finally {
        transport.close();
      }
    },
    deliverToReceiver: async (raw, to = bounceAddress) => {
      const transport = nodemailer.createTransport({ host: '127.0.0.1', port: receiver.port, secure: false, ignoreTLS: true });
      try {
        return (await transport.sendMail({ envelope: { from: '', to: [to] }, raw })).response;
      } finally {
        transport.close();
      }
    },
    close: async () => {
      await sink.close();
      await receiver.close();
      await store.close();
    },
  };
}

/** The SMTP error a refused send rejected with. */
export function smtpError(error: unknown): { responseCode?: number; response?: string; code?: string; command?: string } {
  return error as { responseCode?: number; response?: string; code?: string; command?: string };
}

/** Polls until `check` returns a value (or fails the test after `timeoutMs`). */
export async function eventually<T>(check: () => Promise<T | null | undefined>, timeoutMs = 3_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== null && value !== undefined) return value;
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
