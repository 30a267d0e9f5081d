import { restoreSessionRecord, settleInterruptedCall, type FlowMachine, type SessionInput } from '../engine/index.ts';

/** Why the page did not simply resume the session its URL names. */
export type SessionNotice = 'flow-changed' | 'not-saved' | 'unreadable';

export interface SessionPlan {
  sessionId: string;
  /** Resume from this snapshot; otherwise start with `input`. */
  snapshot: unknown;
  input: SessionInput;
  notice: SessionNotice | null;
  /** A saved session to delete: it belongs to a flow version that no longer exists, or is unreadable. */
  drop: string | null;
}

export interface SessionRequest {
  flowId: string;
  flowHash: string;
  /** `?session=` from the URL. */
  sessionId: string | null;
  /** The step named in the URL, if any. */
  stepId: string | null;
  /** What localStorage holds for `sessionId` (null: nothing). */
  record: unknown;
  /** The address to start with (from the start page, a hand-over, or the dropped session). */
  email: string | null;
  /** The compiled flow's machine: tells which steps are side effects (see settleInterruptedCall). */
  machine: FlowMachine;
  createId(): string;
}

/**
 * Resume the saved session the URL names, or start a new one, and say why when the two differ:
 * a session saved against another version of the flow is dropped; a step URL without a saved
 * session (someone else's link) starts from the beginning, because nobody can be put into the
 * middle of a session whose answers this browser does not have. A session saved while a side
 * effect's call was under way resumes on that step's confirmation: the earlier attempt may have
 * gone through, so it is not sent again without a second press.
 */
export function resumeOrStart(request: SessionRequest): SessionPlan {
  const fresh = (notice: SessionNotice | null, drop: string | null): SessionPlan => ({
    sessionId: request.createId(),
    snapshot: null,
    input: { email: request.email },
    notice,
    drop,
  });
  if (request.sessionId && request.record !== null && request.record !== undefined) {
    const restored = restoreSessionRecord(request.record, request.flowId, request.flowHash);
    // A side effect that was under way when the session was saved is asked again, never re-sent by itself.
    if (restored.ok) return { sessionId: request.sessionId, snapshot: settleInterruptedCall(restored.snapshot, request.machine), input: {}, notice: null, drop: null };
    if (restored.error.kind === 'wrong-flow') return fresh('not-saved', null);
    return fresh(restored.error.kind === 'flow-changed' ? 'flow-changed' : 'unreadable', request.sessionId);
  }
  if (request.sessionId || request.stepId) return fresh('not-saved', null);
  return fresh(null, null);
}
