import type { Kysely } from 'kysely';
import { deliveryAttempt, type MemorySeed } from '../../src/adapters/index.ts';
import type { DeliveryEvent } from '../../src/engine/InvitationBackend.ts';
import type { MailTransport } from '../mail/MailTransport.ts';
import { recordDeliveryEvents } from '../mail/recordDeliveryEvents.ts';
import type { InviteLinks } from '../service/createInviteLinks.ts';
import type { Database } from './Database.ts';

export interface ReplayOptions {
  mail: MailTransport;
  links: InviteLinks;
  /** Give up on the exchanges still open once none has finished for this long. @default 2000 */
  waitMs?: number;
  /** Give up on them after this long in all. @default 15000 */
  maxWaitMs?: number;
}

/**
 * Produces the demo's delivery history by real exchanges: every attempt in the seed (each `sent`
 * or `not_sent` entry: who, when) is sent through `mail`, and the events the receiving side's
 * answers produced are stored through recordDeliveryEvents (which also suppresses after a hard
 * bounce, as for any real send). The seed's own outcome entries are not used: gus's 5.1.1, finn's
 * missing MX, corp.example's 5.7.1, quinn's quota and rosa's DMARC refusal are what the sink said.
 *
 * The SMTP reply is real, the time is the story's: each event is stored at the seed's `at` for
 * that attempt (two hours ago for ana), not at the moment of the exchange, so the demo still
 * reads "invited 2 hours ago".
 *
 * An address on the seed's suppression list (hana) is not mailed, as sendMail does for our own
 * list: the attempt is `sent` + `dropped` without any SMTP. All exchanges run at once, and the
 * replay waits as long as they keep finishing; once none has finished for `waitMs` since the last
 * one did (or after `maxWaitMs` in all), the ones still open (the slow server of ben.recent, a stalling domain) do
 * not hold up the boot: each is stored as `sent` only, in flight, which is ben's story, and its
 * late answer is discarded (the story stays frozen at "in flight"). Waiting for progress rather
 * than a fixed time keeps a busy machine's slow first exchanges from being cut off.
 */
export async function replayDemoDeliveries(db: Kysely<Database>, seed: MemorySeed, options: ReplayOptions): Promise<void> {
  const waitMs = options.waitMs ?? 2_000;
  const maxWaitMs = options.maxWaitMs ?? 15_000;
  const started = Date.now();
  // Until the first exchange finishes (a cold start on a busy machine takes seconds), only maxWaitMs applies.
  let lastProgress: number | null = null;
  let open = 0;
  let ticker: NodeJS.Timeout | undefined;
  // Resolves when the replay stops waiting: everything finished, no progress for waitMs, or maxWaitMs.
  const cutoff = new Promise<null>((resolve) => {
    ticker = setInterval(() => {
      const now = Date.now();
      if (open === 0 || (lastProgress !== null && now - lastProgress >= waitMs) || now - started >= maxWaitMs) resolve(null);
    }, 50);
  }).finally(() => clearInterval(ticker));
  const suppressed = new Set(seed.suppressed.map((email) => email.toLowerCase()));
  const users = new Map(seed.users.map((user) => [user.email.toLowerCase(), user]));
  const attempts = seed.events.filter((event) => event.kind === 'sent' || event.kind === 'not_sent').sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const lastAttempt = new Map(attempts.map((event) => [event.email.toLowerCase(), event]));
  const results = await Promise.all(
    attempts.map(async (attempt): Promise<DeliveryEvent[]> => {
      const email = attempt.email.toLowerCase();
      if (suppressed.has(email)) return deliveryAttempt(email, attempt.at, 'suppressed');
      const user = users.get(email);
      // The latest mail carries the person's current link (generation 1 while invited); an earlier
      // one (pia's first invitation) or an accepted person's old mail, a link that no longer works.
      const generation = user && user.status === 'invited' && lastAttempt.get(email) === attempt ? 1 : 0;
      const sending = options.mail.send(
        {
          to: email,
          purpose: 'invitation',
          link: user ? options.links.url(user.id, generation) : null,
          ...(user?.expiresAt ? { expiresAt: new Date(user.expiresAt) } : {}),
        },
        new Date(attempt.at),
      );
      const inFlight: DeliveryEvent[] = [{ at: attempt.at, email, kind: 'sent', source: 'smtp', text: 'Handed to the receiving server; no answer yet' }];
      open += 1;
      const finished = sending.finally(() => {
        open -= 1;
        lastProgress = Date.now();
      });
      const events = await Promise.race([finished, cutoff]);
      if (events === null) {
        finished.catch(() => undefined);
        return inFlight;
      }
      return events.map((event) => ({ ...event, at: attempt.at }));
    }),
  );
  await recordDeliveryEvents(
    db,
    results.flat().map((event) => ({ ...event, purpose: 'invitation' as const })),
  );
}
