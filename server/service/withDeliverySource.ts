import { ok } from '../../src/engine/Result.ts';
import type { DeliverySource } from '../delivery/DeliverySource.ts';
import { mergeDeliveryEvents } from '../delivery/mergeDeliveryEvents.ts';
import { providerEvidenceConcurrency } from './createProviderBackend.ts';
import { mapWithConcurrency } from './mapWithConcurrency.ts';
import type { ServerBackend } from './ServerBackend.ts';

/**
 * The server's own tables with an email provider's evidence added (`DELIVERY=` without
 * `IDENTITY=`): the delivery log merges the provider's records with ours, oldest first, and
 * clearing a suppression clears it at the provider before our own list.
 */
export function withDeliverySource(backend: ServerBackend, delivery: DeliverySource): ServerBackend {
  return {
    ...backend,
    describe: () => ({ ...backend.describe(), deliveryEvidence: [...backend.describe().deliveryEvidence, delivery.id] }),
    deliveryEvents: async (principal, email) => {
      const own = await backend.deliveryEvents(principal, email);
      if (!own.ok) return own;
      // A manager sees the provider's records only for their own team's people, like ours.
      if (principal.role.kind !== 'admin') {
        const owner = await backend.findUser(principal, email);
        if (!owner.ok) return owner;
        if (!owner.value) return ok([]);
      }
      const theirs = await delivery.deliveryEvents(email);
      if (!theirs.ok) return theirs;
      return ok(mergeDeliveryEvents(own.value, theirs.value));
    },
    invitationEvidence: async (principal, emails) => {
      const own = await backend.invitationEvidence(principal, emails);
      if (!own.ok) return own;
      // The provider answers per address: a few at a time, and for a manager only their own team's people, like ours.
      const theirs = await mapWithConcurrency(emails, providerEvidenceConcurrency, async (email) => {
        if (principal.role.kind !== 'admin') {
          const owner = await backend.findUser(principal, email);
          if (!owner.ok) return owner;
          if (!owner.value) return ok([]);
        }
        return delivery.deliveryEvents(email);
      });
      if (!theirs.ok) return theirs;
      return ok(own.value.map((entry, index) => ({ ...entry, deliveryEvents: mergeDeliveryEvents(entry.deliveryEvents, theirs.value[index] ?? []) })));
    },
    clearSuppression: async (caller, email) => {
      if (delivery.clearSuppression) {
        if (caller.principal.role.kind !== 'admin') {
          const owner = await backend.findUser(caller.principal, email);
          if (!owner.ok) return owner;
          if (!owner.value) return backend.clearSuppression(caller, email);
        }
        const cleared = await delivery.clearSuppression(email);
        if (!cleared.ok) return cleared;
      }
      return backend.clearSuppression(caller, email);
    },
    close: async () => {
      await backend.close?.();
      await delivery.close?.();
    },
  };
}
