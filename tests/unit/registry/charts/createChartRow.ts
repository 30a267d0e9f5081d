import type { InvitationEvidence, InvitedUser } from '../../../../src/engine/index.ts';
import type { DiagnosedInvitation, InvitationCause } from '../../../../src/registry/InvitationVerdict.ts';

export interface ChartRowInput {
  email: string;
  cause: InvitationCause;
  invitedAt?: string | null;
  acceptedAt?: string | null;
  lastSentAt?: string | null;
}

/** A diagnosed invitation with just what the chart aggregations read. */
export function createChartRow({ email, cause, invitedAt = '2026-11-20T10:00:00.000Z', acceptedAt = null, lastSentAt = invitedAt }: ChartRowInput): DiagnosedInvitation {
  const user: InvitedUser = {
    id: email,
    email,
    status: acceptedAt ? 'active' : 'invited',
    invitedAt,
    lastSentAt,
    expiresAt: null,
    acceptedAt,
    setupCompleted: acceptedAt !== null,
    sso: false,
    team: 'everyone',
  };
  const needsAction = !['accepted', 'in_flight', 'sso'].includes(cause);
  return {
    user,
    domain: email.slice(email.indexOf('@') + 1).toLowerCase(),
    verdict: { cause, needsAction, since: invitedAt, days: null, delivery: null, suggestion: null, remedy: null },
  };
}

/** Evidence for one address: delivery kinds and link events (`person` / `scanner` opens). */
export function createChartEvidence(email: string, delivery: Array<'sent' | 'delivered' | 'bounced' | 'not_sent'>, links: Array<{ kind: 'opened' | 'accepted' | 'refused'; automated?: boolean }> = []): InvitationEvidence {
  const at = '2026-11-20T10:00:00.000Z';
  return {
    email,
    deliveryEvents: delivery.map((kind) => ({ at, email, kind })),
    linkEvents: links.map((link) => ({ at, email, kind: link.kind, ...(link.automated === undefined ? {} : { automated: link.automated }) })),
  };
}
