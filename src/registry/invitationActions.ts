import type { ActionArgs, ActionOutput, DeliveryEvent, DeliveryFinding, FlowAction, InvitedUser, Result } from '../engine/index.ts';
import { err, notSentCategory, ok } from '../engine/index.ts';
import { classifyDeliveryError } from '../diagnostics/index.ts';
import { addressSuggestion } from './invitationGuards.ts';

/**
 * Named actions the invitation flows call. Each declares the capabilities it needs (its step
 * disappears without them), calls the backend, and returns facts plus a transcript summary that
 * never holds a secret.
 */
// Errors made here carry no message: a BackendError's message is the backend's own words, shown
// as such ("the server said"); the kind alone is translated into every language.
export const invitationActions: Record<string, FlowAction> = {
  findUser: {
    requires: ['lookup'],
    run: async ({ context, backend, signal }) => {
      if (!context.email) return err({ kind: 'not_found' });
      const result = await backend.findUser(context.email, { signal });
      if (!result.ok) return result;
      const user = result.value;
      return ok({ facts: { user }, summary: { found: user !== null, status: user?.status ?? null } });
    },
  },
  deliveryEvents: {
    requires: ['deliveryLog'],
    run: async ({ context, backend, signal }) => {
      if (!context.email) return err({ kind: 'not_found' });
      const result = await backend.deliveryEvents(context.email, { signal });
      if (!result.ok) return result;
      const delivery = latestDeliveryProblem(result.value);
      return ok({
        facts: { deliveryEvents: result.value, delivery },
        summary: { events: result.value.length, problem: delivery?.category ?? null, code: delivery?.code ?? null },
      });
    },
  },
  resendInvite: {
    requires: ['lookup', 'resend'],
    sideEffect: true,
    run: withUser(async (user, { backend, signal }) => {
      const result = await backend.resendInvite(user.id, { signal });
      if (!result.ok) return result;
      // The user record now reads as the backend would report it: sent just now, a new expiry, and
      // the new id where the provider replaced the invitation (later steps act on that one).
      const resent = { ...user, id: result.value.userId ?? user.id, lastSentAt: result.value.sentAt, expiresAt: result.value.expiresAt };
      return ok({ facts: { resend: result.value, user: resent }, summary: { sentAt: result.value.sentAt, expiresAt: result.value.expiresAt } });
    }),
  },
  getInviteLink: {
    requires: ['lookup', 'copyLink'],
    run: withUser(async (user, { backend, signal }) => {
      const result = await backend.getInviteLink(user.id, { signal });
      if (!result.ok) return result;
      return ok({
        facts: { inviteLink: result.value },
        summary: { link: 'copied (hidden)', expiresAt: result.value.expiresAt, singleUse: result.value.singleUse },
      });
    }),
  },
  sendPasswordReset: {
    requires: ['lookup', 'passwordReset'],
    sideEffect: true,
    run: withUser(async (user, { backend, signal }) => {
      const result = await backend.sendPasswordReset(user.id, { signal });
      if (!result.ok) return result;
      return ok({ facts: { passwordReset: result.value }, summary: { sentAt: result.value.sentAt, expiresAt: result.value.expiresAt } });
    }),
  },
  cancelInvite: {
    requires: ['lookup', 'cancel'],
    sideEffect: true,
    run: withUser(async (user, { backend, signal }) => {
      const result = await backend.cancelInvite(user.id, { signal });
      if (!result.ok) return result;
      return ok({ facts: { cancelled: result.value }, summary: { cancelledAt: result.value.cancelledAt } });
    }),
  },
  inviteUser: {
    requires: ['reinvite'],
    sideEffect: true,
    run: async ({ context, backend, signal }) => {
      const email = context.correctedEmail ?? context.email;
      if (!email) return err({ kind: 'not_found' });
      const team = context.facts.user?.team;
      const result = await backend.inviteUser(email, { signal, ...(team ? { team } : {}) });
      if (!result.ok) return result;
      return ok({ email, facts: { user: result.value, invited: result.value }, summary: { email, expiresAt: result.value.expiresAt } });
    },
  },
  clearSuppression: {
    requires: ['unsuppress'],
    sideEffect: true,
    run: async ({ context, backend, signal }) => {
      if (!context.email || !backend.clearSuppression) return err({ kind: 'unsupported' });
      const result = await backend.clearSuppression(context.email, { signal });
      if (!result.ok) return result;
      return ok({ summary: { clearedAt: result.value.clearedAt } });
    },
  },
  /** Local: switch the case to the address diagnostics suggest (a typo fix), then look it up again. */
  applyAddressSuggestion: {
    requires: [],
    local: true,
    run: async ({ context }) => {
      const suggestion = addressSuggestion(context.email);
      if (!suggestion) return err({ kind: 'not_found' });
      return ok({ email: suggestion, summary: { from: context.email, to: suggestion } });
    },
  },
};

function withUser(run: (user: InvitedUser, args: ActionArgs) => Promise<Result<ActionOutput>>): FlowAction['run'] {
  return async (args) => {
    const user = args.context.facts.user;
    if (!user) return err({ kind: 'not_found' });
    return run(user, args);
  };
}

const failureKinds = new Set(['bounced', 'dropped', 'deferred', 'suppressed']);

/**
 * The problem with the latest delivery attempt, classified. Only events since the last `sent`
 * count: a bounce from before a successful resend is history, not the current state. A `delivered`
 * settles the attempt, except for a later `bounced`: a relay that accepted the mail (our SMTP
 * conversation ended in 250) can still return it in a bounce message, and that is the last word.
 */
export function latestDeliveryProblem(events: readonly DeliveryEvent[]): DeliveryFinding | null {
  let lastSent = -1;
  events.forEach((event, index) => {
    if (event.kind === 'sent') lastSent = index;
  });
  // A refusal on our own side after the last send (or with none at all) is the current problem: nothing left.
  const notSent = events.findLast((event, index) => event.kind === 'not_sent' && index > lastSent);
  if (notSent) return notSentFinding(notSent);
  const current = events.slice(lastSent + 1);
  const lastDelivered = current.findLastIndex((event) => event.kind === 'delivered');
  const failure =
    lastDelivered < 0
      ? current.findLast((event) => failureKinds.has(event.kind))
      : current.slice(lastDelivered + 1).findLast((event) => event.kind === 'bounced');
  if (!failure) return null;
  const text = failure.text ?? (failure.kind === 'suppressed' ? 'Not delivering to previously bounced address' : '');
  const diagnosis = classifyDeliveryError(text, failure.enhancedCode);
  return { action: diagnosis.action, category: diagnosis.category, code: diagnosis.code, adviceKey: diagnosis.adviceKey, raw: text, at: failure.at };
}

function notSentFinding(event: DeliveryEvent): DeliveryFinding {
  return {
    action: 'fix-sending-setup',
    category: notSentCategory,
    code: event.enhancedCode ?? null,
    adviceKey: 'diagnostics.advice.notSent',
    raw: event.text ?? '',
    at: event.at,
    ...(event.reason ? { reason: event.reason } : {}),
  };
}
