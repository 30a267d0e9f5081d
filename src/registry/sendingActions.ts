import type { FlowAction } from '../engine/index.ts';
import { err, ok } from '../engine/index.ts';

/** Actions for our own sending side. */
export const sendingActions: Record<string, FlowAction> = {
  /** How outgoing mail is set up (configured, provider, sender, link origin, a known problem), as `facts.sending`. */
  loadSendingStatus: {
    requires: ['sendingStatus'],
    run: async ({ backend, signal }) => {
      if (!backend.sendingStatus) return err({ kind: 'unsupported' });
      const result = await backend.sendingStatus({ signal });
      if (!result.ok) return result;
      const sending = result.value;
      return ok({ facts: { sending }, summary: { configured: sending.configured, provider: sending.provider ?? null, problem: sending.problem ?? null } });
    },
  },
};
