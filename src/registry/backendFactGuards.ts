import type { FlowGuard } from '../engine/index.ts';
import { resendPossibleAt } from '../engine/index.ts';

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
  /**
   * The person went through step `params.step` in this session (it is on the trail; Back removes
   * it). Tells what the backend cannot: e.g. that an admin resent an invitation by hand, so a
   * second email exists although the backend's record still shows one.
   */
  /** There is an address, but nobody has looked it up yet (a pasted bounce can arrive before the lookup). */
  isUserNotLookedUp: ({ context }) => Boolean(context.email) && context.facts.user === undefined,
  /**
   * A time for the next resend is known: the backend's Retry-After after a refused resend, or the
   * policy's cooldown from the last send before any call. Without one the flow says no time at all.
   */
  hasResendTime: ({ context, policy }) => resendPossibleAt(context, policy) !== null,
  hasVisited: ({ context }, params) => typeof params?.step === 'string' && context.trail.includes(params.step),
};
