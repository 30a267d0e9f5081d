import type { BackendError, BackendErrorKind, InvitationBackend, Policy } from '../engine/index.ts';
import type { FaultTarget, MemoryBackend } from '../adapters/index.ts';

/** The backend the SPA talks to, with the policy its texts and timers use. */
export interface AppBackend {
  backend: InvitationBackend;
  policy: Policy;
  /** The in-memory demo backend, when that is what runs (the demo bar controls it); else null. */
  demo: MemoryBackend | null;
}

export type BackendConfig =
  | { kind: 'memory'; latencyMs: number; fault: { operation: FaultTarget; error: BackendError } | null }
  | { kind: 'http'; baseUrl: string };

declare global {
  interface Window {
    /** Test hook, present only on the memory backend: e2e tests inject faults through it. */
    __inviteDoctorDemo?: { backend: MemoryBackend };
  }
}

/** Demo calls take a moment, like real ones, so the "working…" state is visible. */
const demoLatencyMs = 350;

/**
 * Which backend to use: `?backend=<url>` or `VITE_BACKEND_URL` → the HTTP adapter (token
 * `demo-admin`); otherwise the memory demo. On the demo, `?latency=<ms>` sets the simulated
 * latency and `?fault=<operation>:<kind>[:<cause>]` makes the first such call fail.
 */
function readBackendConfig(search: string, envUrl: string | undefined): BackendConfig {
  const params = new URLSearchParams(search);
  const baseUrl = params.get('backend') ?? envUrl;
  if (baseUrl) return { kind: 'http', baseUrl };
  const latency = Number(params.get('latency'));
  return { kind: 'memory', latencyMs: params.has('latency') && Number.isFinite(latency) ? Math.max(0, latency) : demoLatencyMs, fault: parseFault(params.get('fault')) };
}

let config: BackendConfig | null = null;
let backend: Promise<AppBackend> | null = null;

/** The app's backend config, read once per page load (the URL it was opened with decides). */
export function appBackendConfig(): BackendConfig {
  config ??= readBackendConfig(typeof location === 'undefined' ? '' : location.search, import.meta.env.VITE_BACKEND_URL as string | undefined);
  return config;
}

/** The backend for this page load, created on first use (adapters load lazily, off the start chunk). */
export function loadAppBackend(): Promise<AppBackend> {
  backend ??= createAppBackend(appBackendConfig());
  return backend;
}

async function createAppBackend(config: BackendConfig): Promise<AppBackend> {
  const [{ createMemoryBackend, createHttpBackend, fetchCapabilities }, { createPolicy }] = await Promise.all([
    import('../adapters/index.ts'),
    import('../engine/index.ts'),
  ]);
  const policy = createPolicy();
  if (config.kind === 'http') {
    const options = { baseUrl: config.baseUrl, token: 'demo-admin' };
    const capabilities = await fetchCapabilities(options);
    const backend = createHttpBackend({ ...options, ...(capabilities.ok ? { capabilities: [...capabilities.value] } : {}) });
    return { backend, policy, demo: null };
  }
  const demo = createMemoryBackend(undefined, undefined, { policy, latencyMs: config.latencyMs });
  if (config.fault) demo.injectFault(config.fault.operation, config.fault.error);
  if (typeof window !== 'undefined') window.__inviteDoctorDemo = { backend: demo };
  return { backend: demo, policy, demo };
}

const errorKinds: readonly BackendErrorKind[] = ['rate_limited', 'not_permitted', 'not_found', 'deactivated', 'conflict', 'unsupported', 'unavailable'];
const causes = ['timeout', 'network', 'server', 'malformed', 'aborted'] as const;

function parseFault(value: string | null): { operation: FaultTarget; error: BackendError } | null {
  if (!value) return null;
  const [operation, kind, cause] = value.split(':');
  if (!operation || !errorKinds.includes(kind as BackendErrorKind)) return null;
  const error: BackendError =
    kind === 'rate_limited'
      ? { kind, retryAfterMs: 60_000 }
      : kind === 'unavailable'
        ? { kind, cause: causes.find((known) => known === cause) ?? 'server' }
        : ({ kind } as BackendError);
  return { operation: operation as FaultTarget, error };
}
