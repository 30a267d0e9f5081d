import type { ColumnType, Generated } from 'kysely';
import type { DeliveryEventKind, LinkRefusal, NotSentReason } from '../../src/engine/InvitationBackend.ts';

/** A timestamptz column: written as a Date, read back as a Date. */
type Timestamp = ColumnType<Date, Date, Date>;
type NullableTimestamp = ColumnType<Date | null, Date | null | undefined, Date | null>;

/** Every table of the server's database, in kysely's camelCase view (the columns are snake_case). */
export interface Database {
  users: UsersTable;
  inviteTokens: InviteTokensTable;
  deliveryEvents: DeliveryEventsTable;
  suppressions: SuppressionsTable;
  apiKeys: ApiKeysTable;
  signInCodes: SignInCodesTable;
  auditLog: AuditLogTable;
  rateBuckets: RateBucketsTable;
  serverMeta: ServerMetaTable;
  mailOutbox: MailOutboxTable;
  linkEvents: LinkEventsTable;
  demoInbox: DemoInboxTable;
  sessionEvents: SessionEventsTable;
}

/** One invited or signed-up person. A cancelled invitation deletes the row, which frees the address. */
export interface UsersTable {
  id: string;
  /** Normalised by `normalizeAddress`: one mailbox, one spelling. */
  email: string;
  /** The address's ASCII domain, for listing by company. */
  domain: string;
  name: string | null;
  status: 'invited' | 'active' | 'deactivated';
  team: string;
  invitedAt: NullableTimestamp;
  lastSentAt: NullableTimestamp;
  expiresAt: NullableTimestamp;
  acceptedAt: NullableTimestamp;
  lastSignInAt: NullableTimestamp;
  lastResetAt: NullableTimestamp;
  /** The invitee's language for the mails (a shipped locale such as `de`), when the inviter gave one. */
  language: ColumnType<string | null, string | null | undefined, string | null>;
  setupCompleted: boolean;
  sso: boolean;
  /** Which invite link is current: the token is derived from the server secret, the id and this number. 0: none. */
  linkGeneration: number;
}

/** Invite links ever issued, by the SHA-256 of the token: never the token itself. */
export interface InviteTokensTable {
  tokenHash: string;
  userId: string;
  state: 'current' | 'used' | 'expired';
  createdAt: Timestamp;
}

export interface DeliveryEventsTable {
  id: Generated<string>;
  email: string;
  at: Timestamp;
  kind: DeliveryEventKind;
  smtpCode: number | null;
  enhancedCode: string | null;
  text: string | null;
  /** Why the mail never left our side; set on `not_sent` events only (a check constraint holds the values). */
  reason: NotSentReason | null;
  /** What the mail was: an invitation or a password reset. Internal; not part of the contract's event. */
  purpose: 'invitation' | 'password_reset' | null;
  /** Who reported it: `smtp`, `dsn`, or a provider (`sendgrid`, `postmark`, `mailgun`, `ses`, `resend`). */
  source: ColumnType<string | null, string | null | undefined, string | null>;
  /** The Message-ID (without angle brackets) of the mail the event is about. */
  messageId: ColumnType<string | null, string | null | undefined, string | null>;
  /** The provider's own event id; unique per source, so a webhook retried stores one event. */
  externalId: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Our own list of addresses not to mail (hard bounces, complaints). */
export interface SuppressionsTable {
  email: string;
  reason: string;
  createdAt: Timestamp;
}

/** API keys, by the SHA-256 of the secret. */
export interface ApiKeysTable {
  id: string;
  secretHash: string;
  role: 'admin' | 'team-manager';
  team: string | null;
  label: string;
  createdAt: Timestamp;
  expiresAt: NullableTimestamp;
  revokedAt: NullableTimestamp;
}

/** One-time sign-in codes (the link the server prints for the local admin), by hash. */
export interface SignInCodesTable {
  codeHash: string;
  role: 'admin' | 'team-manager';
  team: string | null;
  createdAt: Timestamp;
  expiresAt: Timestamp;
  usedAt: NullableTimestamp;
}

/** Who did what, written in the same transaction as the change. Never a link, token or key. */
export interface AuditLogTable {
  id: Generated<string>;
  at: Timestamp;
  requestId: string;
  keyId: string | null;
  role: 'admin' | 'team-manager' | null;
  team: string | null;
  operation: string;
  target: string | null;
  result: string;
}

/** Fixed-window counters shared by every server process (limits that must hold across processes). */
export interface RateBucketsTable {
  bucket: string;
  windowStart: Timestamp;
  count: number;
}

export interface ServerMetaTable {
  key: string;
  value: string;
}

/** The durable send queue (see migration m0003). Never holds a link: it is derived at send time. */
export interface MailOutboxTable {
  id: Generated<string>;
  /** Without angle brackets, e.g. `3f2a…@invite-doctor.local`; every attempt of one mail keeps it. */
  messageId: string;
  email: string;
  userId: string | null;
  purpose: 'invitation' | 'password_reset';
  /** The invite link's generation when queued; a later resend supersedes this mail. */
  linkGeneration: number | null;
  language: string | null;
  state: 'queued' | 'sent' | 'failed' | 'superseded';
  attempts: Generated<number>;
  nextAttemptAt: Timestamp;
  /** The end of the invitation's window: temporary failures are retried until then. */
  giveUpAt: Timestamp;
  /** A worker's claim: until then no other worker takes the row. */
  lockedUntil: NullableTimestamp;
  lastSmtpCode: number | null;
  lastText: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

/** Every GET (opened) and POST (accepted or refused) of an invite link. */
export interface LinkEventsTable {
  id: Generated<string>;
  email: string;
  userId: string | null;
  at: Timestamp;
  kind: 'opened' | 'accepted' | 'refused';
  refusal: LinkRefusal | null;
  secondsAfterDelivery: number | null;
  userAgent: string | null;
  automated: Generated<boolean>;
}

/** What the demo world's SMTP sink accepted (the demo inbox). */
export interface DemoInboxTable {
  id: Generated<string>;
  email: string;
  receivedAt: Timestamp;
  messageId: string | null;
  envelopeFrom: string | null;
  subject: string | null;
  text: string | null;
  html: string | null;
}

/** What wizard sessions report (see migration m0004): ids, kinds, times and results, never an address. */
export interface SessionEventsTable {
  id: Generated<string>;
  sessionId: string;
  flowId: string;
  kind: 'started' | 'step' | 'ended' | 'feedback';
  at: Timestamp;
  stepId: string | null;
  result: 'resolved' | 'escalated' | 'not-resolved' | 'waiting' | null;
  helpful: boolean | null;
  mode: 'admin' | 'agent' | 'widget';
  /** The posting key's id and team (null team: an admin key). */
  keyId: string | null;
  team: string | null;
  receivedAt: Timestamp;
}
