import { sql, type Kysely } from 'kysely';
import type { BackendError } from '../../src/engine/BackendError.ts';
import type { Database } from '../store/Database.ts';

/**
 * Counts one hit in a fixed window kept in the database, so every server process shares it, and
 * says whether the limit is exceeded. One statement (an upsert), so concurrent hits never lose a count.
 */
export async function hitRateLimit(db: Kysely<Database>, bucket: string, limit: number, windowMs: number, now: Date): Promise<BackendError | null> {
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const row = await db
    .insertInto('rateBuckets')
    .values({ bucket, windowStart, count: 1 })
    .onConflict((conflict) => conflict.columns(['bucket', 'windowStart']).doUpdateSet({ count: sql`rate_buckets.count + 1` }))
    .returning('count')
    .executeTakeFirstOrThrow();
  if (row.count <= limit) return null;
  return { kind: 'rate_limited', retryAfterMs: windowStart.getTime() + windowMs - now.getTime(), message: `Too many requests: at most ${limit} in ${Math.round(windowMs / 60_000)} minutes.` };
}

/** Drops windows older than a day; called now and then, never on a request's critical path. */
export async function pruneRateBuckets(db: Kysely<Database>, now: Date): Promise<void> {
  await db.deleteFrom('rateBuckets').where('windowStart', '<', new Date(now.getTime() - 86_400_000)).execute();
}
