import type { Clock, DeliveryEvent, InvitationBackend, Policy } from '../engine/index.ts';
import type { MemoryBackend, MemorySeedFactory } from '../adapters/index.ts';
import { demoOrganisationSize, type AppBackend, type BackendConfig, type DemoHooks } from './appBackend.ts';
import { apiKeyStorage } from './signIn/apiKeyStorage.ts';
import { watchForSignedOut } from './signIn/watchForSignedOut.ts';

// How the SPA's backends are made (the server's over HTTP, the in-browser demo), apart from
// appBackend.ts so that none of it is in the start page's first load: loadAppBackend imports this
// module with the first page that needs a backend.

export async function createServerBackend(baseUrl: string): Promise<{ app: AppBackend; capabilitiesKnown: boolean }> {
  const [{ createHttpBackend, fetchBackendFacts }, { createPolicy }] = await Promise.all([import('../adapters/index.ts'), import('../engine/index.ts')]);
  const options = { baseUrl, token: apiKeyStorage.read, fetch: watchForSignedOut };
  const facts = await fetchBackendFacts(options);
  const backend = createHttpBackend({ ...options, ...(facts.ok ? { capabilities: [...facts.value.capabilities], ...(facts.value.description ? { description: facts.value.description } : {}) } : {}) });
  return { app: { backend, policy: createPolicy(), demo: null }, capabilitiesKnown: facts.ok };
}

export async function createAppBackend(config: Extract<BackendConfig, { kind: 'memory' }>): Promise<AppBackend> {
  const { demo, policy } = await createDemoBackend(config);
  const held = config.hold ? holdCall(demo, config.hold) : { backend: demo, release: () => {} };
  if (typeof window !== 'undefined') window.__inviteDoctorDemo = { backend: demo, release: held.release };
  return { backend: held.backend, policy, demo };
}

/**
 * The memory demo as the hooks describe it (latency, capabilities, policy, delivery log, faults).
 * The e2e route finder builds the very same backend in Node.
 */
export async function createDemoBackend(
  hooks: Omit<DemoHooks, 'hold' | 'links' | 'organisation'> & { links?: string | null; organisation?: number },
  clock?: Clock,
): Promise<{ demo: MemoryBackend; policy: Policy }> {
  const [{ createMemoryBackend, demoSeed, withDemoOrganisation }, { createPolicy }] = await Promise.all([import('../adapters/index.ts'), import('../engine/index.ts')]);
  const policy = createPolicy(hooks.policy);
  const delivered = hooks.delivery ? withLatestAttempt(demoSeed, hooks.delivery) : demoSeed;
  // `?delivery=` tells the 13 seeded people's story; the generated organisation keeps its own.
  const organised = withDemoOrganisation(delivered, hooks.organisation ?? demoOrganisationSize);
  const seed = hooks.links ? withLinkOrigin(organised, hooks.links) : organised;
  const demo = createMemoryBackend(seed, clock, { policy, latencyMs: hooks.latencyMs, ...(hooks.capabilities ? { capabilities: hooks.capabilities } : {}) });
  for (const fault of hooks.faults) demo.injectFault(fault.operation, fault.error);
  return { demo, policy };
}

/** The failure a delivery attempt reports with this status code (`4.2.2`, or a bare reply code such as `550`). */
export function demoDeliveryFailure(code: string): Pick<DeliveryEvent, 'kind' | 'smtpCode' | 'enhancedCode' | 'text'> {
  const enhanced = code.includes('.') ? code : undefined;
  const reply = enhanced ? `${code.charAt(0)}50` : code;
  return { kind: code.startsWith('4') ? 'deferred' : 'bounced', smtpCode: Number(reply), ...(enhanced ? { enhancedCode: enhanced } : {}), text: enhanced ? `${reply} ${enhanced}` : reply };
}

/** The seed, with every address's latest attempt ending in the failure `delivery` says instead (but the one it excepts). */
function withLatestAttempt(seed: MemorySeedFactory, delivery: string): MemorySeedFactory {
  const [code = '', except] = delivery.split(':except:');
  return (now, policy) => {
    const base = seed(now, policy);
    const lastSent = new Map<string, number>();
    for (const event of base.events) {
      if (event.kind === 'sent' && event.email.toLowerCase() !== except) lastSent.set(event.email, Math.max(lastSent.get(event.email) ?? -Infinity, Date.parse(event.at)));
    }
    const events = base.events.filter((event) => event.kind === 'sent' || Date.parse(event.at) < (lastSent.get(event.email) ?? Infinity));
    for (const [email, at] of lastSent) events.push({ at: new Date(at).toISOString(), email, ...demoDeliveryFailure(code) });
    return { ...base, events };
  };
}

/** The seed, with invite links pointing at `origin`: in the seed, so a reset keeps it. */
function withLinkOrigin(seed: MemorySeedFactory, origin: string): MemorySeedFactory {
  return (now, policy) => {
    const base = seed(now, policy);
    return { ...base, sending: { ...base.sending, linkOrigin: origin } };
  };
}

/** The backend with the n-th call of one operation held back until `release()`. */
function holdCall(demo: MemoryBackend, hold: NonNullable<DemoHooks['hold']>): { backend: InvitationBackend; release(): void } {
  const original = demo[hold.operation] as (...args: unknown[]) => Promise<unknown>;
  const waiting: (() => void)[] = [];
  let calls = 0;
  let released = false;
  const held = (...args: unknown[]) => {
    calls += 1;
    if (released || calls !== hold.call) return original(...args);
    return new Promise((resolve) => waiting.push(() => resolve(original(...args))));
  };
  const release = () => {
    released = true;
    for (const run of waiting.splice(0)) run();
  };
  return { backend: { ...demo, [hold.operation]: held }, release };
}
