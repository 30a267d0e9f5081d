/**
 * Greylisting as real receivers do it: the first attempt of a (sender, recipient, client) triplet
 * is deferred; a retry of the same triplet at least `delayMs` later passes, and keeps passing.
 * In memory: a restarted sink greylists again, as a restarted real greylister with no database would.
 */
export function createGreylist(delayMs: number, clock: () => number = Date.now) {
  const firstSeen = new Map<string, number>();
  return {
    /** Whether this attempt may pass now; records the first attempt. */
    passes(sender: string, recipient: string, client: string): boolean {
      const key = `${sender.toLowerCase()}\u0000${recipient.toLowerCase()}\u0000${client}`;
      const seen = firstSeen.get(key);
      if (seen === undefined) {
        firstSeen.set(key, clock());
        return false;
      }
      return clock() - seen >= delayMs;
    },
  };
}
