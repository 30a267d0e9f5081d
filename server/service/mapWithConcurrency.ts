import { ok, type Result } from '../../src/engine/Result.ts';

/**
 * `run` over every item with at most `limit` calls in flight, results in the items' order. Stops
 * starting new calls at the first failure and resolves that failure (calls already running finish
 * first), so a provider that is rate-limiting us is not asked 200 more times.
 */
export async function mapWithConcurrency<T, R>(items: readonly T[], limit: number, run: (item: T) => Promise<Result<R>>): Promise<Result<R[]>> {
  const results: R[] = new Array(items.length);
  let next = 0;
  let failure: Result<R[]> | null = null;
  const worker = async () => {
    while (failure === null && next < items.length) {
      const index = next;
      next += 1;
      const result = await run(items[index] as T);
      if (!result.ok) failure ??= result;
      else results[index] = result.value;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return failure ?? ok(results);
}
