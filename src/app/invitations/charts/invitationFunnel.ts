import type { InvitationEvidence, LinkEvent } from '../../../engine/index.ts';
import { normalizeAddress } from '../../../diagnostics/normalizeAddress.ts';
import type { DiagnosedInvitation } from '../../../registry/InvitationVerdict.ts';

/** The funnel's stages, in order; each is a subset of the one before. */
export const funnelStages = ['sent', 'delivered', 'opened', 'accepted'] as const;
export type FunnelStage = (typeof funnelStages)[number];

export interface InvitationFunnel {
  /** Invitations that reached each stage or a later one (so the counts never grow down the funnel). */
  counts: Record<FunnelStage, number>;
  /** Rows that never reached `sent` (never mailed, or the mail never left our side). */
  notSent: number;
  /** Every row counted, `notSent` included. */
  total: number;
}

/**
 * How far each invitation got, counted per stage. A row's furthest stage decides, and every
 * earlier stage counts it too (an accepted invitation was opened, delivered and sent even when the
 * backend kept no report of it):
 *
 * - `accepted`: the user accepted (`acceptedAt`, the backend's own record);
 * - `opened`: a person used the link: an `opened`, `accepted` or `refused` link event that was
 *   not automated (a mail scanner's visit is not a person opening it);
 * - `delivered`: the mail system reported a `delivered` event;
 * - `sent`: the invitation was mailed (`invitedAt` / `lastSentAt`, or a delivery event) and the
 *   verdict is not `not_sent`.
 *
 * `evidence` is keyed by the normalised address, as `InvitationHealth` holds it. Pure.
 */
export function invitationFunnel(rows: readonly DiagnosedInvitation[], evidence: ReadonlyMap<string, InvitationEvidence>): InvitationFunnel {
  const counts: Record<FunnelStage, number> = { sent: 0, delivered: 0, opened: 0, accepted: 0 };
  let notSent = 0;
  for (const row of rows) {
    const reached = furthestStage(row, evidence.get(evidenceKey(row.user.email)));
    if (reached < 0) {
      notSent += 1;
      continue;
    }
    for (let stage = 0; stage <= reached; stage += 1) counts[funnelStages[stage] as FunnelStage] += 1;
  }
  return { counts, notSent, total: rows.length };
}

/** The key `InvitationHealth.evidence` uses for an address: its normalised form. */
export function evidenceKey(email: string): string {
  const normalized = normalizeAddress(email);
  return normalized.ok ? normalized.address : email.trim().toLowerCase();
}

/** Index into {@link funnelStages}, or -1 when the invitation never left. */
function furthestStage(row: DiagnosedInvitation, evidence: InvitationEvidence | undefined): number {
  if (row.user.acceptedAt) return 3;
  if (evidence?.linkEvents.some(isByAPerson)) return 2;
  if (evidence?.deliveryEvents.some((event) => event.kind === 'delivered')) return 1;
  if (row.verdict.cause === 'not_sent') return -1;
  const mailed = row.user.invitedAt !== null || row.user.lastSentAt !== null || (evidence?.deliveryEvents.some((event) => event.kind !== 'not_sent') ?? false);
  return mailed ? 0 : -1;
}

function isByAPerson(event: LinkEvent): boolean {
  return event.automated !== true && (event.kind === 'opened' || event.kind === 'accepted' || event.kind === 'refused');
}
