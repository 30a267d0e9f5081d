import type { DeliveryEvent } from '../../src/engine/InvitationBackend.ts';

/** Several sources' delivery events as one log, oldest first; equal times keep each source's own order. */
export function mergeDeliveryEvents(...sources: readonly (readonly DeliveryEvent[])[]): DeliveryEvent[] {
  return sources
    .flat()
    .map((event, index) => ({ event, index }))
    .sort((a, b) => Date.parse(a.event.at) - Date.parse(b.event.at) || a.index - b.index)
    .map(({ event }) => event);
}
