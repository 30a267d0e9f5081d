import { describe, expect, it } from 'vitest';
import { err, ok, type Result } from '../../../src/engine/Result.ts';
import { mapWithConcurrency } from '../../../server/service/mapWithConcurrency.ts';

/** A call per item that resolves on the next turn, recording how many ran at once. */
function recorder(fail?: number) {
  const state = { running: 0, most: 0, started: [] as number[] };
  const run = async (item: number): Promise<Result<number>> => {
    state.started.push(item);
    state.running += 1;
    state.most = Math.max(state.most, state.running);
    await new Promise((resolve) => setTimeout(resolve, 1));
    state.running -= 1;
    return item === fail ? err({ kind: 'rate_limited', retryAfterMs: 1_000 }) : ok(item * 10);
  };
  return { state, run };
}

describe('mapWithConcurrency', () => {
  it('keeps at most the limit in flight and answers in the order of the items', async () => {
    const { state, run } = recorder();
    const items = Array.from({ length: 30 }, (_, index) => index);
    expect(await mapWithConcurrency(items, 4, run)).toEqual(ok(items.map((item) => item * 10)));
    expect(state.most).toBe(4);
  });

  it('stops starting calls at the first failure and resolves it', async () => {
    const { state, run } = recorder(2);
    const result = await mapWithConcurrency(Array.from({ length: 50 }, (_, index) => index), 2, run);
    expect(result).toEqual(err({ kind: 'rate_limited', retryAfterMs: 1_000 }));
    expect(state.started.length).toBeLessThan(6);
  });

  it('answers an empty list without calling anything', async () => {
    const { state, run } = recorder();
    expect(await mapWithConcurrency([], 4, run)).toEqual(ok([]));
    expect(state.started).toEqual([]);
  });
});
