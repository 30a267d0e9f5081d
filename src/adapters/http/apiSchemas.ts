import { z } from 'zod';
import { deliveryEventKinds, notSentReasons, type DeliveryEventKind, type NotSentReason } from '../../engine/InvitationBackend.ts';

const isoTime = z.iso.datetime({ offset: true });

const invitedUser = z.object({
  id: z.string().min(1),
  email: z.string().min(1),
  name: z.string().optional(),
  status: z.enum(['invited', 'active', 'deactivated']),
  invitedAt: isoTime.nullable(),
  lastSentAt: isoTime.nullable(),
  expiresAt: isoTime.nullable(),
  acceptedAt: isoTime.nullable(),
  setupCompleted: z.boolean(),
  lastSignInAt: isoTime.nullable().optional(),
  sso: z.boolean(),
  team: z.string(),
  teamName: z.string().max(200).optional(),
});

const notSentReason = z.enum(notSentReasons as [NotSentReason, ...NotSentReason[]]);

const deliveryEvent = z.object({
  at: isoTime,
  email: z.string(),
  kind: z.enum(deliveryEventKinds as [DeliveryEventKind, ...DeliveryEventKind[]]),
  enhancedCode: z.string().optional(),
  smtpCode: z.number().int().optional(),
  text: z.string().optional(),
  reason: notSentReason.optional(),
  source: z.string().max(100).optional(),
  messageId: z.string().max(998).optional(),
});

/** An origin only: scheme, host and port, no path, query or fragment (a token must never ride along). */
const origin = z.url({ protocol: /^https?$/ }).refine((value) => /^https?:\/\/[^/?#]+$/.test(value), 'an origin without a path');

const sendingStatus = z.object({
  configured: z.boolean(),
  provider: z.string().max(200).optional(),
  from: z.string().max(320).optional(),
  linkOrigin: origin.optional(),
  problem: notSentReason.nullable().optional(),
  sendsLogged: z.boolean().optional(),
});

const linkEvent = z.object({
  at: isoTime,
  email: z.string(),
  kind: z.enum(['opened', 'accepted', 'refused']),
  refusal: z.enum(['used', 'expired', 'revoked', 'wrong_account']).optional(),
  secondsAfterDelivery: z.number().nullable().optional(),
  automated: z.boolean().optional(),
});

/** Response bodies of the REST API (see `api/openapi.json`); unknown fields are ignored. */
export const apiSchemas = {
  userLookup: z.object({ user: invitedUser.nullable() }),
  invitation: z.object({ user: invitedUser }),
  sentInvite: z.object({ sentAt: isoTime, expiresAt: isoTime, userId: z.string().min(1).max(200).optional() }),
  inviteLink: z.object({ url: z.url({ protocol: /^https?$/ }), expiresAt: isoTime, singleUse: z.boolean() }),
  sentPasswordReset: z.object({ sentAt: isoTime, expiresAt: isoTime }),
  cancelledInvite: z.object({ cancelledAt: isoTime }),
  deliveryEvents: z.object({ events: z.array(deliveryEvent) }),
  clearedSuppression: z.object({ clearedAt: isoTime }),
  capabilities: z.object({
    capabilities: z.array(z.string()),
    /** Absent from servers older than the description. */
    description: z
      .object({
        identity: z.string().max(100),
        identityName: z.string().max(200),
        resend: z.enum(['native', 'composed', 'unsupported']),
        resendRotatesLink: z.boolean(),
        providerSendsMail: z.boolean(),
        deliveryEvidence: z.array(z.string().max(100)).max(20),
      })
      .optional(),
  }),
  /** `GET /v1/sending-status`. */
  sendingStatus,
  /** `GET /v1/link-events?email=`, oldest first. */
  linkEvents: z.object({ events: z.array(linkEvent) }),
  /** `POST /v1/evidence`: each address's delivery and link events, in the order asked. */
  invitationEvidence: z.object({ evidence: z.array(z.object({ email: z.string().min(1), deliveryEvents: z.array(deliveryEvent), linkEvents: z.array(linkEvent) })) }),
  /** `GET /v1/invitations`: one page of the listing. */
  invitationPage: z.object({ invitations: z.array(invitedUser), nextCursor: z.string().min(1).nullable() }),
  /** Loose on purpose: an error body only refines what the status already says. */
  errorBody: z.object({
    error: z.object({
      kind: z.string(),
      message: z.string().optional(),
      retryAfterMs: z.number().nonnegative().optional(),
      /** With `not_sent`: why the mail never left; a value this client does not know is ignored. */
      reason: z.string().optional(),
    }),
  }),
};
