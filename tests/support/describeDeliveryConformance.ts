import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeliveryEvent } from '../../src/engine/InvitationBackend.ts';
import type { Result } from '../../src/engine/Result.ts';
import type { DeliverySource } from '../../server/delivery/DeliverySource.ts';
import { freshAddress, type ProviderFault } from './describeIdentityConformance.ts';

/**
 * What a provider can know about one address, as far as the wizard cares:
 * - `bounced`: a mail to it bounced hard with `550 5.1.1 <address>: user unknown`;
 * - `complained`: its owner marked a mail as spam;
 * - `suppressed`: the provider refuses to send to it (after an earlier bounce) until it is cleared;
 * - `clean`: the provider knows nothing bad about it.
 */
export type DeliverySituation = 'bounced' | 'complained' | 'suppressed' | 'clean';

/** The text a subject seeds for a `bounced` address (providers that keep SMTP text return it verbatim). */
export function bounceText(email: string): string {
  return `550 5.1.1 <${email}>: Recipient address rejected: User unknown in virtual mailbox table`;
}

export interface DeliverySubject {
  source: DeliverySource;
  /** Puts `email` (lower case, unique per call) into `situation` at the provider or its fake. */
  seed(situation: DeliverySituation, email: string): Promise<void>;
  /**
   * Where the provider pages its answers: seeds more bounce records for `email` than one page of
   * the adapter's holds (each `bounced` like {@link bounceText}), and resolves how many it seeded.
   */
  seedMany?(email: string): Promise<number>;
  /** Recorded-exchange subjects (msw) only: the next request answers with this failure (429 has `Retry-After: 7`). */
  fault?(fault: ProviderFault): void;
  close(): Promise<void>;
}

export interface DeliveryConformanceOptions {
  /** The situations this provider can express; the others are skipped. */
  situations: readonly DeliverySituation[];
  /**
   * How a 429's wait reaches the adapter. `header`: Retry-After: 7 must read as 7000 ms. A string:
   * the SDK drops the response's headers on errors (the reason, for the report), so the adapter
   * can only answer the default wait; the test then checks the kind only.
   */
  retryAfter?: 'header' | string;
}

const failureKinds = new Set<DeliveryEvent['kind']>(['bounced', 'dropped', 'suppressed', 'complained']);

function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
}

/**
 * What every delivery-evidence source must do: report what its provider knows about an address as
 * the contract's events (oldest first, lower-case address, ISO times, `source` set to its id, SMTP
 * codes read out of the text), answer an empty list for an address it knows nothing about, clear a
 * suppression where it can but never a complaint silently, and map provider failures to typed errors.
 */
export function describeDeliveryConformance(name: string, createSubject: () => Promise<DeliverySubject>, options: DeliveryConformanceOptions): void {
  describe(`${name} delivery conformance`, () => {
    let subject: DeliverySubject;
    let source: DeliverySource;
    const supports = (situation: DeliverySituation) => options.situations.includes(situation);
    const seeded = async (situation: DeliverySituation): Promise<{ email: string; events: DeliveryEvent[] }> => {
      const email = freshAddress(situation);
      await subject.seed(situation, email);
      return { email, events: unwrap(await source.deliveryEvents(email)) };
    };
    const expectWellFormed = (events: DeliveryEvent[], email: string) => {
      for (const event of events) {
        expect(event.email).toBe(email);
        expect(event.source).toBe(source.id);
        expect(new Date(event.at).toISOString()).toBe(event.at);
      }
      const times = events.map((event) => Date.parse(event.at));
      expect(times).toEqual([...times].sort((a, b) => a - b));
    };

    beforeAll(async () => {
      subject = await createSubject();
      source = subject.source;
    });
    afterAll(() => subject?.close());

    it('names itself', () => {
      expect(source.id).toMatch(/^[a-z0-9-]+$/);
      expect(source.name.length).toBeGreaterThan(0);
    });

    it.skipIf(!supports('bounced'))('reports a hard bounce with its SMTP codes and the text verbatim', async () => {
      const { email, events } = await seeded('bounced');
      expectWellFormed(events, email);
      const bounce = events.find((event) => event.kind === 'bounced');
      expect(bounce, JSON.stringify(events)).toBeDefined();
      expect(bounce).toMatchObject({ smtpCode: 550, enhancedCode: '5.1.1' });
      expect(bounce!.text).toContain(bounceText(email));
    });

    it.skipIf(!supports('complained'))('reports a spam complaint', async () => {
      const { email, events } = await seeded('complained');
      expectWellFormed(events, email);
      expect(events.map((event) => event.kind)).toContain('complained');
    });

    it.skipIf(!supports('suppressed'))('reports an address the provider will not send to', async () => {
      const { email, events } = await seeded('suppressed');
      expectWellFormed(events, email);
      expect(events.map((event) => event.kind)).toContain('suppressed');
    });

    it.skipIf(!supports('clean'))('answers an empty list for an address it knows nothing bad about', async () => {
      const { email, events } = await seeded('clean');
      expectWellFormed(events, email);
      expect(events.filter((event) => failureKinds.has(event.kind))).toEqual([]);
      expect(unwrap(await source.deliveryEvents(freshAddress('never-sent')))).toEqual([]);
    });

    it.skipIf(!supports('suppressed'))('finds an address whatever its case, and reports it in lower case', async () => {
      const email = freshAddress('mixed');
      await subject.seed('suppressed', email);
      const events = unwrap(await source.deliveryEvents(email.toUpperCase()));
      expect(events.length).toBeGreaterThan(0);
      expectWellFormed(events, email);
    });

    it('reads every page where the provider pages its answers', async ({ skip }) => {
      if (!subject.seedMany) return skip();
      const email = freshAddress('paged');
      const count = await subject.seedMany(email);
      const events = unwrap(await source.deliveryEvents(email));
      expectWellFormed(events, email);
      expect(events.filter((event) => event.kind === 'bounced')).toHaveLength(count);
    });

    it('clears a suppression, after which the address reads as not suppressed', async ({ skip }) => {
      if (!source.clearSuppression || !supports('suppressed')) return skip();
      const { email, events } = await seeded('suppressed');
      expect(events.map((event) => event.kind)).toContain('suppressed');
      const cleared = unwrap(await source.clearSuppression(email));
      expect(new Date(cleared.clearedAt).toISOString()).toBe(cleared.clearedAt);
      const after = unwrap(await source.deliveryEvents(email));
      expect(after.map((event) => event.kind)).not.toContain('suppressed');
    });

    it('refuses to clear a spam complaint silently, and the complaint still reads', async ({ skip }) => {
      if (!source.clearSuppression || !supports('complained')) return skip();
      const { email } = await seeded('complained');
      const result = await source.clearSuppression(email);
      expect(result.ok ? 'ok' : result.error.kind).toBe('conflict');
      expect(unwrap(await source.deliveryEvents(email)).map((event) => event.kind)).toContain('complained');
    });

    it('answers a cancelled call as aborted', async () => {
      const result = await source.deliveryEvents(freshAddress('cancelled'), { signal: AbortSignal.abort() });
      expect(result.ok ? 'ok' : result.error).toMatchObject({ kind: 'unavailable', cause: 'aborted' });
    });

    describe('provider failures', () => {
      const expectations: Record<ProviderFault, { kind: string; cause?: string }> = {
        rate_limited: { kind: 'rate_limited' },
        unauthorized: { kind: 'not_permitted' },
        server_error: { kind: 'unavailable', cause: 'server' },
        malformed: { kind: 'unavailable', cause: 'malformed' },
        network: { kind: 'unavailable', cause: 'network' },
      };
      for (const fault of Object.keys(expectations) as ProviderFault[]) {
        it(`maps ${fault} to a typed error`, async ({ skip }) => {
          if (!subject.fault) return skip();
          const email = freshAddress('fault');
          await subject.seed(supports('suppressed') ? 'suppressed' : 'clean', email);
          subject.fault(fault);
          const result = await source.deliveryEvents(email);
          if (result.ok) throw new Error(`expected ${fault} to fail, got ${JSON.stringify(result.value)}`);
          const expected = expectations[fault];
          expect(result.error.kind).toBe(expected.kind);
          if (expected.cause && result.error.kind === 'unavailable') expect(result.error.cause).toBe(expected.cause);
          if (result.error.kind === 'rate_limited') expect(result.error.retryAfterMs).toBe((options.retryAfter ?? 'header') === 'header' ? 7000 : 30_000);
          expect(result.error.message ?? '').toContain(source.name);
          expect(result.error.message ?? '').not.toMatch(/test-key|test-token|Bearer|Basic /i);
          // The fault is spent: the next read answers again.
          expect(unwrap(await source.deliveryEvents(email))).toBeInstanceOf(Array);
        });
      }
    });
  });
}
