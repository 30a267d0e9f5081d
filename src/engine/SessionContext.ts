import type { BackendError } from './BackendError.ts';
import type {
  CancelledInvite,
  DeliveryEvent,
  InviteLink,
  InvitedUser,
  LinkEvent,
  SendingStatus,
  SentInvite,
  SentPasswordReset,
} from './InvitationBackend.ts';

/**
 * What the machine knows about the case. Filled by action steps from the backend (or by local
 * actions); read by guards and by the UI. Secrets (the invite link) live here in memory only:
 * {@link toSessionRecord} strips them before anything is stored.
 */
export interface Facts {
  /** `undefined`: not looked up yet; `null`: looked up, no such user. */
  user?: InvitedUser | null;
  deliveryEvents?: DeliveryEvent[];
  /** The diagnosis of the latest failed delivery, or `null` when the latest attempt was fine. */
  delivery?: DeliveryFinding | null;
  resend?: SentInvite;
  inviteLink?: InviteLink;
  passwordReset?: SentPasswordReset;
  cancelled?: CancelledInvite;
  invited?: InvitedUser;
  /** How outgoing mail is set up, from `sendingStatus`. */
  sending?: SendingStatus;
  /** What happened to this address's invite links, from `linkEvents`. */
  linkEvents?: LinkEvent[];
  /** Other people invited at the same domain, from `listInvitations`. */
  domainPeers?: DomainPeers;
}

/** What listing says about the rest of an address's domain ("is it only this person?"). */
export interface DomainPeers {
  domain: string;
  /** Other users at the domain still waiting on an invitation (not counting this address). */
  pending: number;
  /** Of those, how many whose latest delivery failed, where the backend reported it. */
  failing: number;
  /** False when listing stopped early (a page limit); the counts are then lower bounds. */
  complete: boolean;
}

/**
 * A delivery error as the diagnostics layer classifies it. The engine keeps only this shape
 * (strings), so it needs no import from `src/diagnostics`.
 */
export interface DeliveryFinding {
  action: string;
  category: string;
  code: string | null;
  adviceKey: string;
  raw: string;
  at: string;
  /** For mail that never left our side: the backend's `NotSentReason`. */
  reason?: string;
}

export interface SessionContext {
  flowId: string;
  /** The address the case is about (may change if a typo is corrected). */
  email: string | null;
  /** The address the session started with; Restart returns to it. */
  initialEmail: string | null;
  /** A corrected address typed during the flow (cancel and re-invite). */
  correctedEmail: string | null;
  facts: Facts;
  /** Chosen option per question step, for steps still on the trail. */
  answers: Record<string, string>;
  /** Visited steps a person can go back to, oldest first. */
  trail: string[];
  /** The step the machine is in (kept in context so guards can compute Back). */
  stepId: string;
  transcript: TranscriptEntry[];
  /** Epoch ms at which the current wait step ends; survives a reload. */
  waitDeadline: number | null;
  /** The error of the last failed action, shown with Retry. */
  lastError: BackendError | null;
  startedAt: number;
}

/** What the flow starts from: the start page may already know the address. */
export interface SessionInput {
  email?: string | null;
  facts?: Facts;
}

/** One line of the session's record, in order. Never holds a secret in clear. */
export type TranscriptEntry =
  | { type: 'step'; at: number; stepId: string }
  | { type: 'answer'; at: number; stepId: string; optionId: string }
  | { type: 'input'; at: number; stepId: string; field: string; value: string }
  | { type: 'call'; at: number; stepId: string; action: string }
  | { type: 'result'; at: number; stepId: string; action: string; summary: Record<string, string | number | boolean | null> }
  | { type: 'error'; at: number; stepId: string; action: string; error: BackendError }
  | { type: 'wait'; at: number; stepId: string; how: 'elapsed' | 'skipped' }
  | { type: 'back'; at: number; from: string; to: string }
  | { type: 'restart'; at: number }
  | { type: 'note'; at: number; stepId: string; text: string }
  | { type: 'entry'; at: number; from: string; entry: string; detail?: Record<string, string | null> };

/** Every event a running flow accepts. */
export type SessionEvent =
  | { type: 'answer.select'; optionId: string }
  | { type: 'input.submit'; value: string }
  | { type: 'step.continue' }
  | { type: 'step.back' }
  | { type: 'flow.restart' }
  | { type: 'action.retry' }
  /** The second, deliberate press that lets a side-effect action step call (see FlowAction.sideEffect). */
  | { type: 'action.confirm' }
  | { type: 'wait.elapsed' }
  | { type: 'wait.skip' }
  | { type: 'note.add'; text: string }
  /** Moves the session to one of the flow's named `entries` (see flowSchema). */
  | { type: 'flow.enter'; entry: 'escalate' }
  | { type: 'flow.enter'; entry: 'deliveryError'; finding: DeliveryFinding };
