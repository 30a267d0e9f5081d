/**
 * The entries of an append-only log (the memory backend's delivery or link events) that concern
 * one address, oldest first, as copies. An index per log, kept beside it and brought up to date
 * with whatever was appended since the last read, makes this cost the address's own entries
 * rather than a pass over the whole log: the invite-health page reads hundreds of addresses in a
 * seed of tens of thousands of events. The logs are only ever appended to; a log that shrank is
 * indexed again from the start.
 */
export function eventsByAddress<T extends { at: string; email: string }>(log: readonly T[], address: string): T[] {
  let index = indexes.get(log) as LogIndex<T> | undefined;
  if (!index || index.indexed > log.length) {
    index = { indexed: 0, byAddress: new Map() };
    indexes.set(log, index as LogIndex<unknown>);
  }
  for (; index.indexed < log.length; index.indexed += 1) {
    const event = log[index.indexed] as T;
    const entries = index.byAddress.get(event.email);
    if (entries) entries.push(event);
    else index.byAddress.set(event.email, [event]);
  }
  // A stable sort of the address's entries in log order: same-time entries keep the order they were logged in.
  return (index.byAddress.get(address) ?? []).map((event) => ({ ...event })).sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

interface LogIndex<T> {
  indexed: number;
  byAddress: Map<string, T[]>;
}

const indexes = new WeakMap<readonly object[], LogIndex<unknown>>();
