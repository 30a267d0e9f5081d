import { normalizeAddress } from '../../diagnostics/normalizeAddress.ts';
import type { BackendError, InvitationBackend, InvitationEvidence, InvitedUser, Policy, Result } from '../../engine/index.ts';
import { maxEvidenceAddresses } from '../../engine/InvitationBackend.ts';
import { diagnoseInvitation } from '../../registry/diagnoseInvitation.ts';
import type { DiagnosedInvitation } from '../../registry/InvitationVerdict.ts';

/** How far {@link loadInvitationHealth} has come: listing pages, then gathering evidence. */
export interface InvitationHealthProgress {
  phase: 'listing' | 'evidence';
  loaded: number;
  /** Unknown while listing (the pages do not say how many follow). */
  total: number | null;
}

export interface LoadInvitationHealthOptions {
  signal: AbortSignal;
  onProgress(progress: InvitationHealthProgress): void;
  /** The `now` every verdict is computed at. @default Date.now() */
  now?: number;
  /** Waits before the one automatic retry after a rate limit; tests pass an instant one. */
  sleep?(ms: number, signal: AbortSignal): Promise<void>;
}

export interface LoadedInvitationHealth {
  rows: DiagnosedInvitation[];
  evidence: Map<string, InvitationEvidence>;
  diagnosedAt: number;
}

/** Rows per listed page: the contract's maximum, so 2,000 invitations take ten calls. */
const pageSize = 200;
/** Addresses asked at once where the backend has no batch call: few enough to stay polite. */
const perAddressConcurrency = 4;
/** The longest Retry-After waited out by itself; a longer one is shown to the person instead. */
const maxAutomaticWaitMs = 60_000;

/**
 * Every invitation the backend lists (all statuses, paged), the evidence for each (batched through
 * `invitationEvidence` where offered, else `deliveryEvents` + `linkEvents` a few addresses at a
 * time), each diagnosed once. A rate limit is waited out (its Retry-After) and the call retried
 * once per load; any other error ends the load with it. Needs capability `listInvitations`.
 */
export async function loadInvitationHealth(backend: InvitationBackend, policy: Policy, options: LoadInvitationHealthOptions): Promise<Result<LoadedInvitationHealth>> {
  const { signal, onProgress } = options;
  const sleep = options.sleep ?? abortableSleep;
  let retried = false;
  // One automatic retry per load, after the wait the backend asked for.
  const call = async <T>(run: () => Promise<Result<T>>): Promise<Result<T>> => {
    const result = await run();
    if (result.ok || result.error.kind !== 'rate_limited' || retried || signal.aborted) return result;
    const wait = Math.max(0, result.error.retryAfterMs);
    if (!Number.isFinite(wait) || wait > maxAutomaticWaitMs) return result;
    retried = true;
    await sleep(wait, signal);
    if (signal.aborted) return { ok: false, error: aborted };
    return run();
  };

  const users: InvitedUser[] = [];
  let cursor: string | undefined;
  onProgress({ phase: 'listing', loaded: 0, total: null });
  for (;;) {
    const after = cursor;
    const page = await call(() => backend.listInvitations!({ limit: pageSize, ...(after ? { cursor: after } : {}) }, { signal }));
    if (!page.ok) return page;
    users.push(...page.value.invitations);
    onProgress({ phase: 'listing', loaded: users.length, total: null });
    if (!page.value.nextCursor || page.value.invitations.length === 0) break;
    cursor = page.value.nextCursor;
  }

  const addresses = [...new Set(users.map((user) => addressKey(user.email)))];
  const evidence = new Map<string, InvitationEvidence>();
  onProgress({ phase: 'evidence', loaded: 0, total: addresses.length });
  const gathered = await gatherEvidence(backend, addresses, signal, call, (entry) => {
    evidence.set(entry.email, entry);
    onProgress({ phase: 'evidence', loaded: evidence.size, total: addresses.length });
  });
  if (!gathered.ok) return gathered;
  if (typeof performance !== 'undefined') performance.mark('invite-health:data');

  // As the wizard reads them: without a delivery log an empty list means "not known", never
  // "nothing left"; the sending status (one answer for the whole backend) tells whether mail can
  // leave at all. A failed status read leaves it unknown rather than failing the page.
  const capabilities = backend.capabilities();
  const deliveryLogRead = capabilities.has('deliveryLog') || capabilities.has('invitationEvidence');
  const status = backend.sendingStatus && capabilities.has('sendingStatus') ? await call(() => backend.sendingStatus!({ signal })) : null;
  const sending = status?.ok ? status.value : undefined;
  const now = options.now ?? Date.now();
  const rows = users.map((user): DiagnosedInvitation => {
    const key = addressKey(user.email);
    const found = evidence.get(key) ?? { email: key, deliveryEvents: [], linkEvents: [] };
    const facts = { deliveryEvents: found.deliveryEvents, linkEvents: found.linkEvents, deliveryLogRead, ...(sending ? { sending } : {}) };
    return { user, domain: key.slice(key.lastIndexOf('@') + 1), verdict: diagnoseInvitation(user, facts, policy, now) };
  });
  return { ok: true, value: { rows, evidence, diagnosedAt: now } };
}

type Call = <T>(run: () => Promise<Result<T>>) => Promise<Result<T>>;

async function gatherEvidence(backend: InvitationBackend, addresses: string[], signal: AbortSignal, call: Call, add: (entry: InvitationEvidence) => void): Promise<Result<null>> {
  const capabilities = backend.capabilities();
  if (backend.invitationEvidence && capabilities.has('invitationEvidence')) {
    // The batch call refuses the whole list for one value it cannot read as an address (a
    // provider may hold such a user): those few are asked one at a time below instead.
    const batchable = addresses.filter((email) => normalizeAddress(email).ok);
    for (let start = 0; start < batchable.length; start += maxEvidenceAddresses) {
      const batch = batchable.slice(start, start + maxEvidenceAddresses);
      const result = await call(() => backend.invitationEvidence!(batch, { signal }));
      if (!result.ok) return result;
      for (const entry of result.value) add({ ...entry, email: addressKey(entry.email) });
    }
    addresses = addresses.filter((email) => !normalizeAddress(email).ok);
    if (addresses.length === 0) return { ok: true, value: null };
  }
  // Without a batch call: each address's own calls, a few addresses at a time.
  const withDelivery = capabilities.has('deliveryLog');
  const withLinks = Boolean(backend.linkEvents) && capabilities.has('linkEvents');
  let next = 0;
  let failure: BackendError | null = null;
  const worker = async () => {
    while (failure === null && next < addresses.length && !signal.aborted) {
      const email = addresses[next++] as string;
      const delivery = withDelivery ? await call(() => backend.deliveryEvents(email, { signal })) : { ok: true as const, value: [] };
      if (!delivery.ok) {
        failure ??= delivery.error;
        return;
      }
      const links = withLinks ? await call(() => backend.linkEvents!(email, { signal })) : { ok: true as const, value: [] };
      if (!links.ok) {
        failure ??= links.error;
        return;
      }
      add({ email, deliveryEvents: delivery.value, linkEvents: links.value });
    }
  };
  await Promise.all(Array.from({ length: Math.min(perAddressConcurrency, addresses.length) }, worker));
  if (failure) return { ok: false, error: failure };
  if (signal.aborted) return { ok: false, error: aborted };
  return { ok: true, value: null };
}

const aborted: BackendError = { kind: 'unavailable', cause: 'aborted' };

/** The address as the evidence map keys it: normalised where it can be, else lower-cased. */
export function addressKey(email: string): string {
  const normalized = normalizeAddress(email);
  return normalized.ok ? normalized.address : email.trim().toLowerCase();
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
