import type { Selectable } from 'kysely';
import type { DeliveryEvent } from '../../../src/engine/InvitationBackend.ts';
import type { RetrySettings } from '../../config/loadMailConfig.ts';
import type { ServiceContext } from '../../service/ServiceContext.ts';
import type { MailOutboxTable } from '../../store/Database.ts';
import { recordDeliveryEvents } from '../recordDeliveryEvents.ts';
import { suggestedWaitMs } from '../smtp/sendingSideReplies.ts';

type OutboxRow = Selectable<MailOutboxTable>;

/** The default queue settings (see `loadMailConfig`). */
export const defaultRetrySettings: RetrySettings = { baseMs: 60_000, maxMs: 3_600_000, pollMs: 1_000, leaseMs: 120_000, firstAttemptWaitMs: 2_000 };

export interface MailWorker {
  /** Look for due mail now (an action committed). */
  wake(): void;
  /**
   * Makes the first attempt of these just-committed mails now and resolves when it is stored, or
   * after `maxWaitMs` (default `firstAttemptWaitMs`) at the latest; the attempt then goes on in
   * the background. Never rejects.
   */
  sendNow(messageIds: readonly string[], maxWaitMs?: number): Promise<void>;
  /**
   * Attempts every mail that is due now, again and again until none is, and resolves when all
   * attempts are stored. For tests and the bench: the product itself never needs to wait.
   */
  drain(): Promise<void>;
  /** Stops polling and waits for the attempts in flight (SIGTERM drains). */
  stop(): Promise<void>;
}

/**
 * The durable queue's worker. Any number of server processes over one PostgreSQL may run one:
 * a worker claims due rows with `select … for update skip locked` and a lease (`locked_until`),
 * in a short transaction, so no two workers hold one row at once; it sends outside any
 * transaction, then stores the events (with `recordDeliveryEvents`) and the row's new state in one
 * transaction.
 *
 * - 250 → `sent`; a 5xx or a refusal about our own setup (auth, sandbox, unverified domain) →
 *   `failed`; a 4xx, a timeout, a refused connection or our rate limit → retried with back-off
 *   (base doubling per attempt, capped; or the wait the reply suggests) until `give_up_at`, the
 *   end of the invitation's (or the reset link's) window; then a final `bounced` event says it
 *   gave up after N attempts.
 * - An invitation whose link generation is no longer the user's current one (a resend since, or
 *   the invitation was cancelled or accepted) is marked `superseded` and not sent.
 *
 * At least once: if the process dies between the SMTP server's 250 and the commit of its events,
 * the lease runs out and the mail is sent again, with the same Message-ID, so the receiving side
 * (and the demo inbox) can tell it is one mail. Losing a mail is worse than a rare duplicate.
 */
export function startMailWorker(context: ServiceContext, settings: RetrySettings = context.mailSettings?.retry ?? defaultRetrySettings): MailWorker {
  const inFlight = new Map<string, Promise<void>>();
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let passRunning: Promise<void> | null = null;
  let wakeAgain = false;

  const now = () => new Date(context.clock());

  /** Claims up to `limit` due rows (or the given ones, if due) under a fresh lease. */
  const claim = async (messageIds: readonly string[] | null, limit: number): Promise<OutboxRow[]> => {
    const at = now();
    return context.db.transaction().execute(async (trx) => {
      let query = trx
        .selectFrom('mailOutbox')
        .selectAll()
        .where('state', '=', 'queued')
        .where('nextAttemptAt', '<=', at)
        .where((eb) => eb.or([eb('lockedUntil', 'is', null), eb('lockedUntil', '<', at)]));
      if (messageIds) query = query.where('messageId', 'in', messageIds);
      const rows = await query.orderBy('nextAttemptAt').limit(limit).forUpdate().skipLocked().execute();
      const mine = rows.filter((row) => !inFlight.has(row.messageId));
      if (mine.length === 0) return [];
      const lockedUntil = new Date(at.getTime() + settings.leaseMs);
      await trx
        .updateTable('mailOutbox')
        .set({ lockedUntil })
        .where('id', 'in', mine.map((row) => row.id))
        .execute();
      return mine.map((row) => ({ ...row, lockedUntil }));
    });
  };

  const attempt = (row: OutboxRow): Promise<void> => {
    const running = processRow(context, settings, row)
      .catch((error: unknown) => context.onError(error, 'mailWorker'))
      .finally(() => inFlight.delete(row.messageId));
    inFlight.set(row.messageId, running);
    return running;
  };

  /** One pass: claim and attempt due rows until none is left due. */
  const pass = async (): Promise<void> => {
    for (;;) {
      if (stopped) return;
      const rows = await claim(null, 10);
      if (rows.length === 0) return;
      await Promise.all(rows.map(attempt));
    }
  };

  const runPass = (): Promise<void> => {
    if (passRunning) {
      wakeAgain = true;
      return passRunning;
    }
    passRunning = (async () => {
      try {
        do {
          wakeAgain = false;
          await pass();
        } while (wakeAgain && !stopped);
      } catch (error) {
        context.onError(error, 'mailWorker');
      } finally {
        passRunning = null;
      }
    })();
    return passRunning;
  };

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      void runPass().finally(schedule);
    }, settings.pollMs);
    timer.unref();
  };
  schedule();

  return {
    wake: () => void runPass(),
    sendNow: async (messageIds, maxWaitMs = settings.firstAttemptWaitMs) => {
      if (messageIds.length === 0 || stopped) return;
      const work = (async () => {
        const rows = await claim(messageIds, messageIds.length);
        await Promise.all([...rows.map(attempt), ...messageIds.map((id) => inFlight.get(id))]);
      })().catch((error: unknown) => context.onError(error, 'mailWorker'));
      let timeout: NodeJS.Timeout | undefined;
      await Promise.race([work, new Promise<void>((resolve) => (timeout = setTimeout(resolve, maxWaitMs)))]);
      clearTimeout(timeout);
    },
    drain: async () => {
      for (;;) {
        await runPass();
        await Promise.all(inFlight.values());
        const due = await context.db
          .selectFrom('mailOutbox')
          .select('id')
          .where('state', '=', 'queued')
          .where('nextAttemptAt', '<=', now())
          .where((eb) => eb.or([eb('lockedUntil', 'is', null), eb('lockedUntil', '<', now())]))
          .limit(1)
          .executeTakeFirst();
        if (!due || stopped) return;
      }
    },
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await passRunning;
      await Promise.all(inFlight.values());
    },
  };
}

/** Kinds of outcome the worker tells apart. */
type Verdict = 'sent' | 'failed' | 'retry';

function verdictOf(events: readonly DeliveryEvent[]): Verdict {
  const last = events[events.length - 1];
  if (!last) return 'retry';
  if (last.kind === 'deferred') return 'retry';
  if (last.kind === 'not_sent') return last.reason === 'connection_refused' || last.reason === 'provider_rate_limited' ? 'retry' : 'failed';
  if (last.kind === 'bounced' || last.kind === 'dropped' || last.kind === 'suppressed') return 'failed';
  return 'sent';
}

async function processRow(context: ServiceContext, settings: RetrySettings, row: OutboxRow): Promise<void> {
  const at = new Date(context.clock());
  const user = row.userId ? await context.db.selectFrom('users').select(['id', 'status', 'linkGeneration', 'expiresAt']).where('id', '=', row.userId).executeTakeFirst() : undefined;
  const finish = (values: Partial<Pick<OutboxRow, 'state' | 'attempts' | 'nextAttemptAt' | 'lastSmtpCode' | 'lastText'>>, events: readonly DeliveryEvent[]) =>
    context.db.transaction().execute(async (trx) => {
      await recordDeliveryEvents(
        trx,
        events.map((event) => ({ ...event, messageId: event.messageId ?? row.messageId, purpose: row.purpose })),
      );
      await trx
        .updateTable('mailOutbox')
        .set({ ...values, lockedUntil: null, updatedAt: at })
        .where('id', '=', row.id)
        .where('state', '=', 'queued')
        .execute();
    });

  if (row.purpose === 'invitation' && (!user || user.status !== 'invited' || user.linkGeneration !== row.linkGeneration)) {
    await finish({ state: 'superseded' }, []);
    return;
  }
  // Well past the window (the server was down through its end): the link is dead, don't send it.
  // The last attempt is scheduled at `give_up_at` itself, so being a little late is fine.
  if (at.getTime() > row.giveUpAt.getTime() + settings.leaseMs) {
    await finish({ state: 'failed' }, [giveUpEvent(row, at)]);
    return;
  }
  const link = row.purpose === 'invitation' && user && row.linkGeneration !== null ? context.links.url(user.id, row.linkGeneration) : null;
  const attempts = row.attempts + 1;
  const expiresAt = row.purpose === 'invitation' ? (user?.expiresAt ?? row.giveUpAt) : row.giveUpAt;
  const events = await context.mail.send(
    { to: row.email, purpose: row.purpose, link, messageId: row.messageId, language: row.language, attempt: attempts, resend: (row.linkGeneration ?? 1) > 1, expiresAt },
    at,
  );
  const last = events[events.length - 1];
  const lastValues = { attempts, lastSmtpCode: last?.smtpCode ?? null, lastText: last?.text ?? null };
  const verdict = verdictOf(events);
  if (verdict !== 'retry') {
    await finish({ ...lastValues, state: verdict }, events);
    return;
  }
  const backOff = Math.min(settings.baseMs * 2 ** (attempts - 1), settings.maxMs);
  const wait = (last?.text ? suggestedWaitMs(last.text) : null) ?? backOff;
  // One last attempt at the end of the window rather than none after the back-off overshoots it.
  const nextAttemptAt = new Date(Math.min(at.getTime() + wait, row.giveUpAt.getTime()));
  if (at.getTime() >= row.giveUpAt.getTime()) {
    await finish({ ...lastValues, state: 'failed' }, [...events, giveUpEvent({ ...row, ...lastValues }, at)]);
    return;
  }
  await finish({ ...lastValues, nextAttemptAt }, events);
}

/** The final word on a mail that never got through in its window. */
function giveUpEvent(row: Pick<OutboxRow, 'email' | 'messageId' | 'attempts' | 'lastSmtpCode' | 'lastText'>, at: Date): DeliveryEvent {
  const last = row.lastText ? ` The last answer was: ${row.lastText}` : '';
  return {
    at: at.toISOString(),
    email: row.email,
    kind: 'bounced',
    source: 'smtp',
    messageId: row.messageId,
    ...(row.lastSmtpCode ? { smtpCode: row.lastSmtpCode } : {}),
    text: `Gave up after ${row.attempts} ${row.attempts === 1 ? 'attempt' : 'attempts'}: the mail could not be delivered before the link expired.${last}`,
  };
}
