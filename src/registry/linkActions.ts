import type { FlowAction } from '../engine/index.ts';
import { err, ok } from '../engine/index.ts';

/**
 * Actions for links that break for another reason than expiry (issue 12, item 2). Where invite
 * links point comes from the sending family's `loadSendingStatus` (`facts.sending.linkOrigin`).
 */
export const linkActions: Record<string, FlowAction> = {
  /** What happened to the address's invite links (opened, accepted, refused and why). Fills `facts.linkEvents`. */
  loadLinkEvents: {
    requires: ['linkEvents'],
    run: async ({ context, backend, signal }) => {
      if (!context.email) return err({ kind: 'not_found' });
      if (!backend.linkEvents) return err({ kind: 'unsupported' });
      const result = await backend.linkEvents(context.email, { signal });
      if (!result.ok) return result;
      const events = result.value;
      const refused = events.filter((event) => event.kind === 'refused');
      return ok({
        facts: { linkEvents: events },
        summary: {
          events: events.length,
          refused: refused.length,
          automated: events.some((event) => event.automated === true),
          latestRefusal: refused.at(-1)?.refusal ?? null,
        },
      });
    },
  },
};
