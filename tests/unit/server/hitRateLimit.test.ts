import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hitRateLimit, pruneRateBuckets } from '../../../server/service/hitRateLimit.ts';
import type { Store } from '../../../server/store/openDatabase.ts';
import { openTestStore } from '../../support/startTestServer.ts';

describe('hitRateLimit', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore();
  }, 120_000);
  afterAll(() => store.close());
  const minute = 60_000;
  const at = (ms: number) => new Date(Date.parse('2025-03-10T09:00:00.000Z') + ms);

  it('allows the limit in a window, then refuses with the time left in that window', async () => {
    for (let hit = 0; hit < 3; hit += 1) expect(await hitRateLimit(store.db, 'test:a', 3, minute, at(hit * 1_000))).toBeNull();
    expect(await hitRateLimit(store.db, 'test:a', 3, minute, at(20_000))).toMatchObject({ kind: 'rate_limited', retryAfterMs: 40_000 });
    expect(await hitRateLimit(store.db, 'test:a', 3, minute, at(minute))).toBeNull();
    expect(await hitRateLimit(store.db, 'test:b', 3, minute, at(20_000))).toBeNull();
  });

  it('counts every one of many concurrent hits', async () => {
    const results = await Promise.all(Array.from({ length: 50 }, () => hitRateLimit(store.db, 'test:concurrent', 10, minute, at(0))));
    expect(results.filter((result) => result === null)).toHaveLength(10);
  });

  it('prunes windows older than a day and keeps the rest', async () => {
    await hitRateLimit(store.db, 'test:old', 1, minute, at(0));
    await hitRateLimit(store.db, 'test:new', 1, minute, at(2 * 86_400_000));
    await pruneRateBuckets(store.db, at(2 * 86_400_000));
    const buckets = await store.db.selectFrom('rateBuckets').select('bucket').execute();
    expect(buckets.map((row) => row.bucket)).toEqual(['test:new']);
  });
});
