import type { Kysely } from 'kysely';
import { demoSeed, type MemorySeedFactory } from '../../src/adapters/index.ts';
import type { LinkEvent } from '../../src/engine/InvitationBackend.ts';
import type { Policy } from '../../src/engine/Policy.ts';
import type { Database } from '../store/Database.ts';

/**
 * Replaces every link event with the demo seed's (Nils's link spent by his company's gateway,
 * Olga's opened in another account): the stories the wizard tells from link events, at times
 * relative to `now`. For the demo and tests; the seeded events name no token.
 */
export async function resetDemoLinkEvents(db: Kysely<Database>, options: { now: Date; policy: Policy; seed?: MemorySeedFactory }): Promise<void> {
  const events = (options.seed ?? demoSeed)(options.now.getTime(), options.policy).linkEvents ?? [];
  await db.deleteFrom('linkEvents').execute();
  if (events.length === 0) return;
  const users = new Map((await db.selectFrom('users').select(['id', 'email']).execute()).map((user) => [user.email, user.id]));
  // A batch at a time: a generated organisation brings thousands, and one statement takes at most 65,535 parameters.
  for (let start = 0; start < events.length; start += 1_000) {
    await insertLinkEvents(db, events.slice(start, start + 1_000), users);
  }
}

async function insertLinkEvents(db: Kysely<Database>, events: LinkEvent[], users: ReadonlyMap<string, string>): Promise<void> {
  await db
    .insertInto('linkEvents')
    .values(
      events.map((event) => {
        const email = event.email.toLowerCase();
        return {
          email,
          userId: users.get(email) ?? null,
          at: new Date(event.at),
          kind: event.kind,
          refusal: event.refusal ?? null,
          secondsAfterDelivery: event.secondsAfterDelivery ?? null,
          userAgent: null,
          automated: event.automated ?? false,
        };
      }),
    )
    .execute();
}
