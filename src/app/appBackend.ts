import type { BackendError, BackendErrorKind, Capability, InvitationBackend, Policy } from '../engine/index.ts';
import type { FaultTarget, MemoryBackend } from '../adapters/index.ts';
// The one list of capabilities, from its small module (not the engine's index, which the start page loads lazily).
import { allCapabilities } from '../engine/InvitationBackend.ts';

/** The backend the SPA talks to, with the policy its texts and timers use. */
export interface AppBackend {
  backend: InvitationBackend;
  policy: Policy;
  /** The in-memory demo backend, when that is what runs (the demo bar controls it); else null. */
  demo: MemoryBackend | null;
}

/**
 * `server`: the Invite Doctor server, at `baseUrl` (`''`: this page's own origin, which the dev
 * server proxies), signed in with a key kept in sessionStorage. `memory`: the in-browser demo.
 */
export type BackendConfig = ({ kind: 'memory' } & DemoHooks) | { kind: 'server'; baseUrl: string };

/** The build-time variables that choose the backend (`import.meta.env`); never the page's URL. */
export interface BackendEnv {
  /** `server`: the Invite Doctor server on this same origin. */
  VITE_BACKEND?: string | undefined;
  /** The origin of an Invite Doctor server elsewhere, fixed at build time. */
  VITE_BACKEND_URL?: string | undefined;
}

/** A backend operation of the demo (every method of the contract but `capabilities`). */
export type DemoOperation = Exclude<keyof InvitationBackend, 'capabilities' | 'describe'>;

export interface DemoFault {
  operation: FaultTarget;
  error: BackendError;
}

/**
 * How the URL shapes the memory demo. Tests and demos use these; see tests/e2e/README.md.
 * `capabilities`, `policy`, `delivery`, `links` and `organisation` change what the demo looks like, so
 * they are kept for the tab (sessionStorage) and a reload resumes against the same demo; the others apply once.
 */
export interface DemoHooks {
  /** `?latency=<ms>`. @default 350 */
  latencyMs: number;
  /** `?fault=<operation>:<kind>[:<detail>[:<status>]]`, repeatable: the next call of each fails, in order. */
  faults: DemoFault[];
  /** `?capabilities=lookup,resend,…` (`none` for none): the operations offered; null: all. */
  capabilities: Capability[] | null;
  /** `?policy=ssoEnabled:true,resendCooldownMs:60000`: policy overrides. */
  policy: Partial<Policy>;
  /**
   * `?delivery=<code>`: every seeded invitation's latest attempt came back with this SMTP status code.
   * `?delivery=<code>:except:<address>`: every one but that address's (its log stays as seeded), so
   * its colleagues at the same domain fail while its own invitation arrived.
   */
  delivery: string | null;
  /** `?links=<origin>`: invite links point at this origin (a misconfigured public URL, e.g. `http://localhost:3000`); null: the demo's own. */
  links: string | null;
  /** `?hold=<operation>[:<n>]`: the n-th call (default 1st) stays pending until `__inviteDoctorDemo.release()`. */
  hold: { operation: DemoOperation; call: number } | null;
  /**
   * `?organisation=<n>`: how many generated people the demo organisation adds to the seeded ones (demoSeed)
   * (0–20,000; `0`: none, only the seeded ones). @default demoOrganisationSize (2,400)
   */
  organisation: number;
}

/** The generated people of the demo unless `?organisation=` says otherwise (adapters' defaultOrganisationSize; a copy, so this start chunk needs no adapter). */
export const demoOrganisationSize = 2_400;
const maxDemoOrganisationSize = 20_000;

declare global {
  interface Window {
    /** Test hook, present only on the memory backend: e2e tests inject faults through it. */
    __inviteDoctorDemo?: { backend: MemoryBackend; release(): void };
  }
}

/** Demo calls take a moment, like real ones, so the "working…" state is visible. */
const demoLatencyMs = 350;
const keptHooksKey = 'invite-doctor.demo-hooks';

/**
 * Which backend to use, decided when the app is built: `VITE_BACKEND_URL` (an origin) or
 * `VITE_BACKEND=server` (this origin) → the server; otherwise the memory demo, shaped by the
 * {@link DemoHooks} in the URL. Nothing in the URL can point the app at another host.
 */
export function readBackendConfig(search: string, env: BackendEnv, kept: Storage | null): BackendConfig {
  const url = env.VITE_BACKEND_URL?.trim();
  if (url) return { kind: 'server', baseUrl: new URL(url).origin };
  if (env.VITE_BACKEND === 'server') return { kind: 'server', baseUrl: '' };
  return { kind: 'memory', ...readDemoHooks(new URLSearchParams(search), kept) };
}

/** The demo hooks of a URL's query; `kept` (sessionStorage) remembers the ones that shape the flows. */
export function readDemoHooks(params: URLSearchParams, kept: Storage | null = null): DemoHooks {
  const latency = Number(params.get('latency'));
  const shaping = ['capabilities', 'policy', 'delivery', 'links', 'organisation'] as const;
  const saved = readKept(kept);
  const value = (name: (typeof shaping)[number]) => (params.has(name) ? params.get(name) : (saved[name] ?? null));
  if (kept && shaping.some((name) => params.has(name))) {
    kept.setItem(keptHooksKey, JSON.stringify(Object.fromEntries(shaping.map((name) => [name, value(name)]))));
  }
  return {
    latencyMs: params.has('latency') && Number.isFinite(latency) ? Math.max(0, latency) : demoLatencyMs,
    faults: params.getAll('fault').flatMap((fault) => parseFault(fault) ?? []),
    capabilities: parseCapabilities(value('capabilities')),
    policy: parsePolicy(value('policy')),
    delivery: parseDeliveryCode(value('delivery')),
    links: parseLinkOrigin(value('links')),
    hold: parseHold(params.get('hold')),
    organisation: parseOrganisationSize(value('organisation')),
  };
}

let config: BackendConfig | null = null;
let backend: Promise<AppBackend> | null = null;

/** The app's backend config, read once per page load (the URL it was opened with decides). */
export function appBackendConfig(): BackendConfig {
  config ??= readBackendConfig(
    typeof location === 'undefined' ? '' : location.search,
    { VITE_BACKEND: import.meta.env.VITE_BACKEND as string | undefined, VITE_BACKEND_URL: import.meta.env.VITE_BACKEND_URL as string | undefined },
    typeof sessionStorage === 'undefined' ? null : sessionStorage,
  );
  return config;
}

/** The backend for this page load, created on first use (adapters load lazily, off the start chunk). */
export function loadAppBackend(): Promise<AppBackend> {
  const config = appBackendConfig();
  if (config.kind === 'server') {
    // Not kept when the server did not say what it supports (signed out, unreachable): the next page tries again.
    if (backend) return backend;
    // Both makers load with the first page that needs a backend, never with the start page.
    const creating: Promise<AppBackend> = import('./createBackends.ts').then(({ createServerBackend }) => createServerBackend(config.baseUrl)).then((created) => {
      if (!created.capabilitiesKnown && backend === creating) backend = null;
      return created.app;
    });
    backend = creating;
    return creating;
  }
  backend ??= import('./createBackends.ts').then(({ createAppBackend }) => createAppBackend(config));
  return backend;
}

/** Forgets the server backend, so the next page asks the server again what it supports (after signing in or out). */
export function forgetAppBackend(): void {
  if (config?.kind === 'server') backend = null;
}

const errorKinds: readonly BackendErrorKind[] = ['rate_limited', 'not_permitted', 'not_found', 'deactivated', 'conflict', 'unsupported', 'unavailable'];
const causes = ['timeout', 'network', 'server', 'malformed', 'aborted'] as const;
/** Every operation `?hold=` can hold: a record, so a contract operation added later cannot be left out. */
const operationNames: Record<DemoOperation, true> = {
  findUser: true,
  resendInvite: true,
  getInviteLink: true,
  sendPasswordReset: true,
  cancelInvite: true,
  inviteUser: true,
  deliveryEvents: true,
  clearSuppression: true,
  listInvitations: true,
  sendingStatus: true,
  linkEvents: true,
  invitationEvidence: true,
};
const operations = Object.keys(operationNames) as DemoOperation[];

/**
 * `<operation>:<kind>[:<detail>[:<status>]]`. For `rate_limited` the detail is the retry-after in
 * ms (default 60 s; `none`: a backend that gave no usable Retry-After, NaN); for `unavailable` it is the cause (default `server`), optionally with an
 * HTTP-like status (`deliveryEvents:unavailable:server:503`).
 */
function parseFault(value: string | null): DemoFault | null {
  if (!value) return null;
  const [operation, kind, detail, status] = value.split(':');
  if (!operation || !errorKinds.includes(kind as BackendErrorKind)) return null;
  const retryAfterMs = Number(detail);
  const statusCode = Number(status);
  const error: BackendError =
    kind === 'rate_limited'
      ? { kind, retryAfterMs: detail === 'none' ? Number.NaN : detail && Number.isFinite(retryAfterMs) && retryAfterMs >= 0 ? retryAfterMs : 60_000 }
      : kind === 'unavailable'
        ? { kind, cause: causes.find((known) => known === detail) ?? 'server', ...(status && Number.isInteger(statusCode) ? { status: statusCode } : {}) }
        : ({ kind } as BackendError);
  return { operation: operation as FaultTarget, error };
}

function parseCapabilities(value: string | null): Capability[] | null {
  if (value === null || value === 'all') return null;
  if (value === 'none' || value === '') return [];
  return allCapabilities.filter((name) => value.split(',').includes(name));
}

/** An http(s) origin, or null for anything else (a path, a query or a token never gets in). */
function parseLinkOrigin(value: string | null): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

/** `key:value` pairs for policy fields; a value must have the type of the field's default. */
function parsePolicy(value: string | null): Partial<Policy> {
  const policy: Record<string, unknown> = {};
  for (const pair of value ? value.split(',') : []) {
    const [key = '', raw = ''] = pair.split(':');
    const field = key as keyof Policy;
    if (field === 'ssoEnabled') policy[field] = raw === 'true';
    else if (field === 'inviteExpiryMs' || field === 'resendCooldownMs' || field === 'deliveryWindowMs' || field === 'resetLinkExpiryMs') {
      if (Number.isFinite(Number(raw))) policy[field] = Number(raw);
    }
  }
  return policy as Partial<Policy>;
}

function parseDeliveryCode(value: string | null): string | null {
  const [code, except] = (value ?? '').split(':except:');
  if (!code || !/^[45](?:\.\d{1,3}\.\d{1,3}|\d\d)$/.test(code)) return null;
  return except === undefined ? code : /^[^\s:@]+@[^\s:@]+$/.test(except) ? `${code}:except:${except.toLowerCase()}` : null;
}

/** A whole number of people, 0 to 20,000 (more is 20,000); anything else is the default. */
function parseOrganisationSize(value: string | null): number {
  if (value === null || !/^\d{1,9}$/.test(value.trim())) return demoOrganisationSize;
  return Math.min(maxDemoOrganisationSize, Number(value.trim()));
}

function parseHold(value: string | null): DemoHooks['hold'] {
  const [operation, call] = (value ?? '').split(':');
  if (!operations.includes(operation as DemoOperation)) return null;
  const nth = Number(call ?? 1);
  return { operation: operation as DemoOperation, call: Number.isInteger(nth) && nth > 0 ? nth : 1 };
}

function readKept(kept: Storage | null): Partial<Record<'capabilities' | 'policy' | 'delivery' | 'links' | 'organisation', string | null>> {
  try {
    const saved: unknown = JSON.parse(kept?.getItem(keptHooksKey) ?? '{}');
    return typeof saved === 'object' && saved !== null ? (saved as Record<string, string | null>) : {};
  } catch {
    return {};
  }
}
