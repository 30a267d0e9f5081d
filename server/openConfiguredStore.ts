import { join } from 'node:path';
import type { ServerConfig } from './config/loadConfig.ts';
import { lockDataDir } from './config/lockDataDir.ts';
import { readSecret } from './config/readSecret.ts';
import { openDatabase, type Store } from './store/openDatabase.ts';

/** The configured database, opened and migrated, with the link secret; the embedded folder locked to this process. */
export async function openConfiguredStore(config: ServerConfig, purpose: string): Promise<{ store: Store; secret: Buffer }> {
  if (config.databaseUrl) {
    return { store: await openDatabase({ kind: 'postgres', url: config.databaseUrl }), secret: await readSecret(config.secret, null) };
  }
  const dataDir = config.dataDir as string;
  const secret = await readSecret(config.secret, dataDir);
  const unlock = await lockDataDir(dataDir, purpose);
  try {
    const store = await openDatabase({ kind: 'embedded', dataDir: join(dataDir, 'pgdata') });
    return {
      secret,
      store: {
        ...store,
        close: async () => {
          await store.close();
          await unlock();
        },
      },
    };
  } catch (error) {
    await unlock();
    throw error;
  }
}
