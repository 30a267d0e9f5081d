import type { DeliveryEvent } from '../../src/engine/InvitationBackend.ts';

/** Oldest first, as the contract orders delivery evidence; events at the same instant keep their order. */
export function sortDeliveryEvents(events: DeliveryEvent[]): DeliveryEvent[] {
  return events
    .map((event, index) => ({ event, index, time: Date.parse(event.at) }))
    .sort((a, b) => a.time - b.time || a.index - b.index)
    .map(({ event }) => event);
}
