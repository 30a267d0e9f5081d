import { readFileSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import type { WebhookConfig } from '../../../../server/config/loadWebhookConfig.ts';
import { openTestStore, startTestServer, type TestServer } from '../../../support/startTestServer.ts';

/** A documented payload from tests/fixtures/webhooks/<provider>/<name>.json, as text. */
export function fixture(provider: string, name: string): string {
  return readFileSync(new URL(`../../../fixtures/webhooks/${provider}/${name}.json`, import.meta.url), 'utf8');
}

export interface WebhookBench {
  readonly server: TestServer;
  post(provider: string, body: string, headers?: Record<string, string>): Promise<{ status: number; body: Record<string, unknown> }>;
  /** The stored events a provider reported, oldest first. */
  stored(source: string): Promise<{ email: string; kind: string; smtpCode: number | null; enhancedCode: string | null; text: string | null; messageId: string | null; externalId: string | null }[]>;
  isSuppressed(email: string): Promise<boolean>;
  /** What the wizard reads: GET /v1/delivery-events for the address, with the admin key. */
  deliveryLog(email: string): Promise<{ kind: string; text?: string; enhancedCode?: string; smtpCode?: number }[]>;
}

/** The real server for the whole test file, with the given webhooks enabled (the config is built in beforeAll). */
export function withWebhookServer(config: () => WebhookConfig | Promise<WebhookConfig>): WebhookBench {
  let server: TestServer | null = null;
  beforeAll(async () => {
    server = await startTestServer({ store: await openTestStore(), http: { webhooks: await config() } });
  }, 120_000);
  afterAll(async () => {
    await server?.close({ closeStore: true });
  });
  const open = () => {
    if (!server) throw new Error('read the bench inside a test');
    return server;
  };
  return {
    get server() {
      return open();
    },
    async post(provider, body, headers = {}) {
      const response = await fetch(`${open().url}/v1/webhooks/${provider}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
      const text = await response.text();
      return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
    },
    async stored(source) {
      return open()
        .store.db.selectFrom('deliveryEvents')
        .select(['email', 'kind', 'smtpCode', 'enhancedCode', 'text', 'messageId', 'externalId'])
        .where('source', '=', source)
        .orderBy('at')
        .orderBy('id')
        .execute();
    },
    async isSuppressed(email) {
      return (await open().store.db.selectFrom('suppressions').select('email').where('email', '=', email).executeTakeFirst()) !== undefined;
    },
    async deliveryLog(email) {
      const response = await fetch(`${open().url}/v1/delivery-events?email=${encodeURIComponent(email)}`, { headers: { authorization: `Bearer ${open().keys.admin}` } });
      return ((await response.json()) as { events: { kind: string; text?: string }[] }).events;
    },
  };
}
