import type { DeliveryFinding, Facts, FlowAction, InvitationBackend, InvitedUser } from '../engine/index.ts';
import { err, ok } from '../engine/index.ts';
import { normalizeAddress } from '../diagnostics/index.ts';
import { latestDeliveryProblem } from './invitationActions.ts';

/** Listing pages read before the count is given as a lower bound (`complete: false`). */
export const domainPeerPageLimit = 4;
/** Rows per listing page. */
export const domainPeerPageSize = 50;
/** Peers whose delivery log is read; beyond it the count of failing ones is a lower bound. */
export const domainPeerLogLimit = 20;

/**
 * Actions that read what the backend already knows, so the flow need not ask the person
 * (issue 12, item 3).
 */
export const backendFactActions: Record<string, FlowAction> = {
  /**
   * Other pending invitations at the address's domain, and how many of them fail in a way that
   * points at the domain rather than at one mailbox. Fills `facts.domainPeers`.
   */
  loadDomainPeers: {
    requires: ['lookup', 'listInvitations'],
    run: async ({ context, backend, signal }) => {
      const address = context.email ? normalizeAddress(context.email) : null;
      if (!address?.ok || !backend.listInvitations) return err({ kind: 'unsupported' });
      const domain = address.address.slice(address.address.lastIndexOf('@') + 1);
      const self = context.facts.user?.id ?? null;
      const others: InvitedUser[] = [];
      let cursor: string | null = null;
      let pages = 0;
      let complete = true;
      do {
        if (pages === domainPeerPageLimit) {
          complete = false;
          break;
        }
        const page = await backend.listInvitations(
          { domain, status: 'invited', limit: domainPeerPageSize, ...(cursor ? { cursor } : {}) },
          { signal },
        );
        if (!page.ok) return page;
        pages += 1;
        for (const user of page.value.invitations) {
          if (user.id !== self && !sameAddress(user.email, address.address)) others.push(user);
        }
        cursor = page.value.nextCursor;
      } while (cursor);
      const failing = await countFailing(others, backend, signal);
      const domainPeers: NonNullable<Facts['domainPeers']> = {
        domain,
        pending: others.length,
        failing: failing.count,
        complete: complete && failing.complete,
      };
      return ok({ facts: { domainPeers }, summary: { domain, pending: domainPeers.pending, failing: domainPeers.failing, complete: domainPeers.complete } });
    },
  },
};

async function countFailing(peers: readonly InvitedUser[], backend: InvitationBackend, signal: AbortSignal): Promise<{ count: number; complete: boolean }> {
  if (!backend.capabilities().has('deliveryLog') || peers.length === 0) return { count: 0, complete: peers.length === 0 };
  const read = peers.slice(0, domainPeerLogLimit);
  let count = 0;
  for (const peer of read) {
    const events = await backend.deliveryEvents(peer.email, { signal });
    // One unreadable log does not make the others unknown; that peer is simply not counted.
    if (!events.ok) continue;
    if (isDomainWideProblem(latestDeliveryProblem(events.value))) count += 1;
  }
  return { count, complete: read.length === peers.length };
}

/**
 * Failures that say something about the recipient's domain (a filter or gateway refusing us, a
 * server deferring): one person's bad or full mailbox, a suppression, or mail that never left our
 * side say nothing about their colleagues, so they do not count.
 */
const addressOrSenderActions = new Set(['fix-address', 'resend-suppressed', 'wait-full-mailbox', 'fix-sending-setup', 'not-a-bounce']);

function isDomainWideProblem(finding: DeliveryFinding | null): boolean {
  return finding !== null && !finding.reason && !addressOrSenderActions.has(finding.action);
}

function sameAddress(a: string, normalised: string): boolean {
  const other = normalizeAddress(a);
  return other.ok && other.address === normalised;
}
