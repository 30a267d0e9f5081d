import type { BackendDescription } from './BackendDescription.ts';
import type { Result } from './Result.ts';

/**
 * The port the engine needs from a product's invitation system. Adapters in `src/adapters`
 * implement it (memory, http); the engine never imports them. All times are ISO-8601 strings
 * so results survive JSON, persistence and the wire unchanged.
 */
export interface InvitationBackend {
  /** Which optional operations this backend supports. Steps needing a missing one disappear. */
  capabilities(): ReadonlySet<Capability>;
  /** Facts about the backend itself (where users live, whether a resend rotates the link); absent where unknown. */
  describe?(): BackendDescription;
  /** The user with this address (compared case-insensitively), or `null` when there is none. */
  findUser(email: string, options?: CallOptions): Promise<Result<InvitedUser | null>>;
  /** Sends the invitation again. The previous link stops working; the expiry restarts. */
  resendInvite(userId: string, options?: CallOptions): Promise<Result<SentInvite>>;
  /** A fresh copy of the invite link for hand delivery. A secret: never log or persist `url`. */
  getInviteLink(userId: string, options?: CallOptions): Promise<Result<InviteLink>>;
  /** Sends a password-reset email to an active user. */
  sendPasswordReset(userId: string, options?: CallOptions): Promise<Result<SentPasswordReset>>;
  /** Withdraws a pending invitation; the address becomes free to invite again. */
  cancelInvite(userId: string, options?: CallOptions): Promise<Result<CancelledInvite>>;
  /** Invites a new address (after a cancel, or for someone never invited). */
  inviteUser(email: string, options?: InviteOptions): Promise<Result<InvitedUser>>;
  /** What the mail system reported for this address, newest last. */
  deliveryEvents(email: string, options?: CallOptions): Promise<Result<DeliveryEvent[]>>;
  /** Removes the address from the provider's suppression list, where the backend models one. */
  clearSuppression?(email: string, options?: CallOptions): Promise<Result<{ clearedAt: string }>>;
  /**
   * One page of the users the caller may see (capability `listInvitations`): every status, not
   * only pending invitations. The semantics every backend implements exactly:
   *
   * - Order: by `email` ascending, then by `id` ascending, both compared by Unicode code point
   *   (in PostgreSQL: `ORDER BY email COLLATE "C", id COLLATE "C"`), so the order is stable
   *   and total. Addresses are compared in their `normalizeAddress` form.
   * - Paging is by key, not offset: `nextCursor` is opaque to callers (it is
   *   `encodeInvitationCursor`: base64url, unpadded, of the UTF-8 JSON `[email, id]` of
   *   the page's last row) and the next page holds the rows strictly after that key, so rows
   *   added or removed between pages never shift or repeat the others. `nextCursor` is `null`
   *   on the last page; a page may be followed by an empty one when the last row ended it.
   *   A `cursor` that does not decode is refused rather than read as "from the start" (which
   *   would silently repeat rows): the API answers 400 `invalid_request`, which every adapter
   *   resolves as `unavailable` with cause `server` and status 400; start again without it.
   * - `limit`: rows per page, an integer 1–200, default 50; a number outside is clamped into
   *   that range and a fraction rounded down.
   * - The filters combine with AND; an absent or empty one does not filter.
   *   `status`: that status only. `domain`: the part after the `@` equals the given domain
   *   normalised like an address (`Bücher.example` ≡ `xn--bcher-kva.example`, one leading
   *   `@` allowed); a domain that cannot be normalised matches nothing. `q`: trimmed, NFC and
   *   lower-cased, it is a prefix of the address or of any word of `name` (words split on
   *   whitespace), compared case-insensitively.
   * - Visibility: an admin sees every team; a team manager only their own team's users (the
   *   others are simply absent, never an error).
   */
  listInvitations?(filter: InvitationFilter, options?: CallOptions): Promise<Result<InvitationPage>>;
  /**
   * How outgoing mail is set up (capability `sendingStatus`): whether any mail can leave at all,
   * through what, and where invite links point. Answers for the whole backend, not one address.
   */
  sendingStatus?(options?: CallOptions): Promise<Result<SendingStatus>>;
  /**
   * What happened to this address's invite links, oldest first (capability `linkEvents`), where
   * the backend records it: opened, accepted, or refused and why, with how long after delivery
   * and whether the request looked automated (a link scanner). An empty list is an answer.
   */
  linkEvents?(email: string, options?: CallOptions): Promise<Result<LinkEvent[]>>;
  /**
   * The evidence for many addresses in one call (capability `invitationEvidence`), for the
   * invite-health page: for each address asked (1–200 of them, compared like `findUser`), its
   * delivery events oldest first exactly as `deliveryEvents` would answer, and its link events as
   * `linkEvents` would (an empty list where the backend records none). One entry per distinct
   * address, in the order asked; an address the caller may not see or nobody has comes back with
   * empty lists, never an error. More than 200 addresses: `unavailable` with cause `server`, 400.
   */
  invitationEvidence?(emails: readonly string[], options?: CallOptions): Promise<Result<InvitationEvidence[]>>;
}

/** What {@link InvitationBackend.invitationEvidence} reports for one address. */
export interface InvitationEvidence {
  /** The address as asked for, normalised (`normalizeAddress`). */
  email: string;
  deliveryEvents: DeliveryEvent[];
  linkEvents: LinkEvent[];
}

/** The most addresses one {@link InvitationBackend.invitationEvidence} call may ask for. */
export const maxEvidenceAddresses = 200;

/** What {@link InvitationBackend.sendingStatus} reports. */
export interface SendingStatus {
  /** False when no mail server or provider is configured: nothing can leave at all. */
  configured: boolean;
  /** The sending service as its operator would name it ("SMTP", "Postmark"); absent when unknown. */
  provider?: string;
  /** The sender address invitations go out from. */
  from?: string;
  /** The origin invite links point at, e.g. `https://app.example.com` (never a token). */
  linkOrigin?: string;
  /** A sending-side problem the backend already knows of (the latest send-time refusal), or `null`. */
  problem?: NotSentReason | null;
  /**
   * False when invitation mail is sent by a system whose sends this backend does not see (an
   * identity provider that mails its own invitations): an empty delivery log then means "not
   * known", never "nothing left". @default true
   */
  sendsLogged?: boolean;
}

/**
 * Why mail never left our side. `mail_not_configured`: no SMTP server or provider set up;
 * `auth_refused`: our mail server or provider refused our credentials; `provider_rate_limited`:
 * the provider's sending quota or rate limit (a 429 at send time); `sandbox_recipient`: a
 * sandboxed provider account that only delivers to verified addresses; `sender_not_authenticated`:
 * SPF, DKIM or DMARC fail for our sending domain; `sending_domain_unverified`: the provider has not
 * verified our sending domain; `connection_refused`: the mail server could not be reached.
 */
export type NotSentReason =
  | 'mail_not_configured'
  | 'auth_refused'
  | 'provider_rate_limited'
  | 'sandbox_recipient'
  | 'sender_not_authenticated'
  | 'sending_domain_unverified'
  | 'connection_refused';

export const notSentReasons: readonly NotSentReason[] = [
  'mail_not_configured',
  'auth_refused',
  'provider_rate_limited',
  'sandbox_recipient',
  'sender_not_authenticated',
  'sending_domain_unverified',
  'connection_refused',
];

/** One thing that happened to an invite link (see {@link InvitationBackend.linkEvents}). */
export interface LinkEvent {
  at: string;
  email: string;
  kind: LinkEventKind;
  /** Why a `refused` link was refused: already used, expired, revoked by a resend, or opened while signed in as someone else. */
  refusal?: LinkRefusal;
  /** Seconds between the mail's delivery and this event, where the backend knows both. */
  secondsAfterDelivery?: number | null;
  /** True when the request looked automated (a mail security scanner, a link preview). */
  automated?: boolean;
}

export type LinkEventKind = 'opened' | 'accepted' | 'refused';
export type LinkRefusal = 'used' | 'expired' | 'revoked' | 'wrong_account';

/** What {@link InvitationBackend.listInvitations} selects; every field is optional. */
export interface InvitationFilter {
  /** Only users with this status. */
  status?: UserStatus;
  /** Only addresses at exactly this domain (normalised; no subdomains). */
  domain?: string;
  /** A case-insensitive prefix of the address or of any word of the name. */
  q?: string;
  /** The previous page's `nextCursor`; absent for the first page. */
  cursor?: string;
  /** Rows per page, 1–200. @default 50 */
  limit?: number;
}

/** One page of {@link InvitationBackend.listInvitations}. */
export interface InvitationPage {
  invitations: InvitedUser[];
  /** Pass as `cursor` for the next page; `null` when there is none. */
  nextCursor: string | null;
}

/** Optional operations a backend may offer. */
export type Capability =
  | 'lookup'
  | 'resend'
  | 'copyLink'
  | 'passwordReset'
  | 'cancel'
  | 'reinvite'
  | 'deliveryLog'
  | 'unsuppress'
  | 'listInvitations'
  | 'sendingStatus'
  | 'linkEvents'
  | 'invitationEvidence';

export const allCapabilities: readonly Capability[] = [
  'lookup',
  'resend',
  'copyLink',
  'passwordReset',
  'cancel',
  'reinvite',
  'deliveryLog',
  'unsuppress',
  'listInvitations',
  'sendingStatus',
  'linkEvents',
  'invitationEvidence',
];

export interface CallOptions {
  /** Aborts the call; the adapter resolves with `unavailable` / `aborted`. */
  signal?: AbortSignal;
}

export interface InviteOptions extends CallOptions {
  /** The team to invite into; defaults to the caller's own team. */
  team?: string;
}

export type UserStatus = 'invited' | 'active' | 'deactivated';

export interface InvitedUser {
  id: string;
  email: string;
  name?: string;
  status: UserStatus;
  /** When the first invitation went out. */
  invitedAt: string | null;
  /** When the latest invitation email went out (a resend moves it). */
  lastSentAt: string | null;
  /** When the current invite link stops working. */
  expiresAt: string | null;
  /** When the invitee accepted; `null` while pending. */
  acceptedAt: string | null;
  /** False when the invite was accepted but account setup (password, profile) was never finished. */
  setupCompleted: boolean;
  /** When the user last signed in, if ever. */
  lastSignInAt?: string | null;
  /** Signs in through the organisation's single sign-on rather than a password. */
  sso: boolean;
  /** The team's id: what the backend matches permissions on. Never shown where its name is known. */
  team: string;
  /** The team's name as people know it, where the backend has one (shown instead of the id). */
  teamName?: string;
}

export interface SentInvite {
  sentAt: string;
  expiresAt: string;
  /**
   * The user's id from now on, when the resend replaced the invitation and its id with it (an
   * identity provider without a resend: revoke and create again). Absent: the id is unchanged.
   */
  userId?: string;
}

export interface InviteLink {
  /** Secret. Shown masked, never logged, never persisted. */
  url: string;
  expiresAt: string;
  singleUse: boolean;
}

export interface SentPasswordReset {
  sentAt: string;
  expiresAt: string;
}

export interface CancelledInvite {
  cancelledAt: string;
}

/**
 * `not_sent`: the mail never left our side (see `reason`); every other kind is the mail system's
 * report. `complained`: the person marked the mail as spam (a feedback report), so it did arrive.
 */
export type DeliveryEventKind = 'sent' | 'delivered' | 'deferred' | 'bounced' | 'dropped' | 'suppressed' | 'complained' | 'not_sent';

/** Every {@link DeliveryEventKind}, in the order above. */
export const deliveryEventKinds: readonly DeliveryEventKind[] = ['sent', 'delivered', 'deferred', 'bounced', 'dropped', 'suppressed', 'complained', 'not_sent'];

export interface DeliveryEvent {
  at: string;
  email: string;
  kind: DeliveryEventKind;
  /** SMTP enhanced status code such as `5.1.1`, when the mail system gave one. */
  enhancedCode?: string;
  /** SMTP reply code such as 550. */
  smtpCode?: number;
  /** The mail system's own text, verbatim. */
  text?: string;
  /** Why the mail never left; set on `not_sent` events only. */
  reason?: NotSentReason;
  /** Who reported it: `smtp` (our own SMTP conversation), `dsn` (a bounce message) or an email provider's name ("postmark"). */
  source?: string;
  /** The Message-ID of the mail the event is about, when known (without angle brackets). */
  messageId?: string;
}
