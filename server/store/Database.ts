import type { ColumnType, Generated } from 'kysely';
import type { NotSentReason } from '../../src/engine/InvitationBackend.ts';

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
  kind: 'sent' | 'delivered' | 'deferred' | 'bounced' | 'dropped' | 'suppressed' | 'not_sent';
  smtpCode: number | null;
  enhancedCode: string | null;
  text: string | null;
  /** Why the mail never left our side; set on `not_sent` events only (a check constraint holds the values). */
  reason: NotSentReason | null;
  /** What the mail was: an invitation or a password reset. Internal; not part of the contract's event. */
  purpose: 'invitation' | 'password_reset' | null;
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
