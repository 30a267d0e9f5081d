import type { Kysely } from 'kysely';
import type { Clock } from '../../src/engine/Clock.ts';
import type { Policy } from '../../src/engine/Policy.ts';
import type { IdentityConfig } from '../config/loadIdentityConfig.ts';
import type { DeliverySource } from '../delivery/DeliverySource.ts';
import type { MailTransport } from '../mail/MailTransport.ts';
import { recordDeliveryEvents } from '../mail/recordDeliveryEvents.ts';
import type { Database } from '../store/Database.ts';
import type { IdentitySource } from './IdentitySource.ts';

/** What the sources borrow from the server. */
export interface ProviderSourcesHost {
  db: Kysely<Database>;
  clock: Clock;
  policy: Policy;
  mail: MailTransport;
}

/**
 * Builds the configured identity source and delivery source (null for the server's own tables /
 * own evidence only). Mail an identity source asks for (systems that make links but send nothing)
 * goes out through the server's transport at once, one attempt, and its events are stored as
 * evidence like any other; the provider-made link is never stored, so the queue cannot retry it.
 */
export async function openProviderSources(config: IdentityConfig, host: ProviderSourcesHost): Promise<{ identity: IdentitySource | null; delivery: DeliverySource | null }> {
  const identity = config.identity
    ? await config.identity.provider.create(config.identity.config, {
        clock: host.clock,
        policy: host.policy,
        defaultTeam: config.defaultTeam,
        timeoutMs: config.timeoutMs,
        sendMail: async (mail) => {
          const at = new Date(host.clock());
          const events = await host.mail.send({ to: mail.to, purpose: mail.purpose, link: mail.link, expiresAt: mail.expiresAt, ...(mail.resend ? { resend: true } : {}) }, at);
          await recordDeliveryEvents(host.db, events.map((event) => ({ ...event, purpose: mail.purpose })));
          return events;
        },
      })
    : null;
  const delivery = config.delivery ? await config.delivery.provider.create(config.delivery.config, { timeoutMs: config.timeoutMs, clock: host.clock }) : null;
  return { identity, delivery };
}
