import { maskSecrets } from './maskSecrets.ts';

/** What is stored for a session: enough to resume it, never a secret. */
export interface SessionRecord {
  flowId: string;
  flowHash: string;
  savedAt: number;
  snapshot: unknown;
}

export type RestoreError =
  | { kind: 'flow-changed'; flowId: string }
  | { kind: 'wrong-flow'; expected: string; found: string }
  | { kind: 'malformed'; reason: string };

export type RestoreResult = { ok: true; snapshot: unknown } | { ok: false; error: RestoreError };

/**
 * Builds the record to store from `actor.getPersistedSnapshot()`. Invite-link URLs are removed:
 * a link is a secret and must never reach localStorage; after a reload the person fetches it again.
 * Links and tokens in free text (notes, pasted errors) are masked the same way.
 */
export function toSessionRecord(flowId: string, flowHash: string, persistedSnapshot: unknown, savedAt: number): SessionRecord {
  return { flowId, flowHash, savedAt, snapshot: stripSecrets(persistedSnapshot) };
}

/** Checks a stored record against the flow now loaded; a changed flow is refused with a reason. */
export function restoreSessionRecord(record: unknown, flowId: string, flowHash: string): RestoreResult {
  if (!isRecord(record)) return { ok: false, error: { kind: 'malformed', reason: 'not a saved session' } };
  if (record.flowId !== flowId) return { ok: false, error: { kind: 'wrong-flow', expected: flowId, found: String(record.flowId) } };
  if (record.flowHash !== flowHash) return { ok: false, error: { kind: 'flow-changed', flowId } };
  const snapshot = record.snapshot as { status?: unknown; context?: unknown; value?: unknown } | null;
  if (!snapshot || typeof snapshot !== 'object' || !snapshot.context || snapshot.value === undefined) {
    return { ok: false, error: { kind: 'malformed', reason: 'the saved snapshot has no state' } };
  }
  return { ok: true, snapshot };
}

function isRecord(value: unknown): value is SessionRecord {
  return typeof value === 'object' && value !== null && 'flowId' in value && 'flowHash' in value && 'snapshot' in value;
}

/** Keys whose strings are free text (a note, a pasted or received delivery error, a server message). */
const freeTextKeys = new Set(['text', 'raw', 'message', 'diagnostic', 'description']);

/**
 * Removes every `inviteLink` from the snapshot, including copies inside invoked children's input,
 * and masks links, tokens and codes (`maskSecrets`) in every free text: notes, typed inputs,
 * pasted or received delivery errors, error messages. Identifiers (user ids, step ids, the state
 * value) stay exact: the session must resume. Children themselves stay: they are what resumes a
 * running call or a wait's timer after a reload.
 */
function stripSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripSecrets);
  if (!value || typeof value !== 'object') return value;
  const isInputEntry = (value as { type?: unknown }).type === 'input';
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (key === 'inviteLink') continue;
    const freeText = freeTextKeys.has(key) || (isInputEntry && key === 'value');
    copy[key] = freeText && typeof item === 'string' ? maskSecrets(item) : stripSecrets(item);
  }
  return copy;
}
