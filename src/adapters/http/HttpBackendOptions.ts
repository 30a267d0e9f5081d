import type { BackendDescription } from '../../engine/BackendDescription.ts';
import type { Capability } from '../../engine/InvitationBackend.ts';

/** How to reach the REST API described in `api/openapi.json`. */
export interface HttpBackendOptions {
  /** Origin (and optional path prefix) of the API, without `/v1`, e.g. `https://api.example.com`. */
  baseUrl: string;
  /** The fetch to use; tests and hosts may pass their own. @default globalThis.fetch */
  fetch?: typeof globalThis.fetch;
  /** Per-attempt time limit; past it the call resolves `unavailable` / `timeout`. @default 10_000 */
  timeoutMs?: number;
  /** Bearer token, or a function read before every request (so a refreshed token is picked up). */
  token?: string | (() => string | undefined);
  /** What the API supports; learn it at startup with `fetchCapabilities`. @default all of them */
  capabilities?: readonly Capability[];
  /** What the API said about itself (`fetchBackendFacts`); `describe()` is absent without it. */
  description?: BackendDescription;
  /** The largest response body read; a larger one is refused as `unavailable` / `malformed`. @default 1 MiB */
  maxResponseBytes?: number;
  /** Retries of reads (GET) that fail as unavailable; actions never retry on their own. */
  retry?: {
    /** Total attempts, the first included. @default 3 */
    attempts?: number;
    /** Delay before the first retry; it doubles each time. @default 200 */
    baseDelayMs?: number;
  };
}

/** The options with every default filled in. */
export interface HttpTransport {
  baseUrl: string;
  fetch: typeof globalThis.fetch;
  timeoutMs: number;
  token: () => string | undefined;
  attempts: number;
  baseDelayMs: number;
  maxResponseBytes: number;
}

/** 1 MiB: far above any answer of the API (a page of invitations is a few KiB). */
export const defaultMaxResponseBytes = 1024 * 1024;

export function resolveHttpTransport(options: HttpBackendOptions): HttpTransport {
  const { token } = options;
  return {
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    // Wrapped so the browser's fetch is never called with a foreign `this` ("Illegal invocation").
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    timeoutMs: options.timeoutMs ?? 10_000,
    token: typeof token === 'function' ? token : () => token,
    attempts: Math.max(1, options.retry?.attempts ?? 3),
    baseDelayMs: options.retry?.baseDelayMs ?? 200,
    maxResponseBytes: Math.max(1, options.maxResponseBytes ?? defaultMaxResponseBytes),
  };
}
