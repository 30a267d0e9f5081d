import * as z from 'zod/mini';
import { allCapabilities, deliveryEventKinds, maxEvidenceAddresses, notSentReasons, type Capability, type DeliveryEventKind, type NotSentReason } from '../../engine/InvitationBackend.ts';

/**
 * The wire format of the postMessage bridge, version 1. The widget (in a frame on another origin)
 * calls the host page's {@link InvitationBackend}; every message is a plain, structured-clonable
 * object, sent with `postMessage(message, exactOrigin)` and never with `'*'`.
 *
 * ```text
 * widget → host  { protocol: 'invite-doctor/bridge', version: 1, type: 'request',  id, method, args }
 * widget → host  { protocol: 'invite-doctor/bridge', version: 1, type: 'abort',    id }
 * host → widget  { protocol: 'invite-doctor/bridge', version: 1, type: 'response', id,
 *                  result: { ok: true, value } | { ok: false, error: BackendError } }
 * ```
 *
 * - `id`: 1–100 characters, unique per request on the widget side; the response repeats it.
 * - `method` / `args` / `value` (see {@link bridgeMethods}):
 *   `capabilities()` → `string[]` (unknown names are dropped) · `findUser(email)` → `InvitedUser | null` ·
 *   `resendInvite(userId)` → `SentInvite` · `getInviteLink(userId)` → `InviteLink` ·
 *   `sendPasswordReset(userId)` → `SentPasswordReset` · `cancelInvite(userId)` → `CancelledInvite` ·
 *   `inviteUser(email, { team? })` → `InvitedUser` · `deliveryEvents(email)` → `DeliveryEvent[]` ·
 *   `clearSuppression(email)` → `{ clearedAt }` ·
 *   `listInvitations({ status?, domain?, q?, cursor?, limit? })` → `{ invitations: InvitedUser[], nextCursor }` ·
 *   `sendingStatus()` → `SendingStatus` (its `linkOrigin` an origin only, no path) · `linkEvents(email)` → `LinkEvent[]` ·
 *   `invitationEvidence(emails)` (at most 200) → `{ email, deliveryEvents, linkEvents }[]`.
 *   Times are ISO-8601 strings.
 * - `abort`: the widget no longer waits (its call timed out or was aborted); the host aborts the call's signal.
 *
 * Both sides accept a message only from an exact allowed origin AND the expected window
 * (`event.source`), and only when it parses with these schemas; anything else is ignored
 * silently. A request whose envelope is valid but whose arguments are not is answered with
 * `unavailable`/`malformed`; a response whose value does not fit the method resolves the call
 * with `unavailable`/`malformed`; no response in time resolves it with `unavailable`/`timeout`.
 */
export const bridgeProtocol = 'invite-doctor/bridge';
export const bridgeVersion = 1;

// zod/mini rather than zod: the same checks, and the widget's entry script stays small.
const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));
const email = text(320);
const userId = text(200);
const isoTime = z.iso.datetime({ offset: true });
const message = z.optional(z.string().check(z.maxLength(2_000)));

const invitedUser = z.object({
  id: userId,
  email,
  name: z.optional(z.string()),
  status: z.enum(['invited', 'active', 'deactivated']),
  invitedAt: z.nullable(isoTime),
  lastSentAt: z.nullable(isoTime),
  expiresAt: z.nullable(isoTime),
  acceptedAt: z.nullable(isoTime),
  setupCompleted: z.boolean(),
  lastSignInAt: z.optional(z.nullable(isoTime)),
  sso: z.boolean(),
  team: z.string(),
  teamName: z.optional(z.string().check(z.maxLength(200))),
});

const notSentReason = z.enum(notSentReasons as [NotSentReason, ...NotSentReason[]]);

const deliveryEvent = z.object({
  at: isoTime,
  email: z.string(),
  kind: z.enum(deliveryEventKinds as [DeliveryEventKind, ...DeliveryEventKind[]]),
  reason: z.optional(notSentReason),
  enhancedCode: z.optional(z.string()),
  smtpCode: z.optional(z.int()),
  text: z.optional(z.string()),
  source: z.optional(z.string().check(z.maxLength(100))),
  messageId: z.optional(z.string().check(z.maxLength(998))),
});

const sentAndExpires = z.object({ sentAt: isoTime, expiresAt: isoTime });

const sendingStatus = z.object({
  configured: z.boolean(),
  provider: z.optional(z.string().check(z.maxLength(200))),
  from: z.optional(z.string().check(z.maxLength(320))),
  // An origin only: a path or query could carry a token into the widget.
  linkOrigin: z.optional(z.url({ protocol: /^https?$/ }).check(z.regex(/^https?:\/\/[^/?#]+$/))),
  problem: z.optional(z.nullable(notSentReason)),
});

const linkEvent = z.object({
  at: isoTime,
  email: z.string(),
  kind: z.enum(['opened', 'accepted', 'refused']),
  refusal: z.optional(z.enum(['used', 'expired', 'revoked', 'wrong_account'])),
  secondsAfterDelivery: z.optional(z.nullable(z.number())),
  automated: z.optional(z.boolean()),
});

/** Arguments and result value of each method a bridge carries. */
export const bridgeMethods = {
  capabilities: {
    args: z.tuple([]),
    value: z.pipe(
      z.array(z.string()),
      z.transform((names: string[]) => names.filter((name): name is Capability => (allCapabilities as readonly string[]).includes(name))),
    ),
  },
  findUser: { args: z.tuple([email]), value: z.nullable(invitedUser) },
  resendInvite: { args: z.tuple([userId]), value: sentAndExpires },
  // The link is rendered and copied: only http(s), never javascript: or data:.
  getInviteLink: { args: z.tuple([userId]), value: z.object({ url: z.url({ protocol: /^https?$/ }), expiresAt: isoTime, singleUse: z.boolean() }) },
  sendPasswordReset: { args: z.tuple([userId]), value: sentAndExpires },
  cancelInvite: { args: z.tuple([userId]), value: z.object({ cancelledAt: isoTime }) },
  inviteUser: { args: z.tuple([email, z.object({ team: z.optional(z.string().check(z.maxLength(200))) })]), value: invitedUser },
  deliveryEvents: { args: z.tuple([email]), value: z.array(deliveryEvent) },
  clearSuppression: { args: z.tuple([email]), value: z.object({ clearedAt: isoTime }) },
  listInvitations: {
    args: z.tuple([
      z.object({
        status: z.optional(z.enum(['invited', 'active', 'deactivated'])),
        domain: z.optional(z.string().check(z.maxLength(320))),
        q: z.optional(z.string().check(z.maxLength(320))),
        cursor: z.optional(z.string().check(z.maxLength(2_000))),
        limit: z.optional(z.number()),
      }),
    ]),
    value: z.object({ invitations: z.array(invitedUser), nextCursor: z.nullable(text(2_000)) }),
  },
  sendingStatus: { args: z.tuple([]), value: sendingStatus },
  linkEvents: { args: z.tuple([email]), value: z.array(linkEvent) },
  // Entries are not checked as addresses here: the host's backend refuses a bad one with its own message.
  invitationEvidence: {
    args: z.tuple([z.array(z.string().check(z.maxLength(1_024))).check(z.minLength(1), z.maxLength(maxEvidenceAddresses))]),
    value: z.array(z.object({ email, deliveryEvents: z.array(deliveryEvent), linkEvents: z.array(linkEvent) })),
  },
} as const;

export type BridgeMethod = keyof typeof bridgeMethods;

const methodNames = Object.keys(bridgeMethods) as [BridgeMethod, ...BridgeMethod[]];

/** A {@link BackendError} as it may arrive over the wire. */
export const backendErrorSchema = z.union([
  z.object({ kind: z.literal('rate_limited'), retryAfterMs: z.number().check(z.gte(0), z.lte(31 * 24 * 3_600_000)), message }),
  z.object({ kind: z.enum(['not_permitted', 'not_found', 'deactivated', 'conflict', 'unsupported']), message }),
  z.object({
    kind: z.literal('not_sent'),
    reason: notSentReason,
    retryAfterMs: z.optional(z.number().check(z.gte(0), z.lte(31 * 24 * 3_600_000))),
    message,
  }),
  z.object({
    kind: z.literal('unavailable'),
    cause: z.enum(['timeout', 'network', 'server', 'malformed', 'aborted']),
    status: z.optional(z.int()),
    message,
  }),
]);

const envelope = {
  protocol: z.literal(bridgeProtocol),
  version: z.literal(bridgeVersion),
  id: text(100),
};

export const bridgeRequestSchema = z.object({ ...envelope, type: z.literal('request'), method: z.enum(methodNames), args: z.array(z.unknown()).check(z.maxLength(4)) });
export const bridgeAbortSchema = z.object({ ...envelope, type: z.literal('abort') });
export const bridgeResponseSchema = z.object({
  ...envelope,
  type: z.literal('response'),
  result: z.union([z.object({ ok: z.literal(true), value: z.unknown() }), z.object({ ok: z.literal(false), error: backendErrorSchema })]),
});
/** What the host accepts: a request or an abort. */
export const bridgeHostInboundSchema = z.union([bridgeRequestSchema, bridgeAbortSchema]);

export type BridgeRequest = z.infer<typeof bridgeRequestSchema>;
export type BridgeAbort = z.infer<typeof bridgeAbortSchema>;
export type BridgeResponse = z.infer<typeof bridgeResponseSchema>;
