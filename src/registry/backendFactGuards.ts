import type { FlowGuard } from '../engine/index.ts';

/** Guards on facts read from the backend, so a flow branches instead of asking (issue 12, item 3). */
export const backendFactGuards: Record<string, FlowGuard> = {
  /** Other pending invitations at the same domain fail too, in a way that points at the domain. */
  hasFailingDomainPeers: ({ context }) => (context.facts.domainPeers?.failing ?? 0) > 0,
  /**
   * Listing answered "only this person": no other pending invitation at the domain fails (or there
   * is none), and every one was read. Unknown (not listed, stopped early) is not "none".
   */
  hasNoFailingDomainPeers: ({ context }) => {
    const peers = context.facts.domainPeers;
    return peers !== undefined && peers.complete && peers.failing === 0;
  },
};
